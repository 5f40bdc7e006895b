import type { Locale } from '@cascade/shared';
import { useT } from '../i18n/context.ts';
import { LocaleSelect } from './LocaleSelect.tsx';

export function LanguageSelect({ onLocale }: { onLocale: (locale: Locale) => void }) {
  const t = useT();
  return (
    <label class="inline-field">
      <span class="visually-hidden">{t.t('header.language')}</span>
      <LocaleSelect value={t.locale} onChange={onLocale} />
    </label>
  );
}
