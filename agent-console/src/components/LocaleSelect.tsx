import type { Locale } from '@cascade/shared';
import { isLocale, localeList, locales } from '../i18n/locales.ts';

/** A choice of the console's languages, each named in itself; put it inside a label. */
export function LocaleSelect({ value, onChange }: { value: Locale; onChange: (locale: Locale) => void }) {
  return (
    <select
      value={value}
      onChange={(e) => {
        const chosen = e.currentTarget.value;
        if (isLocale(chosen)) onChange(chosen);
      }}
    >
      {localeList.map((l) => (
        <option key={l} value={l} lang={l}>
          {locales[l].nativeName}
        </option>
      ))}
    </select>
  );
}
