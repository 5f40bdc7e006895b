import type { AgentRef, SlaClock } from '@cascade/shared';
import { useT } from '../i18n/context.ts';
import { useSkillName } from '../i18n/skill-names.ts';
import { previewText, visitorLabel } from '../i18n/describe.ts';
import { nextClock } from '../logic/all-chats.ts';
import type { ChatState } from '../state/chat-state.ts';
import { isActive } from '../state/console-state.ts';
import { SlaClockText } from './supervision/SlaClockText.tsx';

interface Props {
  chat: ChatState;
  selected: boolean;
  now: number;
  clocks: readonly SlaClock[];
  /** Who else has the chat open: someone may be answering it at the same time (collision). */
  others: readonly AgentRef[];
  onSelect: (conversationId: string) => void;
}

/** One of the agent's chats in the inbox: who, what they asked, the next promise due, who else looks. */
export function InboxChatItem({ chat, selected, now, clocks, others, onSelect }: Props) {
  const t = useT();
  const skillName = useSkillName();
  const id = chat.summary.conversation.id;
  const last = chat.summary.lastMessage;
  const clock = nextClock(clocks);
  return (
    <li>
      <button type="button" class="chat-item" aria-current={selected ? 'true' : undefined} onClick={() => onSelect(id)}>
        <span class="chat-item-top">
          <span class="chat-item-name">{visitorLabel(t, chat.summary.visitor)}</span>
          {chat.unread > 0 && (
            <span class="badge" aria-label={t.t('inbox.unread', { n: chat.unread })}>
              {t.num(chat.unread)}
            </span>
          )}
          {last && <time class="chat-item-time">{t.time(last.ts)}</time>}
        </span>
        {chat.summary.conversation.subject && (
          <span class="chat-item-subject" dir="auto">
            {chat.summary.conversation.subject}
          </span>
        )}
        <span class="chat-item-preview" dir="auto">
          {previewText(t, last, skillName)}
        </span>
        {clock && <SlaClockText clock={clock} now={now} />}
        {others.length > 0 && (
          <span class="chat-item-viewers">
            {t.t('viewers.also', { names: others.map((v) => v.name).join(t.t('viewers.join')) })}
          </span>
        )}
        {!isActive(chat) && <span class="tag">{t.t(`state.${chat.summary.conversation.state}`)}</span>}
      </button>
    </li>
  );
}
