import { useState } from 'preact/hooks';
import { useAllChats } from '../../hooks/use-all-chats.ts';
import { useNow } from '../../hooks/use-now.ts';
import { useT } from '../../i18n/context.ts';
import { useSkillName } from '../../i18n/skill-names.ts';
import { visitorLabel } from '../../i18n/describe.ts';
import { filterChoices, filterRows, nextClock, noFilter, rowWaitSeconds } from '../../logic/all-chats.ts';
import { routeHash } from '../../logic/route.ts';
import type { SiteRef } from '../../logic/sites.ts';
import type { Connection } from '../../state/console-state.ts';
import type { ConsoleController } from '../../state/controller.ts';
import { AllChatsFilters } from './AllChatsFilters.tsx';
import { SlaClockText } from './SlaClockText.tsx';

interface Props {
  site: SiteRef;
  controller: ConsoleController;
  connection: Connection;
}

/** Every open chat of the site, waiting or with an agent, live: where a supervisor steps in from. */
export function AllChatsPage({ site, controller, connection }: Props) {
  const t = useT();
  const skillName = useSkillName();
  const now = useNow(1000);
  const live = useAllChats(site.id, controller, connection);
  const [filter, setFilter] = useState(noFilter);
  const rows = live.value?.chats ?? [];
  const shown = filterRows(rows, filter);
  const { skills, agents } = filterChoices(rows);
  return (
    <main class="page all-chats">
      <div class="page-head">
        <h1>{t.t('allChats.title')}</h1>
        <span class="live-dot" aria-hidden="true" />
        <p class="muted" role="status">
          {t.plural('allChats.count', shown.length)}
        </p>
      </div>
      <AllChatsFilters filter={filter} skills={skills} agents={agents} onChange={setFilter} />
      {live.error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: live.error })}
        </p>
      )}
      {!live.value && !live.error && <p class="muted">{t.t('app.loading')}</p>}
      {live.value && shown.length === 0 && <p class="empty">{t.t('allChats.none')}</p>}
      {shown.length > 0 && (
        <div class="table-scroll">
          <table class="table compact all-chats-table" aria-label={t.t('allChats.title')}>
            <thead>
              <tr>
                <th scope="col">{t.t('allChats.visitor')}</th>
                <th scope="col">{t.t('allChats.state')}</th>
                <th scope="col">{t.t('allChats.wait')}</th>
                <th scope="col">{t.t('allChats.agent')}</th>
                <th scope="col">{t.t('allChats.sla')}</th>
                <th scope="col">{t.t('allChats.last')}</th>
                <th scope="col">{t.t('allChats.risk')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => {
                const c = row.conversation;
                const wait = rowWaitSeconds(row, live.receivedAt, now);
                const clock = nextClock(row.clocks);
                return (
                  <tr key={c.id}>
                    <th scope="row">
                      <a href={routeHash({ view: 'monitor', conversationId: c.id })} dir="auto">
                        {visitorLabel(t, { id: c.visitorId, name: row.visitorName, email: null })}
                      </a>
                      {c.subject && (
                        <span class="muted small block" dir="auto">
                          {c.subject}
                        </span>
                      )}
                    </th>
                    <td>
                      {t.t(`state.${c.state}`)}
                      <span class="muted small block">
                        {t.t('inbox.skillLevel', { skill: skillName(c.skill, site.id), level: c.level })}
                      </span>
                    </td>
                    <td>{wait === null ? t.t('metrics.none') : t.duration(wait * 1000)}</td>
                    <td dir="auto">{row.agent?.name ?? t.t('allChats.nobody')}</td>
                    <td>{clock ? <SlaClockText clock={clock} now={now} /> : t.t('metrics.none')}</td>
                    <td class="last-message" dir="auto">
                      {row.lastMessage?.text ?? ''}
                    </td>
                    <td>
                      {row.risk.length === 0
                        ? t.t('allChats.riskNone')
                        : row.risk.map((r) => (
                            <span key={r} class="risk-tag">
                              {t.t(`allChats.riskReason.${r}`)}
                            </span>
                          ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
