import type { MetricsSummary } from '@cascade/shared';
import { useT } from '../../i18n/context.ts';
import { useSkillName } from '../../i18n/skill-names.ts';

const kinds = ['first_response', 'next_reply', 'resolution'] as const;

/** SLA breaches of the period, and per skill how close the wait promised to visitors came to the real one. */
export function SlaAndWaits({ summary }: { summary: MetricsSummary }) {
  const t = useT();
  const skillName = useSkillName();
  const seconds = (s: number | null) => (s === null ? t.t('metrics.none') : t.seconds(s));
  return (
    <div class="sla-waits">
      <section aria-labelledby="sla-title">
        <h3 id="sla-title" class="panel-sub">
          {t.t('sla.breaches')}
        </h3>
        <dl class="sla-breaches">
          {kinds.map((k) => (
            <div key={k}>
              <dt>{t.t(`sla.kind.${k}`)}</dt>
              <dd>{t.num(summary.slaBreaches[k])}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="wait-accuracy-title">
        <h3 id="wait-accuracy-title" class="panel-sub">
          {t.t('waitAccuracy.title')}
        </h3>
        {summary.waitAccuracy.length === 0 ? (
          <p class="empty">{t.t('waitAccuracy.none')}</p>
        ) : (
          <table class="table compact" aria-labelledby="wait-accuracy-title">
            <thead>
              <tr>
                <th scope="col">{t.t('allChats.skill')}</th>
                <th scope="col">{t.t('waitAccuracy.chats')}</th>
                <th scope="col">{t.t('waitAccuracy.predicted')}</th>
                <th scope="col">{t.t('waitAccuracy.actual')}</th>
                <th scope="col">{t.t('waitAccuracy.error')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.waitAccuracy.map((row) => (
                <tr key={row.skill}>
                  <th scope="row">{skillName(row.skill)}</th>
                  <td>{t.num(row.chats)}</td>
                  <td>{seconds(row.predictedP50Seconds)}</td>
                  <td>{seconds(row.actualP50Seconds)}</td>
                  <td>{seconds(row.errorP50Seconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
