import "server-only";
import type { Executor } from "@/lib/db/client";
import {
  apiActivity,
  conversationsStarted,
  feedbackCounts,
  ratingsByVersion,
  starCounts,
  webActivity,
} from "@/lib/db/queries/persona-stats";
import { remixCounts } from "@/lib/db/queries/creator-personas";
import { compareVersions } from "./versions";

export type DayFigures = {
  day: string;
  conversations: number;
  messages: number;
  apiCalls: number;
  users: number;
  up: number;
  down: number;
  stars: number;
};

export type VersionFigures = {
  version: string;
  conversations: number;
  messages: number;
  apiCalls: number;
  users7: number;
  users30: number;
  returning: number;
  up: number;
  down: number;
  /** 👍 share of the ratings, 0–1, or null with none. */
  upRate: number | null;
  reviews: number;
  rating: number | null;
};

export type PersonaStats = {
  personaId: string;
  from: string;
  to: string;
  days: DayFigures[];
  versions: VersionFigures[];
  total: Omit<VersionFigures, "version"> & { stars: number };
  /** Published remixes of the persona (creators' personas that name it as their original). */
  remixes: number;
};

const DAY_MS = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));

/** Users who came back on another day within 7 days of an earlier one. */
function returningUsers(daysByUser: Map<string, Set<string>>): number {
  let n = 0;
  for (const days of daysByUser.values()) {
    const sorted = [...days].sort();
    if (sorted.some((d, i) => i > 0 && Date.parse(d) - Date.parse(sorted[i - 1]!) <= 7 * DAY_MS)) n++;
  }
  return n;
}

/**
 * A persona's figures over the last `days` days (UTC, today included), per day and per version:
 * conversations, messages (web) and API replies, distinct users (7 / 30 days), returning users,
 * 👍/👎, stars, reviews. People in `exclude` (the creator, moderators) are not counted.
 */
export async function personaStats({
  db,
  personaId,
  exclude = [],
  days = 30,
  now = new Date(),
}: {
  db: Executor;
  personaId: string;
  exclude?: readonly string[];
  days?: number;
  now?: Date;
}): Promise<PersonaStats> {
  const to = dayOf(now);
  const from = addDays(to, -(Math.max(days, 30) - 1));
  const since = new Date(`${from}T00:00:00Z`);
  const scope = { db, personaId, since, exclude };
  const [web, started, api, feedback, stars, ratings, remixes] = await Promise.all([
    webActivity(scope),
    conversationsStarted(scope),
    apiActivity(scope),
    feedbackCounts(scope),
    starCounts(scope),
    ratingsByVersion(scope),
    remixCounts({ db, ids: [personaId] }),
  ]);
  const shownFrom = addDays(to, -(days - 1));
  const dayRows = new Map<string, DayFigures & { people: Set<string> }>();
  for (let d = shownFrom; d <= to; d = addDays(d, 1))
    dayRows.set(d, {
      day: d,
      conversations: 0,
      messages: 0,
      apiCalls: 0,
      users: 0,
      up: 0,
      down: 0,
      stars: 0,
      people: new Set(),
    });
  const versions = new Map<
    string,
    VersionFigures & { people7: Set<string>; people30: Set<string>; seen: Map<string, Set<string>> }
  >();
  const version = (v: string) => {
    let row = versions.get(v);
    if (!row) {
      row = {
        version: v,
        conversations: 0,
        messages: 0,
        apiCalls: 0,
        users7: 0,
        users30: 0,
        returning: 0,
        up: 0,
        down: 0,
        upRate: null,
        reviews: 0,
        rating: null,
        people7: new Set(),
        people30: new Set(),
        seen: new Map(),
      };
      versions.set(v, row);
    }
    return row;
  };
  const all = version("\0all");
  const from7 = addDays(to, -6);
  const noteUse = (userId: string, day: string, v: string) => {
    for (const row of [version(v), all]) {
      row.people30.add(userId);
      if (day >= from7) row.people7.add(userId);
      let seen = row.seen.get(userId);
      if (!seen) row.seen.set(userId, (seen = new Set()));
      seen.add(day);
    }
    dayRows.get(day)?.people.add(userId);
  };
  for (const r of web) {
    noteUse(r.userId, r.day, r.version);
    version(r.version).messages += r.messages;
    all.messages += r.messages;
    const d = dayRows.get(r.day);
    if (d) d.messages += r.messages;
  }
  for (const r of api) {
    noteUse(r.userId, r.day, r.version);
    version(r.version).apiCalls += r.calls;
    all.apiCalls += r.calls;
    const d = dayRows.get(r.day);
    if (d) d.apiCalls += r.calls;
  }
  for (const r of started) {
    version(r.version).conversations += r.conversations;
    all.conversations += r.conversations;
    const d = dayRows.get(r.day);
    if (d) d.conversations += r.conversations;
  }
  for (const r of feedback) {
    version(r.version)[r.rating] += r.n;
    all[r.rating] += r.n;
    const d = dayRows.get(r.day);
    if (d) d[r.rating] += r.n;
  }
  for (const r of stars.byDay) {
    const d = dayRows.get(r.day);
    if (d) d.stars += r.n;
  }
  let ratingSum = 0;
  for (const r of ratings) {
    const row = version(r.version);
    row.reviews += r.reviews;
    row.rating = r.sum / r.reviews;
    all.reviews += r.reviews;
    ratingSum += r.sum;
  }
  all.rating = all.reviews ? ratingSum / all.reviews : null;
  const finish = (row: ReturnType<typeof version>): VersionFigures => ({
    version: row.version,
    conversations: row.conversations,
    messages: row.messages,
    apiCalls: row.apiCalls,
    users7: row.people7.size,
    users30: row.people30.size,
    returning: returningUsers(row.seen),
    up: row.up,
    down: row.down,
    upRate: row.up + row.down ? row.up / (row.up + row.down) : null,
    reviews: row.reviews,
    rating: row.rating,
  });
  const { version: _all, ...total } = finish(all);
  void _all;
  return {
    personaId,
    from: shownFrom,
    to,
    days: [...dayRows.values()].map(({ people, ...d }) => ({ ...d, users: people.size })),
    versions: [...versions.values()]
      .filter((v) => v !== all)
      .map(finish)
      .sort((a, b) => compareVersions(b.version, a.version)),
    total: { ...total, stars: stars.total },
    remixes: remixes.get(personaId) ?? 0,
  };
}

/** The daily figures as CSV (one header line, one line a day). */
export function statsCsv(stats: PersonaStats): string {
  const head = [
    "day",
    "conversations",
    "messages",
    "api_calls",
    "users",
    "thumbs_up",
    "thumbs_down",
    "stars",
  ];
  const lines = stats.days.map((d) =>
    [d.day, d.conversations, d.messages, d.apiCalls, d.users, d.up, d.down, d.stars].join(","),
  );
  return `${[head.join(","), ...lines].join("\n")}\n`;
}
