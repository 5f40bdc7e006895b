import type { PreChatField } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { preChatStrings } from '../../locales/pre-chat.ts';
import { useChat } from '../context.ts';

/** The same shape the server accepts: digits, spaces, ( ) . - and a leading +. */
const PHONE_PATTERN = String.raw`\+?[\d \(\)\.\-]{5,30}`;

/**
 * The site's questions, asked once: what is given becomes the visitor's (the agent sees it, the
 * ticket and the transcript use it). Required fields block sending, in the browser's own words.
 */
export function PreChatForm() {
  const { state, locale, conn, attempt } = useChat();
  const t = preChatStrings[locale];
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const fields = state.site?.preChat?.fields ?? [];

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (await attempt(conn.act('prechat:submit', { answers }))) conn.preChatAnswered();
  }

  function field(f: PreChatField) {
    const props = {
      name: f.id,
      required: f.required,
      value: answers[f.id] ?? '',
      onInput: (e: { currentTarget: { value: string } }) => setAnswers({ ...answers, [f.id]: e.currentTarget.value }),
    };
    switch (f.kind) {
      case 'email':
        return <input {...props} type="email" dir="ltr" autoComplete="email" maxLength={254} />;
      case 'phone':
        return <input {...props} type="tel" dir="ltr" autoComplete="tel" pattern={PHONE_PATTERN} maxLength={30} />;
      case 'choice':
        return (
          <select {...props}>
            <option value="">{t.choose}</option>
            {f.options?.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        );
      case 'text':
        return <textarea {...props} dir="auto" rows={2} maxLength={500} />;
      case 'name':
        return <input {...props} dir="auto" autoComplete="name" maxLength={100} />;
    }
  }

  return (
    <form class="card" aria-labelledby="cw-pre" onSubmit={(e) => void submit(e)}>
      <p class="strong" id="cw-pre">
        {t.title}
      </p>
      {fields.map((f) => (
        <label key={f.id}>
          {f.label[locale] ?? Object.values(f.label)[0]}
          {field(f)}
        </label>
      ))}
      <button type="submit" class="primary">
        {t.submit}
      </button>
    </form>
  );
}
