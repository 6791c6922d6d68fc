import type { ExportFormat } from "@/lib/formats/types";

const LINKS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: "claude-code", label: "Claude Code agent", hint: ".md" },
  { format: "card-v3", label: "Character Card V3", hint: ".json" },
  { format: "card-v3-png", label: "Character Card V3", hint: ".png" },
  { format: "lobehub", label: "LobeHub agent", hint: ".json" },
];

/** Plain download links (no JavaScript needed), shown only to viewers the export route will serve. */
export function ExportLinks({ id }: { id: string }) {
  return (
    <section
      aria-labelledby="export-heading"
      className="rounded-2xl border border-zinc-200 p-4 text-sm dark:border-zinc-800"
    >
      <h2 id="export-heading" className="mb-2 font-semibold">
        Download
      </h2>
      <ul className="flex flex-col gap-1.5">
        {LINKS.map((link) => (
          <li key={link.format}>
            <a
              href={`/api/personas/${id}/export?format=${link.format}`}
              download
              className="text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300"
            >
              {link.label} <span className="text-zinc-600 dark:text-zinc-400">({link.hint})</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
