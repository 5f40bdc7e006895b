import { useState } from 'preact/hooks';
import { translatorFor } from '../../i18n/t.ts';
import { endStrings } from '../../locales/end.ts';
import { offerStrings } from '../../locales/offer.ts';
import { useChat } from '../context.ts';
import { EmailField } from './EmailField.tsx';

/** The chat became a ticket with no address to answer: said plainly, with a place to leave one. */
export function TicketContact({ n }: { n: number }) {
  const { locale, conn, attempt } = useChat();
  const t = translatorFor(endStrings, locale);
  const offer = translatorFor(offerStrings, locale);
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
        {offer('offer.submit')}
      </button>
    </form>
  );
}
