import { modelLabel } from "@/lib/chat/provider";

/** Says which model writes the replies, so nobody mistakes a small local model for a large one. */
export function ModelNote() {
  const label = modelLabel();
  if (!label) return null;
  return (
    <p className="mt-2 text-center text-xs text-zinc-600 dark:text-zinc-400" data-testid="model-note">
      Replies from {label}
    </p>
  );
}
