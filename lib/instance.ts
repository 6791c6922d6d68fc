import os from "node:os";
import { env } from "@/lib/env";

/**
 * This server instance's name in the database: INSTANCE_ID, or the host and the port it listens on.
 * The same instance started again gets the same id, so it knows which replies in the database were
 * its own and were cut off by its crash; two instances sharing a database must differ.
 */
export function instanceId(): string {
  const e = env();
  return e.instanceId ?? `${os.hostname()}:${e.listenPort ?? `pid${process.pid}`}`;
}
