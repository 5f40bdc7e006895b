import type { ChatSummary, Me, SlaClock } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { useT } from '../i18n/context.ts';
import { useSkillName } from '../i18n/skill-names.ts';
import { previewText, visitorLabel } from '../i18n/describe.ts';
import { nextClock } from '../logic/all-chats.ts';
import { pickAllowed } from '../logic/pickable.ts';
import { waitStart } from '../logic/waiting.ts';
import { SlaClockText } from './supervision/SlaClockText.tsx';

interface Props {
  me: Me;
  chat: ChatSummary;
  now: number;
  clocks: readonly SlaClock[];
  onPick: (conversationId: string) => Promise<void>;
}

export function WaitingItem({ me, chat, now, clocks, onPick }: Props) {
  const t = useT();
  const skillName = useSkillName();
  const clock = nextClock(clocks);
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
          {previewText(t, chat.lastMessage, skillName)}
        </span>
        <span class="waiting-meta">
          <span>{t.t('transfer.levelN', { level: conversation.level })}</span>
          <span class="waited">{t.t('inbox.waited', { duration: t.duration(now - waitStart(conversation)) })}</span>
        </span>
        {clock && <SlaClockText clock={clock} now={now} />}
      </div>
      {pickAllowed(me, conversation) && (
        <button type="button" class="button small" disabled={busy} aria-describedby={nameId} onClick={pick}>
          {t.t('inbox.pick')}
        </button>
      )}
    </li>
  );
}
