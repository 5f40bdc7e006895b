import { BotDecision, type KbEntry, type MissedGroups, type MissedQuery, type MissedQuestion } from '@cascade/shared';
import type { Db } from '../history/db.ts';
import { groupMissed } from './group.ts';
import { missedQuestions, type TranscriptRow } from './missed-questions.ts';

/**
 * Bounds on one request, so a busy site's quarter costs the same as a quiet one's: the newest
 * conversations with a miss, the rows read of them, and the questions grouped (in a thread of
 * their own when there are many: `group.ts`).
 */
export const MISSED_LIMITS = { conversations: 2000, rows: 40_000, questions: 1000, examples: 3 } as const;

type Stored = { conversation_id: string; author: string; internal: boolean; text: string; ts: number; bot: unknown };

/**
 * "What the bot missed" from the history store: ended conversations are archived there with
 * every message, the bot's decision on its own replies (`data.bot`).
 */
export function missedReport(db: Db, kb: { all(siteId: string): Promise<KbEntry[]> }) {
  async function questions(q: MissedQuery): Promise<{ questions: MissedQuestion[]; truncated: boolean }> {
    const from = new Date(q.from).toISOString();
    const to = new Date(q.to).toISOString();
    const rows = await db.query<Stored>(
      `WITH hit AS (
         SELECT conversation_id, max(ts) AS last FROM messages
         WHERE site_id = $1 AND ts >= $2 AND ts < $3 AND author = 'bot'
           AND data->'bot'->>'kind' IN ('suggest', 'escalate')
         GROUP BY conversation_id ORDER BY last DESC LIMIT $4)
       SELECT m.conversation_id, m.author, m.internal, m.text,
         (extract(epoch FROM m.ts) * 1000)::float8 AS ts, m.data->'bot' AS bot
       FROM messages m JOIN hit USING (conversation_id)
       WHERE m.site_id = $1 AND m.ts >= $2 AND m.author <> 'system'
       ORDER BY hit.last DESC, m.conversation_id, m.ts, m.id
       LIMIT $5`,
      [q.siteId, from, to, MISSED_LIMITS.conversations + 1, MISSED_LIMITS.rows + 1],
    );
    const byConversation = new Map<string, TranscriptRow[]>();
    for (const r of rows.slice(0, MISSED_LIMITS.rows)) {
      const bot = BotDecision.safeParse(r.bot);
      const list = byConversation.get(r.conversation_id) ?? [];
      list.push({
        conversationId: r.conversation_id,
        author: r.author,
        internal: r.internal,
        text: r.text,
        ts: Math.round(r.ts),
        bot: bot.success ? bot.data : null,
      });
      byConversation.set(r.conversation_id, list);
    }
    const found = [...byConversation.values()]
      .slice(0, MISSED_LIMITS.conversations)
      .flatMap(missedQuestions)
      .filter((m) => m.ts >= q.from && m.ts < q.to)
      .sort((a, b) => b.ts - a.ts);
    const truncated =
      rows.length > MISSED_LIMITS.rows ||
      byConversation.size > MISSED_LIMITS.conversations ||
      found.length > MISSED_LIMITS.questions;
    return { questions: found.slice(0, MISSED_LIMITS.questions), truncated };
  }

  return {
    async groups(q: MissedQuery): Promise<MissedGroups> {
      const [{ questions: found, truncated }, entries] = await Promise.all([questions(q), kb.all(q.siteId)]);
      const groups = (await groupMissed(found, entries)).map((g) => {
        const rest = g.members.filter((m) => m !== g.representative);
        return {
          representative: g.representative,
          count: g.members.length,
          examples: [g.representative, ...rest].slice(0, MISSED_LIMITS.examples),
          language: g.representative.language,
          closestEntryId: g.closest?.entryId ?? null,
          agentReply: [g.representative, ...rest].find((m) => m.agentReply !== null)?.agentReply ?? null,
        };
      });
      return { groups, questions: found.length, truncated };
    },
  };
}

export type MissedReport = ReturnType<typeof missedReport>;
