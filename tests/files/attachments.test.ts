import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import {
  ConversationSearchQuery,
  type ChatSummary,
  type ConversationView,
  type Message,
  type VisitorMessage,
} from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/waits.ts';
import { agentUpload, pdf, photoWithGps, png, visitorUpload } from './uploads.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

const L1 = 'lina@cedar.example';

/** Links name PUBLIC_URL; the test server listens on a port chosen at start. */
const get = (link: string) => {
  const u = new URL(link);
  return fetch(`${h.url}${u.pathname}${u.search}`);
};

/** A visitor in a chat with a signed-in agent. */
async function chat() {
  const agent = await h.agent(L1);
  const visitor = await h.visitor();
  await visitor.ok('conversation:escalate', {});
  const assigned = await agent.next<ChatSummary>('chat:assigned');
  await visitor.next<ConversationView>('conversation:update', (c) => c.state === 'assigned');
  return { agent, visitor, conversationId: assigned.conversation.id };
}

describe('attachments', () => {
  it('takes a visitor’s screenshot to the agent with a thumbnail that opens inline', async () => {
    const { agent, visitor, conversationId } = await chat();
    const up = await visitorUpload(h.url, visitor.token, 'screenshot.png', await png());
    expect(up.status).toBe(200);
    expect(up.body.file).toMatchObject({ name: 'screenshot.png', type: 'image/png', image: true, width: 40 });

    const sent = await visitor.ok<{ message: VisitorMessage }>('message:send', {
      clientMsgId: randomUUID(),
      text: '',
      attachments: [up.body.file.id],
    });
    expect(sent.message.attachments?.[0]?.id).toBe(up.body.file.id);
    const seen = await agent.next<Message>('message:new', (m) => m.id === sent.message.id);
    const file = seen.attachments?.[0];
    expect(file?.thumbUrl).toBeDefined();

    const thumb = await get(file!.thumbUrl!);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const full = await get(file!.url);
    expect(full.headers.get('content-type')).toBe('image/png');
    expect(full.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(full.headers.get('x-content-type-options')).toBe('nosniff');
    expect(full.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect((await sharp(Buffer.from(await full.arrayBuffer())).metadata()).width).toBe(40);

    // The history the agent reads again has the file, with links of its own.
    const { messages } = await agent.ok<{ messages: Message[] }>('chat:sync', { conversationId, after: null });
    expect(messages.find((m) => m.id === sent.message.id)?.attachments?.[0]?.name).toBe('screenshot.png');
    await agent.ok('chat:resolve', { conversationId });
    agent.close();
    visitor.close();
  });

  it('sends an agent’s PDF to the visitor as a download', async () => {
    const { agent, visitor, conversationId } = await chat();
    const up = await agentUpload(h.url, agent, conversationId, 'invoice.pdf', pdf());
    expect(up.status).toBe(200);
    expect(up.body.file).toMatchObject({ type: 'application/pdf', image: false });
    expect(up.body.file.thumbUrl).toBeUndefined();
    const { message } = await agent.ok<{ message: Message }>('chat:send', {
      conversationId,
      clientMsgId: randomUUID(),
      text: 'Your invoice',
      attachments: [up.body.file.id],
    });
    const got = await visitor.next<VisitorMessage>('message:new', (m) => m.id === message.id);
    const res = await get(got.attachments![0]!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="invoice.pdf"; filename*=UTF-8''invoice.pdf`,
    );
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf())).toBe(true);
    // The visitor may renew the link of a file sent to them.
    const renewed = await visitor.ok<{ file: { id: string } }>('file:link', { fileId: up.body.file.id });
    expect(renewed.file.id).toBe(up.body.file.id);
    await agent.ok('chat:resolve', { conversationId });
    agent.close();
    visitor.close();
  });

  it('stores a retried upload and a re-sent message once', async () => {
    const { agent, visitor, conversationId } = await chat();
    const bytes = await png(20, 20);
    const uploadId = randomUUID();
    const [a, b] = await Promise.all([
      visitorUpload(h.url, visitor.token, 'a.png', bytes, { uploadId }),
      visitorUpload(h.url, visitor.token, 'a.png', bytes, { uploadId }),
    ]);
    expect(a.body.file.id).toBe(b.body.file.id);
    const again = { clientMsgId: randomUUID(), text: 'here', attachments: [a.body.file.id] };
    const first = await visitor.ok<{ message: VisitorMessage }>('message:send', again);
    const second = await visitor.ok<{ message: VisitorMessage }>('message:send', again);
    expect(second.message.id).toBe(first.message.id);
    const { messages } = await agent.ok<{ messages: Message[] }>('chat:sync', { conversationId, after: null });
    expect(messages.filter((m) => m.attachments?.some((f) => f.id === a.body.file.id))).toHaveLength(1);
    // The file went with that message: another message cannot take it.
    const other = await visitor.request('message:send', {
      clientMsgId: randomUUID(),
      text: '',
      attachments: [a.body.file.id],
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await agent.ok('chat:resolve', { conversationId });
    agent.close();
    visitor.close();
  });

  it('strips EXIF and GPS from a photo before anyone sees it', async () => {
    const visitor = await h.visitor();
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const up = await visitorUpload(h.url, visitor.token, 'IMG_0001.jpg', original);
    expect(up.status).toBe(200);
    const served = Buffer.from(await (await get(up.body.file.url)).arrayBuffer());
    const meta = await sharp(served).metadata();
    expect(meta.exif).toBeUndefined();
    expect(served.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(served.includes(Buffer.from('Jane Visitor'))).toBe(false);
    visitor.close();
  });

  it('refuses another visitor’s file, in a message and for a link', async () => {
    const owner = await h.visitor();
    const stranger = await h.visitor();
    const up = await visitorUpload(h.url, owner.token, 'mine.png', await png());
    const sent = await stranger.request('message:send', {
      clientMsgId: randomUUID(),
      text: 'look',
      attachments: [up.body.file.id],
    });
    expect(sent).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await stranger.request('file:link', { fileId: up.body.file.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    owner.close();
    stranger.close();
  });

  it('refuses a file of another site’s visitor', async () => {
    const other = h.demos[1]!;
    const theirs = await h.visitor({ siteKey: other.siteKey });
    const ours = await h.visitor();
    const up = await visitorUpload(h.url, theirs.token, 'theirs.png', await png());
    expect(up.status).toBe(200);
    const sent = await ours.request('message:send', {
      clientMsgId: randomUUID(),
      text: 'x',
      attachments: [up.body.file.id],
    });
    expect(sent).toMatchObject({ ok: false, error: { code: 'not_found' } });
    theirs.close();
    ours.close();
  });

  it('serves a link only until it expires, and never one that was altered', async () => {
    const visitor = await h.visitor();
    const up = await visitorUpload(h.url, visitor.token, 'note.txt', Buffer.from('hello there'));
    expect(up.body.file.type).toBe('text/plain');
    const ok = await get(up.body.file.url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toMatch(/^attachment; /);

    const expired = h.cascade.files.links.link(up.body.file, -120_000);
    const gone = await get(expired.url);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('link_expired');

    const later = new URL(expired.url);
    later.searchParams.set('e', String(Date.now() + 3_600_000));
    expect((await get(later.href)).status).toBe(404);
    visitor.close();
  });

  it('finds an ended conversation by the name of a file in it, with fresh links', async () => {
    const { agent, visitor, conversationId } = await chat();
    const up = await visitorUpload(h.url, visitor.token, 'cracked-teapot.png', await png());
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'see', attachments: [up.body.file.id] });
    await agent.ok('chat:resolve', { conversationId });
    const query = ConversationSearchQuery.parse({ q: 'teapot' });
    const found = await waitUntil(
      'the archived conversation to be found by its file name',
      () => h.cascade.history.search([h.demo.siteId], query),
      (r) => r.conversations.some((c) => c.conversation.id === conversationId),
    );
    const hit = found.conversations.find((c) => c.conversation.id === conversationId)!;
    const file = hit.matches[0]?.attachments?.[0];
    expect(file?.name).toBe('cracked-teapot.png');
    expect((await get(file!.url)).status).toBe(200);
    agent.close();
    visitor.close();
  });

  it('starts a conversation with a message that is only a file', async () => {
    const visitor = await h.visitor();
    const up = await visitorUpload(h.url, visitor.token, 'first.png', await png());
    const sent = await visitor.ok<{ message: VisitorMessage; conversation: ConversationView }>('message:send', {
      clientMsgId: randomUUID(),
      text: '',
      attachments: [up.body.file.id],
    });
    expect(sent.conversation.state).toBe('bot');
    expect(sent.message.attachments?.map((f) => f.name)).toEqual(['first.png']);
    visitor.close();
  });

  it('keeps the file of an internal note from the visitor', async () => {
    const { agent, visitor, conversationId } = await chat();
    const up = await agentUpload(h.url, agent, conversationId, 'notes.txt', Buffer.from('refund approved by Sam'));
    await agent.ok('chat:send', {
      conversationId,
      clientMsgId: randomUUID(),
      text: '',
      internal: true,
      attachments: [up.body.file.id],
    });
    expect(await visitor.request('file:link', { fileId: up.body.file.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await agent.ok('file:link', { fileId: up.body.file.id })).toMatchObject({ file: { name: 'notes.txt' } });
    await agent.ok('chat:resolve', { conversationId });
    agent.close();
    visitor.close();
  });

  it('counts what a site stores', async () => {
    const usage = await h.cascade.files.records.usage(h.demo.siteId);
    expect(usage.files).toBeGreaterThan(0);
    expect(usage.bytes).toBeGreaterThan(0);
  });
});
