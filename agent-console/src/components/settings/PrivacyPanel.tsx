import type { FoundVisitor, VisitorLookup } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { listAgents } from '../../api/agents.ts';
import { eraseVisitor, exportVisitor, findVisitors, listErasures } from '../../api/privacy.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import { visitorLabel } from '../../i18n/describe.ts';
import { dayOf } from '../../logic/history-query.ts';
import { agentName } from '../history/ConversationResults.tsx';
import { useRequest } from '../../hooks/use-request.ts';

type Kind = 'email' | 'externalId' | 'conversationId' | 'visitorId';
const kinds: readonly Kind[] = ['email', 'externalId', 'conversationId', 'visitorId'];

/** Saves a JSON document as a file, as a link with `download` would. */
function saveJson(name: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A person's data on request (GDPR): find them by email or id, export what is held as JSON, or
 * erase it everywhere after typing the value again. Past erasures are listed, never their content.
 */
export function PrivacyPanel({ siteId, csrf }: { siteId: string; csrf: string }) {
  const t = useT();
  const [kind, setKind] = useState<Kind>('email');
  const [value, setValue] = useState('');
  const [lookup, setLookup] = useState<VisitorLookup | null>(null);
  const [found, setFound] = useState<FoundVisitor[] | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const { busy, error, run: request } = useRequest();
  const [done, setDone] = useState<string | null>(null);
  const erasures = useLoad(() => listErasures(siteId), siteId);
  const agents = useLoad(() => listAgents(siteId), siteId);
  const names = new Map((agents.data ?? []).map((a) => [a.id, a.name]));

  const act = async (work: () => Promise<void>) => {
    setDone(null);
    await request(async () => {
      await work();
    });
  };

  const find = (event: Event) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (!trimmed) return;
    const next: VisitorLookup = { siteId, [kind]: trimmed };
    setConfirm(null);
    void act(async () => {
      setFound(await findVisitors(next, csrf));
      setLookup(next);
    });
  };

  const download = (q: VisitorLookup) =>
    act(async () => saveJson(`visitor-export-${siteId}-${dayOf(Date.now())}.json`, await exportVisitor(q, csrf)));

  const erase = (q: VisitorLookup) =>
    act(async () => {
      const { erased } = await eraseVisitor(q, csrf);
      setDone(t.t('privacy.erased', { visitors: erased.visitors, conversations: erased.conversations }));
      setFound(null);
      setLookup(null);
      setConfirm(null);
      erasures.reload();
    });

  const typedValue = lookup ? (lookup[kind] ?? '') : '';
  return (
    <section class="panel" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t.t('privacy.title')}</h2>
      <p class="muted">{t.t('privacy.explain')}</p>
      <form class="inline-group" onSubmit={find}>
        <label class="field">
          <span>{t.t('privacy.by')}</span>
          <select
            value={kind}
            onChange={(e) => {
              const next = kinds.find((k) => k === e.currentTarget.value);
              if (next) setKind(next);
            }}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t.t(`privacy.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field grow">
          <span>{t.t('privacy.value')}</span>
          <input
            dir="ltr"
            type={kind === 'email' ? 'email' : 'text'}
            maxLength={254}
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button" disabled={busy}>
          {t.t('privacy.find')}
        </button>
      </form>
      {found && found.length === 0 && <p class="empty">{t.t('privacy.none')}</p>}
      {found && found.length > 0 && lookup && (
        <>
          <ul class="plain-list" aria-label={t.t('privacy.found')}>
            {found.map((f) => (
              <li key={f.visitor.id}>
                <strong dir="auto">{visitorLabel(t, f.visitor)}</strong>{' '}
                <span class="muted">{t.t('privacy.conversations', { n: f.conversations })}</span>
              </li>
            ))}
          </ul>
          <div class="button-row">
            <button type="button" class="button" disabled={busy} onClick={() => void download(lookup)}>
              {t.t('privacy.export')}
            </button>
            <button type="button" class="button danger" disabled={busy} onClick={() => setConfirm('')}>
              {t.t('privacy.erase')}
            </button>
          </div>
          {confirm !== null && (
            <div class="confirm-box" role="group" aria-label={t.t('privacy.erase')}>
              <p class="warning">{t.t('privacy.eraseWarning')}</p>
              <label class="field">
                <span>{t.t('privacy.typeToConfirm', { value: typedValue })}</span>
                <input dir="ltr" value={confirm} onInput={(e) => setConfirm(e.currentTarget.value)} />
              </label>
              <div class="button-row">
                <button
                  type="button"
                  class="button danger"
                  disabled={busy || confirm.trim() !== typedValue}
                  onClick={() => void erase(lookup)}
                >
                  {t.t('privacy.eraseConfirm')}
                </button>
                <button type="button" class="button quiet" onClick={() => setConfirm(null)}>
                  {t.t('dialog.cancel')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
      {done && <p role="status">{done}</p>}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <h3>{t.t('privacy.past')}</h3>
      {erasures.data && erasures.data.length === 0 && <p class="muted">{t.t('privacy.noPast')}</p>}
      {erasures.data && erasures.data.length > 0 && (
        <table class="table compact" aria-label={t.t('privacy.past')}>
          <thead>
            <tr>
              <th scope="col">{t.t('audit.when')}</th>
              <th scope="col">{t.t('audit.who')}</th>
              <th scope="col">{t.t('privacy.removed')}</th>
            </tr>
          </thead>
          <tbody>
            {erasures.data.map((e) => (
              <tr key={e.id}>
                <td>{t.dateTime(e.at)}</td>
                <td>
                  <bdi>{agentName(t, names, e.actorId)}</bdi>
                </td>
                <td>{t.t('privacy.counts', { ...e.erased })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
