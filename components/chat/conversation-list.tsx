"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { apiError, callApi } from "./api-error";
import { onConversationsChanged } from "./conversation-events";

export type ConversationItem = {
  id: string;
  personaId: string;
  title: string;
  updatedAt: string;
  avatar?: string;
  /** Pinned: listed first, under "Pinned". */
  pinned?: boolean;
};
type Page = { items: ConversationItem[]; next: string | null };

function groupOf(iso: string, now = new Date()): string {
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  const days = Math.round((day(now) - day(new Date(iso))) / 86_400_000);
  if (days <= 0) return "Today";
  if (days === 1) return "Yesterday";
  if (days < 7) return "Previous 7 days";
  if (days < 30) return "Previous 30 days";
  return "Older";
}

const smallButton = "inline-flex min-h-6 min-w-6 items-center justify-center rounded px-2 py-1 text-xs";

/** The viewer's conversations: pinned first, then newest first grouped by day; older pages load as the list is scrolled. */
export function ConversationList({
  initial,
  next: initialNext,
}: {
  initial: ConversationItem[];
  next: string | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const currentId = /^\/chat\/([^/]+)$/.exec(pathname)?.[1];
  const [items, setItems] = useState(initial);
  const [next, setNext] = useState(initialNext);
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [seen, setSeen] = useState(initial);
  const loading = useRef(false);
  const end = useRef<HTMLLIElement>(null);
  if (seen !== initial) {
    // The server sent a fresh first page (router.refresh): start over from it.
    setSeen(initial);
    setItems(initial);
    setNext(initialNext);
  }

  const loadMore = useCallback(async () => {
    if (!next || loading.current) return;
    loading.current = true;
    try {
      const page = (await callApi(`/api/conversations?before=${encodeURIComponent(next)}`, {
        method: "GET",
      })) as Page;
      setItems((current) => [...current, ...page.items.filter((p) => !current.some((c) => c.id === p.id))]);
      setNext(page.next);
    } catch (e) {
      setProblem(apiError(e).message);
    } finally {
      loading.current = false;
    }
  }, [next]);

  useEffect(
    () =>
      onConversationsChanged(async () => {
        try {
          const page = (await callApi("/api/conversations", { method: "GET" })) as Page;
          setItems(page.items);
          setNext(page.next);
        } catch {
          // The list stays as it was; the next change or a reload brings it up to date.
        }
      }),
    [],
  );

  useEffect(() => {
    const el = end.current;
    if (!el || !next) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void loadMore();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [next, loadMore]);

  async function rename(id: string, title: string) {
    if (!title.trim()) {
      setProblem("A title can't be blank. Type a title, or press Cancel to keep the old one.");
      return;
    }
    try {
      await callApi(`/api/conversations/${id}`, { method: "PATCH", body: JSON.stringify({ title }) });
      setItems((current) => current.map((c) => (c.id === id ? { ...c, title: title.trim() } : c)));
      setEditing(null);
      setProblem(null);
      router.refresh();
    } catch (e) {
      setProblem(apiError(e).message);
    }
  }

  async function pin(item: ConversationItem) {
    try {
      await callApi(`/api/conversations/${item.id}/pin`, {
        method: "PUT",
        body: JSON.stringify({ pinned: !item.pinned }),
      });
      setProblem(null);
      const page = (await callApi("/api/conversations", { method: "GET" })) as Page;
      setItems(page.items);
      setNext(page.next);
    } catch (e) {
      setProblem(apiError(e).message);
    }
  }

  async function remove(item: ConversationItem) {
    if (!window.confirm(`Delete “${item.title}”? This cannot be undone.`)) return;
    try {
      await callApi(`/api/conversations/${item.id}`, { method: "DELETE" });
      setItems((current) => current.filter((c) => c.id !== item.id));
      if (currentId === item.id) router.push("/chat");
      router.refresh();
    } catch (e) {
      setProblem(apiError(e).message);
    }
  }

  if (items.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No conversations yet. Pick a persona and say hello.
      </p>
    );
  }
  const group = (item: ConversationItem) => (item.pinned ? "Pinned" : groupOf(item.updatedAt));
  const rows = items.map((item, i) => ({
    item,
    header: i === 0 || group(items[i - 1]!) !== group(item) ? group(item) : null,
  }));
  return (
    <div className="flex flex-col gap-1">
      {problem && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {problem}
        </p>
      )}
      <ul className="flex flex-col gap-1" data-testid="conversation-list">
        {rows.map(({ item, header }) => {
          const current = currentId === item.id;
          return (
            <li key={item.id} data-testid="conversation-item">
              {header && (
                <p className="mt-2 px-2 text-xs font-semibold text-zinc-600 dark:text-zinc-400">{header}</p>
              )}
              {editing === item.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void rename(item.id, String(new FormData(e.currentTarget).get("title") ?? ""));
                  }}
                  className="flex gap-1"
                >
                  <label htmlFor={`rename-${item.id}`} className="sr-only">
                    New title
                  </label>
                  <input
                    id={`rename-${item.id}`}
                    name="title"
                    defaultValue={item.title}
                    maxLength={120}
                    autoFocus
                    className="min-w-0 flex-1 rounded border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                  />
                  <button
                    type="submit"
                    className="min-h-6 rounded px-2 text-sm text-indigo-700 dark:text-indigo-300"
                  >
                    Save
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      setEditing(null);
                      setProblem(null);
                    }}
                    className="min-h-6 rounded px-2 text-sm"
                  >
                    Cancel
                  </button>
                </form>
              ) : (
                <div
                  className={`group relative flex items-center gap-1 rounded-lg px-2 py-1.5 text-sm ${current ? "bg-indigo-50 dark:bg-indigo-950" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
                >
                  <Link
                    href={`/chat/${item.id}`}
                    aria-current={current ? "page" : undefined}
                    className="flex min-h-6 min-w-0 flex-1 items-center gap-2"
                  >
                    <span aria-hidden="true">{item.avatar ?? "💬"}</span>
                    <span className="truncate">{item.title}</span>
                  </Link>
                  {/* With a mouse they show over the title's end on hover or focus, so titles get the room. */}
                  <span className="flex items-center gap-1 [@media(hover:hover)]:opacity-0 [@media(hover:hover)]:group-hover:opacity-100 [@media(hover:hover)]:group-focus-within:opacity-100 [@media(hover:hover)]:absolute [@media(hover:hover)]:right-1 [@media(hover:hover)]:rounded [@media(hover:hover)]:bg-white/95 dark:[@media(hover:hover)]:bg-zinc-900/95">
                    <button
                      type="button"
                      onClick={() => void pin(item)}
                      className={`${smallButton} text-zinc-600 hover:text-zinc-900 dark:text-zinc-400`}
                      aria-label={`${item.pinned ? "Unpin" : "Pin"} ${item.title}`}
                    >
                      {item.pinned ? "Unpin" : "Pin"}
                    </button>
                    <button
                      type="button"
                      onClick={() => setEditing(item.id)}
                      className={`${smallButton} text-zinc-600 hover:text-zinc-900 dark:text-zinc-400`}
                      aria-label={`Rename ${item.title}`}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      onClick={() => remove(item)}
                      className={`${smallButton} text-rose-700 hover:text-rose-900 dark:text-rose-400`}
                      aria-label={`Delete ${item.title}`}
                    >
                      Delete
                    </button>
                  </span>
                </div>
              )}
            </li>
          );
        })}
        <li ref={end} aria-hidden="true" className="h-px" />
      </ul>
      {next && (
        <button
          type="button"
          onClick={loadMore}
          className="mt-2 rounded-lg border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
        >
          Older conversations
        </button>
      )}
    </div>
  );
}
