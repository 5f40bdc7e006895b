import { GENERAL_SKILL, type BotDecision, type BotThresholds, type KbContent, type KbEntry } from '@cascade/shared';
import { confidenceOf } from './confidence.ts';
import { requestsHuman } from './intents/human.ts';
import { readSmalltalk, type SmalltalkIntent } from './intents/smalltalk.ts';
import { rank, type KbIndex } from './kb-index.ts';
import { detectLanguage } from './language.ts';
import { normalize } from './normalize.ts';

/** An entry's content in `language`, else English, else whatever it has. */
export function contentIn(entry: KbEntry, language: string): { language: string; content: KbContent } {
  for (const lang of [language, 'en']) {
    const content = entry.content[lang];
    if (content) return { language: lang, content };
  }
  const [lang, content] = Object.entries(entry.content)[0] as [string, KbContent];
  return { language: lang, content };
}

/** Everything the bot learns from one message, before thresholds are applied. */
export interface Assessment {
  language: string;
  humanRequested: boolean;
  smalltalk: SmalltalkIntent | null;
  /** Best entries first, each with its ranking score and calibrated confidence. */
  candidates: { entry: KbEntry; score: number; confidence: number }[];
  /** The best entry's skill, or 'general' when no entry shares a single term with the message. */
  skill: string;
}

export function assess(index: KbIndex, text: string, locale = 'en'): Assessment {
  const normalized = normalize(text);
  const smalltalk = readSmalltalk(normalized);
  // A leading "hi" or "thanks" is no evidence for any entry: search the rest.
  const ranked = rank(index, smalltalk.rest.length > 0 ? smalltalk.rest : normalized);
  const best = ranked[0];
  return {
    language: detectLanguage(text, locale),
    humanRequested: requestsHuman(text),
    smalltalk: smalltalk.intent,
    candidates: ranked.map((c) => ({
      entry: index.entries[c.entry] as KbEntry,
      score: c.score,
      confidence: confidenceOf(index.confidence, c.features, c.score),
    })),
    skill: best && best.similarity > 0 ? (index.entries[best.entry] as KbEntry).skill : GENERAL_SKILL,
  };
}

/**
 * The waterfall's first step, in this order: a request for a person always escalates;
 * pure smalltalk gets a friendly reply unless the site's own knowledge base answers it
 * outright; then answer, suggest or escalate by the best entry's confidence.
 *
 * `confidence` is how sure the bot is of what it decided: for answer and suggest the
 * calibrated probability that the best entry is right, for an unknown question one minus
 * that, and 1 for a recognised request for a person or smalltalk.
 */
export function choose(a: Assessment, thresholds: BotThresholds): BotDecision {
  const { language, skill } = a;
  if (a.humanRequested) return { kind: 'escalate', reason: 'human_requested', confidence: 1, language, skill };
  const best = a.candidates[0];
  const confidence = best?.confidence ?? 0;
  if (a.smalltalk && !(best && confidence >= thresholds.answer)) {
    return { kind: 'smalltalk', intent: a.smalltalk, confidence: 1, language };
  }
  if (best && confidence >= thresholds.answer) {
    const found = contentIn(best.entry, language);
    return {
      kind: 'answer',
      entryId: best.entry.id,
      confidence,
      language: found.language,
      text: found.content.answer,
      skill,
    };
  }
  if (best && confidence >= thresholds.suggest) {
    // Runners-up are offered only when they are plausible themselves.
    const suggestions = a.candidates
      .filter((c, i) => i === 0 || c.confidence >= thresholds.suggest / 2)
      .slice(0, 3)
      .map((c) => ({ entryId: c.entry.id, question: contentIn(c.entry, language).content.question }));
    return { kind: 'suggest', confidence, language, suggestions, skill };
  }
  return { kind: 'escalate', reason: 'unknown', confidence: 1 - confidence, language, skill };
}

export function decide(
  index: KbIndex,
  text: string,
  opts: { locale?: string | undefined; thresholds: BotThresholds },
): BotDecision {
  return choose(assess(index, text, opts.locale), opts.thresholds);
}
