"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * The chat's frame: the conversation list beside the chat on a wide screen, and in a drawer behind
 * a "Chats" button on a narrow one, so the chat has the whole height of a phone.
 */
export function ChatShell({ sidebar, children }: { sidebar: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [seenPath, setSeenPath] = useState(pathname);
  const opener = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  if (seenPath !== pathname) {
    setSeenPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        opener.current?.focus();
      } else if (e.key === "Tab" && panel.current) trapTab(e, panel.current);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div data-chat-shell className="flex min-h-0 flex-1 gap-6">
      <aside
        id="chat-drawer"
        data-testid="chat-drawer"
        data-open={open || undefined}
        className={`${open ? "fixed inset-0 z-40 flex" : "hidden"} lg:static lg:z-auto lg:flex lg:w-64 lg:shrink-0`}
      >
        <div
          ref={panel}
          tabIndex={-1}
          {...(open && { role: "dialog", "aria-modal": true, "aria-label": "Chats" })}
          className="flex w-80 max-w-[85vw] flex-col gap-3 overflow-y-auto bg-zinc-50 p-4 shadow-xl outline-none lg:w-full lg:max-w-none lg:bg-transparent lg:p-0 lg:shadow-none dark:bg-zinc-950 lg:dark:bg-transparent"
        >
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              opener.current?.focus();
            }}
            className="min-h-11 self-end rounded-lg border border-zinc-300 px-3 text-sm font-medium lg:hidden dark:border-zinc-700"
          >
            Close
          </button>
          {sidebar}
        </div>
        <div aria-hidden="true" className="flex-1 bg-black/40 lg:hidden" onClick={() => setOpen(false)} />
      </aside>
      <section className="relative flex min-h-0 min-w-0 flex-1 flex-col gap-2">
        <button
          ref={opener}
          type="button"
          aria-expanded={open}
          aria-controls="chat-drawer"
          onClick={() => setOpen(true)}
          className="absolute right-0 top-0 z-10 min-h-10 rounded-lg border border-zinc-300 bg-zinc-50 px-3 text-sm font-medium lg:hidden dark:border-zinc-700 dark:bg-zinc-950"
        >
          <span aria-hidden="true">☰</span> Chats
        </button>
        {children}
      </section>
    </div>
  );
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** While the drawer is open, Tab and Shift+Tab go round inside it (it covers the page: a modal). */
function trapTab(e: KeyboardEvent, panel: HTMLElement) {
  const items = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  const inside = active instanceof Node && panel.contains(active);
  if (e.shiftKey && (active === first || active === panel || !inside)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !inside)) {
    e.preventDefault();
    first.focus();
  }
}
