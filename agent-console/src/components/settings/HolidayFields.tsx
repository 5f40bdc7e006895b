import { useT } from '../../i18n/context.ts';
import type { SettingsForm } from '../../logic/settings-form.ts';
import type { SetField } from './SettingsForm.tsx';

/** Dates the team is away all day, beside the weekly hours (in the site's time zone). */
export function HolidayFields({ form, set }: { form: SettingsForm; set: SetField }) {
  const t = useT();
  const dates = form.holidays;
  return (
    <>
      <ul class="rows" aria-label={t.t('settings.field.holidays')}>
        {dates.map((date, i) => (
          <li key={i} class="row-fields">
            <label class="field">
              <span>{t.t('settings.holiday')}</span>
              <input
                type="date"
                dir="ltr"
                value={date}
                onInput={(e) =>
                  set(
                    'holidays',
                    dates.map((d, j) => (j === i ? e.currentTarget.value : d)),
                  )
                }
              />
            </label>
            <button
              type="button"
              class="button quiet small"
              onClick={() =>
                set(
                  'holidays',
                  dates.filter((_, j) => j !== i),
                )
              }
            >
              {t.t('settings.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div>
        <button type="button" class="button small" onClick={() => set('holidays', [...dates, ''])}>
          {t.t('settings.addHoliday')}
        </button>
      </div>
    </>
  );
}
