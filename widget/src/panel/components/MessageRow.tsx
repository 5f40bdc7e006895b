import { compareIds } from '@cascade/client-core';
import type { VisitorMessage as Message } from '@cascade/shared';
import { catalogue, type Key } from '../../locales/en.ts';
import type { T } from '../../i18n/t.ts';
import { formatTime } from '../../i18n/format.ts';
import { isWaiting } from '../../timeline.ts';
import { useChat } from '../context.ts';
import { Attached } from './Attached.tsx';
import { BotActions } from './BotActions.tsx';
import { RichText } from './RichText.tsx';

/**
 * The visitor-facing line for a waterfall step: the catalogue's `event.<name>`. Steps with no such
 * string (shown as a card instead, or internal) say nothing.
 */
function eventText(t: T, message: Message): string | null {
  if (!message.event) return message.text || null;
  const key = `event.${message.event}`;
  const name = message.data?.agentName ?? message.authorName ?? '';
  return key in catalogue ? t(key as Key, { name }) : null;
}

interface Props {
  message: Message;
  /** First of a run by the same author: show who is speaking. */
  showAuthor: boolean;
  actionable: boolean;
}

export function MessageRow({ message, showAuthor, actionable }: Props) {
  const { t, locale, state } = useChat();
  if (message.author === 'system') {
    // "Connecting you with a person…" tells what is happening now: gone once a person, a ticket or the end came.
    const text =
      message.event === 'escalated' && !isWaiting(state.conversation, message) ? null : eventText(t, message);
    return text ? <p class="event">{text}</p> : null;
  }
  const mine = message.author === 'visitor';
  // Read by the agent: everything up to the receipt, in this conversation.
  const c = state.conversation;
  const seen = c?.id === message.conversationId && c.seenByAgent && compareIds(message.id, c.seenByAgent) <= 0;
  return (
    <div class={mine ? 'row me' : 'row'}>
      {showAuthor && !mine && (
        <span class="author" dir="auto">
          {message.author === 'bot' ? t('author.bot') : message.authorName}
        </span>
      )}
      {message.text && (
        <div class="bubble">
          <RichText text={message.text} />
        </div>
      )}
      <Attached list={message.attachments} />
      <span class="meta">
        {formatTime(locale, message.ts)}
        {mine && (
          <>
            <span aria-hidden="true">✓</span>
            {seen ? <span>{t('msg.seen')}</span> : <span class="sr">{t('msg.sent')}</span>}
          </>
        )}
      </span>
      {actionable && <BotActions message={message} />}
    </div>
  );
}
