import type { BotDecision, BotThresholds, KbEntry } from '@cascade/shared';
import { contentIn, decide } from './decide.ts';
import { buildIndex } from './kb-index.ts';
import { defaultThresholds } from './thresholds.ts';

export interface Bot {
  /**
   * Decide for one visitor message. `locale` is the widget's language, used when the text's own
   * language is unclear.
   */
  decide(text: string, opts?: { locale?: string; thresholds?: BotThresholds }): BotDecision;
  /** The answer text of an entry in a language (falls back to en, then any), for suggestion picks. */
  answer(entryId: string, language: string): { text: string; language: string; skill: string } | null;
  /** Number of entries. */
  readonly size: number;
}

/** Builds the index (and trains the classifier) once; every call after that is pure and fast. */
export function createBot(entries: KbEntry[], options?: { thresholds?: BotThresholds }): Bot {
  const index = buildIndex(entries);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const siteThresholds = options?.thresholds ?? defaultThresholds;
  return {
    size: entries.length,
    decide(text, opts) {
      return decide(index, text, { locale: opts?.locale, thresholds: opts?.thresholds ?? siteThresholds });
    },
    answer(entryId, language) {
      const entry = byId.get(entryId);
      if (!entry) return null;
      const found = contentIn(entry, language);
      return { text: found.content.answer, language: found.language, skill: entry.skill };
    },
  };
}
