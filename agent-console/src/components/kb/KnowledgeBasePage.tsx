import type { KbEntry } from '@cascade/shared';
import { useEffect, useState } from 'preact/hooks';
import { listKb } from '../../api/kb.ts';
import { getSiteSettings } from '../../api/sites.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import { emptyKbForm, kbFormFromEntry, type KbForm } from '../../logic/kb-form.ts';
import type { SiteRef } from '../../logic/sites.ts';
import { KbEntryEditor } from './KbEntryEditor.tsx';
import { KbEntryList } from './KbEntryList.tsx';
import { KbTransfer } from './KbTransfer.tsx';
import { MissedQuestions } from './MissedQuestions.tsx';
import { TryBot } from './TryBot.tsx';

/** Searching waits for a pause in typing rather than querying on every key. */
const SEARCH_DELAY_MS = 250;

/** The knowledge base the bot answers from: find, edit, add, import and export entries, and try the bot. */
export function KnowledgeBasePage({ site, csrf }: { site: SiteRef; csrf: string }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<KbForm | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const entries = useLoad(() => listKb(site.id, search), `${site.id}:${search}`);
  const settings = useLoad(() => getSiteSettings(site.id), site.id);
  const skills = settings.data?.site.skills ?? [];

  useEffect(() => {
    const timer = setTimeout(() => setSearch(query), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);
  useEffect(() => setEditing(null), [site.id]);

  const saved = (entry: KbEntry) => {
    setEditing(kbFormFromEntry(entry));
    setNotice(t.t('kb.saved'));
    entries.reload();
  };
  const deleted = () => {
    setEditing(null);
    setNotice(t.t('kb.deleted'));
    entries.reload();
  };
  const open = (entryId: string) => {
    const entry = entries.data?.find((e) => e.id === entryId);
    if (entry) {
      setNotice(null);
      setEditing(kbFormFromEntry(entry));
    }
  };

  return (
    <main class="page kb-page">
      <div class="page-head">
        <h1>{t.t('kb.title')}</h1>
        {entries.data && <span class="muted">{t.t('kb.count', { n: entries.data.length })}</span>}
        <button
          type="button"
          class="button primary push-end"
          onClick={() => {
            setNotice(null);
            setEditing(emptyKbForm(skills[0] ?? 'general'));
          }}
        >
          {t.t('kb.new')}
        </button>
      </div>
      <p class="banner-inline" role="status">
        {notice}
      </p>
      <div class="kb-columns">
        <section class="panel kb-list-panel" aria-labelledby="kb-list-title">
          <h2 id="kb-list-title" class="visually-hidden">
            {t.t('kb.entries')}
          </h2>
          <form
            class="filters"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              setSearch(query);
            }}
          >
            <label class="field grow">
              <span>{t.t('kb.search')}</span>
              <input type="search" dir="auto" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
            </label>
          </form>
          {entries.error && (
            <p class="form-error" role="alert">
              {t.t('error.generic', { message: entries.error })}
            </p>
          )}
          {entries.data && (
            <KbEntryList entries={entries.data} siteId={site.id} selected={editing?.id ?? null} onOpen={open} />
          )}
        </section>
        <div class="kb-side">
          {editing && (
            <KbEntryEditor
              key={editing.id ?? 'new'}
              siteId={site.id}
              csrf={csrf}
              form={editing}
              skills={skills}
              onSaved={saved}
              onDeleted={deleted}
              onClose={() => setEditing(null)}
            />
          )}
          <MissedQuestions
            siteId={site.id}
            csrf={csrf}
            entries={entries.data ?? []}
            draft={{
              skill: skills[0] ?? 'general',
              onDraft: (form) => {
                setNotice(null);
                setEditing(form);
              },
            }}
            onChanged={(entry) => {
              setEditing(kbFormFromEntry(entry));
              setNotice(t.t('missed.added'));
              entries.reload();
            }}
          />
          <TryBot siteId={site.id} csrf={csrf} entries={entries.data ?? []} onOpen={open} />
          <KbTransfer
            siteId={site.id}
            csrf={csrf}
            onImported={(n) => {
              setNotice(t.t('kb.imported', { n }));
              entries.reload();
            }}
          />
        </div>
      </div>
    </main>
  );
}
