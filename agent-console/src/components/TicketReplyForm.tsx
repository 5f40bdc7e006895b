import type { Me, Ticket } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { replyByEmail } from '../api/tickets.ts';
import { useT } from '../i18n/context.ts';

interface Props {
  me: Me;
  ticket: Ticket;
  onSent: () => void;
}

/** "Reply by email": the server mails the visitor and writes the reply into the history. */
export function TicketReplyForm({ me, ticket, onSent }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const email = ticket.visitor.email;

  const send = async () => {
    setBusy(true);
    setError(null);
    setSentTo(null);
    try {
      const { delivery } = await replyByEmail(ticket.id, text, me.csrfToken);
      setText('');
      setSentTo(delivery.target);
      onSent();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_state') setError(t.t('reply.noEmail'));
      else setError(t.t('reply.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="ticket-section" aria-labelledby="ticket-reply-title">
      <h2 id="ticket-reply-title">{t.t('reply.title')}</h2>
      {email ? (
        <form
          class="ticket-reply"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void send();
          }}
        >
          <label class="field">
            <span>
              {t.t('reply.label')} <span dir="ltr">{email}</span>
            </span>
            <textarea
              dir="auto"
              rows={4}
              maxLength={4000}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="button primary" disabled={busy || !text.trim()}>
            {busy ? t.t('reply.sending') : t.t('reply.send')}
          </button>
        </form>
      ) : (
        <p class="muted">{t.t('reply.noEmail')}</p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {sentTo && (
        <p class="muted" role="status">
          {t.t('reply.queued')} <span dir="ltr">{sentTo}</span>
        </p>
      )}
    </section>
  );
}
