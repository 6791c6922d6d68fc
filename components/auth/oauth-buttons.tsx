"use client";

import { signIn } from "next-auth/react";

const LABELS: Record<string, string> = { github: "Continue with GitHub", google: "Continue with Google" };

export function OAuthButtons({ providers, callbackUrl }: { providers: string[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      {providers.map((id) => (
        <button
          key={id}
          type="button"
          onClick={() => signIn(id, { callbackUrl })}
          className="rounded-lg border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {LABELS[id] ?? id}
        </button>
      ))}
      <p className="text-center text-xs text-zinc-600 dark:text-zinc-400">or with your email</p>
    </div>
  );
}
