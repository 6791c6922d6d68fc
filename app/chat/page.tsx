import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Markdown } from "@/components/personas/markdown";
import { getCatalog } from "@/lib/personas";

export const metadata: Metadata = { title: "Chat", robots: { index: false } };

const paramsSchema = z.object({ persona: z.string().max(64).optional() });

/** Where "Start chat" leads until conversations exist: honest about it, and a way on. */
export default async function ChatPage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const parsed = paramsSchema.safeParse(await searchParams);
  const persona = parsed.success && parsed.data.persona ? getCatalog().byId.get(parsed.data.persona) : undefined;
  if (parsed.success && parsed.data.persona && !persona) notFound();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold">{persona ? `Chat with ${persona.name}` : "Chat"}</h1>
      {persona && (
        <div className="flex gap-3">
          <span className="text-2xl" aria-hidden="true">{persona.avatar}</span>
          <div className="rounded-2xl rounded-tl-sm bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
            <Markdown>{persona.greeting}</Markdown>
          </div>
        </div>
      )}
      <div role="status" className="rounded-xl border border-indigo-200 bg-indigo-50 p-4 text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-100">
        <p className="font-semibold">Conversations are not open yet.</p>
        <p className="mt-1 text-sm">
          Live, streamed chat with every persona is the next thing we ship. Until then you can read each persona&apos;s
          instructions and starters on its page.
        </p>
      </div>
      <Link href={persona ? `/personas/${persona.id}` : "/"} className="text-indigo-700 underline dark:text-indigo-300">
        {persona ? `Back to ${persona.name}` : "Browse personas"}
      </Link>
    </div>
  );
}
