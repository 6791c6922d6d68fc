import { notFound } from "next/navigation";

/**
 * A server action's form, as the app's own forms send it. Anything else (a hand-made request with
 * other arguments) gets the not-found answer, a 404: Next lets an action answer no other 4xx.
 */
export function formArgument(value: unknown): FormData {
  if (value instanceof FormData) return value;
  notFound();
}
