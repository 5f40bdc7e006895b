import type { Delivery } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { retryDelivery } from '../api/integrations.ts';
import { useT } from '../i18n/context.ts';

interface Props {
  /** Absent while the first look-up is on its way. */
  delivery: Delivery | undefined;
  csrf: string;
  onRetried: () => void;
}

/** Why the server could not send: the known case in the agent's language, any other as the server said it. */
const NO_SMTP = /^SMTP_URL is not set/;

/** A reply's email as it really went: sending, sent, or not sent with the reason and a retry. */
export function ReplyDelivery({ delivery, csrf, onRetried }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  if (!delivery || delivery.status === 'pending') {
    return (
      <span class="tag status-pending" role="status">
        {t.t('reply.state.pending')}
      </span>
    );
  }
  if (delivery.status === 'delivered') {
    return <span class="tag ok">{t.t('reply.state.delivered', { email: delivery.target })}</span>;
  }
  const reason = delivery.lastError ?? '';
  const retry = async () => {
    setBusy(true);
    try {
      await retryDelivery(delivery.id, csrf);
    } finally {
      setBusy(false);
      onRetried();
    }
  };
  return (
    <span class="reply-failed" role="alert">
      <span class="tag failed">{t.t('reply.state.failed')}</span>{' '}
      {NO_SMTP.test(reason) ? t.t('reply.noSmtp') : <span dir="auto">{reason}</span>}{' '}
      <button type="button" class="button small" disabled={busy} onClick={() => void retry()}>
        {t.t('deliveries.retry')}
      </button>
    </span>
  );
}
