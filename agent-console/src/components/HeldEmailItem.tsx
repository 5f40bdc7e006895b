import type { HeldEmail } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { decideHeld } from '../api/tickets.ts';
import { useT } from '../i18n/context.ts';

interface Props {
  ticketId: string;
  /** Absent while the held emails are being read. */
  held: HeldEmail | undefined;
  csrf: string;
  onDecided: () => void;
}

/** A held email's state: why it waits, with Accept and Discard, or what an agent decided. */
export function HeldEmailItem({ ticketId, held, csrf, onDecided }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!held) return null;
  if (held.status !== 'held') {
    return <span class="tag">{t.t(held.status === 'accepted' ? 'held.accepted' : 'held.discarded')}</span>;
  }
  const decide = async (decision: 'accept' | 'discard') => {
    setBusy(true);
    setError(null);
    try {
      await decideHeld(ticketId, held.id, decision, csrf);
      onDecided();
    } catch (e) {
      setError(t.t('held.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="held-email">
      <span class="tag status-pending">{t.t('history.held')}</span> <span>{t.t('held.why', { from: held.from })}</span>{' '}
      <button type="button" class="button small primary" disabled={busy} onClick={() => void decide('accept')}>
        {t.t('held.accept')}
      </button>{' '}
      <button type="button" class="button small" disabled={busy} onClick={() => void decide('discard')}>
        {t.t('held.discard')}
      </button>
      {error && (
        <span class="form-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
