import type { Site } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { patchSiteSettings, type SiteSettingsReply } from '../../api/sites.ts';
import { useT } from '../../i18n/context.ts';
import { emptyRule, parseProactive, toDraft, type RuleDraft } from '../../logic/proactive-form.ts';
import { ProactiveRuleFields } from './ProactiveRuleFields.tsx';
import { useRequest } from '../../hooks/use-request.ts';

/** The site's invitations: rules that show a bubble by the launcher, saved apart from the other settings. */
export function ProactivePanel({
  site,
  csrf,
  onSaved,
}: {
  site: Site;
  csrf: string;
  onSaved: (reply: SiteSettingsReply) => void;
}) {
  const t = useT();
  const [rules, setRules] = useState<RuleDraft[]>(() => (site.proactive?.rules ?? []).map(toDraft));
  const [visitorEvery, setVisitorEvery] = useState(String(site.proactive?.visitorEveryHours ?? 0));
  const { busy, error, setError, run: request } = useRequest();
  const [saved, setSaved] = useState(false);

  const change = (i: number, patch: Partial<RuleDraft>) =>
    setRules(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const parsed = parseProactive(rules, visitorEvery);
    if (!parsed.ok) {
      setError(t.t('proactive.invalid', { problem: parsed.problem }));
      return;
    }
    await request(async () => {
      onSaved(await patchSiteSettings(site.id, { proactive: parsed.value }, csrf));
      setSaved(true);
    });
  };

  return (
    <section class="panel" aria-labelledby="proactive-title">
      <h2 id="proactive-title">{t.t('proactive.title')}</h2>
      <p class="muted">{t.t('proactive.explain')}</p>
      <form class="settings-form proactive-form" onSubmit={save}>
        <label class="field">
          <span>{t.t('proactive.visitorEveryHours')}</span>
          <input
            type="number"
            min={0}
            inputMode="numeric"
            value={visitorEvery}
            onInput={(e) => setVisitorEvery(e.currentTarget.value)}
          />
        </label>
        {rules.length === 0 && <p class="empty">{t.t('proactive.none')}</p>}
        {rules.map((rule, i) => (
          <ProactiveRuleFields
            key={i}
            n={i + 1}
            rule={rule}
            onChange={(patch) => change(i, patch)}
            onRemove={() => setRules(rules.filter((_, j) => j !== i))}
          />
        ))}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        {saved && <p role="status">{t.t('proactive.saved')}</p>}
        <div class="row-fields">
          <button type="button" class="button small" onClick={() => setRules([...rules, emptyRule()])}>
            {t.t('proactive.add')}
          </button>
          <button type="submit" class="button" disabled={busy}>
            {t.t('proactive.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
