import type { TotpSetup } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { totpEnable, totpSetup } from '../api/integrations.ts';
import { useT } from '../i18n/context.ts';
import { appCode } from '../logic/reset-link.ts';
import { CopyButton } from './CopyButton.tsx';

type Step = { kind: 'start' } | { kind: 'confirm'; setup: TotpSetup } | { kind: 'codes'; codes: string[] };

/** The key in groups of four, as authenticator apps show and accept it. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Turning two-step sign-in on: a new key for the app (as text and as an otpauth link, both to
 * copy; no QR code, to keep the console small), a first code that proves the app holds it,
 * then the recovery codes, shown this once.
 */
export function TotpSetupSteps({ csrf, onDone }: { csrf: string; onDone: () => void }) {
  const t = useT();
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const failed = (e: unknown) =>
    setError(t.t('actions.failed', { message: e instanceof Error ? e.message : String(e) }));

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setStep({ kind: 'confirm', setup: await totpSetup(csrf) });
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: Event) => {
    event.preventDefault();
    const digits = appCode(code);
    if (!digits) {
      setError(t.t('totp.codeFormat'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setStep({ kind: 'codes', codes: (await totpEnable(digits, csrf)).recoveryCodes });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_payload') setError(t.t('login.codeWrong'));
      else failed(e);
    } finally {
      setBusy(false);
    }
  };

  const problem = error && (
    <p class="form-error" role="alert">
      {error}
    </p>
  );

  if (step.kind === 'start') {
    return (
      <div class="totp-steps">
        {problem}
        <div class="button-row">
          <button type="button" class="button primary" disabled={busy} onClick={() => void start()}>
            {t.t('totp.start')}
          </button>
        </div>
      </div>
    );
  }

  if (step.kind === 'codes') {
    return (
      <div class="totp-steps">
        <p class="warning">{t.t('totp.recovery')}</p>
        <ul class="recovery-codes" dir="ltr">
          {step.codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <CopyButton text={step.codes.join('\n')} label={t.t('totp.copyCodes')} />
        <div class="button-row">
          <button type="button" class="button primary" onClick={onDone}>
            {t.t('totp.done')}
          </button>
        </div>
      </div>
    );
  }

  const { secret, uri } = step.setup;
  return (
    <form class="totp-steps" onSubmit={confirm}>
      <p>{t.t('totp.scan')}</p>
      <dl class="totp-secret">
        <dt>{t.t('totp.key')}</dt>
        <dd class="secret-line">
          <code dir="ltr">{grouped(secret)}</code>
          <CopyButton text={secret} label={t.t('totp.copyKey')} />
        </dd>
        <dt>{t.t('totp.uri')}</dt>
        <dd class="secret-line">
          <code dir="ltr">{uri}</code>
          <CopyButton text={uri} label={t.t('totp.copyUri')} />
        </dd>
      </dl>
      <label class="field">
        <span>{t.t('totp.code')}</span>
        <input
          type="text"
          name="code"
          inputMode="numeric"
          autocomplete="one-time-code"
          dir="ltr"
          spellcheck={false}
          required
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </label>
      {problem}
      <div class="button-row">
        <button type="submit" class="button primary" disabled={busy}>
          {t.t('totp.confirm')}
        </button>
      </div>
    </form>
  );
}
