/**
 * A process that uses the app's own database client (DATABASE_PATH), keeps writing, and stops on
 * SIGTERM/SIGINT through installShutdownFlush, for the clean-stop test. Says "ready" after its
 * first write. Run with tsx and `--conditions=react-server`.
 */
import { installShutdownFlush } from "@/lib/chat/runs";
import { getDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/queries/users";

installShutdownFlush();
let n = 0;
const write = () =>
  void createUser({ db: getDb(), email: `shutdown-${++n}@example.com`, passwordHash: null });
write();
process.stdout.write("ready\n");
setInterval(write, 20);
