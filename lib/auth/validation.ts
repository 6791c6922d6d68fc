import { z } from "zod";

/** At least 8 characters, no composition rules; long passphrases are welcome and never cut short. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 1024;

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like you@example.com." }));

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  // Control characters never belong in a name, and PostgreSQL cannot store a NUL in text at all.
  name: z
    .string()
    .trim()
    .max(80, "Use at most 80 characters.")
    .regex(/^[^\u0000-\u001f\u007f]*$/, "Use letters, not control characters.")
    .optional(),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });

export const redeemSchema = z.object({
  code: z
    .string({ error: "Enter a code." })
    .trim()
    .toUpperCase()
    .min(1, "Enter a code.")
    .max(64, "That code is too long."),
});

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "form")] ??= issue.message;
  return out;
}
