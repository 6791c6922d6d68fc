import Link from "next/link";
import type { ConversationVersionInfo } from "@/lib/personas/versions-conversation";
import { SwitchVersionButton } from "./switch-version-button";

/** Above a conversation: the version it talks to, a newer one with its changelog, or why it cannot go on. */
export function VersionNotice({
  conversationId,
  personaId,
  info,
}: {
  conversationId: string;
  personaId: string;
  info: ConversationVersionInfo;
}) {
  const last = info.switches.at(-1);
  const history = (
    <Link href={`/personas/${personaId}/versions`} className="underline">
      version history
    </Link>
  );
  if (info.unpublished)
    return (
      <div
        role="status"
        className="rounded-lg bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
        data-testid="version-unpublished"
      >
        Version {info.version} was unpublished by a moderator
        {info.unpublished.reason ? `: ${info.unpublished.reason}` : ""}. This conversation stays readable but
        cannot continue on it.{" "}
        {info.newer && <SwitchVersionButton conversationId={conversationId} version={info.newer.version} />}
      </div>
    );
  if (info.newer)
    return (
      <div
        role="status"
        className="flex flex-col gap-1 rounded-lg bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        data-testid="version-newer"
      >
        <p>
          This conversation talks to version {info.version}. Version {info.newer.version} is out
          {info.newer.changelog ? `: ${info.newer.changelog}` : "."} ({history})
        </p>
        <p>
          <SwitchVersionButton conversationId={conversationId} version={info.newer.version} />
        </p>
      </div>
    );
  if (!info.version) return null;
  return (
    <p className="text-xs text-zinc-700 dark:text-zinc-300" data-testid="version-current">
      Version {info.version}
      {last &&
        ` · switched from ${last.fromVersion ?? "an earlier version"} on ${last.at.slice(0, 10)}`} · {history}
    </p>
  );
}
