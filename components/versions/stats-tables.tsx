import type { VersionFigures } from "@/lib/personas/versions-stats";

const pct = (r: number | null) => (r === null ? "—" : `${Math.round(r * 100)}%`);
const stars = (r: number | null) => (r === null ? "—" : r.toFixed(1));

const ROWS: [string, (v: Omit<VersionFigures, "version">) => string | number][] = [
  ["Conversations", (v) => v.conversations],
  ["Messages (web)", (v) => v.messages],
  ["API calls", (v) => v.apiCalls],
  ["People, 7 days", (v) => v.users7],
  ["People, 30 days", (v) => v.users30],
  ["Came back within 7 days", (v) => v.returning],
  ["👍 / 👎", (v) => `${v.up} / ${v.down}`],
  ["👍 rate", (v) => pct(v.upRate)],
  ["Reviews", (v) => v.reviews],
  ["Rating", (v) => stars(v.rating)],
];

/** The figures of several versions (or a version and the one before) in columns. */
export function VersionTable({ columns }: { columns: VersionFigures[] }) {
  return (
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="text-sm">
        <thead>
          <tr>
            <th scope="col" className="pr-4 text-left">
              Figure
            </th>
            {columns.map((c) => (
              <th key={c.version} scope="col" className="pr-4 text-right">
                {c.version}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([label, value]) => (
            <tr key={label}>
              <th scope="row" className="pr-4 text-left font-normal">
                {label}
              </th>
              {columns.map((c) => (
                <td key={c.version} className="pr-4 text-right tabular-nums">
                  {value(c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
