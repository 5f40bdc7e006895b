import type { HistorySummary } from '@cascade/shared';
import { historyCsvHref, historySummary, type HistoryCsv } from '../../api/history.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { MessageKey } from '../../locales/en.ts';
import type { DayRange } from '../../logic/history-query.ts';
import { agentName } from './ConversationResults.tsx';

/** The range's exports, each with its button's label. */
const csvExports: [HistoryCsv, MessageKey][] = [
  ['conversations', 'numbers.csv'],
  ['agents', 'numbers.agentsCsv'],
  ['tags', 'numbers.tagsCsv'],
];

type Tile = { id: string; label: string; value: string; note?: string | null };

const rate = (t: Translator, r: number | null) => (r === null ? t.t('metrics.none') : t.percent(r));
const time = (t: Translator, ms: number | null) => (ms === null ? t.t('metrics.none') : t.seconds(ms / 1000));
const share = (t: Translator, n: number, of: number) =>
  of > 0 ? t.t('tileNote.share', { share: t.percent(n / of) }) : null;

function tiles(t: Translator, s: HistorySummary): Tile[] {
  return [
    { id: 'conversations', label: t.t('numbers.conversations'), value: t.num(s.conversations) },
    {
      id: 'resolved',
      label: t.t('numbers.resolved'),
      value: t.num(s.resolved),
      note: share(t, s.resolved, s.conversations),
    },
    {
      id: 'bot',
      label: t.t('numbers.resolvedByBot'),
      value: t.num(s.resolvedByBot),
      note: share(t, s.resolvedByBot, s.conversations),
    },
    { id: 'ticketed', label: t.t('numbers.ticketed'), value: t.num(s.ticketed) },
    { id: 'abandoned', label: t.t('numbers.abandoned'), value: t.num(s.abandoned) },
    { id: 'fcr', label: t.t('numbers.firstContact'), value: rate(t, s.firstContactResolution) },
    { id: 'transfers', label: t.t('numbers.transfers'), value: t.num(s.transfers) },
    {
      id: 'csat',
      label: t.t('numbers.csat'),
      value: s.csatAverage === null ? t.t('metrics.none') : t.num(Math.round(s.csatAverage * 10) / 10),
      note: s.ratings > 0 ? t.t('numbers.ratings', { n: s.ratings, satisfied: rate(t, s.csatSatisfied) }) : null,
    },
    { id: 'wait', label: t.t('numbers.wait'), value: time(t, s.avgWaitMs) },
    { id: 'first-response', label: t.t('numbers.firstResponse'), value: time(t, s.avgFirstResponseMs) },
    { id: 'handle', label: t.t('numbers.handle'), value: time(t, s.avgHandleMs) },
  ];
}

/** The range's numbers from PostgreSQL, by tag and by agent, and its conversations, agents and tags as CSV. */
export function HistoryNumbers({
  siteId,
  range,
  names,
}: {
  siteId: string;
  range: DayRange;
  names: ReadonlyMap<string, string>;
}) {
  const t = useT();
  const summary = useLoad(() => historySummary(siteId, range), `${siteId}:${range.from}:${range.to}`);
  const s = summary.data;
  // The range ends at a midnight that belongs to the next day; the label names the last day in it.
  const rangeText = t.t('numbers.range', { from: t.day(range.from), to: t.day(range.to - 1) });
  return (
    <section class="panel" aria-labelledby="numbers-title">
      <div class="panel-head">
        <h2 id="numbers-title">{t.t('numbers.title')}</h2>
        <span class="muted">{rangeText}</span>
        <span class="inline-group push-end">
          {csvExports.map(([kind, label]) => (
            <a key={kind} class="button small" href={historyCsvHref(kind, siteId, range)} download>
              {t.t(label)}
            </a>
          ))}
        </span>
      </div>
      {summary.error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: summary.error })}
        </p>
      )}
      {!s && !summary.error && <p class="muted">{t.t('app.loading')}</p>}
      {s && (
        <>
          <ul class="tiles" aria-label={t.t('numbers.figures')}>
            {tiles(t, s).map((tile) => (
              <li key={tile.id}>
                <div class="tile" role="group" aria-labelledby={`numbers-${tile.id}`}>
                  <span class="tile-label" id={`numbers-${tile.id}`}>
                    {tile.label}
                  </span>
                  <span class="tile-value">{tile.value}</span>
                  {tile.note && <span class="tile-note">{tile.note}</span>}
                </div>
              </li>
            ))}
          </ul>
          <div class="numbers-tables">
            <table class="table compact" aria-label={t.t('numbers.byTag')}>
              <thead>
                <tr>
                  <th scope="col">{t.t('conversations.tag')}</th>
                  <th scope="col">{t.t('numbers.conversations')}</th>
                </tr>
              </thead>
              <tbody>
                {s.byTag.length === 0 && (
                  <tr>
                    <td colSpan={2} class="muted">
                      {t.t('numbers.noTags')}
                    </td>
                  </tr>
                )}
                {s.byTag.map((row) => (
                  <tr key={row.tag}>
                    <th scope="row" dir="auto">
                      {row.tag}
                    </th>
                    <td>{t.num(row.conversations)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table class="table compact" aria-label={t.t('numbers.byAgent')}>
              <thead>
                <tr>
                  <th scope="col">{t.t('conversations.agent')}</th>
                  <th scope="col">{t.t('numbers.conversations')}</th>
                  <th scope="col">{t.t('numbers.csat')}</th>
                </tr>
              </thead>
              <tbody>
                {s.byAgent.length === 0 && (
                  <tr>
                    <td colSpan={3} class="muted">
                      {t.t('numbers.noAgents')}
                    </td>
                  </tr>
                )}
                {s.byAgent.map((row) => (
                  <tr key={row.agentId}>
                    <th scope="row" dir="auto">
                      {agentName(t, names, row.agentId)}
                    </th>
                    <td>{t.num(row.conversations)}</td>
                    <td>
                      {row.csatAverage === null ? t.t('metrics.none') : t.num(Math.round(row.csatAverage * 10) / 10)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
