import { listDeliveries, retryDelivery } from '../../api/integrations.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/context.ts';
import { RowsTable } from './RowsTable.tsx';

/** The site's recent webhooks and emails with how each went; a failed one can be sent again. */
export function DeliveriesPanel({ siteId, csrf }: { siteId: string; csrf: string }) {
  const t = useT();
  const deliveries = useLoad(() => listDeliveries(siteId), siteId);
  const { error, run } = useRequest();

  const retry = (id: string) =>
    run(async () => {
      await retryDelivery(id, csrf);
      deliveries.reload();
    });

  const list = deliveries.data ?? [];
  return (
    <section class="panel" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{t.t('deliveries.title')}</h2>
      <p class="muted">{t.t('deliveries.explain')}</p>
      <div class="button-row">
        <button type="button" class="button quiet" onClick={deliveries.reload}>
          {t.t('deliveries.refresh')}
        </button>
      </div>
      {deliveries.error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: deliveries.error })}
        </p>
      )}
      <RowsTable
        labelledBy="deliveries-title"
        columns={[
          t.t('deliveries.subject'),
          t.t('deliveries.target'),
          t.t('deliveries.state'),
          t.t('deliveries.tries'),
          t.t('deliveries.updated'),
          t.t('deliveries.error'),
        ]}
        empty={t.t('deliveries.none')}
        loaded={Boolean(deliveries.data)}
        count={list.length}
      >
        {list.map((d) => (
          <tr key={d.id}>
            <th scope="row" dir="ltr">
              {d.subject}
            </th>
            <td dir="ltr" class="canned-text-cell">
              {d.target}
            </td>
            <td>{t.t(`deliveries.status.${d.status}`)}</td>
            <td>{t.num(d.tries)}</td>
            <td>{t.dateTime(d.updatedAt)}</td>
            <td dir="auto" class="canned-text-cell">
              {d.lastError ?? ''}
            </td>
            <td class="row-actions">
              {d.status === 'failed' && (
                <button
                  type="button"
                  class="button small"
                  aria-label={t.t('deliveries.retryNamed', { subject: d.subject, target: d.target })}
                  onClick={() => void retry(d.id)}
                >
                  {t.t('deliveries.retry')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </RowsTable>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
