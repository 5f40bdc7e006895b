import { Fragment } from 'preact';
import { actionableBotMessage, botTyping, timeline } from '../../timeline.ts';
import { useChat } from '../context.ts';
import { MessageRow } from './MessageRow.tsx';
import { PendingRow } from './PendingRow.tsx';
import { RichText } from './RichText.tsx';

function Typing({ label }: { label: string }) {
  return (
    <div class="row">
      <span class="bubble dots" aria-hidden="true">
        <i />
        <i />
        <i />
      </span>
      <span class="sr">{label}</span>
    </div>
  );
}

/** The conversation, announced politely to screen readers as it grows. */
export function MessageList() {
  const { state, locale, t } = useChat();
  const actionable = actionableBotMessage(state);
  const agent = state.conversation?.agent;
  let previous: string | null = null;
  let chat: string | null = null;
  return (
    <div class="log" role="log" aria-live="polite">
      <div class="row">
        <div class="bubble">
          <RichText text={state.site?.theme.greeting[locale] || t('panel.greeting')} />
        </div>
      </div>
      {timeline(state.messages, state.outbox).map((entry) => {
        if (entry.kind === 'pending') {
          previous = 'visitor';
          return <PendingRow key={entry.item.clientMsgId} item={entry.item} />;
        }
        const m = entry.message;
        // A conversation started after an ended one begins under a divider, its first author named again.
        const divided = chat !== null && m.conversationId !== chat;
        if (divided) previous = null;
        chat = m.conversationId;
        const speaker = m.author === 'agent' ? `agent:${m.authorName ?? ''}` : m.author;
        const showAuthor = m.author !== 'system' && speaker !== previous;
        if (m.author !== 'system') previous = speaker;
        return (
          <Fragment key={m.clientMsgId ?? m.id}>
            {divided && (
              <p class="event new" role="separator">
                {t('chat.new')}
              </p>
            )}
            <MessageRow message={m} showAuthor={showAuthor} actionable={m === actionable} />
          </Fragment>
        );
      })}
      {state.wantHuman && <p class="event">{t('human.hint')}</p>}
      {botTyping(state) && <Typing label={t('bot.typing')} />}
      {state.agentTyping && <Typing label={t('agent.typing', { name: agent?.name ?? '' })} />}
    </div>
  );
}
