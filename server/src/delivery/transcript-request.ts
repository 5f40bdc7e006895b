import { createHash, randomUUID } from 'node:crypto';
import { CascadeError, type Conversation, type Site, type Visitor } from '@cascade/shared';
import { outbox, type OutboxDeps } from './outbox.ts';
import type { VisitorStore } from '../store/visitors.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { RateLimiter } from '../security/rate-limit.ts';

/** Enough for a visitor who mistyped their address; too few to turn Cascade into a mail cannon. */
export const TRANSCRIPTS_PER_HOUR = 3;
const DAY_SECONDS = 24 * 3600;

export type TranscriptDeps = OutboxDeps & {
  visitors: VisitorStore;
  conversations: ConversationStore;
  rates: RateLimiter;
};

/**
 * Where a conversation's transcript may go: the address the visitor left in it or in the
 * pre-chat form, and the verified identity's. Never an address typed only to receive it, so nobody can have the
 * site mail their own text to a stranger.
 */
export function transcriptAddresses(c: Pick<Conversation, 'visitorEmail'>, visitor: Visitor): string[] {
  const out = new Set<string>();
  if (c.visitorEmail) out.add(c.visitorEmail.toLowerCase());
  if (visitor.verified && visitor.email) out.add(visitor.email.toLowerCase());
  const given = visitor.preChat?.find((a) => a.kind === 'email')?.value;
  if (given) out.add(given.toLowerCase());
  return [...out];
}

/** A counter name for an address without the address itself in Redis keys. */
const addressKey = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);

/** "Email me the transcript": queues an email of the visitor's current conversation to their own address. */
export async function requestTranscript(d: TranscriptDeps, site: Site, visitor: Visitor, email: string): Promise<void> {
  if (!d.config.SMTP_URL) throw new CascadeError('unavailable', 'transcript emails are not enabled on this server');
  const conversationId = await d.visitors.currentConversation(site.id, visitor.id);
  const c = conversationId ? await d.conversations.get(conversationId) : null;
  if (!c) throw new CascadeError('no_conversation', 'there is no conversation to send yet');
  const to = email.toLowerCase();
  if (!transcriptAddresses(c, visitor).includes(to)) {
    throw new CascadeError(
      'forbidden',
      'the transcript is sent only to the address you left in this chat or your signed-in address',
    );
  }
  const key = d.keys.transcriptRequests(site.id, visitor.id);
  const [count] = await d.redis.multi().incr(key).expire(key, 3600, 'NX').exec();
  if (Number(count) > TRANSCRIPTS_PER_HOUR) {
    throw new CascadeError(
      'rate_limited',
      `the transcript can be emailed ${TRANSCRIPTS_PER_HOUR} times an hour; please try again later`,
    );
  }
  await d.rates.check(
    `transcript:to:${addressKey(to)}`,
    d.config.RATE_TRANSCRIPTS_PER_ADDRESS_PER_DAY,
    DAY_SECONDS,
    'this address has had as many transcripts as it may today; please try again tomorrow',
  );
  await d.rates.check(
    `transcript:site:${site.id}`,
    d.config.RATE_TRANSCRIPTS_PER_SITE_PER_DAY,
    DAY_SECONDS,
    'this site has sent as many transcripts as it may today; please try again tomorrow',
  );
  await outbox(d).enqueue({
    kind: 'email',
    job: {
      deliveryId: `mail.transcript.${randomUUID()}`,
      siteId: site.id,
      to,
      mail: { subject: 'transcript', conversationId: c.id, locale: visitor.locale },
    },
  });
}
