import type { ChatDetail, Me } from '@cascade/shared';
import { listAgents } from '../../api/agents.ts';
import { getConversation } from '../../api/history.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import { useSkillName } from '../../i18n/skill-names.ts';
import { visitorLabel } from '../../i18n/describe.ts';
import { locales } from '../../i18n/locales.ts';
import { agentNames } from '../../logic/agent-names.ts';
import { canAssignOthers } from '../../logic/assignees.ts';
import { routeHash } from '../../logic/route.ts';
import type { Connection } from '../../state/console-state.ts';
import type { ConsoleController } from '../../state/controller.ts';
import { MessageList } from '../MessageList.tsx';
import { agentName, hitVisitor } from './ConversationResults.tsx';
import { TagEditor } from './TagEditor.tsx';

interface Props {
  conversationId: string;
  me: Me;
  controller: ConsoleController;
  /** The socket's state: the visitor's record is asked for once it is connected. */
  connection: Connection;
}

/** One past conversation, read-only: its transcript, its tags, and the visitor's other conversations. */
export function ConversationPage({ conversationId, me, controller, connection }: Props) {
  const t = useT();
  const skillName = useSkillName();
  const loaded = useLoad(() => getConversation(conversationId), conversationId);
  // The visitor's record and their other chats come over the socket; a visitor erased since leaves the transcript alone.
  const online = connection === 'online';
  const context = useLoad<{ chat: ChatDetail | null } | null>(
    () =>
      online
        ? controller.read(conversationId).then(
            (chat) => ({ chat }),
            () => ({ chat: null }),
          )
        : Promise.resolve(null),
    `${conversationId}:${online}`,
  );
  const data = loaded.data;
  const c = data?.conversation;
  const detail = context.data?.chat ?? null;
  const siteId = c?.siteId ?? '';
  const supervises = c !== undefined && canAssignOthers(me, siteId);
  const agents = useLoad(() => (supervises ? listAgents(siteId) : Promise.resolve([])), supervises ? siteId : '');
  const names = agentNames(agents, me.agent);

  return (
    <main class="page">
      <a class="back-link" href={routeHash({ view: 'conversations' })}>
        {t.t('conversation.back')}
      </a>
      {loaded.error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: loaded.error })}
        </p>
      )}
      {!data && !loaded.error && <p class="muted">{t.t('app.loading')}</p>}
      {data && c && (
        <>
          <div class="page-head">
            <h1 dir="auto">
              {t.t('conversation.heading', { visitor: detail ? visitorLabel(t, detail.visitor) : hitVisitor(t, c) })}
            </h1>
            <span class={`tag outcome-${c.state}`}>{t.t(`conversations.state.${c.state}`)}</span>
          </div>
          <dl class="facts wide">
            <dt>{t.t('conversations.when')}</dt>
            <dd>
              {t.dateTime(c.createdAt)}
              {c.closedAt !== null && (
                <span class="muted small"> · {t.t('conversation.ended', { date: t.dateTime(c.closedAt) })}</span>
              )}
            </dd>
            <dt>{t.t('conversations.agent')}</dt>
            <dd>
              <bdi>{agentName(t, names, c.agentId)}</bdi>
            </dd>
            <dt>{t.t('tickets.queue')}</dt>
            <dd>{t.t('inbox.skillLevel', { skill: skillName(c.skill, c.siteId), level: c.level })}</dd>
            <dt>{t.t('conversations.language')}</dt>
            <dd>{locales[c.locale].nativeName}</dd>
            {c.csat && (
              <>
                <dt>{t.t('conversation.rating')}</dt>
                <dd>
                  {t.t('conversation.stars', { n: c.csat.score })}
                  {c.csat.comment && (
                    <span class="muted">
                      {' · '}
                      <bdi>{c.csat.comment}</bdi>
                    </span>
                  )}
                </dd>
              </>
            )}
            {c.nps && (
              <>
                <dt>{t.t('conversation.nps')}</dt>
                <dd>
                  {t.t('conversation.npsScore', { n: c.nps.score })}
                  {c.nps.comment && (
                    <span class="muted">
                      {' · '}
                      <bdi>{c.nps.comment}</bdi>
                    </span>
                  )}
                </dd>
              </>
            )}
            {c.ticketId && c.ticketNumber !== null && (
              <>
                <dt>{t.t('conversation.ticket')}</dt>
                <dd>
                  <a href={routeHash({ view: 'ticket', ticketId: c.ticketId })}>#{t.num(c.ticketNumber)}</a>
                </dd>
              </>
            )}
          </dl>
          <div class="ticket-columns">
            <section class="ticket-section ticket-transcript">
              <h2>{t.t('tickets.transcript')}</h2>
              <MessageList me={me} messages={data.messages} label={t.t('tickets.transcript')} follow={false} />
            </section>
            <div class="ticket-side">
              {data.archived ? (
                <TagEditor
                  conversationId={c.id}
                  tags={data.tags}
                  csrf={me.csrfToken}
                  onTags={(tags) => loaded.set({ ...data, tags })}
                />
              ) : (
                <section class="ticket-section">
                  <h2>{t.t('tags.title')}</h2>
                  {data.tags.length > 0 && (
                    <ul class="tag-list">
                      {data.tags.map((tag) => (
                        <li key={tag} class="tag" dir="auto">
                          {tag}
                        </li>
                      ))}
                    </ul>
                  )}
                  <p class="muted">{t.t('tags.notYet')}</p>
                </section>
              )}
              <section class="ticket-section" aria-labelledby="earlier-title">
                <h2 id="earlier-title">{t.t('conversation.earlier')}</h2>
                {!context.data && <p class="muted">{t.t('app.loading')}</p>}
                {context.data && !detail && <p class="muted">{t.t('conversation.noVisitor')}</p>}
                {detail && detail.previous.length === 0 && <p class="muted">{t.t('conversation.noEarlier')}</p>}
                {detail && detail.previous.length > 0 && (
                  <ol class="plain-list">
                    {detail.previous.map((p) => (
                      <li key={p.id}>
                        <a href={routeHash({ view: 'conversation', conversationId: p.id })}>
                          {t.dateTime(p.createdAt)}
                        </a>{' '}
                        <span class={`tag outcome-${p.state}`}>{t.t(`conversations.state.${p.state}`)}</span>
                      </li>
                    ))}
                  </ol>
                )}
                {detail && detail.tickets.length > 0 && (
                  <ol class="plain-list">
                    {detail.tickets.map((ticket) => (
                      <li key={ticket.id}>
                        <a href={routeHash({ view: 'ticket', ticketId: ticket.id })}>
                          {t.t('tickets.heading', { number: ticket.number })}
                        </a>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            </div>
          </div>
        </>
      )}
    </main>
  );
}
