import { randomUUID } from 'node:crypto';
import type { ChatSummary } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';

const TOKEN = 'scrape-me-please-0123456789';
let h: Harness;
beforeAll(async () => {
  h = await startCascade({ METRICS_TOKEN: TOKEN, METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' });
});
afterAll(async () => {
  await h.close();
});

const scrape = (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  fetch(`${h.url}/metrics`, { headers });

/** The value of one sample, by its name and exact label text (`{a="b"}`, or '' for none). */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('Prometheus /metrics', () => {
  it('is refused without the token or with a wrong one', async () => {
    const none = await fetch(`${h.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await scrape({ authorization: 'Bearer not-the-token' })).status).toBe(401);
    expect((await scrape({ authorization: `Basic ${TOKEN}` })).status).toBe(401);
  });

  it('counts connections, messages, bot decisions, waiting chats, claims, deliveries, lag and Redis time', async () => {
    const visitor = await h.visitor();
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'hello' });
    await visitor.ok('conversation:escalate', {});
    const site = h.demo.siteId;

    const waiting = await scrape();
    expect(waiting.status).toBe(200);
    expect(waiting.headers.get('content-type')).toContain('text/plain');
    const before = await waiting.text();
    expect(sample(before, 'cascade_connections', '{namespace="/visitor"}')).toBeGreaterThanOrEqual(1);
    expect(sample(before, 'cascade_messages_total', '{direction="in",author="visitor"}')).toBeGreaterThanOrEqual(1);
    expect(sample(before, 'cascade_messages_total', '{direction="out",author="bot"}')).toBeGreaterThanOrEqual(1);
    expect(before).toMatch(/^cascade_bot_decisions_total\{outcome="(answer|suggest|escalate|smalltalk)"\} [1-9]/m);
    const line = before.split('\n').find((l) => l.startsWith(`cascade_waiting_chats{site="${site}"`));
    expect(line).toMatch(/level="1"\} 1$/);

    const agent = await h.newAgent({
      skills: ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({ skill, level: 1 })),
    });
    await agent.next<ChatSummary>('chat:assigned');
    const after = await (await scrape()).text();
    expect(sample(after, 'cascade_claim_latency_seconds_count')).toBe(1);
    expect(sample(after, 'cascade_connections', '{namespace="/agent"}')).toBeGreaterThanOrEqual(1);
    expect(after).not.toMatch(new RegExp(`^cascade_waiting_chats\\{site="${site}".*\\} [1-9]`, 'm'));
    expect(after).toMatch(/^cascade_deliveries\{state="failed"\} \d+$/m);
    expect(sample(after, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(after, 'cascade_redis_rtt_seconds')).toBeGreaterThan(0);
    await agent.ok('agent:status', { status: 'away' });
    visitor.close();
  });

  it('serves the same numbers on the internal port without a token, and nothing else there', async () => {
    const url = h.app.metricsUrl;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const r = await fetch(url!);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('cascade_redis_rtt_seconds');
    expect((await fetch(url!.replace('/metrics', '/api/tickets'))).status).toBe(404);
  });

  it('is not served on the main port when no token is configured', async () => {
    const bare = await startCascade();
    try {
      const r = await fetch(`${bare.url}/metrics`);
      expect(r.status).toBe(404);
      expect(bare.app.metricsUrl).toBeNull();
    } finally {
      await bare.close();
    }
  });
});
