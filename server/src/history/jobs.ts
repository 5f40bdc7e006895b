import { z } from 'zod';
import type { Job } from 'bullmq';
import { ConversationId } from '@cascade/shared';
import type { DomainEvent, DomainEvents } from '../events.ts';
import type { Queues } from '../jobs/queues.ts';
import type { Archiver } from './archive.ts';
import type { Retention } from './retention.ts';

export const ArchiveJob = z.object({ conversationId: ConversationId });
export type ArchiveJob = z.infer<typeof ArchiveJob>;

/** A later answer's archive has its own job id, so it is never folded into one already running. */
const answerJobs: Partial<Record<DomainEvent['type'], string>> = { 'csat.submitted': 'rated', 'nps.submitted': 'nps' };

/**
 * Queues an archive when a conversation ends, and again when it is rated or answered NPS
 * afterwards. The job id makes a repeated end one job; each answer has its own id, so it is never
 * folded into an archive that is already running with the conversation read before the answer.
 */
export function archiveOnEnd(events: DomainEvents, queues: Pick<Queues, 'history'>): void {
  events.on(async (e) => {
    if (e.type !== 'conversation.ended' && e.type !== 'csat.submitted' && e.type !== 'nps.submitted') return;
    const id = e.conversation.id;
    const answer = answerJobs[e.type];
    const jobId = answer ? `archive.${id}.${answer}` : `archive.${id}`;
    await queues.history.add('archive', { conversationId: id } satisfies ArchiveJob, { jobId });
  });
}

/** The daily retention sweep's scheduler id and job name on the history queue. */
export const RETENTION_SWEEP = 'retention-sweep';
export const RETENTION_SWEEP_MS = 24 * 3600 * 1000;

export function historyProcessors(archive: Archiver, retention: Retention) {
  return {
    archive: async (job: Job) => archive.archive(ArchiveJob.parse(job.data).conversationId),
    [RETENTION_SWEEP]: async () => retention.sweep(),
  };
}
