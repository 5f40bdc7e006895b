import type { PreChatField } from '@cascade/shared';
import { useT } from '../../i18n/context.ts';
import { localeList, locales } from '../../i18n/locales.ts';
import { newPreChatRow, type PreChatForm, type PreChatRow } from '../../logic/pre-chat-form.ts';

const KINDS: readonly PreChatField['kind'][] = ['name', 'email', 'phone', 'choice', 'text'];
const asKind = (v: string): PreChatField['kind'] => KINDS.find((k) => k === v) ?? 'text';

/** The questions asked before a chat: what each asks for, whether it must be answered, its label per language. */
export function PreChatFields({ form, onForm }: { form: PreChatForm; onForm: (form: PreChatForm) => void }) {
  const t = useT();
  const rows = (fields: PreChatRow[]) => onForm({ ...form, fields });
  const change = (i: number, patch: Partial<PreChatRow>) =>
    rows(form.fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <fieldset class="panel">
      <legend>{t.t('settings.field.preChat')}</legend>
      <label class="check">
        <input type="checkbox" checked={form.on} onChange={(e) => onForm({ ...form, on: e.currentTarget.checked })} />
        {t.t('settings.preChat.on')}
      </label>
      {form.on && (
        <>
          <label class="field">
            <span>{t.t('settings.preChat.when')}</span>
            <select
              value={form.when}
              onChange={(e) =>
                onForm({ ...form, when: e.currentTarget.value === 'before_person' ? 'before_person' : 'first_message' })
              }
            >
              <option value="first_message">{t.t('settings.preChat.when.first_message')}</option>
              <option value="before_person">{t.t('settings.preChat.when.before_person')}</option>
            </select>
          </label>
          <ul class="rows">
            {form.fields.map((f, i) => (
              <li key={f.id} class="row-fields">
                <label class="field">
                  <span>{t.t('settings.preChat.kind')}</span>
                  <select value={f.kind} onChange={(e) => change(i, { kind: asKind(e.currentTarget.value) })}>
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t.t(`settings.preChat.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                </label>
                {localeList.map((l) => (
                  <label key={l} class="field grow" lang={l}>
                    <span>{t.t('settings.preChat.label', { language: locales[l].nativeName })}</span>
                    <input
                      type="text"
                      dir="auto"
                      maxLength={80}
                      value={f.label[l]}
                      onInput={(e) => change(i, { label: { ...f.label, [l]: e.currentTarget.value } })}
                    />
                  </label>
                ))}
                {f.kind === 'choice' && (
                  <label class="field grow">
                    <span>{t.t('settings.preChat.options')}</span>
                    <textarea
                      rows={3}
                      dir="auto"
                      value={f.options}
                      onInput={(e) => change(i, { options: e.currentTarget.value })}
                    />
                  </label>
                )}
                <label class="check">
                  <input
                    type="checkbox"
                    checked={f.required}
                    onChange={(e) => change(i, { required: e.currentTarget.checked })}
                  />
                  {t.t('settings.preChat.required')}
                </label>
                <button
                  type="button"
                  class="button quiet small"
                  onClick={() => rows(form.fields.filter((_, j) => j !== i))}
                >
                  {t.t('settings.remove')}
                </button>
              </li>
            ))}
          </ul>
          <div>
            <button type="button" class="button small" onClick={() => rows([...form.fields, newPreChatRow(form)])}>
              {t.t('settings.preChat.add')}
            </button>
          </div>
        </>
      )}
    </fieldset>
  );
}
