import type { RatingRisk } from '@cascade/shared';

/** A visitor waiting this long for an answer to their message is at risk of leaving unhappy. */
export const UNANSWERED_MS = 2 * 60_000;

/**
 * Words that say a visitor is unhappy, in the console's three languages. Matched as whole
 * words, case-insensitively: a short list that catches the plain cases, nothing cleverer.
 */
const UNHAPPY = [
  'angry',
  'awful',
  'terrible',
  'useless',
  'worst',
  'ridiculous',
  'unacceptable',
  'disappointed',
  'complaint',
  'refund',
  'سيء',
  'سيئة',
  'غاضب',
  'أسوأ',
  'شكوى',
  'مستاء',
  'افتضاح',
  'عصبانی',
  'بدترین',
  'شکایت',
  'ناراضی',
];
const unhappyWords = new RegExp(`(^|[\\s.,!?؟،])(${UNHAPPY.join('|')})(?=$|[\\s.,!?؟،])`, 'iu');

export type RiskFacts = {
  /** Seconds in line so far or before an agent took the chat. */
  waitSeconds: number | null;
  maxWaitSeconds: number;
  awaitingReplySince: number | null;
  /** The visitor's recent messages. */
  visitorTexts: string[];
  now: number;
};

/**
 * Why a chat may end with a poor rating: waited over half the site's wait limit, a message
 * unanswered for two minutes, or unhappy words. Pure, so that the rule is tested as written.
 */
export function ratingRisk(f: RiskFacts): RatingRisk[] {
  const risk: RatingRisk[] = [];
  if (f.waitSeconds !== null && f.waitSeconds * 2 >= f.maxWaitSeconds) risk.push('long_wait');
  if (f.awaitingReplySince !== null && f.now - f.awaitingReplySince >= UNANSWERED_MS) risk.push('unanswered');
  if (f.visitorTexts.some((t) => unhappyWords.test(t))) risk.push('unhappy_words');
  return risk;
}
