import type { InvitationAccepted } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { acceptInvitation } from '../api/invitations.ts';
import { useT } from '../i18n/context.ts';
import { invitationCode } from '../logic/invitation.ts';
import { Dialog, DialogFooter } from './Dialog.tsx';

interface Props {
  csrf: string;
  /** A code the console was opened with (an invitation link), filled in for the agent to confirm. */
  initialCode: string | null;
  onClose: () => void;
  /** After joining: the console reloads the agent's sites. */
  onJoined: () => void;
}

/** The signed-in agent pastes the invitation code (or link) a site's admin gave them, and joins that site. */
export function JoinDialog({ csrf, initialCode, onClose, onJoined }: Props) {
  const t = useT();
  const [text, setText] = useState(initialCode ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [joined, setJoined] = useState<InvitationAccepted['site'] | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const code = invitationCode(text);
    if (!code) {
      setError(t.t('join.badCode'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setJoined((await acceptInvitation(code, csrf)).site);
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'not_found'
          ? t.t('join.unknown')
          : e instanceof ApiError && e.code === 'forbidden'
            ? t.t('join.passwordFirst')
            : t.t('actions.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t.t('join.title')} titleId="join-title" onClose={joined ? onJoined : onClose}>
      {joined ? (
        <div class="dialog-form">
          <p role="status">{t.t('join.done', { site: joined.name, role: t.t(`role.${joined.role}`) })}</p>
          <div class="dialog-buttons">
            <button type="button" class="button primary" onClick={onJoined}>
              {t.t('join.close')}
            </button>
          </div>
        </div>
      ) : (
        <form class="dialog-form" onSubmit={submit}>
          <p class="muted small">{t.t('join.intro')}</p>
          <label class="field">
            <span>{t.t('join.code')}</span>
            <input
              type="text"
              dir="ltr"
              required
              autocomplete="off"
              spellcheck={false}
              maxLength={2048}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          <DialogFooter error={error} busy={busy} submitLabel={t.t('join.submit')} onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}
