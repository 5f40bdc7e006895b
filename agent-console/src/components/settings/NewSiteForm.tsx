import type { SiteCreated } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { createSite } from '../../api/setup.ts';
import { useT } from '../../i18n/context.ts';
import { emptySiteForm, readSiteForm, type NewSiteForm as Form } from '../../logic/new-site.ts';
import { SiteFields } from '../setup/SiteFields.tsx';
import { SiteReady } from '../setup/SiteReady.tsx';
import { useRequest } from '../../hooks/use-request.ts';

/** Adds another site, of which this admin becomes the admin; then shows its snippet. */
export function NewSiteForm({ csrf, onCreated }: { csrf: string; onCreated: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<Form>(() => emptySiteForm(t.locale));
  const { busy, error, setError, run: request } = useRequest();
  const [created, setCreated] = useState<SiteCreated | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const read = readSiteForm(form);
    if (!read.ok) {
      setError(t.t(`siteForm.problem.${read.problem}`, { line: read.line ?? '' }));
      return;
    }
    await request(async () => {
      setCreated(await createSite(read.site, csrf));
      setForm(emptySiteForm(t.locale));
      setOpen(false);
      onCreated();
    });
  };

  return (
    <div class="new-site">
      <h3>{t.t('sites.add')}</h3>
      {created && <SiteReady siteId={created.site.id} name={created.site.name} snippet={created.snippet} />}
      {!open && (
        <button
          type="button"
          class="button"
          onClick={() => {
            setCreated(null);
            setOpen(true);
          }}
        >
          {t.t('sites.addButton')}
        </button>
      )}
      {open && (
        <form class="canned-form" onSubmit={submit} aria-label={t.t('sites.add')}>
          <SiteFields form={form} idPrefix="new-site" onChange={setForm} />
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
          <div class="button-row">
            <button type="submit" class="button primary" disabled={busy}>
              {t.t('sites.create')}
            </button>
            <button type="button" class="button quiet" onClick={() => setOpen(false)}>
              {t.t('dialog.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
