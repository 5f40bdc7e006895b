import { createConnection, createServer, type Server, type Socket } from 'node:net';

const HEALTH_EVERY_MS = 250;
const HEALTH_TIMEOUT_MS = 500;

export type Balancer = {
  url: string;
  close(): Promise<void>;
};

/**
 * A TCP load balancer in front of the server processes, as production has one: each new
 * connection goes to the next process whose `/readyz` answered at the last check (a killed or hung
 * process gets none), and to the next one if connecting fails. Connections already made are left
 * alone, as a real balancer leaves them: a client of a hung process finds out by itself.
 */
export async function startBalancer(backends: () => { port: number }[]): Promise<Balancer> {
  const healthy = new Map<number, boolean>();
  let turn = 0;
  let closing = false;
  const open = new Set<Socket>();

  async function check(port: number): Promise<void> {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) }).then(
      (r) => r.ok,
      () => false,
    );
    healthy.set(port, ok);
  }
  const checks = setInterval(() => {
    for (const { port } of backends()) void check(port);
  }, HEALTH_EVERY_MS);
  await Promise.all(backends().map(({ port }) => check(port)));

  function pick(tried: Set<number>): number | null {
    const ports = backends().map((b) => b.port);
    const live = ports.filter((p) => healthy.get(p) && !tried.has(p));
    // With nobody healthy, try anyone not tried yet: the check may lag a restart.
    const pool = live.length > 0 ? live : ports.filter((p) => !tried.has(p));
    if (pool.length === 0) return null;
    return pool[turn++ % pool.length] ?? null;
  }

  function forward(client: Socket, tried: Set<number>): void {
    const port = pick(tried);
    if (port === null || closing) return void client.destroy();
    tried.add(port);
    const upstream = createConnection({ port, host: '127.0.0.1' });
    open.add(upstream);
    upstream.once('close', () => open.delete(upstream));
    const refused = () => {
      upstream.destroy();
      forward(client, tried);
    };
    upstream.once('error', refused);
    upstream.once('connect', () => {
      upstream.off('error', refused);
      client.pipe(upstream).pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      upstream.on('error', end);
      upstream.on('close', end);
      client.on('close', end);
      client.resume();
    });
  }

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    forward(client, new Set());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      closing = true;
      clearInterval(checks);
      for (const s of open) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
