import "server-only";

/**
 * How instances sharing one database tell a reply being written from one whose process is gone.
 * Rows the instances poll, not LISTEN/NOTIFY: the same code serves PostgreSQL and several processes
 * on one SQLite file (which has no notifications), and the load is one UPDATE per process per beat.
 *
 * heartbeatMs: the owning process refreshes heartbeat_at of all its running replies this often (and
 * sees Stop requests then). staleMs: a reply not refreshed for this long counts as dead.
 * followMs: how often a follower on another instance reads the row. saveMs: how often the owner
 * writes partial text (only when it changed), so followers see it arrive smoothly.
 */
export type Liveness = { heartbeatMs: number; staleMs: number; followMs: number; saveMs: number };

const globalForLiveness = globalThis as unknown as { personaLiveness?: Liveness };

export function liveness(): Liveness {
  return (globalForLiveness.personaLiveness ??= {
    heartbeatMs: 500,
    staleMs: 5000,
    followMs: 250,
    saveMs: 400,
  });
}

/** Tests shorten the timings (a crash test cannot wait 5 s per kill). */
export function setLiveness(next: Partial<Liveness>) {
  globalForLiveness.personaLiveness = { ...liveness(), ...next };
}

/** Replies heartbeated after this are alive. */
export const freshAfter = (now = Date.now()) => new Date(now - liveness().staleMs);
