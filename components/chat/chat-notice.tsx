import Link from "next/link";
import type { ChatViewer, Notice } from "./chat-types";

const link = "underline";

/** "1:00 AM" (or the reader's own way of writing times), and the day if it is not today. */
function localTime(iso: string): string | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const sameDay = at.toDateString() === new Date().toDateString();
  return at.toLocaleString(undefined, {
    hour: "numeric",
    minute: "2-digit",
    ...(sameDay ? {} : { weekday: "long" }),
  });
}

/** What went wrong with the last request, in plain words, with the way on where there is one. */
export function ChatNotice({
  notice,
  persona,
  viewer,
  draft,
  conversationId,
}: {
  notice: Notice;
  persona: { id: string; name: string };
  viewer: ChatViewer;
  draft: string;
  conversationId: string | null;
}) {
  const here = conversationId ? `/chat/${conversationId}` : `/chat?persona=${persona.id}`;
  const quota = notice.code === "rate_limited" && notice.fields?.resetAt ? notice.fields : null;
  const gone = notice.code === "not_found" && conversationId;
  let message = notice.message;
  if (quota) {
    const at = localTime(quota.resetAt!);
    message = `You've used all ${quota.limit} of today's messages.${at ? ` They come back at ${at} (your time).` : ""}`;
  } else if (gone) {
    message = "This conversation was deleted, perhaps in another tab. Your message is still in the box.";
  }
  return (
    <div
      role="alert"
      className="rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100"
      data-testid="chat-error"
    >
      <p>{message}</p>
      {gone && (
        <p className="mt-1">
          <Link
            href={`/chat?persona=${persona.id}${draft ? `&prompt=${encodeURIComponent(draft.slice(0, 8000))}` : ""}`}
            className={link}
          >
            Start a new chat with {persona.name}
          </Link>
        </p>
      )}
      {notice.code === "forbidden" && (
        <p className="mt-1">
          <Link href="/pricing" className={link}>
            See plans
          </Link>{" "}
          ·{" "}
          <Link href="/account#redeem" className={link}>
            Redeem a code
          </Link>
          {viewer.kind !== "user" && (
            <>
              {" "}
              ·{" "}
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={link}>
                Sign in
              </Link>
            </>
          )}
        </p>
      )}
      {notice.code === "rate_limited" &&
        (viewer.kind === "user" ? (
          <p className="mt-1">
            <Link href="/pricing" className={link}>
              Upgrade for more messages
            </Link>
          </p>
        ) : (
          <p className="mt-1">
            <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`} className={link}>
              Create a free account
            </Link>{" "}
            for {viewer.freeDailyMessages} messages a day; your conversations come with you.
          </p>
        ))}
    </div>
  );
}
