import { useState } from 'preact/hooks';
import type { QueueStatus } from '@cascade/shared';
import { formatOpening } from '../../i18n/format.ts';
import { translatorFor } from '../../i18n/t.ts';
import { offerStrings } from '../../locales/offer.ts';
import { useChat } from '../context.ts';
import { EmailField } from './EmailField.tsx';

/**
 * Nobody can take the chat now: leave an email for a ticket, or keep waiting. A visitor who chose
 * to wait (`waiting`) is not asked again, only still offered the form; a closed site says when it
 * opens, and a site that promises a reply says by when (in the visitor's own time zone).
 */
export function TicketOffer({ queue, waiting }: { queue: QueueStatus | null; waiting: boolean }) {
  const { locale, conn, attempt, state } = useChat();
  const replyBy = state.conversation?.replyBy;
  const t = translatorFor(offerStrings, locale);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');

  function submit(event: Event): void {
    event.preventDefault();
    const trimmed = name.trim();
    void attempt(conn.act('conversation:leave-email', { email: email.trim(), ...(trimmed ? { name: trimmed } : {}) }));
  }

  return (
    <form class="card" onSubmit={submit}>
      {!waiting && <p class="strong">{t('offer.title')}</p>}
      {queue?.opensAt && <p>{t('offer.back', { when: formatOpening(locale, queue.opensAt) })}</p>}
      <p>{t('offer.body')}</p>
      {replyBy && <p class="strong">{t('offer.replyBy', { when: formatOpening(locale, replyBy) })}</p>}
      <EmailField value={email} onInput={setEmail} />
      <label>
        {t('form.name')}
        <input
          dir="auto"
          autoComplete="name"
          maxLength={100}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <div class="buttons">
        <button type="submit" class="primary">
          {t('offer.submit')}
        </button>
        {!waiting && (
          <button
            type="button"
            class="secondary"
            onClick={() => void attempt(conn.act('conversation:keep-waiting', {}))}
          >
            {t('offer.wait')}
          </button>
        )}
      </div>
    </form>
  );
}
