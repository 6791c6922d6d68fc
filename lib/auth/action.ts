import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getViewer, type Viewer } from "./viewer";
import { fieldErrors } from "./validation";
import { AppError } from "@/lib/errors";
import { formArgument } from "@/lib/http/form-argument";
import { log } from "@/lib/log";

/** What a form's server action answers (`useActionState`): a message, per-field errors, or both. */
export type ActionState = { ok?: boolean; message?: string; fields?: Record<string, string> };

type ViewerRule =
  /** Anyone, signed in or not (`viewer` may be null). */
  | "optional"
  /** A signed-out caller gets `{ ok: false, message }` with this message. */
  | { signedOut: string }
  /** A signed-out caller is sent here (a path). */
  | { redirect: string };

export type ActionOptions<Input> = {
  viewer: ViewerRule;
  /** The form's fields, parsed: a bad one answers `{ ok: false, fields }` (or `invalid`) before the body runs. */
  schema?: z.ZodType<Input>;
  /** One message for any bad input, instead of per-field errors. */
  invalid?: string;
  /** The message for an error that is not an AppError (default: it is thrown, to the error page). */
  failed?: string;
};

type Signed<V extends ViewerRule> = V extends "optional" ? Viewer | null : Viewer;

/**
 * The one wrapper for server actions: the form is checked to be a form (else 404), the viewer read
 * and required unless `viewer: "optional"`, the fields parsed with zod, then the action body runs.
 * An AppError it throws becomes `{ ok: false, message }`, or `{ ok: false, fields }` when it names
 * fields (`details`); redirect() and notFound() pass through.
 *
 * @example
 * export const renameAction = action(
 *   { viewer: { signedOut: "Sign in again to rename it." }, schema: z.object({ title: titleSchema }) },
 *   async ({ input, viewer }) => ({ ok: true, message: await rename(viewer.id, input.title) }),
 * );
 */
export function action<Input, State extends ActionState, V extends ViewerRule>(
  options: ActionOptions<Input> & { viewer: V },
  body: (context: { input: Input; viewer: Signed<V>; form: FormData }) => Promise<State>,
): (previous: State, form: FormData) => Promise<State> {
  return async (_previous: State, rawForm: FormData): Promise<State> => {
    const form = formArgument(rawForm);
    const viewer = await getViewer();
    const rule: ViewerRule = options.viewer;
    if (!viewer && rule !== "optional") {
      if ("redirect" in rule) redirect(rule.redirect);
      return { ok: false, message: rule.signedOut } as State;
    }
    let input = undefined as Input;
    if (options.schema) {
      const parsed = options.schema.safeParse(formFields(form));
      if (!parsed.success) {
        return (
          options.invalid
            ? { ok: false, message: options.invalid }
            : { ok: false, fields: fieldErrors(parsed.error) }
        ) as State;
      }
      input = parsed.data;
    }
    try {
      return await body({ input, viewer: viewer as Signed<V>, form });
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        return (
          error.details ? { ok: false, fields: error.details } : { ok: false, message: error.message }
        ) as State;
      }
      if (!options.failed) throw error;
      log.error({ err: error }, "action.failed");
      return { ok: false, message: options.failed } as State;
    }
  };
}

/** A form's fields as a plain object, the first value of each name (Next's own `$ACTION…` fields left out). */
export function formFields(form: FormData): Record<string, FormDataEntryValue> {
  const out: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of form.entries())
    if (!key.startsWith("$ACTION") && !(key in out)) out[key] = value;
  return out;
}
