import { z } from "zod";
import { PERSONA_ID, PERSONA_ID_MAX } from "@/lib/personas/schema";

export const MESSAGE_MAX = 8000;
export const BODY_MAX_BYTES = 64 * 1024;

const personaId = z.string().regex(PERSONA_ID, "must be a persona id").max(PERSONA_ID_MAX);
export const conversationIdSchema = z.uuid({ error: "must be a conversation id" });

export const chatRequestSchema = z
  .strictObject({
    conversationId: conversationIdSchema.optional(),
    personaId: personaId.optional(),
    message: z
      .string({ error: "must be text" })
      .trim()
      .min(1, "must not be empty")
      .max(MESSAGE_MAX, `must be at most ${MESSAGE_MAX} characters`)
      .optional(),
    /** edit: the message replaces the conversation's last message of the user's, and is answered anew. */
    trigger: z
      .enum(["submit", "regenerate", "edit"], { error: "must be submit, regenerate or edit" })
      .default("submit"),
  })
  .superRefine((v, ctx) => {
    if (!v.conversationId && !v.personaId)
      ctx.addIssue({ code: "custom", path: ["personaId"], message: "is required to start a conversation" });
    if (v.trigger !== "regenerate" && v.message === undefined)
      ctx.addIssue({ code: "custom", path: ["message"], message: "is required" });
    if (v.trigger !== "submit" && !v.conversationId) {
      ctx.addIssue({ code: "custom", path: ["conversationId"], message: `is required to ${v.trigger}` });
    }
  });
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export const renameSchema = z.strictObject({
  title: z
    .string({ error: "must be text" })
    .trim()
    .min(1, "must not be empty")
    .max(120, "must be at most 120 characters"),
});

export const handoffSchema = z.strictObject({ personaId });

export const chooseVersionSchema = z.strictObject({ messageId: z.uuid({ error: "must be a message id" }) });
