import type { Message } from '@cascade/shared';
import { useT } from '../i18n/context.ts';
import { useSkillName } from '../i18n/skill-names.ts';
import { systemText, transferNoteOf } from '../i18n/describe.ts';
import type { Translator } from '../i18n/translator.ts';
import type { PendingMessage } from '../state/chat-state.ts';
import type { TranscriptItem } from '../logic/transcript.ts';
import { Attachments } from './Attachments.tsx';
import { RichText } from './RichText.tsx';

export function MessageItem({ item, myId }: { item: TranscriptItem; myId: string }) {
  const t = useT();
  const { message, kind, beforeAgent } = item;
  const skillName = useSkillName();
  if (kind === 'system') {
    const note = transferNoteOf(message);
    return (
      <li class="system-line">
        <span class="system-text">
          <span dir="auto">{systemText(t, message, skillName)}</span>
          <time dateTime={new Date(message.ts).toISOString()}>{t.time(message.ts)}</time>
        </span>
        {note && (
          <span class="system-note" dir="auto">
            {note}
          </span>
        )}
      </li>
    );
  }
  const mine = message.author === 'agent' && message.agentId === myId;
  const classes = ['msg', `msg-${message.author}`];
  if (mine) classes.push('msg-mine');
  if (kind === 'note') classes.push('msg-note');
  if (beforeAgent) classes.push('msg-bot-phase');
  return (
    <li class={classes.join(' ')}>
      <div class="msg-meta">
        <span class="msg-author">{authorLabel(t, message, mine)}</span>
        {kind === 'note' && <span class="tag note-tag">{t.t('chat.internal')}</span>}
        {beforeAgent && message.author === 'visitor' && <span class="tag">{t.t('chat.toBot')}</span>}
        <time dateTime={new Date(message.ts).toISOString()}>{t.time(message.ts)}</time>
      </div>
      {message.text && (
        <p class="msg-text" dir="auto">
          <RichText text={message.text} />
        </p>
      )}
      <Attachments files={message.attachments} />
      <BotDetail t={t} message={message} />
    </li>
  );
}

/** What the bot offered besides its text, so the agent knows what the visitor already saw. */
function BotDetail({ t, message }: { t: Translator; message: Message }) {
  const decision = message.bot;
  if (!decision) return null;
  if (decision.kind === 'suggest') {
    return (
      <p class="msg-extra" dir="auto">
        {t.t('chat.suggested', { list: decision.suggestions.map((s) => s.question).join(' · ') })}
      </p>
    );
  }
  if (decision.kind === 'escalate') return <p class="msg-extra">{t.t('chat.botEscalated')}</p>;
  return null;
}

function authorLabel(t: Translator, message: Message, mine: boolean): string {
  if (mine) return t.t('author.you');
  if (message.author === 'agent') return message.authorName ?? t.t('author.agent');
  return t.t(message.author === 'bot' ? 'author.bot' : 'author.visitor');
}

interface PendingProps {
  pending: PendingMessage;
  onRetry?: (clientMsgId: string) => void;
  onDiscard?: (clientMsgId: string) => void;
}

/** The agent's own message before the server stored it: shown at once, marked until acked. */
export function PendingItem({ pending, onRetry, onDiscard }: PendingProps) {
  const t = useT();
  const classes = ['msg', 'msg-agent', 'msg-mine', 'msg-pending'];
  if (pending.internal) classes.push('msg-note');
  if (pending.error) classes.push('msg-failed');
  return (
    <li class={classes.join(' ')}>
      <div class="msg-meta">
        <span class="msg-author">{t.t('author.you')}</span>
        {pending.internal && <span class="tag note-tag">{t.t('chat.internal')}</span>}
        <span class="msg-status">
          {pending.error ? t.t('chat.notSent', { reason: pending.error }) : t.t('chat.sending')}
        </span>
      </div>
      {pending.text && (
        <p class="msg-text" dir="auto">
          <RichText text={pending.text} />
        </p>
      )}
      <Attachments files={pending.attachments} />
      {pending.error && (
        <div class="msg-retry">
          <button type="button" class="button small" onClick={() => onRetry?.(pending.clientMsgId)}>
            {t.t('chat.retry')}
          </button>
          <button type="button" class="button quiet small" onClick={() => onDiscard?.(pending.clientMsgId)}>
            {t.t('chat.discard')}
          </button>
        </div>
      )}
    </li>
  );
}
