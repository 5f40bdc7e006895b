import { useState } from 'preact/hooks';
import { translatorFor } from '../../i18n/t.ts';
import { endStrings } from '../../locales/end.ts';
import { useChat } from '../context.ts';

/**
 * "Email me the transcript", to the addresses the server will send it to: the one the visitor
 * left in this chat and their signed-in one. With neither, there is nothing to offer.
 */
export function Transcript({ addresses }: { addresses: readonly string[] }) {
  const { locale, conn, attempt } = useChat();
  const t = translatorFor(endStrings, locale);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [limited, setLimited] = useState(false);

  async function send(email: string): Promise<void> {
    const reply = await conn.request('transcript:request', { email });
    if (reply.ok) {
      setSentTo(email);
      return;
    }
    // A limit reached is no passing fault: "try again" would be untrue, so it says what happened.
    if (reply.error.code === 'rate_limited') setLimited(true);
    else await attempt(Promise.resolve(false));
  }

  if (sentTo) return <p role="status">{t('transcript.sent', { email: sentTo })}</p>;
  if (limited) return <p role="alert">{t('transcript.limited')}</p>;
  if (addresses.length === 0) return null;
  return (
    <div class="buttons">
      {addresses.map((email) => (
        <button key={email} type="button" class="secondary" onClick={() => void send(email)}>
          {t('transcript.to', { email })}
        </button>
      ))}
    </div>
  );
}
