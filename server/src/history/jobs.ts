import { z } from 'zod';
import type { Job } from 'bullmq';
import { ConversationId } from '@cascade/shared';
import type { DomainEvents } from '../events.ts';
import type { Archiver } from './archive.ts';
import { ARCHIVE_DUE, type ArchiveDue } from './archive-due.ts';
import type { Retention } from './retention.ts';

export const ArchiveJob = z.object({ conversationId: ConversationId });
export type ArchiveJob = z.infer<typeof ArchiveJob>;

/**
 * Asks for an archive when a conversation ends, and again when it is rated or answered NPS
 * afterwards; a repeat while the conversation waits on the list is one archive, one asked
 * while its archive runs is another (archive-due.ts).
 */
export function archiveOnEnd(events: DomainEvents, due: Pick<ArchiveDue, 'ask'>): void {
  events.on(async (e) => {
    if (e.type !== 'conversation.ended' && e.type !== 'csat.submitted' && e.type !== 'nps.submitted') return;
    await due.ask(e.conversation.id);
  });
}

/** The daily retention sweep's scheduler id and job name on the history queue. */
export const RETENTION_SWEEP = 'retention-sweep';
export const RETENTION_SWEEP_MS = 24 * 3600 * 1000;

export function historyProcessors(archive: Archiver, due: Pick<ArchiveDue, 'drain'>, retention: Retention) {
  return {
    [ARCHIVE_DUE]: async () => due.drain(archive),
    // Jobs of one conversation each, as earlier versions queued them.
    archive: async (job: Job) => archive.archive(ArchiveJob.parse(job.data).conversationId),
    [RETENTION_SWEEP]: async () => retention.sweep(),
  };
}
