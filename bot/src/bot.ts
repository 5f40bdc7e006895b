import type { BotDecision, BotThresholds, KbEntry } from '@cascade/shared';
import { contentIn, decide } from './decide.ts';
import { buildIndex, indexBuffers, indexFromState, indexState, type IndexState, type KbIndex } from './kb-index.ts';
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

/** What training learns from a knowledge base, as plain data (strings and typed arrays). */
export type BotModel = IndexState;

/** Builds the index (and trains the classifier) once; every call after that is pure and fast. */
export function createBot(entries: KbEntry[], options?: { thresholds?: BotThresholds }): Bot {
  return botOver(entries, buildIndex(entries), options);
}

/**
 * The slow half of `createBot`, for another thread: the model of `entries`, to hand to
 * `botFromModel` with the same entries in the same order. `modelBuffers` lists what to transfer.
 */
export function trainBot(entries: KbEntry[]): BotModel {
  return indexState(buildIndex(entries));
}

export function modelBuffers(model: BotModel): ArrayBuffer[] {
  return indexBuffers(model);
}

/** The fast half: a bot from a model `trainBot` made of these entries. */
export function botFromModel(entries: KbEntry[], model: BotModel, options?: { thresholds?: BotThresholds }): Bot {
  return botOver(entries, indexFromState(entries, model), options);
}

function botOver(entries: KbEntry[], index: KbIndex, options?: { thresholds?: BotThresholds }): Bot {
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
