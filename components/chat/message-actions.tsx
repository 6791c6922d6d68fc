"use client";

import { useState } from "react";
import type { VersionView } from "@/lib/chat/conversation-view";

const action =
  "inline-flex min-h-6 min-w-6 items-center justify-center rounded px-2 py-0.5 text-xs text-zinc-700 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800";
// Shown on hover or focus with a mouse; always on a touch screen, which has no hover.
const quiet =
  "[@media(hover:hover)]:opacity-0 [@media(hover:hover)]:group-hover:opacity-100 [@media(hover:hover)]:group-focus-within:opacity-100";

function clock(iso: string): { short: string; full: string } | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return {
    short: at.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" }),
    full: at.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }),
  };
}

/** ‹ 2/3 ›: the versions of one turn, oldest first. */
function VersionSwitch({ ids, at, onChoose }: { ids: string[]; at: number; onChoose: (id: string) => void }) {
  return (
    <div className="flex items-center text-xs text-zinc-700 dark:text-zinc-300" data-testid="versions">
      <button
        type="button"
        className={action}
        disabled={at === 0}
        aria-label="Previous version"
        onClick={() => onChoose(ids[at - 1]!)}
      >
        ‹
      </button>
      <span aria-live="polite">
        <span className="sr-only">Version </span>
        {at + 1}/{ids.length}
      </span>
      <button
        type="button"
        className={action}
        disabled={at === ids.length - 1}
        aria-label="Next version"
        onClick={() => onChoose(ids[at + 1]!)}
      >
        ›
      </button>
    </div>
  );
}

/** Under a message: versions ‹ 1/3 ›, copy, edit, and when it was written. */
export function MessageActions({
  text,
  createdAt,
  versions,
  currentId,
  onChooseVersion,
  branches,
  onChooseBranch,
  onEdit,
  align,
}: {
  text: string;
  createdAt?: string;
  versions?: VersionView[];
  currentId: string;
  onChooseVersion?: (id: string) => void;
  /** This turn's versions by id (from the server), for a turn other than the last reply. */
  branches?: string[];
  onChooseBranch?: (id: string) => void;
  onEdit?: () => void;
  align: "start" | "end";
}) {
  const [copied, setCopied] = useState(false);
  const time = createdAt ? clock(createdAt) : null;
  const at = versions ? versions.findIndex((v) => v.id === currentId) : -1;
  return (
    <div className={`flex flex-wrap items-center gap-1 ${align === "end" ? "justify-end" : ""}`}>
      {versions && versions.length > 1 && at >= 0 && onChooseVersion ? (
        <VersionSwitch ids={versions.map((v) => v.id)} at={at} onChoose={onChooseVersion} />
      ) : (
        branches &&
        branches.length > 1 &&
        branches.includes(currentId) &&
        onChooseBranch && (
          <VersionSwitch ids={branches} at={branches.indexOf(currentId)} onChoose={onChooseBranch} />
        )
      )}
      <div className={`flex items-center gap-1 ${quiet}`}>
        {text && (
          <button
            type="button"
            className={action}
            aria-label={copied ? "Copied" : align === "end" ? "Copy message" : "Copy reply"}
            onClick={async () => {
              await navigator.clipboard.writeText(text);
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            }}
          >
            {copied ? "Copied" : "Copy"}
          </button>
        )}
        {onEdit && (
          <button type="button" className={action} onClick={onEdit}>
            Edit
          </button>
        )}
        {time && (
          <time
            dateTime={createdAt}
            title={time.full}
            className="px-1 text-xs text-zinc-600 dark:text-zinc-400"
            suppressHydrationWarning
          >
            {time.short}
          </time>
        )}
      </div>
    </div>
  );
}
