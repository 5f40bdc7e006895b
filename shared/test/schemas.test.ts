import { describe, expect, it } from 'vitest';
import {
  AgentSend,
  KbEntry,
  SendMessage,
  ServerEnv,
  SiteSettings,
  Transfer,
  VisitorAuth,
  describeEnvError,
  fail,
  ok,
} from '../src/index.ts';

const uuid = '6f1c1e7e-7d6a-4f7e-9a43-3c1a2b3c4d5e';

describe('message payloads', () => {
  it('accepts a message and trims it', () => {
    expect(SendMessage.parse({ clientMsgId: uuid, text: '  hello ' }).text).toBe('hello');
  });
  it.each([
    [{ clientMsgId: uuid, text: '   ' }, 'message is empty'],
    [{ clientMsgId: uuid, text: 'x'.repeat(4001) }, 'message is too long'],
    [{ clientMsgId: 'abc', text: 'hi' }, 'clientMsgId must be a UUID'],
  ])('refuses %j', (payload, message) => {
    const r = SendMessage.safeParse(payload);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(message);
  });
  it('makes agent messages public unless marked internal', () => {
    expect(AgentSend.parse({ conversationId: 'c1', clientMsgId: uuid, text: 'hi' }).internal).toBe(false);
    expect(AgentSend.safeParse({ conversationId: 'a/b', clientMsgId: uuid, text: 'hi' }).success).toBe(false);
  });
  it('needs a note to transfer', () => {
    expect(Transfer.safeParse({ conversationId: 'c1', level: 2, note: '' }).success).toBe(false);
    expect(Transfer.safeParse({ conversationId: 'c1', level: 4, note: 'x' }).success).toBe(false);
    expect(Transfer.parse({ conversationId: 'c1', level: 2, note: 'refund over limit' }).level).toBe(2);
  });
  it('requires a site key in the visitor handshake', () => {
    expect(VisitorAuth.safeParse({}).success).toBe(false);
    expect(VisitorAuth.safeParse({ siteKey: 'pk_x', locale: 'de' }).success).toBe(false);
    expect(VisitorAuth.parse({ siteKey: 'pk_x', locale: 'fa' }).locale).toBe('fa');
  });
});

describe('records', () => {
  it('takes knowledge-base entries in any language but not without content', () => {
    const entry = { id: 'ship-time', skill: 'shipping', related: [], updatedAt: 0 };
    const content = { question: 'How long?', phrasings: ['delivery time'], answer: '3 days' };
    expect(KbEntry.safeParse({ ...entry, content: { en: content, de: content } }).success).toBe(true);
    expect(KbEntry.safeParse({ ...entry, content: {} }).success).toBe(false);
    expect(KbEntry.safeParse({ ...entry, content: { EN: content } }).success).toBe(false);
  });
  it('checks site settings such as colours and origins', () => {
    const r = SiteSettings.shape.allowedOrigins.safeParse(['https://shop.example/path']);
    expect(r.success).toBe(false);
    expect(SiteSettings.shape.theme.shape.color.safeParse('red').success).toBe(false);
  });
});

describe('configuration and acks', () => {
  it('fills defaults and names the variable that is wrong', () => {
    expect(ServerEnv.parse({}).PORT).toBe(3000);
    const r = ServerEnv.safeParse({ PORT: 'eighty', WORKERS: 'maybe' });
    expect(r.success).toBe(false);
    const text = describeEnvError(r.error!);
    expect(text).toContain('PORT');
    expect(text).toContain('WORKERS');
  });
  it('reads Redis Cluster seed nodes as a list of redis URLs', () => {
    expect(ServerEnv.parse({}).REDIS_CLUSTER_NODES).toEqual([]);
    const nodes = ServerEnv.parse({
      REDIS_CLUSTER_NODES: 'redis://10.0.0.1:7000, redis://10.0.0.2:7000,',
    }).REDIS_CLUSTER_NODES;
    expect(nodes).toEqual(['redis://10.0.0.1:7000', 'redis://10.0.0.2:7000']);
    const bad = ServerEnv.safeParse({ REDIS_CLUSTER_NODES: 'http://10.0.0.1:7000' });
    expect(bad.success).toBe(false);
    expect(describeEnvError(bad.error!)).toContain('REDIS_CLUSTER_NODES');
  });
  it('builds both sides of the ack envelope', () => {
    expect(ok({ id: 1 })).toEqual({ ok: true, id: 1 });
    expect(fail('rate_limited', 'slow down')).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'slow down' },
    });
  });
});
