import type { Me } from '@cascade/shared';
import { useEffect, useState } from 'preact/hooks';
import { listCanned } from '../api/canned.ts';
import type { useDrafts } from '../hooks/use-drafts.ts';
import { useLoad } from '../hooks/use-load.ts';
import { useT } from '../i18n/context.ts';
import { draftFor } from '../logic/drafts.ts';
import type { ConsoleController } from '../state/controller.ts';
import { orderedChats, type ConsoleState } from '../state/console-state.ts';
import { CHAT_PANEL_ID, ChatTabs, tabId } from './ChatTabs.tsx';
import { ChatView } from './ChatView.tsx';
import { ContextPanel } from './ContextPanel.tsx';

interface Props {
  me: Me;
  state: ConsoleState;
  controller: ConsoleController;
  drafts: ReturnType<typeof useDrafts>;
}

/** The open chats as tabs, the selected one's transcript, and its context beside it. */
export function ChatArea({ me, state, controller, drafts }: Props) {
  const t = useT();
  const [contextOpen, setContextOpen] = useState(false);
  const chats = orderedChats(state);
  const chat = state.selected ? state.chats[state.selected] : undefined;
  const siteId = chat?.summary.conversation.siteId ?? null;
  // Canned replies are a help, not a need: without them the composer works as before.
  const canned = useLoad(() => (siteId ? listCanned(siteId) : Promise.resolve([])), siteId ?? '');
  // An admin's edit reaches every console at once, mid-chat, without a reload.
  const setCanned = canned.set;
  useEffect(
    () =>
      controller.onCanned((update) => {
        if (update.siteId === siteId) setCanned(update.replies);
      }),
    [controller, siteId, setCanned],
  );
  return (
    <section class="chat-area">
      <ChatTabs chats={chats} selected={state.selected} onSelect={controller.select} />
      {chat ? (
        <div
          class="chat-layout"
          role="tabpanel"
          id={CHAT_PANEL_ID}
          aria-labelledby={tabId(chat.summary.conversation.id)}
        >
          <ChatView
            key={chat.summary.conversation.id}
            me={me}
            chat={chat}
            seenSkills={state.waiting.map((w) => w.conversation.skill)}
            controller={controller}
            canned={canned.data ?? []}
            draft={draftFor(drafts.drafts, chat.summary.conversation.id)}
            onDraft={drafts.update}
            onSent={drafts.clear}
            contextOpen={contextOpen}
            onToggleContext={() => setContextOpen(!contextOpen)}
            connection={state.connection}
          />
          <ContextPanel me={me} chat={chat} open={contextOpen} onClose={() => setContextOpen(false)} />
        </div>
      ) : (
        <p class="empty-state">
          {chats.length > 0 || state.connection === 'online' ? t.t('tabs.none') : t.t('app.loading')}
        </p>
      )}
    </section>
  );
}
