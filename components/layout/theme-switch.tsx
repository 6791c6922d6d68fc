"use client";

import { useSyncExternalStore } from "react";
import { applyTheme, THEME_KEY, THEMES, type Theme } from "./theme";

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}
function stored(): Theme {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return THEMES.find((t) => t === value) ?? "system";
  } catch {
    return "system";
  }
}

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** System, light or dark; remembered in this browser (the head script applies it before paint). */
export function ThemeSwitch() {
  const theme = useSyncExternalStore(subscribe, stored, () => "system" as Theme);
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">Theme</span>
      <select
        data-theme-switch=""
        value={theme}
        onChange={(e) => {
          const next = e.target.value as Theme;
          try {
            if (next === "system") localStorage.removeItem(THEME_KEY);
            else localStorage.setItem(THEME_KEY, next);
          } catch {
            // Storage refused (private mode): the choice lasts for this page only.
          }
          applyTheme(next);
          for (const l of listeners) l();
        }}
        className="min-h-8 rounded-lg border border-zinc-300 bg-white px-1.5 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </label>
  );
}
