import type { InvitationPreview } from '@cascade/shared';
import { useEffect, useState } from 'preact/hooks';
import { previewInvitation } from '../../api/invitations.ts';
import { useT } from '../../i18n/context.ts';
import { codeFromHash } from '../../logic/invitation.ts';

/**
 * Above the login form when the console was opened with an invitation for an existing
 * account (`#join/<code>`): what the person is invited to, and that they accept after logging in.
 */
export function JoinNotice() {
  const t = useT();
  const [code] = useState(() => codeFromHash(location.hash));
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  useEffect(() => {
    if (code) previewInvitation(code).then(setPreview, () => setPreview(null));
  }, [code]);
  if (!code || !preview) return null;
  return (
    <p class="notice" role="status">
      {t.t('invite.loginToJoin', { site: preview.site, role: t.t(`role.${preview.role}`) })}
    </p>
  );
}
