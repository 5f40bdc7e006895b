import type { ChatSummary, Me } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { useT } from '../i18n/context.ts';
import { previewText, visitorLabel } from '../i18n/describe.ts';
import { pickAllowed } from '../logic/pickable.ts';
import { waitStart } from '../logic/waiting.ts';

interface Props {
  me: Me;
  chat: ChatSummary;
  now: number;
  onPick: (conversationId: string) => Promise<void>;
}

export function WaitingItem({ me, chat, now, onPick }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const { conversation } = chat;
  const name = visitorLabel(t, chat.visitor);
  const nameId = `waiting-${conversation.id}`;
  const pick = async () => {
    setBusy(true);
    await onPick(conversation.id);
    setBusy(false);
  };
  return (
    <li class="waiting-item">
      <div class="waiting-main">
        <span class="chat-item-name" id={nameId}>
          {name}
        </span>
        {conversation.subject && (
          <span class="chat-item-subject" dir="auto">
            {conversation.subject}
          </span>
        )}
        <span class="chat-item-preview" dir="auto">
          {previewText(t, chat.lastMessage)}
        </span>
        <span class="waiting-meta">
          <span>{t.t('transfer.levelN', { level: conversation.level })}</span>
          <span class="waited">{t.t('inbox.waited', { duration: t.duration(now - waitStart(conversation)) })}</span>
        </span>
      </div>
      {pickAllowed(me, conversation) && (
        <button type="button" class="button small" disabled={busy} aria-describedby={nameId} onClick={pick}>
          {t.t('inbox.pick')}
        </button>
      )}
    </li>
  );
}
