import type { ConversationView } from '@cascade/shared';
import type { T } from '../../i18n/t.ts';
import { isEnded } from '../../timeline.ts';
import { useChat } from '../context.ts';
import { CloseIcon } from './Icons.tsx';

function status(t: T, conversation: ConversationView | null): string {
  if (!conversation || conversation.state === 'bot') return t('status.bot');
  if (conversation.state === 'assigned' && conversation.agent)
    return t('status.assigned', { name: conversation.agent.name });
  return isEnded(conversation) ? t('event.resolved') : t('status.queued');
}

/** `earlier` opens the visitor's earlier conversations. */
export function Header({ earlier }: { earlier: () => void }) {
  const { state, t, close } = useChat();
  const agent = state.conversation?.state === 'assigned' ? state.conversation.agent : null;
  // A first-time visitor has nothing earlier, until a chat of this visit ends and another begins.
  const first = state.messages[0];
  const hasEarlier = state.earlier || (first && first.conversationId !== state.conversation?.id);
  return (
    <header class="head">
      {agent &&
        (agent.avatarUrl ? (
          <img class="avatar" src={agent.avatarUrl} alt="" />
        ) : (
          <span class="avatar" aria-hidden="true">
            {/* eslint-disable-next-line @typescript-eslint/no-misused-spread -- an initial is one code point */}
            {[...agent.name][0]}
          </span>
        ))}
      <div class="who">
        <h2 id="cw-title">
          <bdi>{state.site?.name ?? t('panel.title')}</bdi>
        </h2>
        <p>{status(t, state.conversation)}</p>
      </div>
      {hasEarlier && (
        <button type="button" class="chip" onClick={earlier}>
          {t('earlier.open')}
        </button>
      )}
      <button type="button" class="icon" aria-label={t('panel.close')} onClick={close}>
        <CloseIcon />
      </button>
    </header>
  );
}
