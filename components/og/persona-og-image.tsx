import { ImageResponse } from "next/og";
import type { Persona } from "@/lib/personas/schema";
import { CATEGORIES } from "@/lib/personas/schema";
import { TIER_LABELS } from "@/lib/tiers";

/** Open Graph images are 1200×630. */
export const OG_SIZE = { width: 1200, height: 630 };

const TIER_COLORS = { free: "#059669", pro: "#4f46e5", max: "#d97706" } as const;

/**
 * The card every Open Graph image here is drawn as: a kicker, the persona's initials, a name and
 * a line under it, and the persona's category and tier. Only what the caller passes is drawn.
 */
export function personaOgImage({
  kicker,
  name,
  subtitle,
  persona,
}: {
  kicker: string;
  name: string;
  subtitle: string;
  persona: Pick<Persona, "category" | "tier"> | undefined;
}) {
  const initials = name
    .split(/\s+/)
    .map((w) => w[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "linear-gradient(135deg, #eef2ff, #ffffff)",
        color: "#18181b",
      }}
    >
      <div style={{ display: "flex", fontSize: 32, color: "#4f46e5", fontWeight: 700 }}>{kicker}</div>
      <div style={{ display: "flex", alignItems: "center", gap: 40 }}>
        <div
          style={{
            display: "flex",
            width: 160,
            height: 160,
            borderRadius: 40,
            background: "#4f46e5",
            color: "white",
            fontSize: 72,
            fontWeight: 700,
            alignItems: "center",
            justifyContent: "center",
          }}
        >
          {initials}
        </div>
        <div style={{ display: "flex", flexDirection: "column", gap: 12, maxWidth: 820 }}>
          <div style={{ fontSize: 72, fontWeight: 700 }}>{name}</div>
          <div style={{ fontSize: 32, color: "#3f3f46" }}>{subtitle}</div>
        </div>
      </div>
      {persona ? (
        <div style={{ display: "flex", gap: 16, fontSize: 28 }}>
          <div style={{ display: "flex", padding: "8px 20px", borderRadius: 999, background: "#e4e4e7" }}>
            {CATEGORIES[persona.category]}
          </div>
          <div
            style={{
              display: "flex",
              padding: "8px 20px",
              borderRadius: 999,
              background: TIER_COLORS[persona.tier],
              color: "white",
            }}
          >
            {TIER_LABELS[persona.tier]}
          </div>
        </div>
      ) : (
        <div style={{ display: "flex" }} />
      )}
    </div>,
    OG_SIZE,
  );
}
