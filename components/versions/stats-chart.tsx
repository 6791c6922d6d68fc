/** A small bar chart of one daily figure, as inline SVG rendered on the server (no chart runtime). */
export function StatsChart({ label, values, days }: { label: string; values: number[]; days: string[] }) {
  const width = 300;
  const height = 60;
  const max = Math.max(1, ...values);
  const bar = width / Math.max(1, values.length);
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-sm font-medium">{label}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-16 w-full max-w-sm text-indigo-600 dark:text-indigo-400"
        role="img"
        aria-label={`${label} per day, ${days[0]} to ${days.at(-1)}: ${values.join(", ")}`}
      >
        {values.map((v, i) => {
          const h = Math.round((v / max) * (height - 2));
          return (
            <rect
              key={days[i]}
              x={i * bar + 1}
              y={height - h}
              width={Math.max(1, bar - 2)}
              height={h}
              fill="currentColor"
            >
              <title>{`${days[i]}: ${v}`}</title>
            </rect>
          );
        })}
      </svg>
    </figure>
  );
}
