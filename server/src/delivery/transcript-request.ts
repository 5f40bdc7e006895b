import { randomUUID } from 'node:crypto';
import { CascadeError, type Site, type Visitor } from '@cascade/shared';
import type { WaterfallDeps } from '../waterfall/context.ts';
import { outbox } from './outbox.ts';

/** Enough for a visitor who mistyped their address; too few to turn Cascade into a mail cannon. */
export const TRANSCRIPTS_PER_HOUR = 3;

export type TranscriptDeps = Pick<WaterfallDeps, 'config' | 'redis' | 'keys' | 'queues' | 'visitors'>;

/** "Email me the transcript": queues an email of the visitor's current conversation to that address. */
export async function requestTranscript(d: TranscriptDeps, site: Site, visitor: Visitor, email: string): Promise<void> {
  if (!d.config.SMTP_URL) throw new CascadeError('unavailable', 'transcript emails are not enabled on this server');
  const conversationId = await d.visitors.currentConversation(site.id, visitor.id);
  if (!conversationId) throw new CascadeError('no_conversation', 'there is no conversation to send yet');
  const key = d.keys.transcriptRequests(site.id, visitor.id);
  const [count] = await d.redis.multi().incr(key).expire(key, 3600, 'NX').exec();
  if (Number(count) > TRANSCRIPTS_PER_HOUR) {
    throw new CascadeError(
      'rate_limited',
      `the transcript can be emailed ${TRANSCRIPTS_PER_HOUR} times an hour; please try again later`,
    );
  }
  await outbox(d).enqueue({
    kind: 'email',
    job: {
      deliveryId: `mail.transcript.${randomUUID()}`,
      siteId: site.id,
      to: email,
      mail: { subject: 'transcript', conversationId, locale: visitor.locale },
    },
  });
}
