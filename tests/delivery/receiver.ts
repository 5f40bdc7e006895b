import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookPayload } from '@cascade/shared';

export type Hit = {
  headers: IncomingHttpHeaders;
  /** The raw body, as a receiver must verify it. */
  raw: string;
  payload: WebhookPayload;
  /** 1 for the first request of this delivery id, 2 for its first retry... */
  attempt: number;
  status: number;
};

/** How the receiver answers a request: an HTTP status. */
export type Answer = (payload: WebhookPayload, attempt: number) => number;

/**
 * A real HTTP receiver on loopback that records every webhook and answers as told, so a test
 * can make it fail, then fix it, and await the requests as they come.
 */
export class WebhookReceiver {
  readonly hits: Hit[] = [];
  answer: Answer = () => 200;
  private waiters: { match: (h: Hit) => boolean; resolve: (h: Hit) => void }[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Listens on loopback, or on `host` (an address of one of this machine's interfaces). */
  static async start(host = '127.0.0.1'): Promise<WebhookReceiver> {
    // Requests come only once the address is known, so `receiver` is set by then.
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => receiver.record(req.headers, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const hostInUrl = host.includes(':') ? `[${host}]` : host;
    const receiver = new WebhookReceiver(
      server,
      `http://${hostInUrl}:${(server.address() as AddressInfo).port}/hooks/cascade`,
    );
    return receiver;
  }

  private record(headers: IncomingHttpHeaders, raw: string, res: ServerResponse): void {
    const payload = WebhookPayload.parse(JSON.parse(raw));
    const attempt = this.hits.filter((h) => h.payload.id === payload.id).length + 1;
    const status = this.answer(payload, attempt);
    const hit: Hit = { headers, raw, payload, attempt, status };
    this.hits.push(hit);
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
    for (const w of this.waiters.filter((w) => w.match(hit))) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(hit);
    }
  }

  /** The first request, past or future, that matches. */
  next(match: (h: Hit) => boolean, timeoutMs = 15_000): Promise<Hit> {
    const seen = this.hits.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching webhook within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (h) => {
          clearTimeout(timer);
          resolve(h);
        },
      });
    });
  }

  /** Every request of one delivery. */
  of(deliveryId: string): Hit[] {
    return this.hits.filter((h) => h.payload.id === deliveryId);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
