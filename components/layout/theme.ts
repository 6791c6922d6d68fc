export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_KEY = "pm-theme";

/** Served from public/ and loaded by a blocking <script src> in <head> (theme.test.ts keeps it equal to THEME_SCRIPT). */
export const THEME_SCRIPT_PATH = "/theme-init.js";

/**
 * Runs in <head> before the page paints: the stored choice becomes html's class at once, so a
 * dark page never flashes light. "system" sets no class and leaves it to prefers-color-scheme.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem("${THEME_KEY}");if(t==="light"||t==="dark")document.documentElement.classList.add(t)}catch{}`;

export function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  if (theme !== "system") root.classList.add(theme);
}
