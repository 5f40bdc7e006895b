import { localeList, locales } from '../../i18n/locales.ts';
import { useT } from '../../i18n/context.ts';
import type { NewSiteForm } from '../../logic/new-site.ts';

/** A new site's name, the origins where its widget may run, and its languages. */
export function SiteFields({
  form,
  idPrefix,
  onChange,
}: {
  form: NewSiteForm;
  idPrefix: string;
  onChange: (form: NewSiteForm) => void;
}) {
  const t = useT();
  const hintId = `${idPrefix}-origins-hint`;
  return (
    <>
      <label class="field">
        <span>{t.t('siteForm.name')}</span>
        <input
          type="text"
          dir="auto"
          required
          maxLength={100}
          value={form.name}
          onInput={(e) => onChange({ ...form, name: e.currentTarget.value })}
        />
      </label>
      <label class="field">
        <span>{t.t('siteForm.origins')}</span>
        <textarea
          rows={3}
          dir="ltr"
          placeholder="https://shop.example"
          aria-describedby={hintId}
          value={form.origins}
          onInput={(e) => onChange({ ...form, origins: e.currentTarget.value })}
        />
      </label>
      <small id={hintId} class="muted">
        {t.t('siteForm.originsHint')}
      </small>
      <fieldset class="inline-group">
        <legend>{t.t('siteForm.languages')}</legend>
        {localeList.map((l) => (
          <label key={l} class="check">
            <input
              type="checkbox"
              checked={form.locales.includes(l)}
              onChange={(e) =>
                onChange({
                  ...form,
                  locales: e.currentTarget.checked ? [...form.locales, l] : form.locales.filter((x) => x !== l),
                })
              }
            />
            <span lang={l}>{locales[l].nativeName}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
