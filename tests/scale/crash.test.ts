import { randomUUID } from 'node:crypto';
import type { Ack, ChatSummary, Message } from '@cascade/shared';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { FailoverClient, compareIds, type Side } from './failover-client.ts';
import { demoAdmin, processStage, type ServerProcess } from '../support/processes.ts';
import { SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS } from '../support/waits.ts';

const CONVERSATIONS = 100;
const AGENTS = 8;
/** Each side of each conversation writes one message per tick. */
const TICK_MS = 250;

const stage = processStage<FailoverClient>(3);
const { prefix, clients } = stage;

const ask = <T extends object>(socket: Socket, event: string, payload: unknown) =>
  socket.timeout(STEP_TIMEOUT_MS).emitWithAck(event, payload) as Promise<Ack<T>>;

function agentSide(cookie: string): Side {
  return {
    path: '/agent',
    opts: () => ({ extraHeaders: { cookie } }),
    send: (socket, m) =>
      ask(socket, 'chat:send', { conversationId: m.conversationId, clientMsgId: m.clientMsgId, text: m.text }),
    // The status is sent once the socket has joined its rooms: nothing pushed after it is missed.
    ready: (socket) => new Promise((r) => socket.once('agent:status', () => r())),
    async resync(socket, lastSeen) {
      const inbox = await ask<{ mine: ChatSummary[] }>(socket, 'inbox:get', {});
      if (!inbox.ok) throw new Error(inbox.error.message);
      const out: Message[] = [];
      for (const { conversation } of inbox.mine) {
        const r = await ask<{ messages: Message[] }>(socket, 'chat:sync', {
          conversationId: conversation.id,
          after: lastSeen.get(conversation.id) ?? null,
        });
        if (r.ok) out.push(...r.messages);
      }
      return out;
    },
  };
}

function visitorSide(siteKey: string, state: { token?: string; conversationId?: string }): Side {
  return {
    path: '/visitor',
    opts: () => ({ auth: { siteKey, ...(state.token ? { token: state.token } : {}) } }),
    send: (socket, m) => ask(socket, 'message:send', { clientMsgId: m.clientMsgId, text: m.text }),
    async resync(socket, lastSeen) {
      const r = await ask<{ messages: Message[] }>(socket, 'hello', {
        after: lastSeen.get(state.conversationId ?? '') ?? null,
        page: null,
      });
      if (!r.ok) throw new Error(r.error.message);
      return r.messages;
    },
  };
}

const seq = (m: Message) => Number(m.text.split(' ')[1]);

describe('a process killed with -9 in the middle of 100 chats', () => {
  it(
    'loses and doubles nothing once the clients have moved to the other processes',
    { timeout: SCENARIO_TIMEOUT_MS },
    async () => {
      const [doomed, p2, p3] = stage.servers as [ServerProcess, ServerProcess, ServerProcess];
      const elsewhere = (i: number) => (i % 2 === 0 ? [p2.url, p3.url] : [p3.url, p2.url]);

      const admin = await demoAdmin(p2, prefix);

      const agentOf = new Map<string, FailoverClient>();
      const agents: FailoverClient[] = [];
      for (let i = 0; i < AGENTS; i++) {
        const cookie = await admin.newAgent(`Agent ${i}`, 20);
        const agent = new FailoverClient([doomed.url, ...elsewhere(i)], agentSide(cookie), (m) => m.author === 'agent');
        clients.push(agent);
        agent.emitter.on('chat:assigned', (c: ChatSummary) => agentOf.set(c.conversation.id, agent));
        await new Promise((r) => agent.emitter.once('agent:status', r));
        agents.push(agent);
      }

      const visitors: { client: FailoverClient; state: { token?: string; conversationId?: string } }[] = [];
      for (let i = 0; i < CONVERSATIONS; i++) {
        const state: { token?: string; conversationId?: string } = {};
        const client = new FailoverClient(
          [doomed.url, ...elsewhere(i)],
          visitorSide(doomed.siteKey, state),
          (m) => m.author === 'visitor',
        );
        clients.push(client);
        await client.connected();
        const hello = await ask<{ token: string }>(client.emitter, 'hello', { after: null, page: null });
        if (!hello.ok) throw new Error(hello.error.message);
        state.token = hello.token;
        const escalated = await ask<{ conversation: { id: string; state: string } }>(
          client.emitter,
          'conversation:escalate',
          {},
        );
        if (!escalated.ok) throw new Error(escalated.error.message);
        expect(escalated.conversation.state).toBe('assigned');
        state.conversationId = escalated.conversation.id;
        visitors.push({ client, state });
      }
      await Promise.all(agents.map((a) => a.connected()));
      expect(visitors.every((v) => agentOf.has(v.state.conversationId ?? ''))).toBe(true);

      let n = 0;
      const tick = () => {
        for (const { client, state } of visitors) {
          const id = state.conversationId ?? '';
          client.queue(id, randomUUID(), `visitor ${n}`);
          agentOf.get(id)?.queue(id, randomUUID(), `agent ${n}`);
        }
        n++;
      };
      const traffic = setInterval(tick, TICK_MS);
      await new Promise((r) => setTimeout(r, 8 * TICK_MS));
      const inFlight = clients.reduce((sum, c) => sum + c.unacked, 0);
      await doomed.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 12 * TICK_MS));
      clearInterval(traffic);

      await Promise.all(clients.map((c) => c.drained(30_000)));
      expect(clients.flatMap((c) => c.errors)).toEqual([]);
      // A last sync from the last id each side saw: anything a push missed in between shows up here.
      for (const c of clients) await c.resync();

      const counts = {
        conversations: CONVERSATIONS,
        ticks: n,
        unackedAtKill: inFlight,
        resent: 0,
        stored: 0,
        delivered: 0,
        bySync: 0,
        handedTwice: 0,
        reconnects: 0,
      };
      for (const { client: visitor, state } of visitors) {
        const conversationId = state.conversationId ?? '';
        const agent = agentOf.get(conversationId);
        if (!agent) throw new Error('unassigned');
        const r = await ask<{ messages: Message[] }>(agent.emitter, 'chat:sync', { conversationId, after: null });
        if (!r.ok) throw new Error(r.error.message);
        const stream = r.messages;
        for (const [author, writer, reader] of [
          ['visitor', visitor, agent],
          ['agent', agent, visitor],
        ] as const) {
          const written = stream.filter((m) => m.author === author);
          // Stored once each, in the order written, under the id the writer was acked with.
          expect(written.map(seq)).toEqual([...Array(n).keys()]);
          for (const m of written) expect(writer.acked.get(m.clientMsgId ?? '')).toBe(m.id);
          // The other side was handed every one of them (a repeat of an id is shown once).
          const ofThis = () =>
            [...reader.received.values()].filter(
              (x) => x.message.conversationId === conversationId && x.message.author === author,
            );
          // Pushes of the last messages may still be on their way.
          await reader.until(() => ofThis().length >= written.length);
          const seen = ofThis();
          expect(seen.map((x) => x.message.id).sort(compareIds), `${author} messages of ${conversationId}`).toEqual(
            written.map((m) => m.id),
          );
          counts.stored += written.length;
          counts.delivered += seen.length;
          counts.bySync += seen.filter((x) => x.via === 'sync').length;
          counts.handedTwice += seen.filter((x) => x.times > 1).length;
        }
      }
      for (const c of clients) {
        counts.resent += c.resent;
        counts.reconnects += c.reconnects;
      }
      console.log('kill -9 counts', JSON.stringify(counts));
      expect(counts.reconnects).toBe(CONVERSATIONS + AGENTS);
    },
  );
});
