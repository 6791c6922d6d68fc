import net from "node:net";

export type TcpProxy = {
  port: number;
  /** The server "stops": every open connection is cut and new ones are refused. */
  down(): Promise<void>;
  /** The server is back on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
};

/**
 * A loopback TCP proxy in front of a server (PostgreSQL in the outage tests) that can be taken down
 * and brought back, as a stopped and restarted database looks to its clients: connections reset,
 * then refused, then accepted again on the same port.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  return {
    port,
    down: stop,
    up: () => listen(port),
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
