import { useT } from '../../i18n/context.ts';
import { NEW_HOURS_ROW, type HoursRow, type SettingsForm } from '../../logic/settings-form.ts';
import type { SetField } from './SettingsForm.tsx';
import { HolidayFields } from './HolidayFields.tsx';

const days = [1, 2, 3, 4, 5, 6, 0] as const;

/** Time zones the browser knows: chosen from the list, never typed. */
const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The list, with UTC and the stored zone kept even where the browser lists them under another name. */
const zoneChoices = (current: string): string[] => [...new Set([current, 'UTC', ...zones])].sort();

/** Opening hours: off means always open; on, a list of weekly intervals in the site's time zone. */
export function HoursFields({ form, set }: { form: SettingsForm; set: SetField }) {
  const t = useT();
  const rows = form.weekly;
  const change = (i: number, patch: Partial<HoursRow>) =>
    set(
      'weekly',
      rows.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  return (
    <fieldset class="panel">
      <legend>{t.t('settings.hours')}</legend>
      <label class="check">
        <input type="checkbox" checked={form.hoursOn} onChange={(e) => set('hoursOn', e.currentTarget.checked)} />
        {t.t('settings.field.hoursOn')}
      </label>
      {!form.hoursOn && <p class="muted">{t.t('settings.alwaysOpen')}</p>}
      {form.hoursOn && (
        <>
          <label class="field">
            <span>{t.t('settings.field.timeZone')}</span>
            <select dir="ltr" value={form.timeZone} onChange={(e) => set('timeZone', e.currentTarget.value)}>
              {zoneChoices(form.timeZone).map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </label>
          {rows.length === 0 && <p class="muted">{t.t('settings.noHours')}</p>}
          <ul class="rows" aria-label={t.t('settings.field.weekly')}>
            {rows.map((row, i) => (
              <li key={i} class="row-fields">
                <label class="field">
                  <span>{t.t('settings.day')}</span>
                  <select value={String(row.day)} onChange={(e) => change(i, { day: Number(e.currentTarget.value) })}>
                    {days.map((d) => (
                      <option key={d} value={String(d)}>
                        {t.t(`day.${d}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label class="field">
                  <span>{t.t('settings.opens')}</span>
                  <input
                    type="time"
                    dir="ltr"
                    value={row.open}
                    onInput={(e) => change(i, { open: e.currentTarget.value })}
                  />
                </label>
                <label class="field">
                  <span>{t.t('settings.closes')}</span>
                  <input
                    type="time"
                    dir="ltr"
                    value={row.close}
                    onInput={(e) => change(i, { close: e.currentTarget.value })}
                  />
                </label>
                <button
                  type="button"
                  class="button quiet small"
                  onClick={() =>
                    set(
                      'weekly',
                      rows.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t.t('settings.remove')}
                </button>
              </li>
            ))}
          </ul>
          <div>
            <button type="button" class="button small" onClick={() => set('weekly', [...rows, { ...NEW_HOURS_ROW }])}>
              {t.t('settings.addHours')}
            </button>
          </div>
          <HolidayFields form={form} set={set} />
        </>
      )}
    </fieldset>
  );
}
