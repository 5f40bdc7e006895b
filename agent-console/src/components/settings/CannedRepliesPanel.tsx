import { CANNED_VARIABLES, type CannedReply, type Locale } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { deleteCanned, listCanned, saveCanned, updateCanned } from '../../api/canned.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/context.ts';
import { locales } from '../../i18n/locales.ts';
import { cannedShortcut } from '../../logic/canned.ts';
import { LocaleSelect } from '../LocaleSelect.tsx';
import { RowsTable } from './RowsTable.tsx';

/** Ready-made replies per language that agents insert by typing `/shortcut`. */
export function CannedRepliesPanel({ siteId, csrf }: { siteId: string; csrf: string }) {
  const t = useT();
  const replies = useLoad(() => listCanned(siteId), siteId);
  const [shortcut, setShortcut] = useState('');
  const [language, setLanguage] = useState<Locale>(t.locale);
  const [text, setText] = useState('');
  const { busy, error, setError, run } = useRequest();
  /** The reply the form changes; null: the form adds one. */
  const [editing, setEditing] = useState<CannedReply | null>(null);

  const clear = () => {
    setEditing(null);
    setShortcut('');
    setText('');
  };
  const edit = (reply: CannedReply) => {
    setEditing(reply);
    setShortcut(`/${reply.shortcut}`);
    setLanguage(reply.language);
    setText(reply.text);
    setError(null);
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const name = cannedShortcut(shortcut);
    if (!name) {
      setError(t.t('canned.badShortcut'));
      return;
    }
    if (!text.trim()) {
      setError(t.t('canned.noText'));
      return;
    }
    await run(async () => {
      const input = { shortcut: name, language, text: text.trim() };
      if (editing) await updateCanned(siteId, editing.id, input, csrf);
      else await saveCanned(siteId, input, csrf);
      clear();
      replies.reload();
    });
  };

  const remove = (id: string) =>
    run(async () => {
      await deleteCanned(siteId, id, csrf);
      if (editing?.id === id) clear();
      replies.reload();
    });

  const list = replies.data ?? [];
  return (
    <section class="panel" aria-labelledby="canned-title">
      <h2 id="canned-title">{t.t('canned.title')}</h2>
      <p class="muted">{t.t('canned.explain')}</p>
      <RowsTable
        labelledBy="canned-title"
        columns={[t.t('canned.shortcut'), t.t('canned.language'), t.t('canned.text')]}
        empty={t.t('canned.none')}
        loaded={Boolean(replies.data)}
        count={list.length}
      >
        {list.map((reply) => (
          <tr key={reply.id}>
            <th scope="row" dir="ltr">
              /{reply.shortcut}
            </th>
            <td lang={reply.language}>{locales[reply.language].nativeName}</td>
            <td dir="auto" class="canned-text-cell">
              {reply.text}
            </td>
            <td class="row-actions">
              <button
                type="button"
                class="button small quiet"
                aria-label={t.t('canned.editNamed', {
                  shortcut: reply.shortcut,
                  language: locales[reply.language].nativeName,
                })}
                onClick={() => edit(reply)}
              >
                {t.t('canned.edit')}
              </button>
              <button
                type="button"
                class="button small quiet"
                aria-label={t.t('canned.deleteNamed', {
                  shortcut: reply.shortcut,
                  language: locales[reply.language].nativeName,
                })}
                onClick={() => void remove(reply.id)}
              >
                {t.t('settings.remove')}
              </button>
            </td>
          </tr>
        ))}
      </RowsTable>
      <form class="canned-form" onSubmit={add}>
        {editing && (
          <p class="muted" role="status">
            {t.t('canned.editing', {
              shortcut: editing.shortcut,
              language: locales[editing.language].nativeName,
            })}
          </p>
        )}
        <div class="field-row">
          <label class="field">
            <span>{t.t('canned.shortcut')}</span>
            <input
              type="text"
              dir="ltr"
              maxLength={33}
              placeholder="/thanks"
              value={shortcut}
              onInput={(e) => setShortcut(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t.t('canned.language')}</span>
            <LocaleSelect value={language} onChange={setLanguage} />
          </label>
        </div>
        <label class="field">
          <span>{t.t('canned.text')}</span>
          <textarea rows={3} dir="auto" maxLength={4000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <p class="muted small" dir="auto">
          {t.t('canned.variables', { variables: CANNED_VARIABLES.map((v) => `{{${v}}}`).join(' ') })}
        </p>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div>
          <button type="submit" class="button" disabled={busy}>
            {t.t('canned.save')}
          </button>
          {editing && (
            <button type="button" class="button quiet" onClick={clear}>
              {t.t('canned.cancelEdit')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
