import { formatNumber } from '../../i18n/format.ts';
import { translatorFor } from '../../i18n/t.ts';
import { endStrings } from '../../locales/end.ts';
import { useChat } from '../context.ts';
import { ScoreForm } from './ScoreForm.tsx';

// The range of `RateNps`; imported from @cascade/shared it would bring zod into this chunk.
const NPS_MAX = 10;
const SCORES = Array.from({ length: NPS_MAX + 1 }, (_, n) => n);

/** The site's NPS question after the chat: 0 to 10, in the visitor's digits, and a comment. */
export function Nps({ onDone }: { onDone: () => void }) {
  const { locale, conn, attempt, state } = useChat();
  const t = translatorFor(endStrings, locale);
  return (
    <ScoreForm
      legend={t('nps.title', { site: state.site?.name ?? '' })}
      scores={SCORES}
      row="nps"
      choice={(n) => ({ shown: formatNumber(locale, n), label: t('rate.star', { n, max: NPS_MAX }) })}
      lit={(n, chosen) => n === chosen}
      hint={t('nps.scale', { low: 0, high: NPS_MAX })}
      send={(score, comment) => attempt(conn.act('conversation:nps', { score, ...(comment ? { comment } : {}) }))}
      onDone={onDone}
    />
  );
}
