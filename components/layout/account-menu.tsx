"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { useDismiss } from "@/components/ui/use-dismiss";
import { SITE_LINKS } from "./site-links";

const item =
  "flex min-h-10 w-full items-center rounded-lg px-3 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800";

/** The narrow screen's header menu: the site's places and the viewer's account in one button. */
export function AccountMenu({ signedIn }: { signedIn: boolean }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [seenPath, setSeenPath] = useState(pathname);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, box, button);
  if (seenPath !== pathname) {
    setSeenPath(pathname);
    setOpen(false);
  }
  return (
    <div ref={box} className="relative sm:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="account-menu"
        data-menu-button=""
        onClick={() => setOpen((o) => !o)}
        className="min-h-10 rounded-lg border border-zinc-300 px-3 text-sm font-medium dark:border-zinc-700"
      >
        Menu
      </button>
      {/* Always in the page, hidden when closed: public/visitor.js opens it on a page served without React. */}
      <ul
        hidden={!open}
        id="account-menu"
        aria-label="Menu"
        className="absolute right-0 top-full z-50 mt-2 flex w-52 flex-col gap-1 rounded-xl border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
      >
        {SITE_LINKS.map(({ href, label }) => (
          <li key={href}>
            <Link href={href} className={item}>
              {label}
            </Link>
          </li>
        ))}
        {signedIn ? (
          <>
            <li>
              <Link href="/account" className={item}>
                Account
              </Link>
            </li>
            <li>
              <SignOutButton className={item} />
            </li>
          </>
        ) : (
          <>
            <li>
              <Link href="/sign-in" className={item}>
                Sign in
              </Link>
            </li>
            <li>
              <Link href="/sign-up" className={item}>
                Sign up
              </Link>
            </li>
          </>
        )}
      </ul>
    </div>
  );
}
