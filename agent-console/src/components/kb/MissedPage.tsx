import { useEffect, useState } from 'preact/hooks';
import { listKb } from '../../api/kb.ts';
import { getSiteSettings } from '../../api/sites.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import type { KbForm } from '../../logic/kb-form.ts';
import type { SiteRef } from '../../logic/sites.ts';
import { KbEntryEditor } from './KbEntryEditor.tsx';
import { MissedQuestions } from './MissedQuestions.tsx';

/**
 * "What the bot missed" on its own page, for supervisors as well as admins: supervisors add
 * phrasings to entries; only admins, who edit the knowledge base, draft new entries here too.
 */
export function MissedPage({ site, csrf }: { site: SiteRef; csrf: string }) {
  const t = useT();
  const admin = site.role === 'admin';
  const [notice, setNotice] = useState<string | null>(null);
  const [drafting, setDrafting] = useState<KbForm | null>(null);
  const entries = useLoad(() => listKb(site.id, ''), site.id);
  // Only an admin may read the site's settings, and only a draft needs its skills.
  const skills = useLoad(
    async () => (admin ? (await getSiteSettings(site.id)).site.skills : []),
    `${site.id}:${String(admin)}`,
  );
  useEffect(() => setDrafting(null), [site.id]);
  const skillList = skills.data ?? [];

  return (
    <main class="page kb-page">
      <div class="page-head">
        <h1>{t.t('nav.missed')}</h1>
      </div>
      <p class="banner-inline" role="status">
        {notice}
      </p>
      {entries.error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: entries.error })}
        </p>
      )}
      {drafting && (
        <KbEntryEditor
          key="draft"
          siteId={site.id}
          csrf={csrf}
          form={drafting}
          skills={skillList}
          onSaved={() => {
            setDrafting(null);
            setNotice(t.t('kb.saved'));
            entries.reload();
          }}
          onDeleted={() => setDrafting(null)}
          onClose={() => setDrafting(null)}
        />
      )}
      <MissedQuestions
        siteId={site.id}
        csrf={csrf}
        entries={entries.data ?? []}
        draft={
          admin
            ? {
                skill: skillList[0] ?? 'general',
                onDraft: (form) => {
                  setNotice(null);
                  setDrafting(form);
                },
              }
            : undefined
        }
        onChanged={() => {
          setNotice(t.t('missed.added'));
          entries.reload();
        }}
      />
    </main>
  );
}
