import "server-only";

const globalForShutdown = globalThis as unknown as { personaShuttingDown?: boolean };

/** True once the server has been told to stop: new chat requests are turned away with a 503. */
export function isShuttingDown(): boolean {
  return globalForShutdown.personaShuttingDown === true;
}

export function beginShutdown() {
  globalForShutdown.personaShuttingDown = true;
}
