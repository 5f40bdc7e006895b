import type { InvitationSent, Level, Role } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { invite, listInvitations, resendInvitation, revokeInvitation } from '../../api/invitations.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import { CopyButton } from '../CopyButton.tsx';
import { RowsTable } from './RowsTable.tsx';
import { useRequest } from '../../hooks/use-request.ts';

const roles: readonly Role[] = ['agent', 'supervisor', 'admin'];
const levels: readonly Level[] = [1, 2, 3];

/**
 * Invitations by email, with a role and a level: the pending ones, resend and revoke. Without
 * SMTP (or when sending failed) the link is shown here, for the admin to hand over.
 */
export function InvitationsPanel({ siteId, csrf }: { siteId: string; csrf: string }) {
  const t = useT();
  const pending = useLoad(() => listInvitations(siteId), siteId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [level, setLevel] = useState<Level>(1);
  const [sent, setSent] = useState<InvitationSent | null>(null);
  const { busy, error, run: request } = useRequest();

  const run = async (action: () => Promise<void>) => {
    await request(async () => {
      await action();
      pending.reload();
    });
  };
  const submit = (event: Event) => {
    event.preventDefault();
    setSent(null);
    void run(async () => {
      setSent(await invite({ siteId, email: email.trim(), role, level }, csrf));
      setEmail('');
    });
  };
  const resend = (id: string) => {
    setSent(null);
    void run(async () => setSent(await resendInvitation(siteId, id, csrf)));
  };
  const revoke = (id: string) => {
    setSent(null);
    void run(() => revokeInvitation(siteId, id, csrf));
  };

  const list = pending.data ?? [];
  return (
    <section class="panel" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t.t('invitations.title')}</h2>
      <p class="muted">{t.t('invitations.explain')}</p>
      <form class="canned-form" onSubmit={submit} aria-label={t.t('invitations.formLabel')}>
        <div class="field-row">
          <label class="field grow">
            <span>{t.t('login.email')}</span>
            <input
              type="email"
              dir="ltr"
              required
              maxLength={254}
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t.t('agents.role')}</span>
            <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t.t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{t.t('invitations.level')}</span>
            <select value={level} onChange={(e) => setLevel(Number(e.currentTarget.value))}>
              {levels.map((l) => (
                <option key={l} value={l}>
                  {t.num(l)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div>
          <button type="submit" class="button primary" disabled={busy}>
            {t.t('invitations.send')}
          </button>
        </div>
      </form>
      {sent && (
        <div class="secret-box" role="status">
          {sent.emailed ? (
            <p>{t.t('invitations.emailed', { email: sent.invitation.email })}</p>
          ) : (
            <>
              <p class="warning">{t.t('invitations.handOver', { email: sent.invitation.email })}</p>
              <div class="secret-line">
                <code dir="ltr" aria-label={t.t('agents.invitationLink')}>
                  {sent.link}
                </code>
                <CopyButton text={sent.link ?? ''} label={t.t('agents.copyLink')} />
              </div>
            </>
          )}
        </div>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <h3 id="invitations-pending">{t.t('invitations.pending')}</h3>
      <RowsTable
        labelledBy="invitations-pending"
        columns={[t.t('login.email'), t.t('agents.role'), t.t('invitations.level'), t.t('invitations.expires')]}
        empty={t.t('invitations.none')}
        loaded={Boolean(pending.data)}
        count={list.length}
      >
        {list.map((p) => (
          <tr key={p.id}>
            <th scope="row" dir="ltr">
              {p.email}
            </th>
            <td>
              {t.t(`role.${p.role}`)}
              {p.existingAccount && <span class="muted small"> · {t.t('invitations.existing')}</span>}
            </td>
            <td>{t.num(p.level)}</td>
            <td>{t.dateTime(p.expiresAt)}</td>
            <td class="row-actions">
              <button
                type="button"
                class="button small"
                disabled={busy}
                aria-label={t.t('invitations.resendNamed', { email: p.email })}
                onClick={() => resend(p.id)}
              >
                {t.t('invitations.resend')}
              </button>
              <button
                type="button"
                class="button small danger"
                disabled={busy}
                aria-label={t.t('invitations.revokeNamed', { email: p.email })}
                onClick={() => revoke(p.id)}
              >
                {t.t('invitations.revoke')}
              </button>
            </td>
          </tr>
        ))}
      </RowsTable>
    </section>
  );
}
