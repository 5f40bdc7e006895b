import type { WebhookTestResult } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { testWebhook } from '../../api/integrations.ts';
import { useT } from '../../i18n/context.ts';
import { useRequest } from '../../hooks/use-request.ts';

/** Sends a test event to the saved webhook URL and shows the receiver's status and answer. */
export function WebhookTestPanel({ siteId, csrf }: { siteId: string; csrf: string }) {
  const t = useT();
  const { busy, error, run: request } = useRequest();
  const [result, setResult] = useState<WebhookTestResult | null>(null);

  const send = async () => {
    setResult(null);
    await request(async () => {
      setResult(await testWebhook(siteId, csrf));
    });
  };

  return (
    <section class="panel" aria-labelledby="webhook-test-title">
      <h2 id="webhook-test-title">{t.t('webhooks.title')}</h2>
      <p class="muted">{t.t('webhooks.explain')}</p>
      <div class="button-row">
        <button type="button" class="button" disabled={busy} onClick={() => void send()}>
          {busy ? t.t('webhooks.testing') : t.t('webhooks.test')}
        </button>
      </div>
      {result && (
        <div role="status">
          <p class={result.ok ? '' : 'warning'}>
            {result.status === null
              ? t.t('webhooks.unreachable', { message: result.body })
              : t.t('webhooks.answered', { status: result.status })}
          </p>
          {result.status !== null && result.body && (
            <figure>
              <figcaption class="muted">{t.t('webhooks.body')}</figcaption>
              <pre dir="auto" class="webhook-answer">
                {result.body}
              </pre>
            </figure>
          )}
        </div>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
