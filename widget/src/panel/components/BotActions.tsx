import type { VisitorMessage as Message } from '@cascade/shared';
import { useChat } from '../context.ts';

/** Under the bot's latest answer: "That helped" / "Talk to a person", or the articles it suggests. */
export function BotActions({ message }: { message: Message }) {
  const { t, conn, attempt } = useChat();
  const human = (
    <button type="button" class="chip" onClick={() => void attempt(conn.escalate())}>
      {t('human.ask')}
    </button>
  );
  if (message.bot?.kind === 'suggest') {
    return (
      <div class="actions">
        <p>{t('bot.suggest')}</p>
        {message.bot.suggestions.map((s) => (
          <button
            type="button"
            class="chip"
            dir="auto"
            key={s.entryId}
            onClick={() => void attempt(conn.act('bot:pick', { entryId: s.entryId }))}
          >
            {s.question}
          </button>
        ))}
        {human}
      </div>
    );
  }
  return (
    <div class="actions">
      <button
        type="button"
        class="chip"
        onClick={() => void attempt(conn.act('bot:feedback', { messageId: message.id, helpful: true }))}
      >
        {t('bot.helped')}
      </button>
      {human}
    </div>
  );
}
