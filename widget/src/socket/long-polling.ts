import type { Transport } from './transport.ts';

/** Engine.IO v4 joins the frames of one HTTP body with the record separator. */
const SEPARATOR = '\x1e';

/**
 * HTTP long-polling, for networks that refuse WebSockets: a GET waiting for the server's frames,
 * always one at a time, and POSTs carrying ours, one at a time and in order (the server refuses
 * overlapping requests of either kind). A lazy chunk: fetched only after a WebSocket failed to open.
 * It does not try to upgrade to WebSocket; the next reconnect tries WebSocket first again.
 */
export const polling: Transport = (url, on) => {
  const abort = new AbortController();
  let sid = '';
  let open = true;
  let queue: string[] = [];
  let posting = false;
  let n = 0;

  const end = (): void => {
    if (open) on.close();
    open = false;
    abort.abort();
  };

  // A query that changes on every request, so no cache or proxy answers one with an old reply.
  const address = (): string =>
    `${url}&transport=polling${sid && `&sid=${encodeURIComponent(sid)}`}&t=${Date.now().toString(36)}${n++}`;

  async function request(body?: string): Promise<string> {
    const res = await fetch(address(), body === undefined ? { signal: abort.signal } : { method: 'POST', body });
    if (!res.ok) throw new Error(`polling ${res.status}`);
    return res.text();
  }

  async function poll(): Promise<void> {
    while (open) {
      for (const frame of (await request()).split(SEPARATOR)) {
        if (!sid && frame[0] === '0') sid = (JSON.parse(frame.slice(1)) as { sid: string }).sid;
        on.frame(frame);
      }
    }
  }

  async function post(): Promise<void> {
    posting = true;
    while (queue.length) {
      const body = queue.join(SEPARATOR);
      queue = [];
      await request(body);
    }
    posting = false;
  }

  function send(frames: string[]): void {
    queue.push(...frames);
    if (!posting) post().catch(end);
  }

  poll().catch(end);
  return {
    send,
    close() {
      // Tells the server at once, rather than leaving the session to its ping timeout.
      if (open && sid) send(['1']);
      open = false;
      abort.abort();
    },
  };
};
