import { z } from "zod";

// zod compiles object schemas with `new Function` when it may; the CSP forbids eval, and the
// browser reports every refused attempt. The AI SDK's stream parsing uses zod in the chat client.
z.config({ jitless: true });
