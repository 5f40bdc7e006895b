import { useT } from '../../i18n/context.ts';
import type { SettingsForm } from '../../logic/settings-form.ts';
import type { SetField } from './SettingsForm.tsx';

/** Whether the email form offered when nobody can answer promises a reply, and within how many business hours. */
export function ReplyPromiseFields({ form, set }: { form: SettingsForm; set: SetField }) {
  const t = useT();
  return (
    <fieldset class="panel">
      <legend>{t.t('settings.replyPromise')}</legend>
      <label class="check">
        <input
          type="checkbox"
          checked={form.replyPromiseOn}
          onChange={(e) => set('replyPromiseOn', e.currentTarget.checked)}
        />
        {t.t('settings.field.replyPromiseOn')}
      </label>
      {form.replyPromiseOn && (
        <label class="field">
          <span>{t.t('settings.field.replyPromiseHours')}</span>
          <input
            type="number"
            dir="ltr"
            min={1}
            max={240}
            value={form.replyPromiseHours}
            onInput={(e) => set('replyPromiseHours', e.currentTarget.value)}
          />
        </label>
      )}
    </fieldset>
  );
}
