import type { ChatDetail, Me, Message } from '@cascade/shared';
import { useEffect, useState } from 'preact/hooks';
import { useBoard } from '../../hooks/use-board.ts';
import { useViewers } from '../../hooks/use-viewers.ts';
import { useT } from '../../i18n/context.ts';
import { useSkillName } from '../../i18n/skill-names.ts';
import { visitorLabel } from '../../i18n/describe.ts';
import { routeHash } from '../../logic/route.ts';
import type { SiteRef } from '../../logic/sites.ts';
import type { Connection } from '../../state/console-state.ts';
import type { ConsoleController } from '../../state/controller.ts';
import { MessageList } from '../MessageList.tsx';
import { ViewersNote } from '../ViewersNote.tsx';
import { StepIn } from './StepIn.tsx';
import { WhisperForm } from './WhisperForm.tsx';

interface Props {
  site: SiteRef;
  conversationId: string;
  me: Me;
  controller: ConsoleController;
  connection: Connection;
}

const withMessage = (messages: readonly Message[], m: Message): Message[] =>
  messages.some((x) => x.id === m.id) ? [...messages] : [...messages, m];

/**
 * A supervisor's read-only view of any chat: the visitor is not told. From here a whisper goes to
 * the chat's agent, and the chat can be taken over or given to someone else.
 */
export function MonitorPage({ site, conversationId, me, controller, connection }: Props) {
  const t = useT();
  const skillName = useSkillName();
  const [chat, setChat] = useState<ChatDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const viewers = useViewers(conversationId, me.agent.id, controller, connection);
  const board = useBoard(site.id, controller, connection);

  const load = () =>
    controller
      .read(conversationId)
      .then((c) => {
        setChat(c);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));

  useEffect(() => {
    setChat(null);
    if (connection !== 'online') return;
    void load();
    return controller.onMessage((m) => {
      if (m.conversationId !== conversationId) return;
      setChat((c) => (c ? { ...c, messages: withMessage(c.messages, m) } : c));
      // A step of the chat (someone joined, it ended) changes what can be done with it.
      if (m.author === 'system') void load();
    });
    // `load` reads only the conversation named in the dependencies.
  }, [conversationId, controller, connection]);

  const conversation = chat?.conversation;
  return (
    <main class="page monitor">
      <div class="page-head">
        <a href={routeHash({ view: 'supervise' })}>{t.t('monitor.back')}</a>
        <h1 dir="auto">{chat ? visitorLabel(t, chat.visitor) : t.t('monitor.title')}</h1>
        {conversation && (
          <span class="muted">
            {t.t(`state.${conversation.state}`)}
            {' · '}
            {t.t('inbox.skillLevel', { skill: skillName(conversation.skill, site.id), level: conversation.level })}
          </span>
        )}
      </div>
      <p class="muted small">{t.t('monitor.unseen')}</p>
      <ViewersNote viewers={viewers} />
      {error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: error })}
        </p>
      )}
      {!chat && !error && <p class="muted">{t.t('app.loading')}</p>}
      {chat && conversation && (
        <div class="monitor-body">
          <MessageList me={me} messages={chat.messages} label={t.t('monitor.transcript')} />
          <aside class="monitor-side">
            {conversation.state === 'assigned' && (
              <>
                <WhisperForm
                  onWhisper={async (text) => {
                    const m = await controller.whisper(conversationId, text);
                    setChat((c) => (c ? { ...c, messages: withMessage(c.messages, m) } : c));
                  }}
                />
                <StepIn
                  me={me}
                  holder={conversation.agentId}
                  agents={board.board?.agents ?? []}
                  onStepIn={async (agentId) => {
                    await controller.takeOver(conversationId, agentId);
                    await load();
                  }}
                />
              </>
            )}
          </aside>
        </div>
      )}
    </main>
  );
}
