import type { Queues } from '../jobs/queues.ts';
import type { Log } from '../log.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { scripts } from '../redis/scripts/index.ts';
import type { Archiver } from './archive.ts';

/** The job that archives every conversation on the list, and its name on the history queue. */
export const ARCHIVE_DUE = 'archive-due';
/** Conversations read from the list at a time. */
const PAGE = 16;
/** A job hands over to a fresh one after this many, so that no single job runs without end under load. */
const MOST_PER_JOB = 2000;
/** Failed tries, each in a drain that copied others, before a conversation stops holding the list up. */
const MOST_FAILURES = 12;
/** A list left with conversations asked this long ago has no drain at work: a sweep starts one. */
export const ARCHIVE_STUCK_MS = 60_000;

export type ArchiveDueDeps = {
  redis: Redis;
  keys: Keys;
  queues: Pick<Queues, 'history'>;
  log: Pick<Log, 'error'>;
};

/**
 * Ended conversations are put on one list in Redis and archived by a job that drains it, rather
 * than by a job each: under load one job copies many, and queueing a chat's copy is a single
 * command. The list stays in Redis until each copy commits, so a crash or a database outage
 * only delays archiving. Whoever puts a conversation on an empty list starts the drain; a drain
 * ends only once it found the list empty, or fails (then it is tried again with backoff).
 */
export function archiveDue(d: ArchiveDueDeps) {
  const due = d.keys.archiveDue;
  const failures = d.keys.archiveFailures;
  /**
   * Started at once, not held back to gather others: copies gathered that way came in bursts
   * that delayed the chats being routed meanwhile (the routing benchmark's p99). A batch forms
   * by itself while a drain is at work.
   */
  const start = () => d.queues.history.add(ARCHIVE_DUE, {});

  return {
    async ask(conversationId: string): Promise<void> {
      const first = await scripts.archiveAsk(d.redis, [due], [conversationId, Date.now()]);
      if (first === 1) await start();
    },

    /** Takes conversations off the list, for a visitor who asked to be forgotten. */
    async forget(conversationIds: string[]): Promise<void> {
      if (conversationIds.length === 0) return;
      await Promise.all([d.redis.zRem(due, conversationIds), d.redis.hDel(failures, conversationIds)]);
    },

    /**
     * Starts a drain when the list holds a conversation asked long ago: the drain before is
     * waiting out a long backoff, or gave up. At most one a minute, tried once: the next sweep
     * is its retry.
     */
    async resume(now = Date.now()): Promise<boolean> {
      const [oldest] = await d.redis.zRangeWithScores(due, 0, 0);
      if (!oldest || oldest.score > now - ARCHIVE_STUCK_MS) return false;
      await d.queues.history.add(
        ARCHIVE_DUE,
        {},
        { jobId: `${ARCHIVE_DUE}.${Math.floor(now / ARCHIVE_STUCK_MS)}`, attempts: 1 },
      );
      return true;
    },

    /** Archives every conversation on the list; throws when some are left, so the job is tried again. */
    async drain(archive: Pick<Archiver, 'archive'>): Promise<void> {
      const failed: { value: string; score: number }[] = [];
      let archived = 0;
      let read = 0;
      for (;;) {
        // Failed ones keep their place at the front, so the next page starts after them.
        const page = await d.redis.zRangeWithScores(due, failed.length, failed.length + PAGE - 1);
        if (page.length === 0) break;
        // One at a time, so the work of routing live chats slips in between; one process copies hundreds a second.
        for (const entry of page) {
          try {
            await archive.archive(entry.value);
            await scripts.archiveDone(d.redis, [due, failures], [entry.value, entry.score, 'archived', MOST_FAILURES]);
            archived++;
          } catch (err) {
            d.log.error({ err, conversationId: entry.value }, 'archive failed');
            failed.push(entry);
          }
        }
        read += page.length;
        if (read >= MOST_PER_JOB) {
          await start();
          break;
        }
      }
      if (failed.length === 0) return;
      let left = failed.length;
      // Only when others were copied is a failure the conversation's own rather than the database's.
      if (archived > 0) {
        for (const entry of failed) {
          const gaveUp = await scripts.archiveDone(
            d.redis,
            [due, failures],
            [entry.value, entry.score, 'failed', MOST_FAILURES],
          );
          if (gaveUp === 1) {
            left--;
            d.log.error({ conversationId: entry.value, failures: MOST_FAILURES }, 'archive given up');
          }
        }
      }
      if (left > 0) throw new Error(`${left} conversations not archived yet`);
    },
  };
}
export type ArchiveDue = ReturnType<typeof archiveDue>;
