import type { ChosenStatus, StatusTimes } from '@cascade/shared';
import { useT } from '../../i18n/context.ts';

const statuses: readonly ChosenStatus[] = ['online', 'away', 'break', 'busy'];

/** How long each agent was available, away, on a break and busy in the period. */
export function StatusTimeTable({ rows, names }: { rows: StatusTimes['agents']; names: ReadonlyMap<string, string> }) {
  const t = useT();
  return (
    <section class="agent-stats" aria-labelledby="status-time-title">
      <h3 id="status-time-title" class="panel-sub">
        {t.t('statusTime.title')}
      </h3>
      {rows.length === 0 ? (
        <p class="empty">{t.t('statusTime.none')}</p>
      ) : (
        <table class="table compact" aria-labelledby="status-time-title">
          <thead>
            <tr>
              <th scope="col">{t.t('board.agent')}</th>
              {statuses.map((s) => (
                <th key={s} scope="col">
                  {t.t(`presence.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.agentId}>
                <th scope="row" dir="auto">
                  {names.get(row.agentId) ?? row.agentId}
                </th>
                {statuses.map((s) => (
                  <td key={s}>{t.duration(row.seconds[s] * 1000)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
