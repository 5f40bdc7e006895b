import { useState } from 'preact/hooks';
import { listAgents } from '../../api/agents.ts';
import { listAudit } from '../../api/history.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import { agentNames } from '../../logic/agent-names.ts';
import { auditAction, auditTargets } from '../../logic/audit-actions.ts';
import type { SiteRef } from '../../logic/sites.ts';
import { agentName } from './ConversationResults.tsx';

const PAGE_SIZE = 50;

/** The site's audit log for its admins: who changed what, when and from where, newest first. */
export function AuditPage({ site }: { site: SiteRef }) {
  const t = useT();
  // The ids each page was read before; the last is the page shown (null: the newest).
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const before = cursors.at(-1) ?? null;
  const entries = useLoad(() => listAudit(site.id, before, PAGE_SIZE), `${site.id}:${before ?? ''}`);
  const agents = useLoad(() => listAgents(site.id), site.id);
  const names = agentNames(agents);
  // The rows wait for the names, so none shows "another agent" for an agent about to be named.
  const list = names ? (entries.data ?? []) : [];
  const oldest = list.at(-1)?.id;

  return (
    <main class="page audit-page">
      <div class="page-head">
        <h1>{t.t('audit.title')}</h1>
        <span class="muted" dir="auto">
          {site.name}
        </span>
        <button type="button" class="button small push-end" onClick={entries.reload}>
          {t.t('metrics.refresh')}
        </button>
      </div>
      <p class="muted">{t.t('audit.explain')}</p>
      {entries.error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: entries.error })}
        </p>
      )}
      {(!entries.data || !names) && !entries.error && <p class="muted">{t.t('app.loading')}</p>}
      {entries.data && names && list.length === 0 && <p class="empty">{t.t('audit.empty')}</p>}
      {list.length > 0 && (
        <table class="table" aria-label={t.t('audit.title')}>
          <thead>
            <tr>
              <th scope="col">{t.t('audit.when')}</th>
              <th scope="col">{t.t('audit.who')}</th>
              <th scope="col">{t.t('audit.what')}</th>
              <th scope="col">{t.t('audit.target')}</th>
              <th scope="col">{t.t('audit.fields')}</th>
              <th scope="col">{t.t('audit.from')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((entry) => {
              const action = auditAction(entry.action);
              return (
                <tr key={entry.id}>
                  <td>{t.dateTime(entry.at)}</td>
                  <td>
                    <bdi>{agentName(t, names, entry.actorId)}</bdi>
                  </td>
                  <td>{action ? t.t(`audit.action.${action}`) : <code dir="ltr">{entry.action}</code>}</td>
                  <td>
                    {auditTargets(entry.target).map((line) => (
                      <div key={line} class="audit-target">
                        <code dir="ltr">{line}</code>
                      </div>
                    ))}
                  </td>
                  <td>
                    <bdi dir="ltr">{entry.fields.join(', ')}</bdi>
                  </td>
                  <td>
                    <bdi dir="ltr">{entry.ip ?? ''}</bdi>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {(cursors.length > 1 || list.length === PAGE_SIZE) && (
        <div class="pager">
          <button
            type="button"
            class="button"
            disabled={cursors.length <= 1}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            {t.t('audit.newer')}
          </button>
          <button
            type="button"
            class="button"
            disabled={list.length < PAGE_SIZE || oldest === undefined}
            onClick={() => oldest !== undefined && setCursors((c) => [...c, oldest])}
          >
            {t.t('audit.older')}
          </button>
        </div>
      )}
    </main>
  );
}
