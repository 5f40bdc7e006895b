import type { Me } from '@cascade/shared';
import { useInboxGlance } from '../hooks/use-inbox-glance.ts';
import { useNow } from '../hooks/use-now.ts';
import { useT } from '../i18n/context.ts';
import { useSkillName } from '../i18n/skill-names.ts';
import { groupWaiting } from '../logic/waiting.ts';
import type { ConsoleController } from '../state/controller.ts';
import { orderedChats, type ConsoleState } from '../state/console-state.ts';
import { InboxChatItem } from './InboxChatItem.tsx';
import { WaitingItem } from './WaitingItem.tsx';

/** The server answers about this many chats at once; the first listed matter most. */
const GLANCE_MAX = 100;

interface Props {
  me: Me;
  state: ConsoleState;
  controller: ConsoleController;
}

export function Inbox({ me, state, controller }: Props) {
  const t = useT();
  const skillName = useSkillName();
  const now = useNow(1000);
  const chats = orderedChats(state);
  const listed = [...chats.map((c) => c.summary), ...state.waiting].slice(0, GLANCE_MAX);
  const glance = useInboxGlance(
    listed.map((s) => s.conversation.id),
    listed.map((s) => `${s.conversation.id}:${s.lastMessage?.author ?? ''}`).join(' '),
    controller,
    state.connection,
  );
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
            return (
              <InboxChatItem
                key={id}
                chat={chat}
                selected={state.selected === id}
                now={now}
                clocks={glance.clocks[id] ?? []}
                others={(glance.viewers[id] ?? []).filter((v) => v.id !== me.agent.id)}
                onSelect={controller.select}
              />
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
              <h3 class="waiting-skill">{skillName(group.skill)}</h3>
              <ul class="chat-list" aria-label={skillName(group.skill)}>
                {group.chats.map((chat) => (
                  <WaitingItem
                    key={chat.conversation.id}
                    me={me}
                    chat={chat}
                    now={now}
                    clocks={glance.clocks[chat.conversation.id] ?? []}
                    onPick={controller.pick}
                  />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
