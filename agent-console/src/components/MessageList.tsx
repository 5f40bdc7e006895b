import type { Me, Message } from '@cascade/shared';
import { Fragment } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/context.ts';
import type { PendingMessage } from '../state/chat-state.ts';
import { splitBotPart } from '../logic/bot-part.ts';
import { annotateTranscript } from '../logic/transcript.ts';
import { BotPart } from './BotPart.tsx';
import { MessageItem, PendingItem } from './MessageItem.tsx';

interface Props {
  me: Me;
  messages: readonly Message[];
  outbox?: readonly PendingMessage[];
  /** The message the visitor's "Seen" goes under, if any. */
  seenId?: string | null;
  loading?: boolean;
  label: string;
  onRetry?: (clientMsgId: string) => void;
  onDiscard?: (clientMsgId: string) => void;
  /** Keep the newest message in view (a live chat), or start at the top (a ticket). */
  follow?: boolean;
}

/** Distance from the bottom within which new messages keep the view pinned to the end. */
const STICK_PX = 80;

export function MessageList({
  me,
  messages,
  outbox = [],
  seenId = null,
  loading = false,
  label,
  onRetry,
  onDiscard,
  follow = true,
}: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(follow);
  const { bot, rest, botMessages, startsOpen } = splitBotPart(annotateTranscript(messages));

  // Follow the conversation unless the agent scrolled up to read something older.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages.length, outbox.length, loading]);

  return (
    <div
      class="transcript"
      ref={ref}
      role="log"
      aria-label={label}
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        if (follow) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
      }}
    >
      {loading && <p class="muted center">{t.t('tabs.loading')}</p>}
      <ol class="messages">
        {botMessages > 0 && (
          <BotPart
            key={bot[0]?.message.id}
            items={bot}
            count={botMessages}
            startsOpen={startsOpen}
            myId={me.agent.id}
          />
        )}
        {(botMessages > 0 ? rest : [...bot, ...rest]).map((item) => (
          <Fragment key={item.message.id}>
            <MessageItem item={item} myId={me.agent.id} />
            {item.message.id === seenId && <li class="seen-mark muted small">{t.t('chat.seen')}</li>}
          </Fragment>
        ))}
        {outbox.map((pending) => (
          <PendingItem key={pending.clientMsgId} pending={pending} onRetry={onRetry} onDiscard={onDiscard} />
        ))}
      </ol>
    </div>
  );
}
