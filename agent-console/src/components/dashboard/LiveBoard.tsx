import { useNow } from '../../hooks/use-now.ts';
import type { LiveBoard as Live } from '../../hooks/use-board.ts';
import { useT } from '../../i18n/context.ts';
import { useSkillName } from '../../i18n/skill-names.ts';
import { boardTotals, liveWaitSeconds, sortedAgents } from '../../logic/board.ts';

/** Waiting lines and agents as they are now, kept current by the socket. */
export function LiveBoard({ live }: { live: Live }) {
  const t = useT();
  const skillName = useSkillName();
  const now = useNow(1000);
  const { board, receivedAt, error } = live;
  const totals = board ? boardTotals(board) : null;
  return (
    <section class="panel" aria-labelledby="board-title">
      <div class="panel-head">
        <h2 id="board-title">{t.t('board.title')}</h2>
        <span class="live-dot" aria-hidden="true" />
        {totals && board && (
          <p class="muted" role="status">
            {t.t('board.summary', {
              waiting: totals.waiting,
              online: t.plural('board.online', totals.online),
              load: totals.load,
              cap: totals.cap,
              chats: t.plural('board.inProgress', board.inProgress),
            })}
          </p>
        )}
      </div>
      {error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: error })}
        </p>
      )}
      {!board && !error && <p class="muted">{t.t('app.loading')}</p>}
      {board && (
        <div class="board-columns">
          <div>
            <h3 class="panel-sub">{t.t('board.lines')}</h3>
            {board.lines.length === 0 ? (
              <p class="empty">{t.t('board.noneWaiting')}</p>
            ) : (
              <table class="table compact" aria-label={t.t('board.lines')}>
                <thead>
                  <tr>
                    <th scope="col">{t.t('board.queue')}</th>
                    <th scope="col">{t.t('board.waiting')}</th>
                    <th scope="col">{t.t('board.longest')}</th>
                  </tr>
                </thead>
                <tbody>
                  {board.lines.map((line) => {
                    const wait = liveWaitSeconds(line.longestWaitSeconds, receivedAt, now);
                    return (
                      <tr key={`${line.skill}:${line.level}`}>
                        <th scope="row">
                          {t.t('inbox.skillLevel', { skill: skillName(line.skill), level: line.level })}
                        </th>
                        <td>{t.num(line.waiting)}</td>
                        <td>{wait === null ? t.t('metrics.none') : t.duration(wait * 1000)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </div>
          <div>
            <h3 class="panel-sub">{t.t('board.agents')}</h3>
            {board.agents.length === 0 ? (
              <p class="empty">{t.t('board.noAgents')}</p>
            ) : (
              <table class="table compact" aria-label={t.t('board.agents')}>
                <thead>
                  <tr>
                    <th scope="col">{t.t('board.agent')}</th>
                    <th scope="col">{t.t('board.status')}</th>
                    <th scope="col">{t.t('board.load')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sortedAgents(board.agents).map((agent) => (
                    <tr key={agent.agentId}>
                      <th scope="row" dir="auto">
                        {agent.name}
                      </th>
                      <td>
                        <span class={`presence presence-${agent.status}`}>
                          <span class="dot" aria-hidden="true" />
                          {t.t(`presence.${agent.status}`)}
                        </span>
                      </td>
                      <td>
                        <span class="load">
                          <meter min={0} max={Math.max(agent.cap, 1)} value={agent.load} aria-hidden="true" />
                          {t.t('board.loadOf', { load: agent.load, cap: agent.cap })}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
