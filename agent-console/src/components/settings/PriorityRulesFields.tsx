import { useT } from '../../i18n/context.ts';
import type { RuleRow } from '../../logic/settings-form.ts';

/** Rules that lift a waiting chat ahead of others: identified customers, or visitors on a page such as /checkout. */
export function PriorityRulesFields({
  rules,
  onRules,
}: {
  rules: readonly RuleRow[];
  onRules: (rules: RuleRow[]) => void;
}) {
  const t = useT();
  const change = (i: number, patch: Partial<RuleRow>) =>
    onRules(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="inline-group column">
      <legend>{t.t('settings.field.priorityRules')}</legend>
      {rules.length === 0 && <p class="muted">{t.t('settings.noRules')}</p>}
      <ul class="rows">
        {rules.map((rule, i) => (
          <li key={i} class="row-fields">
            <label class="field">
              <span>{t.t('settings.ruleWhen')}</span>
              <select
                value={rule.when}
                onChange={(e) => change(i, { when: e.currentTarget.value === 'page' ? 'page' : 'identified' })}
              >
                <option value="identified">{t.t('settings.rule.identified')}</option>
                <option value="page">{t.t('settings.rule.page')}</option>
              </select>
            </label>
            {rule.when === 'page' && (
              <label class="field grow">
                <span>{t.t('settings.rulePattern')}</span>
                <input
                  type="text"
                  dir="ltr"
                  maxLength={200}
                  value={rule.pattern}
                  onInput={(e) => change(i, { pattern: e.currentTarget.value })}
                />
              </label>
            )}
            <label class="field">
              <span>{t.t('settings.rulePriority')}</span>
              <input
                type="number"
                dir="ltr"
                min={1}
                max={9}
                value={rule.priority}
                onInput={(e) => change(i, { priority: e.currentTarget.value })}
              />
            </label>
            <button type="button" class="button quiet small" onClick={() => onRules(rules.filter((_, j) => j !== i))}>
              {t.t('settings.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div>
        <button
          type="button"
          class="button small"
          onClick={() => onRules([...rules, { when: 'page', pattern: '/', priority: '1' }])}
        >
          {t.t('settings.addRule')}
        </button>
      </div>
    </fieldset>
  );
}
