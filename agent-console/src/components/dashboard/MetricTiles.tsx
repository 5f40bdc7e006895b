import type { MetricsSummary } from '@cascade/shared';
import { useT } from '../../i18n/context.ts';
import type { Translator } from '../../i18n/translator.ts';
import { metricTiles, type Figure, type TileNote } from '../../logic/metric-tiles.ts';

/** Each figure as a labelled group, so it reads as "Conversations: 12" to a screen reader and a test alike. */
export function MetricTiles({ summary }: { summary: MetricsSummary }) {
  const t = useT();
  return (
    <ul class="tiles" aria-label={t.t('metrics.figures')}>
      {metricTiles(summary).map((tile) => {
        const labelId = `tile-${tile.id}`;
        const note = tile.note ? noteText(t, tile.note) : null;
        return (
          // The group sits inside the item: a list may only hold list items (axe: list).
          <li key={tile.id}>
            <div class="tile" role="group" aria-labelledby={labelId}>
              <span class="tile-label" id={labelId}>
                {t.t(`tile.${tile.id}`)}
              </span>
              <span class="tile-value">{figureText(t, tile.value)}</span>
              {note && <span class="tile-note">{note}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function figureText(t: Translator, figure: Figure): string {
  if (figure.kind === 'count') return t.num(figure.n);
  if (figure.kind === 'rate') return figure.rate === null ? t.t('metrics.none') : t.percent(figure.rate);
  return figure.seconds === null ? t.t('metrics.none') : t.seconds(figure.seconds);
}

function noteText(t: Translator, note: TileNote): string | null {
  switch (note.kind) {
    case 'share':
      return note.rate === null ? null : t.t('tileNote.share', { share: t.percent(note.rate) });
    case 'p90':
      return note.seconds === null ? null : t.t('tileNote.p90', { time: t.seconds(note.seconds), n: note.count });
    case 'levels':
      return t.t('tileNote.levels', { l1: note.l1, l2: note.l2, l3: note.l3 });
    case 'ratings':
      return t.t('tileNote.ratings', { satisfied: note.satisfied, n: note.ratings });
    case 'offered':
      return t.t('tileNote.offered', { n: note.n });
    case 'byAgent':
      return t.t('tileNote.byAgent', { n: note.n });
  }
}
