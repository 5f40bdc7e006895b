import { useT } from '../../i18n/context.ts';
import { NEW_SLA_ROW, type SlaRow } from '../../logic/settings-form.ts';

const targets = ['firstResponse', 'nextReply', 'resolution'] as const;

/** SLA targets per priority, in minutes of business hours; an empty target is no promise. */
export function SlaFields({ rows, onRows }: { rows: readonly SlaRow[]; onRows: (rows: SlaRow[]) => void }) {
  const t = useT();
  const change = (i: number, patch: Partial<SlaRow>) => onRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="inline-group column">
      <legend>{t.t('settings.field.slaPolicies')}</legend>
      <p class="muted small">{t.t('settings.hint.sla')}</p>
      {rows.length === 0 && <p class="muted">{t.t('settings.noSla')}</p>}
      <ul class="rows">
        {rows.map((row, i) => (
          <li key={i} class="row-fields">
            <label class="field">
              <span>{t.t('settings.slaPriority')}</span>
              <input
                type="number"
                dir="ltr"
                min={0}
                max={9}
                value={row.priority}
                onInput={(e) => change(i, { priority: e.currentTarget.value })}
              />
            </label>
            {targets.map((k) => (
              <label key={k} class="field">
                <span>{t.t(`settings.sla.${k}`)}</span>
                <input
                  type="text"
                  inputMode="decimal"
                  dir="ltr"
                  size={6}
                  value={row[k]}
                  onInput={(e) => change(i, { [k]: e.currentTarget.value })}
                />
              </label>
            ))}
            <button type="button" class="button quiet small" onClick={() => onRows(rows.filter((_, j) => j !== i))}>
              {t.t('settings.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div>
        <button type="button" class="button small" onClick={() => onRows([...rows, { ...NEW_SLA_ROW }])}>
          {t.t('settings.addSla')}
        </button>
      </div>
    </fieldset>
  );
}
