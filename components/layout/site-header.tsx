import Link from "next/link";
import { AccountMenu } from "@/components/layout/account-menu";
import { SITE_LINKS } from "@/components/layout/site-links";
import { ThemeSwitch } from "@/components/layout/theme-switch";
import { TierBadge } from "@/components/ui/tier-badge";
import { getViewer } from "@/lib/auth/viewer";

const link = "text-zinc-700 hover:text-indigo-700 dark:text-zinc-300 dark:hover:text-indigo-300";

export async function SiteHeader() {
  const viewer = await getViewer();
  return (
    <header className="relative z-30 border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-2 sm:py-3">
        <Link href="/" className="flex items-center gap-2 font-bold text-zinc-900 dark:text-zinc-50">
          <span aria-hidden="true" className="text-2xl">
            🎭
          </span>
          Persona Market
        </Link>
        <div className="flex items-center gap-2 sm:hidden">
          <ThemeSwitch />
          <AccountMenu signedIn={Boolean(viewer)} />
        </div>
        <div className="hidden items-center gap-4 sm:flex">
          <nav aria-label="Main">
            <ul className="flex items-center gap-4 whitespace-nowrap text-sm">
              {SITE_LINKS.map(({ href, label }) => (
                <li key={href}>
                  <Link href={href} className={link}>
                    {label}
                  </Link>
                </li>
              ))}
              {viewer ? (
                <li>
                  <Link
                    href="/account"
                    className={`${link} flex items-center gap-2`}
                    data-testid="account-link"
                  >
                    <span className="hidden max-w-40 truncate sm:inline">{viewer.email}</span>
                    <span className="sm:hidden">Account</span>
                    <TierBadge tier={viewer.tier} />
                  </Link>
                </li>
              ) : (
                <>
                  <li>
                    <Link href="/sign-in" className={link}>
                      Sign in
                    </Link>
                  </li>
                  <li>
                    <Link
                      href="/sign-up"
                      className="rounded-lg bg-indigo-600 px-3 py-1.5 font-semibold text-white hover:bg-indigo-700"
                    >
                      Sign up
                    </Link>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <ThemeSwitch />
        </div>
      </div>
    </header>
  );
}
