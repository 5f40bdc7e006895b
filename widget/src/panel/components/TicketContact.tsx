import { useState } from 'preact/hooks';
import { useChat } from '../context.ts';
import { EmailField } from './EmailField.tsx';

/** The chat became a ticket with no address to answer: said plainly, with a place to leave one. */
export function TicketContact({ n }: { n: number }) {
  const { t, conn, attempt } = useChat();
  const [email, setEmail] = useState('');

  function submit(event: Event): void {
    event.preventDefault();
    void attempt(conn.act('conversation:leave-email', { email: email.trim() }));
  }

  return (
    <form onSubmit={submit}>
      <p class="strong">{t('ticket.noContact', { n })}</p>
      <EmailField value={email} onInput={setEmail} />
      <button type="submit" class="primary">
        {t('offer.submit')}
      </button>
    </form>
  );
}
