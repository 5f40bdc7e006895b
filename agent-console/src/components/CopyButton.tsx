import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n/context.ts';

const COPIED_MS = 2000;

/** Copies `text` to the clipboard and says so for a moment; `label` names what is copied. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span class="copy">
      <button type="button" class="button small" onClick={copy} aria-label={label}>
        {t.t('copy.button')}
      </button>
      <span class="muted small" role="status">
        {state === 'copied' ? t.t('copy.done') : state === 'failed' ? t.t('copy.failed') : ''}
      </span>
    </span>
  );
}
