import { useState } from 'preact/hooks';
import { useT } from '../../i18n/context.ts';

/** An internal note to the chat's agent, which they see at once; the visitor never does. */
export function WhisperForm({ onWhisper }: { onWhisper: (text: string) => Promise<void> }) {
  const t = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="whisper"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() === '') return;
        setBusy(true);
        onWhisper(text.trim())
          .then(() => {
            setText('');
            setError(null);
          })
          .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
          .finally(() => setBusy(false));
      }}
    >
      <label class="field">
        <span>{t.t('monitor.whisper')}</span>
        <textarea dir="auto" rows={3} maxLength={4000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <span class="muted small">{t.t('monitor.whisperHint')}</span>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="button" disabled={busy || text.trim() === ''}>
        {t.t('monitor.sendWhisper')}
      </button>
    </form>
  );
}
