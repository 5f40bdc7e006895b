import { useT } from '../../i18n/context.ts';
import type { SettingsForm } from '../../logic/settings-form.ts';
import type { SetField } from './SettingsForm.tsx';

/** Whether the site asks NPS after chats, how often one visitor is asked, and whether it replaces the stars. */
export function NpsFields({ form, set }: { form: SettingsForm; set: SetField }) {
  const t = useT();
  return (
    <fieldset class="panel">
      <legend>{t.t('settings.nps')}</legend>
      <label class="check">
        <input type="checkbox" checked={form.npsOn} onChange={(e) => set('npsOn', e.currentTarget.checked)} />
        {t.t('settings.field.npsOn')}
      </label>
      {form.npsOn && (
        <>
          <label class="field">
            <span>{t.t('settings.field.npsPeriodDays')}</span>
            <input
              type="number"
              dir="ltr"
              min={1}
              max={730}
              value={form.npsPeriodDays}
              onInput={(e) => set('npsPeriodDays', e.currentTarget.value)}
            />
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={form.npsReplacesCsat}
              onChange={(e) => set('npsReplacesCsat', e.currentTarget.checked)}
            />
            {t.t('settings.field.npsReplacesCsat')}
          </label>
        </>
      )}
    </fieldset>
  );
}
