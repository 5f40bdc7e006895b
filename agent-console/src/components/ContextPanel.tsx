import type { Me, PageView } from '@cascade/shared';
import { Fragment } from 'preact';
import { useNow } from '../hooks/use-now.ts';
import { useT } from '../i18n/context.ts';
import { deviceText } from '../i18n/describe.ts';
import { safeHref } from '../logic/links.ts';
import { routeHash } from '../logic/route.ts';
import { parseUserAgent } from '../logic/user-agent.ts';
import { waitStart } from '../logic/waiting.ts';
import type { ChatState } from '../state/chat-state.ts';
import { ForgetVisitor } from './ForgetVisitor.tsx';

/** Named values the visitor or the site gave (pre-chat answers, attributes); nothing when there are none. */
function Facts({ title, rows }: { title: string; rows: readonly (readonly [string, string])[] }) {
  if (rows.length === 0) return null;
  return (
    <section class="context-section">
      <h3>{title}</h3>
      <dl class="facts">
        {rows.map(([name, value]) => (
          <Fragment key={name}>
            <dt dir="auto">{name}</dt>
            <dd dir="auto">{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

/** Everything known about the visitor, so the agent never has to ask twice. */
export function ContextPanel({
  me,
  chat,
  open,
  onClose,
}: {
  me: Me;
  chat: ChatState;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const now = useNow(1000);
  const { conversation, visitor } = chat.summary;
  const pages = [...(chat.context?.pages ?? [])].sort((a, b) => b.ts - a.ts);
  const known = chat.context?.tickets ?? [];
  // The ticket just created with "Needs follow-up" belongs here too, before any re-fetch.
  const tickets = chat.ticket && !known.some((k) => k.id === chat.ticket?.id) ? [...known, chat.ticket] : known;
  const current = pages[0];
  // From the page (`Cascade('set', …)`) and the identity token; in name order, as a site reads them.
  const attributes = Object.entries(visitor.attributes ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const unknown = <span class="muted">{t.t('context.unknown')}</span>;

  let waited: string;
  if (conversation.queuedAt === null) waited = t.t('context.notQueued');
  else {
    const start = waitStart(conversation);
    waited =
      conversation.assignedAt !== null && conversation.assignedAt >= start
        ? t.duration(conversation.assignedAt - start)
        : t.t('context.stillWaiting', { duration: t.duration(now - start) });
  }

  return (
    <aside id="context-panel" class={`context${open ? ' open' : ''}`} aria-label={t.t('context.label')}>
      <button type="button" class="button quiet small context-close" onClick={onClose}>
        {t.t('context.close')}
      </button>
      {conversation.transferNote && (
        <section class="context-section transfer-note">
          <h3>{t.t('context.transferNote')}</h3>
          <p dir="auto">{conversation.transferNote}</p>
        </section>
      )}
      <section class="context-section">
        <h3>{t.t('context.visitor')}</h3>
        <dl class="facts">
          <dt>{t.t('context.name')}</dt>
          <dd dir="auto">{visitor.name ?? unknown}</dd>
          <dt>{t.t('context.email')}</dt>
          <dd>
            {visitor.email ? <span dir="ltr">{visitor.email}</span> : unknown}
            {visitor.verified && <span class="tag ok">{t.t('context.verified')}</span>}
          </dd>
          <dt>{t.t('context.locale')}</dt>
          <dd>{t.t(`locale.${visitor.locale}`)}</dd>
          <dt>{t.t('context.device')}</dt>
          <dd>{visitor.userAgent ? deviceText(t, parseUserAgent(visitor.userAgent)) : unknown}</dd>
          <dt>{t.t('context.waited')}</dt>
          <dd>
            {waited}
            {conversation.transfers > 0 && (
              <span class="muted small"> · {t.t('context.transfers', { n: conversation.transfers })}</span>
            )}
          </dd>
        </dl>
      </section>
      <Facts title={t.t('context.preChat')} rows={(visitor.preChat ?? []).map((a) => [a.label, a.value])} />
      <Facts title={t.t('context.attributes')} rows={attributes} />
      <section class="context-section">
        <h3>{t.t('context.currentPage')}</h3>
        {current ? <PageLink page={current} /> : <p class="muted">{t.t('context.unknown')}</p>}
      </section>
      {pages.length > 1 && (
        <section class="context-section">
          <h3>{t.t('context.pages')}</h3>
          <ol class="plain-list">
            {pages.slice(1).map((page) => (
              <li key={`${page.ts}-${page.url}`}>
                <PageLink page={page} />
                <span class="muted small">{t.time(page.ts)}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section class="context-section">
        <h3>{t.t('context.previous')}</h3>
        {chat.context && chat.context.previous.length > 0 ? (
          <ul class="plain-list">
            {chat.context.previous.map((c) => (
              <li key={c.id}>
                {t.t('context.conversation', { date: t.dateTime(c.createdAt), state: t.t(`state.${c.state}`) })}
                {c.ticketNumber !== null && <span class="muted small"> · #{t.num(c.ticketNumber)}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t.t('context.none')}</p>
        )}
      </section>
      <section class="context-section">
        <h3>{t.t('context.tickets')}</h3>
        {tickets.length > 0 ? (
          <ul class="plain-list">
            {tickets.map((ticket) => (
              <li key={ticket.id}>
                <a href={routeHash({ view: 'ticket', ticketId: ticket.id })}>
                  {t.t('context.ticket', { number: ticket.number, status: t.t(`ticketStatus.${ticket.status}`) })}
                </a>
                {ticket.note && (
                  <span class="muted small" dir="auto">
                    {' '}
                    {ticket.note}
                  </span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t.t('context.none')}</p>
        )}
      </section>
      <ForgetVisitor me={me} siteId={conversation.siteId} visitorId={visitor.id} />
    </aside>
  );
}

function PageLink({ page }: { page: PageView }) {
  const href = safeHref(page.url);
  const label = page.title.trim() || page.url;
  return (
    <span class="page-link">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" dir="auto">
          {label}
        </a>
      ) : (
        <span dir="auto">{label}</span>
      )}
      <span class="page-url" dir="ltr">
        {page.url}
      </span>
    </span>
  );
}
