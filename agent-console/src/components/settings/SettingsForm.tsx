import type { Locale, Site } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { patchSiteSettings, type SiteSettingsReply } from '../../api/sites.ts';
import { useT } from '../../i18n/context.ts';
import { localeList, locales } from '../../i18n/locales.ts';
import { settingsForm, settingsPatch, type SettingsForm as Form } from '../../logic/settings-form.ts';
import { HoursFields } from './HoursFields.tsx';
import { NpsFields } from './NpsFields.tsx';
import { ReplyPromiseFields } from './ReplyPromiseFields.tsx';
import { PreChatFields } from './PreChatFields.tsx';
import { SkillNameFields } from './SkillNameFields.tsx';
import { PriorityRulesFields } from './PriorityRulesFields.tsx';
import { SlaFields } from './SlaFields.tsx';
import { LocaleSelect } from '../LocaleSelect.tsx';

interface Props {
  site: Site;
  csrf: string;
  onSaved: (reply: SiteSettingsReply) => void;
}

export type SetField = <K extends keyof Form>(key: K, value: Form[K]) => void;

/** Every setting of the site in one form; saving sends only what changed. */
export function SettingsForm({ site, csrf, onSaved }: Props) {
  const t = useT();
  const [form, setForm] = useState(() => settingsForm(site));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const set: SetField = (key, value) => setForm((f) => ({ ...f, [key]: value }));
  const perLocale = (key: 'greeting' | 'launcherLabel', l: Locale, value: string) =>
    setForm((f) => ({ ...f, [key]: { ...f[key], [l]: value } }));

  const save = async (event: Event) => {
    event.preventDefault();
    const result = settingsPatch(site, form);
    if (!result.ok) {
      const field = t.t(`settings.field.${result.problem.field}`);
      setMessage({ tone: 'error', text: t.t(`settings.problem.${result.problem.kind}`, { field }) });
      return;
    }
    if (Object.keys(result.patch).length === 0) {
      setMessage({ tone: 'info', text: t.t('settings.unchanged') });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const reply = await patchSiteSettings(site.id, result.patch, csrf);
      setForm(settingsForm(reply.site));
      onSaved(reply);
      setMessage({ tone: 'info', text: t.t('settings.saved') });
    } catch (e) {
      setMessage({
        tone: 'error',
        text: t.t('actions.failed', { message: e instanceof Error ? e.message : String(e) }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="settings-form" onSubmit={save} aria-label={t.t('settings.formLabel')}>
      <fieldset class="panel">
        <legend>{t.t('settings.general')}</legend>
        <label class="field">
          <span>{t.t('settings.field.name')}</span>
          <input
            type="text"
            dir="auto"
            maxLength={100}
            value={form.name}
            onInput={(e) => set('name', e.currentTarget.value)}
          />
        </label>
        <fieldset class="inline-group">
          <legend>{t.t('settings.field.locales')}</legend>
          {localeList.map((l) => (
            <label key={l} class="check">
              <input
                type="checkbox"
                checked={form.locales.includes(l)}
                onChange={(e) =>
                  set('locales', e.currentTarget.checked ? [...form.locales, l] : form.locales.filter((x) => x !== l))
                }
              />
              <span lang={l}>{locales[l].nativeName}</span>
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span>{t.t('settings.field.defaultLocale')}</span>
          <LocaleSelect value={form.defaultLocale} onChange={(l) => set('defaultLocale', l)} />
        </label>
      </fieldset>

      <fieldset class="panel">
        <legend>{t.t('settings.widget')}</legend>
        <div class="field-row">
          <label class="field">
            <span>{t.t('settings.field.color')}</span>
            <span class="color-field">
              <input
                type="color"
                value={form.color}
                aria-hidden="true"
                tabIndex={-1}
                onInput={(e) => set('color', e.currentTarget.value)}
              />
              <input
                type="text"
                dir="ltr"
                maxLength={7}
                value={form.color}
                onInput={(e) => set('color', e.currentTarget.value)}
              />
            </span>
          </label>
          <label class="field">
            <span>{t.t('settings.field.position')}</span>
            <select
              value={form.position}
              onChange={(e) => set('position', e.currentTarget.value === 'left' ? 'left' : 'right')}
            >
              <option value="right">{t.t('settings.position.right')}</option>
              <option value="left">{t.t('settings.position.left')}</option>
            </select>
          </label>
        </div>
        {localeList.map((l) => (
          <fieldset key={l} class="locale-group" lang={l}>
            <legend>{locales[l].nativeName}</legend>
            <label class="field">
              <span>{t.t('settings.field.greeting')}</span>
              <textarea
                rows={2}
                dir="auto"
                maxLength={300}
                value={form.greeting[l]}
                onInput={(e) => perLocale('greeting', l, e.currentTarget.value)}
              />
            </label>
            <label class="field">
              <span>{t.t('settings.field.launcherLabel')}</span>
              <input
                type="text"
                dir="auto"
                maxLength={40}
                value={form.launcherLabel[l]}
                onInput={(e) => perLocale('launcherLabel', l, e.currentTarget.value)}
              />
            </label>
          </fieldset>
        ))}
      </fieldset>

      <fieldset class="panel">
        <legend>{t.t('settings.routing')}</legend>
        <label class="field">
          <span>{t.t('settings.field.skills')}</span>
          <textarea rows={3} dir="ltr" value={form.skills} onInput={(e) => set('skills', e.currentTarget.value)} />
          <small class="muted">{t.t('settings.hint.skills')}</small>
        </label>
        <SkillNameFields skills={form.skills} names={form.skillNames} onNames={(names) => set('skillNames', names)} />
        <fieldset class="inline-group">
          <legend>{t.t('settings.field.assignment')}</legend>
          {(['auto', 'pick'] as const).map((mode) => (
            <label key={mode} class="check">
              <input
                type="radio"
                name="assignment"
                checked={form.assignment === mode}
                onChange={() => set('assignment', mode)}
              />
              {t.t(`settings.assignment.${mode}`)}
            </label>
          ))}
        </fieldset>
        <div class="field-row">
          <NumberField
            label={t.t('settings.field.maxWaitSeconds')}
            value={form.maxWaitSeconds}
            onValue={(v) => set('maxWaitSeconds', v)}
          />
          <NumberField
            label={t.t('settings.field.widenAfterSeconds')}
            hint={t.t('settings.hint.widen')}
            value={form.widenAfterSeconds}
            onValue={(v) => set('widenAfterSeconds', v)}
          />
          <NumberField
            label={t.t('settings.field.defaultMaxChats')}
            value={form.defaultMaxChats}
            onValue={(v) => set('defaultMaxChats', v)}
          />
          <NumberField
            label={t.t('settings.field.autoAwaySeconds')}
            hint={t.t('settings.hint.autoAway')}
            value={form.autoAwaySeconds}
            onValue={(v) => set('autoAwaySeconds', v)}
          />
        </div>
        <PriorityRulesFields rules={form.priorityRules} onRules={(rules) => set('priorityRules', rules)} />
        <SlaFields rows={form.slaPolicies} onRows={(rows) => set('slaPolicies', rows)} />
      </fieldset>

      <HoursFields form={form} set={set} />

      <PreChatFields form={form.preChat} onForm={(preChat) => set('preChat', preChat)} />

      <NpsFields form={form} set={set} />

      <ReplyPromiseFields form={form} set={set} />

      <fieldset class="panel">
        <legend>{t.t('settings.security')}</legend>
        <label class="field">
          <span>{t.t('settings.field.allowedOrigins')}</span>
          <textarea
            rows={3}
            dir="ltr"
            value={form.allowedOrigins}
            onInput={(e) => set('allowedOrigins', e.currentTarget.value)}
          />
          <small class="muted">{t.t('settings.hint.origins')}</small>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={form.requireIdentity}
            onChange={(e) => set('requireIdentity', e.currentTarget.checked)}
          />
          {t.t('settings.field.requireIdentity')}
        </label>
      </fieldset>

      <fieldset class="panel">
        <legend>{t.t('settings.bot')}</legend>
        <div class="field-row">
          <NumberField
            label={t.t('settings.field.answerThreshold')}
            value={form.answerThreshold}
            step="0.01"
            onValue={(v) => set('answerThreshold', v)}
          />
          <NumberField
            label={t.t('settings.field.suggestThreshold')}
            value={form.suggestThreshold}
            step="0.01"
            onValue={(v) => set('suggestThreshold', v)}
          />
        </div>
        <small class="muted">{t.t('settings.hint.thresholds')}</small>
      </fieldset>

      <fieldset class="panel">
        <legend>{t.t('settings.tickets')}</legend>
        <label class="field">
          <span>{t.t('settings.field.webhookUrl')}</span>
          <input
            type="url"
            dir="ltr"
            value={form.webhookUrl}
            onInput={(e) => set('webhookUrl', e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t.t('settings.field.supportEmail')}</span>
          <input
            type="email"
            dir="ltr"
            value={form.supportEmail}
            onInput={(e) => set('supportEmail', e.currentTarget.value)}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={form.emailVisitors}
            onChange={(e) => set('emailVisitors', e.currentTarget.checked)}
          />
          {t.t('settings.field.emailVisitors')}
        </label>
      </fieldset>

      <div class="save-bar">
        <p
          class={message?.tone === 'error' ? 'form-error' : 'muted'}
          role={message?.tone === 'error' ? 'alert' : 'status'}
        >
          {message?.text}
        </p>
        <button type="submit" class="button primary" disabled={busy}>
          {t.t('settings.save')}
        </button>
      </div>
    </form>
  );
}

function NumberField({
  label,
  hint,
  value,
  step,
  onValue,
}: {
  label: string;
  hint?: string;
  value: string;
  step?: string;
  onValue: (v: string) => void;
}) {
  return (
    <label class="field">
      <span>{label}</span>
      <input
        type="number"
        dir="ltr"
        min={0}
        step={step ?? '1'}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      {hint && <small class="muted">{hint}</small>}
    </label>
  );
}
