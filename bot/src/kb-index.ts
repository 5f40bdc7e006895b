import type { KbEntry } from '@cascade/shared';
import type { ConfidenceModel } from './confidence.ts';
import { fitConfidence } from './kb-calibration.ts';
import { buildModel, type KbModel } from './kb-model.ts';
import { normalize } from './normalize.ts';
import { terms } from './tokens.ts';

export { MIN_SIMILARITY, rank, type Candidate } from './kb-model.ts';

/**
 * The searchable form of a knowledge base: the retrieval model over every question and
 * phrasing of every entry, in every language (`kb-model.ts`), and the confidence model
 * fitted on this knowledge base's own phrasings (`kb-calibration.ts`). Plain data and typed
 * arrays only.
 */
export interface KbIndex extends KbModel {
  readonly entries: readonly KbEntry[];
  readonly confidence: ConfidenceModel;
}

export function buildIndex(entries: readonly KbEntry[]): KbIndex {
  const normalized: string[] = [];
  const texts: string[][] = [];
  const labels: number[] = [];
  entries.forEach((entry, e) => {
    for (const content of Object.values(entry.content)) {
      for (const text of new Set([content.question, ...content.phrasings])) {
        const n = normalize(text);
        if (n.length === 0) continue;
        normalized.push(n);
        texts.push(terms(n));
        labels.push(e);
      }
    }
  });
  const model = buildModel(texts, labels, entries.length);
  return { ...model, entries, confidence: fitConfidence(entries, normalized, texts, labels, model) };
}
