import type { Me } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { revokeVisitor } from '../api/visitors.ts';
import { useT } from '../i18n/context.ts';
import { canAssignOthers } from '../logic/assignees.ts';

/**
 * For supervisors and admins: cut an abusive visitor off. Their connection closes and their
 * browser starts over as a new visitor who sees none of this; asked twice, since it cannot
 * be undone.
 */
export function ForgetVisitor({ me, siteId, visitorId }: { me: Me; siteId: string; visitorId: string }) {
  const t = useT();
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  if (!canAssignOthers(me, siteId)) return null;

  const forget = async () => {
    setStep('busy');
    setError(null);
    try {
      await revokeVisitor(siteId, visitorId, me.csrfToken);
      setStep('done');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setStep('confirm');
    }
  };

  return (
    <section class="context-section">
      <h3>{t.t('context.forgetTitle')}</h3>
      {step === 'done' ? (
        <p role="status">{t.t('context.forgotten')}</p>
      ) : (
        <>
          <p class="muted small">{t.t('context.forgetHint')}</p>
          {step === 'idle' ? (
            <button type="button" class="button quiet small" onClick={() => setStep('confirm')}>
              {t.t('context.forget')}
            </button>
          ) : (
            <div class="button-row">
              <button
                type="button"
                class="button danger small"
                disabled={step === 'busy'}
                onClick={() => void forget()}
              >
                {t.t('context.forgetConfirm')}
              </button>
              <button
                type="button"
                class="button quiet small"
                disabled={step === 'busy'}
                onClick={() => setStep('idle')}
              >
                {t.t('dialog.cancel')}
              </button>
            </div>
          )}
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
