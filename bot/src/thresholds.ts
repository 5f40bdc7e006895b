import type { BotThresholds } from '@cascade/shared';

/**
 * Chosen on the CLINC150 validation split (never its test split) by the eval CLI, see
 * `eval/thresholds.ts`: below `suggest` the bot escalates; from `answer` on it answers
 * outright (answers right at least 97% of the time on validation); between, it suggests.
 */
export const defaultThresholds: BotThresholds = { answer: 0.89, suggest: 0.21 };
