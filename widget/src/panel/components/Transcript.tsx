import { useEffect, useRef, useState } from 'preact/hooks';
import { useChat } from '../context.ts';

/** "Email me the transcript": a button that opens a one-field form. */
export function Transcript() {
  const { t, conn, attempt } = useChat();
  const [asking, setAsking] = useState(false);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // The button that opened the form is gone: keep keyboard focus in the form.
  useEffect(() => input.current?.focus(), [asking]);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    const to = email.trim();
    if (await attempt(conn.act('transcript:request', { email: to }))) setSentTo(to);
  }

  if (sentTo) return <p>{t('transcript.sent', { email: sentTo })}</p>;
  if (!asking) {
    return (
      <button type="button" class="secondary" onClick={() => setAsking(true)}>
        {t('transcript.ask')}
      </button>
    );
  }
  return (
    <form onSubmit={submit}>
      <label>
        {t('form.email')}
        <input
          ref={input}
          type="email"
          required
          dir="ltr"
          autoComplete="email"
          maxLength={254}
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="primary">
        {t('transcript.submit')}
      </button>
    </form>
  );
}
