import { GENERAL_SKILL, type KbEntry } from '@cascade/shared';
import { seededRandom } from '../random.ts';

/** A data set in the CLINC150 format: `[text, label]` pairs per split; `oos` marks out-of-scope. */
export interface Dataset {
  train: [string, string][];
  val: [string, string][];
  test: [string, string][];
  oos_val: [string, string][];
  oos_test: [string, string][];
}

const SPLITS = ['train', 'val', 'test', 'oos_val', 'oos_test'] as const;

function pairs(value: unknown, split: string): [string, string][] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`"${split}" must be a list of [text, label] pairs`);
  return value.map((row, i) => {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string') {
      throw new Error(`"${split}"[${i}] must be a [text, label] pair of strings`);
    }
    return [row[0], row[1]];
  });
}

/** Parses a CLINC150-format object; out-of-scope splits are optional. */
export function parseDataset(json: unknown): Dataset {
  if (typeof json !== 'object' || json === null) throw new Error('the data file must hold a JSON object');
  const record = json as Record<string, unknown>;
  const data = Object.fromEntries(SPLITS.map((s) => [s, pairs(record[s], s)])) as unknown as Dataset;
  if (data.train.length === 0) throw new Error('"train" is empty: there is nothing to build the knowledge base from');
  return data;
}

/** Entry ids must be opaque ids; labels from other data sets may not be. */
function entryId(label: string): string {
  return label.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || '_';
}

/**
 * One knowledge-base entry per training label: its first utterance is the question, the
 * others its phrasings, all English, skill 'general'. Returns the label of each entry id.
 */
export function knowledgeBase(train: readonly [string, string][]): {
  entries: KbEntry[];
  labelOf: Map<string, string>;
} {
  const byLabel = new Map<string, string[]>();
  for (const [text, label] of train) {
    const texts = byLabel.get(label) ?? [];
    texts.push(text.slice(0, 300));
    byLabel.set(label, texts);
  }
  const labelOf = new Map<string, string>();
  const entries: KbEntry[] = [];
  for (const [label, texts] of byLabel) {
    let id = entryId(label);
    while (labelOf.has(id)) id = `${id.slice(0, 60)}_${labelOf.size}`;
    labelOf.set(id, label);
    const [question, ...phrasings] = texts as [string, ...string[]];
    entries.push({
      id,
      skill: GENERAL_SKILL,
      content: { en: { question, phrasings: phrasings.slice(0, 500), answer: `Answer for ${label}.` } },
      related: [],
      updatedAt: 0,
    });
  }
  return { entries, labelOf };
}

/**
 * The few-shot case without separate files: `perLabel` training rows of each label, picked by a
 * seeded shuffle (the same seed picks the same rows); validation and test are left as they are.
 */
export function keepPerLabel(data: Dataset, perLabel: number, seed: number): Dataset {
  const random = seededRandom(seed);
  const byLabel = new Map<string, [string, string][]>();
  for (const row of data.train) {
    const rows = byLabel.get(row[1]) ?? [];
    rows.push(row);
    byLabel.set(row[1], rows);
  }
  const train: [string, string][] = [];
  for (const rows of byLabel.values()) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j] as [string, string], rows[i] as [string, string]];
    }
    train.push(...rows.slice(0, perLabel));
  }
  return { ...data, train };
}
