import type { Me, TicketStatus } from '@cascade/shared';
import { useEffect, useState } from 'preact/hooks';
import { listAgents } from '../api/agents.ts';
import { listTickets, type TicketPage } from '../api/tickets.ts';
import { useLoad } from '../hooks/use-load.ts';
import { useNow } from '../hooks/use-now.ts';
import { useT } from '../i18n/context.ts';
import { useSkillChoices, useSkillName } from '../i18n/skill-names.ts';
import { SkillSelect } from './SkillSelect.tsx';
import { visitorLabel } from '../i18n/describe.ts';
import { canAssignOthers } from '../logic/assignees.ts';
import { routeHash } from '../logic/route.ts';
import { isOverdue } from '../logic/reply-due.ts';
import { assigneeValue, parseAssignee, type AssigneeFilter } from '../logic/ticket-query.ts';
import { ticketStatuses } from '@cascade/shared/constants';

const PAGE_SIZE = 25;
/** Searching waits for a pause in typing rather than querying on every key. */
const SEARCH_DELAY_MS = 300;

export function TicketsPage({ me }: { me: Me }) {
  const t = useT();
  const skillName = useSkillName();
  // A promised reply time passes while the page is open: the overdue mark follows within a minute.
  const now = useNow(60_000);
  const [status, setStatus] = useState<TicketStatus | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [skill, setSkill] = useState('');
  const [assignee, setAssignee] = useState<AssigneeFilter>({ kind: 'anyone' });
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<TicketPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(query);
      setOffset(0);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    let current = true;
    setError(null);
    listTickets({ siteId, status, skill, assignee, q: search, limit: PAGE_SIZE, offset }, me.agent.id)
      .then((result) => current && setPage(result))
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [siteId, status, skill, assignee, search, offset, me.agent.id]);

  // The agents to filter by are those of one site, listed only for its supervisors and admins.
  const agentSite = siteId ?? (me.sites.length === 1 ? (me.sites[0]?.id ?? null) : null);
  const listable = agentSite !== null && canAssignOthers(me, agentSite) ? agentSite : null;
  const agents = useLoad(() => (listable ? listAgents(listable) : Promise.resolve([])), listable ?? '');
  const skills = useSkillChoices(me.agent.memberships, siteId);
  const filtered =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOffset(0);
    };

  return (
    <main class="page">
      <div class="page-head">
        <h1>{t.t('tickets.title')}</h1>
        {page && <span class="muted">{t.t('tickets.total', { n: page.total })}</span>}
      </div>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(query);
          setOffset(0);
        }}
      >
        <label class="field grow">
          <span>{t.t('tickets.search')}</span>
          <input type="search" dir="auto" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t.t('tickets.status')}</span>
          <select
            value={status ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setStatus(ticketStatuses.find((s) => s === value) ?? null);
              setOffset(0);
            }}
          >
            <option value="">{t.t('tickets.all')}</option>
            {ticketStatuses.map((s) => (
              <option key={s} value={s}>
                {t.t(`ticketStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {me.sites.length > 1 && (
          <label class="field">
            <span>{t.t('tickets.site')}</span>
            <select value={siteId ?? ''} onChange={(e) => filtered(setSiteId)(e.currentTarget.value || null)}>
              <option value="">{t.t('tickets.allSites')}</option>
              {me.sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <SkillSelect
          label={t.t('tickets.skill')}
          anyLabel={t.t('tickets.all')}
          value={skill}
          skills={skills}
          siteId={siteId ?? undefined}
          onChange={filtered(setSkill)}
        />
        <label class="field">
          <span>{t.t('tickets.assignee')}</span>
          <select
            value={assigneeValue(assignee)}
            onChange={(e) => filtered(setAssignee)(parseAssignee(e.currentTarget.value))}
          >
            <option value="anyone">{t.t('tickets.anyone')}</option>
            <option value="me">{t.t('tickets.mine')}</option>
            {(agents.data ?? [])
              .filter((a) => a.id !== me.agent.id)
              .map((a) => (
                <option key={a.id} value={assigneeValue({ kind: 'agent', agentId: a.id })}>
                  {a.name}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" class="button">
          {t.t('tickets.searchButton')}
        </button>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {t.t('tickets.loadFailed', { message: error })}
        </p>
      )}
      {page && page.tickets.length === 0 && <p class="empty">{t.t('tickets.empty')}</p>}
      {page && page.tickets.length > 0 && (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t.t('tickets.number')}</th>
              <th scope="col">{t.t('tickets.visitor')}</th>
              <th scope="col">{t.t('tickets.subject')}</th>
              <th scope="col">{t.t('tickets.reason')}</th>
              <th scope="col">{t.t('tickets.status')}</th>
              <th scope="col">{t.t('tickets.queue')}</th>
              <th scope="col">{t.t('tickets.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {page.tickets.map((ticket) => (
              <tr key={ticket.id}>
                <td>
                  <a href={routeHash({ view: 'ticket', ticketId: ticket.id })}>#{t.num(ticket.number)}</a>
                </td>
                <td>
                  <span dir="auto">{visitorLabel(t, ticket.visitor)}</span>
                  {!ticket.visitor.email && <span class="tag no-contact">{t.t('tickets.noContact')}</span>}
                </td>
                <td class="ticket-subject" dir="auto">
                  {ticket.subject ?? ''}
                </td>
                <td>{t.t(`ticketReason.${ticket.reason}`)}</td>
                <td>
                  <span class={`tag status-${ticket.status}`}>{t.t(`ticketStatus.${ticket.status}`)}</span>
                  {isOverdue(ticket, now) && <span class="tag overdue">{t.t('tickets.overdue')}</span>}
                </td>
                <td>
                  {t.t('inbox.skillLevel', { skill: skillName(ticket.skill, ticket.siteId), level: ticket.level })}
                </td>
                <td>{t.dateTime(ticket.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && page.total > PAGE_SIZE && (
        <div class="pager">
          <button
            type="button"
            class="button"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            {t.t('tickets.previous')}
          </button>
          <span class="muted">
            {t.num(offset + 1)}–{t.num(Math.min(offset + PAGE_SIZE, page.total))}
          </span>
          <button
            type="button"
            class="button"
            disabled={offset + PAGE_SIZE >= page.total}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            {t.t('tickets.next')}
          </button>
        </div>
      )}
    </main>
  );
}
