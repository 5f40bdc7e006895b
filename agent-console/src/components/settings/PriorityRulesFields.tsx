import { useT } from '../../i18n/context.ts';
import type { RuleRow } from '../../logic/settings-form.ts';

const WHENS = ['identified', 'page', 'attribute'] as const;
const asWhen = (v: string): RuleRow['when'] => WHENS.find((w) => w === v) ?? 'identified';

/** Rules that lift a waiting chat ahead of others: identified customers, a page such as /checkout, or plan = pro. */
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
              <select value={rule.when} onChange={(e) => change(i, { when: asWhen(e.currentTarget.value) })}>
                <option value="identified">{t.t('settings.rule.identified')}</option>
                <option value="page">{t.t('settings.rule.page')}</option>
                <option value="attribute">{t.t('settings.rule.attribute')}</option>
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
            {rule.when === 'attribute' && (
              <>
                <label class="field grow">
                  <span>{t.t('settings.ruleKey')}</span>
                  <input
                    type="text"
                    dir="ltr"
                    maxLength={32}
                    value={rule.key}
                    onInput={(e) => change(i, { key: e.currentTarget.value })}
                  />
                </label>
                <label class="field grow">
                  <span>{t.t('settings.ruleValue')}</span>
                  <input
                    type="text"
                    dir="auto"
                    maxLength={200}
                    value={rule.value}
                    onInput={(e) => change(i, { value: e.currentTarget.value })}
                  />
                </label>
              </>
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
          onClick={() => onRules([...rules, { when: 'page', pattern: '/', key: '', value: '', priority: '1' }])}
        >
          {t.t('settings.addRule')}
        </button>
      </div>
    </fieldset>
  );
}
