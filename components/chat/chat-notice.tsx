import Link from "next/link";
import type { Notice } from "./chat-types";

/** What went wrong with the last request, in words, with the way on where there is one. */
export function ChatNotice({ notice, personaId }: { notice: Notice; personaId: string }) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100"
      data-testid="chat-error"
    >
      <p>{notice.message}</p>
      {notice.code === "forbidden" && (
        <p className="mt-1">
          <Link href="/pricing" className="underline">
            See plans
          </Link>{" "}
          ·{" "}
          <Link href="/account#redeem" className="underline">
            Redeem a code
          </Link>{" "}
          ·{" "}
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(`/chat?persona=${personaId}`)}`}
            className="underline"
          >
            Sign in
          </Link>
        </p>
      )}
      {notice.code === "rate_limited" && (
        <p className="mt-1">
          <Link href="/pricing" className="underline">
            Upgrade for more messages
          </Link>
        </p>
      )}
    </div>
  );
}
