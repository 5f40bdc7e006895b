import type { TranscriptItem } from './transcript.ts';

/** Bot parts this short are shown open: collapsing them would hide more than it saves. */
const OPEN_UP_TO = 3;

export interface SplitTranscript {
  /** What came before the first agent joined; empty when the chat began with an agent. */
  bot: TranscriptItem[];
  rest: TranscriptItem[];
  /** Visitor and bot messages in the bot part, system lines not counted. */
  botMessages: number;
  startsOpen: boolean;
}

/** Splits the visitor ↔ bot exchange off the head of a transcript so it can fold into one line. */
export function splitBotPart(items: readonly TranscriptItem[]): SplitTranscript {
  const end = items.findIndex((item) => !item.beforeAgent);
  const cut = end === -1 ? items.length : end;
  const bot = items.slice(0, cut);
  const botMessages = bot.filter((item) => item.kind !== 'system').length;
  return { bot, rest: items.slice(cut), botMessages, startsOpen: botMessages <= OPEN_UP_TO };
}
