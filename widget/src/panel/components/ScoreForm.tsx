import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { translatorFor } from '../../i18n/t.ts';
import { endStrings } from '../../locales/end.ts';
import { useChat } from '../context.ts';

export type Choice = { shown: ComponentChildren; label: string };

type Props = {
  legend: string;
  /** The scores offered, in reading order. */
  scores: readonly number[];
  /** The class of the choices' row. */
  row: string;
  /** How a score is drawn, and its name to a screen reader. */
  choice: (n: number) => Choice;
  /** Whether a choice is drawn as chosen once `chosen` is. */
  lit: (n: number, chosen: number) => boolean;
  /** Under the choices: what the ends of the scale mean. */
  hint?: string;
  send: (score: number, comment: string | undefined) => Promise<boolean>;
  onDone: () => void;
};

/**
 * A question after the chat: one score among native radios (so arrows and screen readers just
 * work) and an optional comment. The CSAT stars and the NPS scale are both one of these.
 */
export function ScoreForm({ legend, scores, row, choice, lit, hint, send, onDone }: Props) {
  const t = translatorFor(endStrings, useChat().locale);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (score !== null && (await send(score, comment.trim() || undefined))) onDone();
  }

  return (
    <form class="rate" onSubmit={submit}>
      <fieldset>
        <legend class="strong">{legend}</legend>
        <div class={row}>
          {scores.map((n) => {
            const { shown, label } = choice(n);
            return (
              <label key={n} class={score !== null && lit(n, score) ? 'on' : ''}>
                <input type="radio" name={row} value={n} checked={score === n} onChange={() => setScore(n)} />
                <span aria-hidden="true">{shown}</span>
                <span class="sr">{label}</span>
              </label>
            );
          })}
        </div>
        {hint && <p class="muted">{hint}</p>}
      </fieldset>
      <textarea
        dir="auto"
        aria-label={t('rate.comment')}
        placeholder={t('rate.comment')}
        maxLength={1000}
        value={comment}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      <button type="submit" class="primary" disabled={score === null}>
        {t('rate.submit')}
      </button>
    </form>
  );
}
