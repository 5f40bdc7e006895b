import { useT } from '../../i18n/context.ts';
import { localeList, locales } from '../../i18n/locales.ts';
import { EMPTY_NAME_ROW, typedSkills, type SkillNamesForm } from '../../logic/skill-names-form.ts';

interface Props {
  /** The skills box as typed: a row for each skill in it. */
  skills: string;
  names: SkillNamesForm;
  onNames: (names: SkillNamesForm) => void;
}

/** What agents read for each skill, per language: a group per skill, named by its id. */
export function SkillNameFields({ skills, names, onNames }: Props) {
  const t = useT();
  return (
    <fieldset class="inline-group column skill-names">
      <legend>{t.t('settings.field.skillNames')}</legend>
      <small class="muted">{t.t('settings.hint.skillNames')}</small>
      {typedSkills(skills).map((skill) => {
        const row = names[skill] ?? EMPTY_NAME_ROW;
        return (
          <fieldset key={skill} class="field-row">
            <legend dir="ltr">{skill}</legend>
            {localeList.map((l) => (
              <label key={l} class="field">
                <span lang={l}>{locales[l].nativeName}</span>
                <input
                  lang={l}
                  dir={l === 'en' ? 'ltr' : 'rtl'}
                  maxLength={60}
                  required={l === 'en' && (row.ar.trim() !== '' || row.fa.trim() !== '')}
                  value={row[l]}
                  onInput={(e) => onNames({ ...names, [skill]: { ...row, [l]: e.currentTarget.value } })}
                />
              </label>
            ))}
          </fieldset>
        );
      })}
    </fieldset>
  );
}
