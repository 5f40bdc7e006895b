import { useT } from '../../i18n/context.ts';

/** The least length the server accepts for a password a person chooses. */
export const MIN_PASSWORD = 10;

/** A new password typed twice, for a person choosing their own. */
export function PasswordFields({
  password,
  repeat,
  onPassword,
  onRepeat,
}: {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
}) {
  const t = useT();
  return (
    <>
      <label class="field">
        <span>{t.t('setup.password')}</span>
        <input
          type="password"
          autocomplete="new-password"
          dir="ltr"
          required
          minLength={MIN_PASSWORD}
          value={password}
          aria-describedby="password-hint"
          onInput={(e) => onPassword(e.currentTarget.value)}
        />
      </label>
      <small id="password-hint" class="muted">
        {t.t('setup.passwordHint', { n: MIN_PASSWORD })}
      </small>
      <label class="field">
        <span>{t.t('setup.passwordRepeat')}</span>
        <input
          type="password"
          autocomplete="new-password"
          dir="ltr"
          required
          value={repeat}
          onInput={(e) => onRepeat(e.currentTarget.value)}
        />
      </label>
    </>
  );
}

/** What is wrong with a chosen password, as a catalogue key, or null. */
export function passwordProblem(password: string, repeat: string): 'password.short' | 'password.mismatch' | null {
  if (password.length < MIN_PASSWORD) return 'password.short';
  if (password !== repeat) return 'password.mismatch';
  return null;
}
