import type { Me } from '@cascade/shared';
import { useNow } from '../hooks/use-now.ts';
import { useT } from '../i18n/context.ts';
import { previewText, visitorLabel } from '../i18n/describe.ts';
import { groupWaiting } from '../logic/waiting.ts';
import type { ConsoleController } from '../state/controller.ts';
import { isActive, orderedChats, type ConsoleState } from '../state/console-state.ts';
import { WaitingItem } from './WaitingItem.tsx';

interface Props {
  me: Me;
  state: ConsoleState;
  controller: ConsoleController;
}

export function Inbox({ me, state, controller }: Props) {
  const t = useT();
  const now = useNow(1000);
  const chats = orderedChats(state);
  const groups = groupWaiting(state.waiting);
  const mineLabel = t.t('inbox.mine');
  const waitingLabel = t.t('inbox.waiting');
  return (
    <aside class="inbox" aria-label={t.t('inbox.label')}>
      <section class="inbox-section">
        <h2 class="inbox-heading">
          {mineLabel}
          <span class="count">{t.num(chats.length)}</span>
        </h2>
        {chats.length === 0 && <p class="empty">{t.t('inbox.noMine')}</p>}
        <ul class="chat-list" aria-label={mineLabel}>
          {chats.map((chat) => {
            const id = chat.summary.conversation.id;
            const name = visitorLabel(t, chat.summary.visitor);
            const last = chat.summary.lastMessage;
            return (
              <li key={id}>
                <button
                  type="button"
                  class="chat-item"
                  aria-current={state.selected === id ? 'true' : undefined}
                  onClick={() => controller.select(id)}
                >
                  <span class="chat-item-top">
                    <span class="chat-item-name">{name}</span>
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
                    {previewText(t, last)}
                  </span>
                  {!isActive(chat) && <span class="tag">{t.t(`state.${chat.summary.conversation.state}`)}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      <section class="inbox-section">
        <h2 class="inbox-heading">
          {waitingLabel}
          <span class="count">{t.num(state.waiting.length)}</span>
        </h2>
        {groups.length === 0 && <p class="empty">{t.t('inbox.noWaiting')}</p>}
        <ul class="waiting-groups" aria-label={waitingLabel}>
          {groups.map((group) => (
            <li key={group.skill} class="waiting-group">
              <h3 class="waiting-skill">{group.skill}</h3>
              <ul class="chat-list" aria-label={group.skill}>
                {group.chats.map((chat) => (
                  <WaitingItem key={chat.conversation.id} me={me} chat={chat} now={now} onPick={controller.pick} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
