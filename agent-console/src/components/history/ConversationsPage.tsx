import type { Me } from '@cascade/shared';
import { useEffect, useState } from 'preact/hooks';
import { listAgents } from '../../api/agents.ts';
import { searchConversations } from '../../api/history.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import { agentNames } from '../../logic/agent-names.ts';
import { canAssignOthers } from '../../logic/assignees.ts';
import { dayRange, type ConversationFilter } from '../../logic/history-query.ts';
import type { SiteRef } from '../../logic/sites.ts';
import { ConversationFilters } from './ConversationFilters.tsx';
import { ConversationResults } from './ConversationResults.tsx';
import { HistoryNumbers } from './HistoryNumbers.tsx';

const PAGE_SIZE = 20;
/** Searching waits for a pause in typing rather than querying on every key. */
const SEARCH_DELAY_MS = 300;

const emptyFilter: ConversationFilter = {
  q: '',
  fromDay: '',
  toDay: '',
  outcome: null,
  agentId: null,
  skill: '',
  level: null,
  rating: null,
  tag: '',
  locale: null,
  limit: PAGE_SIZE,
  offset: 0,
};

/** Past conversations of the chosen site: search, filters, pages of hits, and for supervisors the numbers. */
export function ConversationsPage({ site, me }: { site: SiteRef; me: Me }) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [filter, setFilter] = useState<ConversationFilter>(emptyFilter);
  const change = (patch: Partial<ConversationFilter>) => setFilter((f) => ({ ...f, ...patch, offset: 0 }));

  useEffect(() => {
    const timer = setTimeout(
      () => setFilter((f) => (f.q === typed ? f : { ...f, q: typed, offset: 0 })),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [typed]);

  const key = JSON.stringify([site.id, filter]);
  const result = useLoad(() => searchConversations(site.id, filter), key);
  const supervises = canAssignOthers(me, site.id);
  const agents = useLoad(() => (supervises ? listAgents(site.id) : Promise.resolve([])), supervises ? site.id : '');
  const names = agentNames(agents, me.agent);
  // The numbers follow the chosen days; the range is fixed when the days change, not on every render.
  const [range, setRange] = useState(() => dayRange('', '', Date.now()));
  useEffect(() => setRange(dayRange(filter.fromDay, filter.toDay, Date.now())), [filter.fromDay, filter.toDay]);

  // The hits wait for the agents' names, so none shows "another agent" for an agent about to be named.
  const page = names ? result.data : null;
  return (
    <main class="page conversations-page">
      <div class="page-head">
        <h1>{t.t('conversations.title')}</h1>
        <span class="muted" dir="auto">
          {site.name}
        </span>
        {page && (
          <span class="muted">
            {t.t(page.more ? 'conversations.totalMore' : 'conversations.total', { n: page.total })}
          </span>
        )}
      </div>
      <ConversationFilters
        me={me}
        siteId={site.id}
        typed={typed}
        filter={filter}
        agents={agents.data}
        onTyped={setTyped}
        onSearch={() => change({ q: typed })}
        onChange={change}
      />
      {result.error && (
        <p class="form-error" role="alert">
          {t.t('conversations.loadFailed', { message: result.error })}
        </p>
      )}
      {!page && !result.error && <p class="muted">{t.t('app.loading')}</p>}
      {page && page.conversations.length === 0 && <p class="empty">{t.t('conversations.empty')}</p>}
      {page && page.conversations.length > 0 && (
        <ConversationResults hits={page.conversations} q={filter.q} names={names} />
      )}
      {page && page.total > PAGE_SIZE && (
        <div class="pager">
          <button
            type="button"
            class="button"
            disabled={filter.offset === 0}
            onClick={() => setFilter((f) => ({ ...f, offset: Math.max(0, f.offset - PAGE_SIZE) }))}
          >
            {t.t('tickets.previous')}
          </button>
          <span class="muted">
            {t.num(filter.offset + 1)}–{t.num(Math.min(filter.offset + PAGE_SIZE, page.total))}
          </span>
          <button
            type="button"
            class="button"
            disabled={filter.offset + PAGE_SIZE >= page.total}
            onClick={() => setFilter((f) => ({ ...f, offset: f.offset + PAGE_SIZE }))}
          >
            {t.t('tickets.next')}
          </button>
        </div>
      )}
      {supervises && names && <HistoryNumbers siteId={site.id} range={range} names={names} />}
    </main>
  );
}
