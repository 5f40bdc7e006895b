import type { BotDecision, MissedQuestion } from '@cascade/shared';

/** One stored message of a conversation, as far as finding missed questions needs it. */
export interface TranscriptRow {
  conversationId: string;
  author: string;
  internal: boolean;
  text: string;
  ts: number;
  bot: BotDecision | null;
}

/**
 * The visitor questions of one conversation (rows in order) that the bot did not answer
 * outright: it only suggested, it escalated because it did not know, or it answered and the
 * visitor's next request was for a person. Each carries the first agent reply after it.
 */
export function missedQuestions(rows: readonly TranscriptRow[]): MissedQuestion[] {
  const missed: MissedQuestion[] = [];
  let question: TranscriptRow | null = null;
  let answered: TranscriptRow | null = null;
  const miss = (q: TranscriptRow, d: BotDecision, reason: MissedQuestion['reason']) =>
    missed.push({
      conversationId: q.conversationId,
      text: q.text,
      ts: q.ts,
      language: d.language,
      reason,
      agentReply: null,
    });
  for (const row of rows) {
    if (row.author === 'visitor') question = row;
    else if (row.author === 'agent' && !row.internal) {
      for (const m of missed) m.agentReply ??= row.text;
    } else if (row.author === 'bot' && row.bot && question) {
      const d = row.bot;
      if (d.kind === 'answer') answered = question;
      else if (d.kind === 'suggest') miss(question, d, 'suggested');
      else if (d.kind === 'escalate' && d.reason === 'unknown') miss(question, d, 'escalated');
      else if (d.kind === 'escalate' && answered) miss(answered, d, 'person_after_answer');
      if (d.kind !== 'answer' && d.kind !== 'smalltalk') answered = null;
      question = null;
    }
  }
  return missed;
}
