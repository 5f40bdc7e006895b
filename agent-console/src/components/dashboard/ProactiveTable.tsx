import { getProactiveCounts } from '../../api/proactive.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';

/** Each proactive rule's funnel: bubbles shown, opened, and opened into a chat. */
export function ProactiveTable({ siteId }: { siteId: string }) {
  const t = useT();
  const counts = useLoad(() => getProactiveCounts(siteId), siteId);
  const rows = (counts.data?.rules ?? []).filter((r) => r.shown + r.opened + r.chatted > 0);
  return (
    <section class="panel agent-stats" aria-labelledby="proactive-counts-title">
      <h2 id="proactive-counts-title">{t.t('proactive.counts')}</h2>
      {counts.error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: counts.error })}
        </p>
      )}
      {counts.data && rows.length === 0 && <p class="empty">{t.t('proactive.countsEmpty')}</p>}
      {rows.length > 0 && (
        <table class="table compact" aria-labelledby="proactive-counts-title">
          <thead>
            <tr>
              <th scope="col">{t.t('proactive.colRule')}</th>
              <th scope="col">{t.t('proactive.colShown')}</th>
              <th scope="col">{t.t('proactive.colOpened')}</th>
              <th scope="col">{t.t('proactive.colChatted')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.rule}>
                <th scope="row" dir="ltr">
                  {r.rule}
                </th>
                <td>{t.num(r.shown)}</td>
                <td>{t.num(r.opened)}</td>
                <td>{t.num(r.chatted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
