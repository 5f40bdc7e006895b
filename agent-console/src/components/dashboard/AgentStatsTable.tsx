import type { MetricsSummary } from '@cascade/shared';
import { useT } from '../../i18n/context.ts';

/** Per-agent outcomes of the period; agents the site no longer lists keep their id. */
export function AgentStatsTable({
  rows,
  names,
}: {
  rows: MetricsSummary['agents'];
  names: ReadonlyMap<string, string>;
}) {
  const t = useT();
  const title = t.t('agentStats.title');
  return (
    <section class="agent-stats" aria-labelledby="agent-stats-title">
      <h3 id="agent-stats-title" class="panel-sub">
        {title}
      </h3>
      {rows.length === 0 ? (
        <p class="empty">{t.t('agentStats.none')}</p>
      ) : (
        <table class="table compact">
          <thead>
            <tr>
              <th scope="col">{t.t('board.agent')}</th>
              <th scope="col">{t.t('agentStats.resolved')}</th>
              <th scope="col">{t.t('agentStats.ticketed')}</th>
              <th scope="col">{t.t('agentStats.ratings')}</th>
              <th scope="col">{t.t('tile.csat')}</th>
            </tr>
          </thead>
          <tbody>
            {[...rows]
              .sort((a, b) => b.resolved - a.resolved)
              .map((row) => (
                <tr key={row.agentId}>
                  <th scope="row" dir="auto">
                    {names.get(row.agentId) ?? row.agentId}
                  </th>
                  <td>{t.num(row.resolved)}</td>
                  <td>{t.num(row.ticketed)}</td>
                  <td>{t.num(row.ratings)}</td>
                  <td>{row.csat === null ? t.t('metrics.none') : t.percent(row.csat)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
