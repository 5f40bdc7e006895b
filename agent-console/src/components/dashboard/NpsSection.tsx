import type { NpsSummary } from '@cascade/shared';
import { npsComments } from '../../api/history.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import type { DayRange } from '../../logic/history-query.ts';
import { routeHash } from '../../logic/route.ts';

type Props = { nps: NpsSummary; siteId: string; range: DayRange };

/**
 * The period's NPS answers: the score (%promoters − %detractors, −100 to 100), its counts, and
 * the latest comments visitors left with their score, each leading to its conversation.
 */
export function NpsSection({ nps, siteId, range }: Props) {
  const t = useT();
  const comments = useLoad(() => npsComments(siteId, range), `${siteId}:${range.from}:${range.to}`);
  const rows: [string, string][] = [
    [t.t('nps.score'), nps.score === null ? t.t('metrics.none') : t.num(nps.score)],
    [t.t('nps.answers'), t.num(nps.answers)],
    [t.t('nps.promoters'), t.num(nps.promoters)],
    [t.t('nps.passives'), t.num(nps.passives)],
    [t.t('nps.detractors'), t.num(nps.detractors)],
  ];
  return (
    <section class="agent-stats" aria-labelledby="nps-title">
      <h3 id="nps-title" class="panel-sub">
        {t.t('nps.title')}
      </h3>
      <table class="table compact">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {comments.data && comments.data.length > 0 && (
        <>
          <h4 class="panel-sub">{t.t('nps.comments')}</h4>
          <ul class="nps-comments">
            {comments.data.map((c) => (
              <li key={c.conversationId}>
                <a href={routeHash({ view: 'conversation', conversationId: c.conversationId })}>
                  {t.t('conversation.npsScore', { n: c.score })}
                </a>{' '}
                <span class="muted small">{t.dateTime(c.ts)}</span>
                <p dir="auto">{c.comment}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
