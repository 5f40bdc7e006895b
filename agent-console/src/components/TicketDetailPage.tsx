import { historyDetail } from '../i18n/ticket-history.ts';
import type { Me, TicketEmailNotice } from '@cascade/shared';
import { useEffect } from 'preact/hooks';
import { listAgents } from '../api/agents.ts';
import { getTicket, heldEmails } from '../api/tickets.ts';
import { useLoad } from '../hooks/use-load.ts';
import { useNow } from '../hooks/use-now.ts';
import { useReplyDeliveries } from '../hooks/use-reply-deliveries.ts';
import { useT } from '../i18n/context.ts';
import { useSkillName } from '../i18n/skill-names.ts';
import { visitorLabel } from '../i18n/describe.ts';
import { assigneeChoices, canAssignOthers } from '../logic/assignees.ts';
import { safeHref } from '../logic/links.ts';
import { routeHash } from '../logic/route.ts';
import { isOverdue } from '../logic/reply-due.ts';
import { Attachments } from './Attachments.tsx';
import { HeldEmailItem } from './HeldEmailItem.tsx';
import { MessageList } from './MessageList.tsx';
import { ReplyDelivery } from './ReplyDelivery.tsx';
import { TicketActions } from './TicketActions.tsx';
import { TicketReplyForm } from './TicketReplyForm.tsx';

interface Props {
  ticketId: string;
  me: Me;
  /** Emails reaching tickets as they come; the page reads its ticket again for one of its own. */
  onTicketEmail: (listener: (notice: TicketEmailNotice) => void) => () => void;
}

/** Emails in the history: the visitor's own words, kept with their line breaks. */
const fromVisitor = new Set(['email', 'held']);

export function TicketDetailPage({ ticketId, me, onTicketEmail }: Props) {
  const t = useT();
  const skillName = useSkillName();
  // A promised reply time passes while the page is open: the overdue mark follows within a minute.
  const now = useNow(60_000);
  const loaded = useLoad(() => getTicket(ticketId), ticketId);
  const held = useLoad(() => heldEmails(ticketId), ticketId);
  const { reload } = loaded;
  const reloadHeld = held.reload;
  useEffect(
    () =>
      onTicketEmail((n) => {
        if (n.ticketId !== ticketId) return;
        reload();
        reloadHeld();
      }),
    [onTicketEmail, ticketId, reload, reloadHeld],
  );
  const { data: ticket, error } = loaded;
  const siteId = ticket?.siteId ?? '';
  const listsAgents = ticket !== null && canAssignOthers(me, siteId);
  const agents = useLoad(() => (listsAgents ? listAgents(siteId) : Promise.resolve(null)), listsAgents ? siteId : '');
  const replies = ticket?.history.filter((item) => item.deliveryId).length ?? 0;
  const deliveries = useReplyDeliveries(ticketId, replies);
  const assignee = ticket?.assigneeId
    ? assigneeChoices(me, ticket.assigneeId, agents.data).find((c) => c.id === ticket.assigneeId)
    : null;

  return (
    <main class="page">
      <a class="back-link" href={routeHash({ view: 'tickets' })}>
        {t.t('tickets.back')}
      </a>
      {error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: error })}
        </p>
      )}
      {!ticket && !error && <p class="muted">{t.t('app.loading')}</p>}
      {ticket && (
        <>
          <div class="page-head">
            <h1>{t.t('tickets.heading', { number: ticket.number })}</h1>
            <span class={`tag status-${ticket.status}`}>{t.t(`ticketStatus.${ticket.status}`)}</span>
          </div>
          <dl class="facts wide">
            {ticket.subject && (
              <>
                <dt>{t.t('tickets.subject')}</dt>
                <dd dir="auto">{ticket.subject}</dd>
              </>
            )}
            <dt>{t.t('tickets.visitor')}</dt>
            <dd dir="auto">
              {visitorLabel(t, ticket.visitor)}
              {ticket.visitor.email && ticket.visitor.name && (
                <span class="muted" dir="ltr">
                  {' '}
                  {ticket.visitor.email}
                </span>
              )}
            </dd>
            <dt>{t.t('tickets.reason')}</dt>
            <dd>{t.t(`ticketReason.${ticket.reason}`)}</dd>
            <dt>{t.t('tickets.assignee')}</dt>
            <dd dir="auto">{assignee ? (assignee.name ?? t.t('tickets.otherAgent')) : t.t('tickets.unassigned')}</dd>
            <dt>{t.t('tickets.queue')}</dt>
            <dd>{t.t('inbox.skillLevel', { skill: skillName(ticket.skill, ticket.siteId), level: ticket.level })}</dd>
            {ticket.replyBy !== undefined && (
              <>
                <dt>{t.t('tickets.replyBy')}</dt>
                <dd>
                  {t.dateTime(ticket.replyBy)}
                  {isOverdue(ticket, now) && <span class="tag overdue">{t.t('tickets.overdue')}</span>}
                </dd>
              </>
            )}
            <dt>{t.t('tickets.updated')}</dt>
            <dd>
              {t.dateTime(ticket.updatedAt)}
              <span class="muted small"> · {t.t('tickets.created', { date: t.dateTime(ticket.createdAt) })}</span>
            </dd>
          </dl>
          {ticket.note && (
            <section class="ticket-section transfer-note">
              <h2>{t.t('tickets.note')}</h2>
              <p dir="auto">{ticket.note}</p>
            </section>
          )}
          <div class="ticket-columns">
            <section class="ticket-section ticket-transcript">
              <h2>{t.t('tickets.transcript')}</h2>
              <MessageList me={me} messages={ticket.transcript} label={t.t('tickets.transcript')} follow={false} />
            </section>
            <div class="ticket-side">
              <TicketActions
                key={ticket.updatedAt}
                me={me}
                ticket={ticket}
                agents={agents.data}
                onChanged={loaded.reload}
              />
              <TicketReplyForm me={me} ticket={ticket} onSent={loaded.reload} />
              <section class="ticket-section" aria-labelledby="ticket-history-title">
                <h2 id="ticket-history-title">{t.t('tickets.history')}</h2>
                <ol class="history">
                  {ticket.history.map((item, i) => (
                    <li key={i} class={fromVisitor.has(item.action) ? 'from-visitor' : undefined}>
                      <span class="muted small">{t.dateTime(item.ts)}</span>
                      <span>
                        <strong>{item.by === me.agent.name ? t.t('author.you') : item.by}</strong> ·{' '}
                        {t.t(`history.${item.action}`)}
                      </span>
                      {item.detail && (
                        <span dir="auto" class={fromVisitor.has(item.action) ? 'email-text' : undefined}>
                          {historyDetail(item, t)}
                        </span>
                      )}
                      <Attachments files={item.attachments} />
                      {item.heldId && (
                        <HeldEmailItem
                          ticketId={ticket.id}
                          held={held.data?.find((h) => h.id === item.heldId)}
                          csrf={me.csrfToken}
                          onDecided={() => {
                            reload();
                            reloadHeld();
                          }}
                        />
                      )}
                      {item.deliveryId && (
                        <ReplyDelivery
                          delivery={deliveries.data?.find((d) => d.id === item.deliveryId)}
                          csrf={me.csrfToken}
                          onRetried={deliveries.reload}
                        />
                      )}
                    </li>
                  ))}
                </ol>
              </section>
              {ticket.pages.length > 0 && (
                <section class="ticket-section">
                  <h2>{t.t('tickets.pages')}</h2>
                  <ol class="plain-list">
                    {ticket.pages.map((page, i) => {
                      const href = safeHref(page.url);
                      return (
                        <li key={i}>
                          {href ? (
                            <a href={href} target="_blank" rel="noopener noreferrer" dir="auto">
                              {page.title || page.url}
                            </a>
                          ) : (
                            <span dir="auto">{page.title || page.url}</span>
                          )}
                        </li>
                      );
                    })}
                  </ol>
                </section>
              )}
            </div>
          </div>
        </>
      )}
    </main>
  );
}
