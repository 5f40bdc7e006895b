import { useState } from 'preact/hooks';
import { setTotpRequired, totpRequirement, totpStatus } from '../../api/integrations.ts';
import { announceSetupRequired } from '../../api/second-factor.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';

/**
 * The site's admins require two-step sign-in of its members. The admin is a member too: one who
 * has not turned it on is told so before, and taken to the setup step after.
 */
export function TotpRequirementPanel({ siteId, csrf }: { siteId: string; csrf: string }) {
  const t = useT();
  const requirement = useLoad(() => totpRequirement(siteId), siteId);
  const own = useLoad(totpStatus, 'own');
  /** The value being saved, shown at once; cleared when the server answered. */
  const [saving, setSaving] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  const change = async (required: boolean) => {
    setSaving(required);
    setError(null);
    try {
      const mine = await setTotpRequired(siteId, required, csrf);
      requirement.set({ siteId, required });
      if (required && !mine.enabled) announceSetupRequired();
    } catch (e) {
      setError(t.t('actions.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setSaving(null);
    }
  };

  return (
    <section class="panel" aria-labelledby="totp-requirement-title">
      <h2 id="totp-requirement-title">{t.t('totp.title')}</h2>
      <p class="muted">{t.t('settings.requireTotpHint')}</p>
      {requirement.data && (
        <label class="check">
          <input
            type="checkbox"
            checked={saving ?? requirement.data.required}
            disabled={saving !== null}
            onChange={(e) => void change(e.currentTarget.checked)}
          />
          {t.t('settings.requireTotpToggle')}
        </label>
      )}
      {own.data && !own.data.enabled && !requirement.data?.required && (
        <p class="warning">{t.t('settings.requireTotpSelf')}</p>
      )}
      {(error ?? requirement.error) && (
        <p class="form-error" role="alert">
          {error ?? t.t('error.generic', { message: requirement.error ?? '' })}
        </p>
      )}
    </section>
  );
}
