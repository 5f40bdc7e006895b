import { translatorFor } from '../../i18n/t.ts';
import { endStrings } from '../../locales/end.ts';
import { useChat } from '../context.ts';
import { ScoreForm } from './ScoreForm.tsx';

const SCORES = [1, 2, 3, 4, 5];

/** CSAT after the chat: 1 to 5 stars and a comment. */
export function Rating({ onDone }: { onDone: () => void }) {
  const { locale, conn, attempt } = useChat();
  const t = translatorFor(endStrings, locale);
  return (
    <ScoreForm
      legend={t('rate.title')}
      scores={SCORES}
      row="stars"
      choice={(n) => ({ shown: '★', label: t('rate.star', { n, max: SCORES.length }) })}
      lit={(n, chosen) => n <= chosen}
      send={(score, comment) => attempt(conn.act('conversation:rate', { score, ...(comment ? { comment } : {}) }))}
      onDone={onDone}
    />
  );
}
