import type { Metadata, Viewport } from "next";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { THEME_SCRIPT_PATH } from "@/components/layout/theme";
import { env } from "@/lib/env";
import "./globals.css";

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(env().siteUrl),
    title: { default: "Persona Market — AI personas to talk to", template: "%s · Persona Market" },
    description:
      "Browse expert AI personas for development, data, design, writing and more, and chat with them.",
    openGraph: { siteName: "Persona Market", type: "website" },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The head script may add a theme class before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* A file, not inline: the CSP runs no inline script but Next's own. Blocking on purpose. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts */}
        <script src={THEME_SCRIPT_PATH} />
      </head>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
