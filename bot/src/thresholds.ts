import type { BotThresholds } from '@cascade/shared';

/**
 * Levels of the calibrated confidence, which is fitted per knowledge base on its own
 * phrasings (`kb-calibration.ts`): from `answer` on the bot answers outright, below `suggest`
 * it escalates, between, it suggests. Because the curve is per knowledge base, the same
 * levels hold for a site with 3 phrasings per entry and one with 100. Chosen on CLINC150
 * validation data with 3, 5 and all training phrasings per entry (never its test split):
 * `suggest` about where the mean of in-scope accuracy and out-of-scope recall peaks for all
 * three, `answer` the lowest level where outright answers are wrong at most 5% of the time on
 * validation (at a mix of 18% out-of-scope questions) with 3 and 5 phrasings per entry, two
 * seeds, and all phrasings.
 */
export const defaultThresholds: BotThresholds = { answer: 0.8, suggest: 0.4 };
