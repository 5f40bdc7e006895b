import { useT } from '../../i18n/context.ts';
import { localeList, locales } from '../../i18n/locales.ts';
import type { Either, PathMatchDraft, RuleDraft } from '../../logic/proactive-form.ts';

const MATCHES: readonly PathMatchDraft[] = ['', 'prefix', 'contains', 'exact'];
const asMatch = (v: string): PathMatchDraft => MATCHES.find((m) => m === v) ?? '';
const asEither = (v: string): Either => (v === 'yes' || v === 'no' ? v : '');

/** One invitation rule: its name, message per language, conditions and cap. */
export function ProactiveRuleFields({
  n,
  rule,
  onChange,
  onRemove,
}: {
  n: number;
  rule: RuleDraft;
  onChange: (patch: Partial<RuleDraft>) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const matchLabel = {
    '': t.t('proactive.pathAny'),
    prefix: t.t('proactive.pathPrefix'),
    contains: t.t('proactive.pathContains'),
    exact: t.t('proactive.pathExact'),
  };
  const number = (label: string, value: string, set: (v: string) => void) => (
    <label class="field">
      <span>{label}</span>
      <input type="number" min={0} inputMode="numeric" value={value} onInput={(e) => set(e.currentTarget.value)} />
    </label>
  );
  const either = (label: string, value: Either, yes: string, no: string, set: (v: Either) => void) => (
    <label class="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => set(asEither(e.currentTarget.value))}>
        <option value="">{t.t('proactive.either')}</option>
        <option value="yes">{yes}</option>
        <option value="no">{no}</option>
      </select>
    </label>
  );
  return (
    <fieldset class="panel proactive-rule">
      <legend>{t.t('proactive.rule', { n })}</legend>
      <div class="row-fields">
        <label class="field">
          <span>{t.t('proactive.name')}</span>
          <input
            type="text"
            dir="ltr"
            maxLength={40}
            value={rule.name}
            onInput={(e) => onChange({ name: e.currentTarget.value })}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={rule.enabled}
            onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
          />
          {t.t('proactive.enabled')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={rule.manual}
            onChange={(e) => onChange({ manual: e.currentTarget.checked })}
          />
          {t.t('proactive.manual')}
        </label>
      </div>
      {localeList.map((l) => (
        <label key={l} class="field grow">
          <span>{t.t('proactive.message', { language: locales[l].nativeName })}</span>
          <input
            type="text"
            lang={l}
            dir="auto"
            maxLength={200}
            value={rule.message[l]}
            onInput={(e) => onChange({ message: { ...rule.message, [l]: e.currentTarget.value } })}
          />
        </label>
      ))}
      <div class="row-fields">
        <label class="field">
          <span>{t.t('proactive.pathMatch')}</span>
          <select value={rule.pathMatch} onChange={(e) => onChange({ pathMatch: asMatch(e.currentTarget.value) })}>
            {MATCHES.map((m) => (
              <option key={m} value={m}>
                {matchLabel[m]}
              </option>
            ))}
          </select>
        </label>
        {rule.pathMatch && (
          <label class="field grow">
            <span>{t.t('proactive.pathValue')}</span>
            <input
              type="text"
              dir="ltr"
              maxLength={200}
              value={rule.pathValue}
              onInput={(e) => onChange({ pathValue: e.currentTarget.value })}
            />
          </label>
        )}
      </div>
      <div class="row-fields">
        {number(t.t('proactive.seconds'), rule.seconds, (seconds) => onChange({ seconds }))}
        {number(t.t('proactive.minPages'), rule.minPages, (minPages) => onChange({ minPages }))}
        {number(t.t('proactive.everyHours'), rule.everyHours, (everyHours) => onChange({ everyHours }))}
      </div>
      <div class="row-fields">
        {either(
          t.t('proactive.returning'),
          rule.returning,
          t.t('proactive.returningYes'),
          t.t('proactive.returningNo'),
          (returning) => onChange({ returning }),
        )}
        {either(
          t.t('proactive.identified'),
          rule.identified,
          t.t('proactive.identifiedYes'),
          t.t('proactive.identifiedNo'),
          (identified) => onChange({ identified }),
        )}
        <label class="check">
          <input
            type="checkbox"
            checked={rule.inHours}
            onChange={(e) => onChange({ inHours: e.currentTarget.checked })}
          />
          {t.t('proactive.inHours')}
        </label>
      </div>
      <label class="field grow">
        <span>{t.t('proactive.attributes')}</span>
        <textarea
          rows={2}
          dir="ltr"
          value={rule.attributes}
          onInput={(e) => onChange({ attributes: e.currentTarget.value })}
        />
      </label>
      <div>
        <button type="button" class="button quiet small" onClick={onRemove}>
          {t.t('proactive.remove', { n })}
        </button>
      </div>
    </fieldset>
  );
}
