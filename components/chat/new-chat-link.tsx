"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";

/** "New chat" with the persona of the chat on screen; the gallery when there is none. */
export function NewChatLink({ personaOf }: { personaOf: Record<string, string> }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const id = /^\/chat\/([^/]+)$/.exec(pathname)?.[1];
  const current = (id && personaOf[id]) || params.get("persona");
  // A new chat takes its /chat/<id> address after the first reply, before this list knows the id:
  // the persona it was started with still holds.
  const [remembered, setRemembered] = useState<string | null>(null);
  if (current && current !== remembered) setRemembered(current);
  const persona = current || (id ? remembered : null);
  const href = persona && /^[a-z0-9-]{1,64}$/.test(persona) ? `/chat?persona=${persona}` : "/";
  return (
    <Link
      href={href}
      className="inline-flex min-h-6 items-center text-sm text-indigo-700 underline dark:text-indigo-300"
    >
      New chat
    </Link>
  );
}
