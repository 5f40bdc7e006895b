import { translatorFor } from '../../i18n/t.ts';
import { offerStrings } from '../../locales/offer.ts';
import { useChat } from '../context.ts';

/** The visitor's email address, wherever the chat asks for one (ticket offer, contact for a ticket). */
export function EmailField({ value, onInput }: { value: string; onInput: (email: string) => void }) {
  const t = translatorFor(offerStrings, useChat().locale);
  return (
    <label>
      {t('form.email')}
      <input
        type="email"
        required
        dir="ltr"
        autoComplete="email"
        maxLength={254}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </label>
  );
}
