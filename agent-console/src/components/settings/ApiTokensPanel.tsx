import { TokenScope } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { createToken, listTokens, revokeToken } from '../../api/integrations.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/context.ts';
import { CopyButton } from '../CopyButton.tsx';
import { RowsTable } from './RowsTable.tsx';

/** Tokens for the site's integrations: named, scoped, shown once, revocable. */
export function ApiTokensPanel({ siteId, csrf }: { siteId: string; csrf: string }) {
  const t = useT();
  const tokens = useLoad(() => listTokens(siteId), siteId);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>([]);
  const [shown, setShown] = useState<{ name: string; secret: string } | null>(null);
  const { busy, error, setError, run } = useRequest();

  const toggle = (scope: TokenScope, on: boolean) =>
    setScopes((s) => (on ? [...s.filter((x) => x !== scope), scope] : s.filter((x) => x !== scope)));

  const create = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t.t('tokens.noName'));
      return;
    }
    if (scopes.length === 0) {
      setError(t.t('tokens.noScopes'));
      return;
    }
    await run(async () => {
      const created = await createToken(siteId, name.trim(), scopes, csrf);
      setShown({ name: created.token.name, secret: created.secret });
      setName('');
      setScopes([]);
      tokens.reload();
    });
  };

  const revoke = (id: string) =>
    run(async () => {
      await revokeToken(siteId, id, csrf);
      tokens.reload();
    });

  const list = tokens.data ?? [];
  return (
    <section class="panel" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t.t('tokens.title')}</h2>
      <p class="muted">{t.t('tokens.explain')}</p>
      {shown && (
        <div class="secret-box" role="group" aria-label={t.t('tokens.newNamed', { name: shown.name })}>
          <p class="warning">{t.t('tokens.once')}</p>
          <div class="secret-line">
            <code dir="ltr">{shown.secret}</code>
            <CopyButton text={shown.secret} label={t.t('tokens.newNamed', { name: shown.name })} />
          </div>
        </div>
      )}
      <RowsTable
        labelledBy="tokens-title"
        columns={[t.t('tokens.name'), t.t('tokens.scopes'), t.t('tokens.created'), t.t('tokens.lastUsed')]}
        empty={t.t('tokens.none')}
        loaded={Boolean(tokens.data)}
        count={list.length}
      >
        {list.map((token) => (
          <tr key={token.id}>
            <th scope="row" dir="auto">
              {token.name}
            </th>
            <td dir="ltr">{token.scopes.join(', ')}</td>
            <td>{t.dateTime(token.createdAt)}</td>
            <td>{token.lastUsedAt === null ? t.t('tokens.never') : t.dateTime(token.lastUsedAt)}</td>
            <td class="row-actions">
              <button
                type="button"
                class="button small danger"
                aria-label={t.t('tokens.revokeNamed', { name: token.name })}
                onClick={() => void revoke(token.id)}
              >
                {t.t('tokens.revoke')}
              </button>
            </td>
          </tr>
        ))}
      </RowsTable>
      <form class="canned-form" onSubmit={create}>
        <label class="field">
          <span>{t.t('tokens.name')}</span>
          <input type="text" dir="auto" maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <fieldset class="field">
          <legend>{t.t('tokens.scopes')}</legend>
          {TokenScope.options.map((scope) => (
            <label key={scope} class="check">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(e) => toggle(scope, e.currentTarget.checked)}
              />
              <span>
                <code dir="ltr">{scope}</code> {t.t(`tokens.scope.${scope}`)}
              </span>
            </label>
          ))}
        </fieldset>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div>
          <button type="submit" class="button" disabled={busy}>
            {t.t('tokens.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
