import type { ChatSummary } from '@cascade/shared';
import { io, type Socket } from 'socket.io-client';
import type { BenchServer } from './fork.ts';

/**
 * The routing load shared by `routing.ts` and `saturation.ts`: visitors escalate at a steady
 * rate, agents resolve each chat as soon as it arrives; timed from the visitor's escalate
 * request to the agent's `chat:assigned`. Agents and visitors are spread over the servers
 * given, so with two processes a chat may be escalated on one and handed out on the other.
 */
export type RoutingRun = {
  latencies: number[];
  /** Chats escalated, warm-up included: fewer than asked when the run did not keep up. */
  started: number;
  seconds: number;
  /** False when every visitor was still busy at a chat's due time: the agents fell behind. */
  keptUp: boolean;
};

export type RoutingCrew = {
  run(chats: number, rate: number, warmup: number): Promise<RoutingRun>;
  close(): void;
};

/**
 * A connected socket; with `first`, once that event has come too. Its listener is set before
 * the socket connects: the server may send it in the same read as the handshake's answer.
 */
const connect = (url: string, opts: object, first?: string) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], forceNew: true, ...opts });
    const arrived = first ? new Promise((r) => s.once(first, r)) : Promise.resolve();
    s.once('connect', () => void arrived.then(() => resolve(s)));
    s.once('connect_error', reject);
  });

/** How long a run may take past its last chat's due time before it is called stuck. */
const DRAIN_MS = 120_000;

export async function routingCrew(
  servers: BenchServer[],
  agentCount: number,
  visitorCount: number,
): Promise<RoutingCrew> {
  const sent = new Map<string, number>();
  const idle: string[] = [];
  let onResolved: () => void = () => {};
  let onAssigned: (visitorId: string) => void = () => {};

  const agents: Socket[] = [];
  for (const [i, server] of servers.entries()) {
    const count = Math.floor(agentCount / servers.length) + (i < agentCount % servers.length ? 1 : 0);
    for (const cookie of await server.agents(count, 5)) {
      const socket = await connect(`${server.url}/agent`, { extraHeaders: { cookie } }, 'agent:status');
      socket.on('chat:assigned', (c: ChatSummary) => {
        onAssigned(c.conversation.visitorId);
        socket.emit('chat:resolve', { conversationId: c.conversation.id }, () => {
          idle.push(c.conversation.visitorId);
          onResolved();
        });
      });
      agents.push(socket);
    }
  }

  const visitors = new Map<string, Socket>();
  for (let i = 0; i < visitorCount; i++) {
    const server = servers[i % servers.length]!;
    const s = await connect(`${server.url}/visitor`, { auth: { siteKey: server.siteKey } });
    const hello = (await s.emitWithAck('hello', { after: null, page: null })) as { visitorId: string };
    visitors.set(hello.visitorId, s);
    idle.push(hello.visitorId);
  }

  return {
    async run(chats, rate, warmup) {
      const latencies: number[] = [];
      let assigned = 0;
      let resolved = 0;
      let started = 0;
      let keptUp = true;
      let drained: () => void = () => {};
      onAssigned = (visitorId) => {
        const t = sent.get(visitorId);
        if (t !== undefined && assigned >= warmup) latencies.push(performance.now() - t);
        assigned++;
      };
      onResolved = () => {
        resolved++;
        if (resolved === started) drained();
      };
      const t0 = performance.now();
      for (; started < chats; started++) {
        const due = t0 + (started * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const v = idle.shift();
        if (!v) {
          keptUp = false;
          break;
        }
        sent.set(v, performance.now());
        visitors.get(v)?.emit('conversation:escalate', {}, () => {});
      }
      if (resolved < started) {
        await new Promise<void>((resolve, reject) => {
          const limit = setTimeout(
            () => reject(new Error(`${resolved} of ${started} chats resolved ${DRAIN_MS} ms after the last`)),
            DRAIN_MS,
          );
          drained = () => {
            clearTimeout(limit);
            resolve();
          };
        });
      }
      onResolved = () => {};
      return { latencies, started, seconds: (performance.now() - t0) / 1000, keptUp };
    },
    close() {
      for (const s of [...agents, ...visitors.values()]) s.close();
    },
  };
}
