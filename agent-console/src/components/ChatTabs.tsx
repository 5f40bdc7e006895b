import { useT } from '../i18n/context.ts';
import { visitorLabel } from '../i18n/describe.ts';
import type { ChatState } from '../state/chat-state.ts';
import { isActive } from '../state/console-state.ts';

export const tabId = (conversationId: string) => `chat-tab-${conversationId}`;
export const CHAT_PANEL_ID = 'chat-panel';

interface Props {
  chats: readonly ChatState[];
  selected: string | null;
  onSelect: (conversationId: string) => void;
}

export function ChatTabs({ chats, selected, onSelect }: Props) {
  const t = useT();
  if (chats.length === 0) return null;
  return (
    <div class="tabs" role="tablist" aria-label={t.t('tabs.label')}>
      {chats.map((chat, index) => {
        const id = chat.summary.conversation.id;
        const isSelected = id === selected;
        return (
          <button
            key={id}
            type="button"
            role="tab"
            id={tabId(id)}
            class={`tab${isActive(chat) ? '' : ' ended'}`}
            aria-selected={isSelected}
            aria-controls={isSelected ? CHAT_PANEL_ID : undefined}
            title={index < 9 ? t.t('tabs.hint', { n: index + 1 }) : undefined}
            onClick={() => onSelect(id)}
          >
            <span class="tab-name">{visitorLabel(t, chat.summary.visitor)}</span>
            {chat.visitorTyping && <span class="typing-dot" aria-hidden="true" />}
            {chat.unread > 0 && <span class="badge">{t.num(chat.unread)}</span>}
            {index < 9 && (
              <kbd class="tab-key" aria-hidden="true">
                {t.num(index + 1)}
              </kbd>
            )}
          </button>
        );
      })}
    </div>
  );
}
