import { useState } from 'preact/hooks';
import { translatorFor } from '../../i18n/t.ts';
import { endStrings } from '../../locales/end.ts';
import { useChat } from '../context.ts';

const SCORES = [1, 2, 3, 4, 5];

/** CSAT after the chat: 1 to 5 stars (native radios, so arrows and screen readers just work) and a comment. */
export function Rating({ onDone }: { onDone: () => void }) {
  const { locale, conn, attempt } = useChat();
  const t = translatorFor(endStrings, locale);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    const text = comment.trim();
    if (await attempt(conn.act('conversation:rate', { score, ...(text ? { comment: text } : {}) }))) onDone();
  }

  return (
    <form class="rate" onSubmit={submit}>
      <fieldset>
        <legend class="strong">{t('rate.title')}</legend>
        <div class="stars">
          {SCORES.map((n) => (
            <label key={n} class={n <= score ? 'on' : ''}>
              <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
              <span aria-hidden="true">★</span>
              <span class="sr">{t('rate.star', { n, max: SCORES.length })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <textarea
        dir="auto"
        aria-label={t('rate.comment')}
        placeholder={t('rate.comment')}
        maxLength={1000}
        value={comment}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      <button type="submit" class="primary" disabled={score === 0}>
        {t('rate.submit')}
      </button>
    </form>
  );
}
