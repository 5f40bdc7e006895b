import type { ConversationView } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { translatorFor } from '../../i18n/t.ts';
import { endStrings } from '../../locales/end.ts';
import { useChat } from '../context.ts';
import { lazyPart } from '../lazy.tsx';
import { Nps } from './Nps.tsx';
import { Rating } from './Rating.tsx';
import { Transcript } from './Transcript.tsx';

// Rare (a ticket made with no address to answer), so fetched only when shown.
const TicketContact = lazyPart(() => import('./TicketContact.tsx').then((m) => m.TicketContact));

/** After the chat: the ticket number if one was made, the rating, the transcript, and how to start again. */
export function EndOfChat({ conversation }: { conversation: ConversationView }) {
  const t = translatorFor(endStrings, useChat().locale);
  const [rated, setRated] = useState(false);
  const [answered, setAnswered] = useState(false);
  return (
    <div class="card">
      {conversation.state === 'ticketed' &&
        conversation.ticketNumber !== null &&
        (conversation.ticketNoContact ? (
          <TicketContact n={conversation.ticketNumber} />
        ) : (
          <p class="strong">{t('ticket.created', { n: conversation.ticketNumber })}</p>
        ))}
      {rated ? (
        <p role="status">{t('rate.thanks')}</p>
      ) : (
        conversation.canRate && <Rating onDone={() => setRated(true)} />
      )}
      {answered ? (
        <p role="status">{t('rate.thanks')}</p>
      ) : (
        conversation.canNps && <Nps onDone={() => setAnswered(true)} />
      )}
      {conversation.transcriptMail !== false && <Transcript addresses={conversation.transcriptTo ?? []} />}
      <p class="muted">{t('end.new')}</p>
    </div>
  );
}
