import { KB_ENTRY_TAGS, type KbEntry, type Locale } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { createKb, deleteKb, updateKb } from '../../api/kb.ts';
import { useT } from '../../i18n/context.ts';
import { useSkillName } from '../../i18n/skill-names.ts';
import { localeList, locales } from '../../i18n/locales.ts';
import type { Translator } from '../../i18n/translator.ts';
import { kbInputFromForm, type KbContentFields, type KbForm, type KbFormProblem } from '../../logic/kb-form.ts';

interface Props {
  siteId: string;
  csrf: string;
  form: KbForm;
  skills: readonly string[];
  onSaved: (entry: KbEntry) => void;
  onDeleted: () => void;
  onClose: () => void;
}

const filled = (c: KbContentFields) => c.question.trim() !== '' || c.answer.trim() !== '';

/** One entry: its skill, and its question, phrasings and answer in each language (a tab each). */
export function KbEntryEditor({ siteId, csrf, form: initial, skills, onSaved, onDeleted, onClose }: Props) {
  const t = useT();
  const skillName = useSkillName();
  const [form, setForm] = useState(initial);
  const [language, setLanguage] = useState<Locale>(
    () => localeList.find((l) => filled(initial.content[l])) ?? t.locale,
  );
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fields = form.content[language];
  const skillOptions = skills.includes(form.skill) ? skills : [form.skill, ...skills];

  const edit = (patch: Partial<KbContentFields>) =>
    setForm({ ...form, content: { ...form.content, [language]: { ...fields, ...patch } } });

  const save = async (event: Event) => {
    event.preventDefault();
    const result = kbInputFromForm(form);
    if (!result.ok) {
      setError(problemText(t, result.problem));
      if ('language' in result.problem) setLanguage(result.problem.language);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(
        form.id ? await updateKb(siteId, form.id, result.input, csrf) : await createKb(siteId, result.input, csrf),
      );
    } catch (e) {
      setError(t.t('actions.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!form.id) return;
    setBusy(true);
    try {
      await deleteKb(siteId, form.id, csrf);
      onDeleted();
    } catch (e) {
      setError(t.t('actions.failed', { message: e instanceof Error ? e.message : String(e) }));
      setBusy(false);
    }
  };

  const panelId = 'kb-language-panel';
  return (
    <section class="panel" aria-labelledby="kb-editor-title">
      <form class="kb-editor" onSubmit={save}>
        <div class="panel-head">
          <h2 id="kb-editor-title">{form.id ? t.t('kb.editTitle') : t.t('kb.newTitle')}</h2>
          {form.id && <code class="muted small">{form.id}</code>}
        </div>
        <label class="field">
          <span>{t.t('kb.skill')}</span>
          <select value={form.skill} onChange={(e) => setForm({ ...form, skill: e.currentTarget.value })}>
            {skillOptions.map((s) => (
              <option key={s} value={s}>
                {skillName(s, siteId)}
              </option>
            ))}
          </select>
        </label>
        <div class="field">
          <label class="field">
            <span>{t.t('kb.tags')}</span>
            <input
              type="text"
              dir="auto"
              maxLength={300}
              value={form.tags}
              aria-describedby="kb-tags-hint"
              onInput={(e) => setForm({ ...form, tags: e.currentTarget.value })}
            />
          </label>
          <small id="kb-tags-hint" class="muted">
            {t.t('kb.tagsHint')}
          </small>
        </div>
        <div class="lang-tabs" role="tablist" aria-label={t.t('kb.languages')}>
          {localeList.map((l) => (
            <button
              key={l}
              type="button"
              role="tab"
              id={`kb-tab-${l}`}
              aria-selected={language === l}
              aria-controls={panelId}
              class="lang-tab"
              onClick={() => setLanguage(l)}
            >
              <span lang={l}>{locales[l].nativeName}</span>
              {filled(form.content[l]) && (
                <>
                  <span class="filled-dot" aria-hidden="true" />
                  <span class="visually-hidden">{t.t('kb.hasContent')}</span>
                </>
              )}
            </button>
          ))}
        </div>
        <div class="lang-panel" role="tabpanel" id={panelId} aria-labelledby={`kb-tab-${language}`} lang={language}>
          <label class="field">
            <span>{t.t('kb.question')}</span>
            <input
              type="text"
              dir="auto"
              maxLength={300}
              value={fields.question}
              onInput={(e) => edit({ question: e.currentTarget.value })}
            />
          </label>
          <label class="field">
            <span>{t.t('kb.phrasings')}</span>
            <textarea
              rows={4}
              dir="auto"
              value={fields.phrasings}
              onInput={(e) => edit({ phrasings: e.currentTarget.value })}
            />
          </label>
          <label class="field">
            <span>{t.t('kb.answer')}</span>
            <textarea
              rows={5}
              dir="auto"
              maxLength={4000}
              value={fields.answer}
              onInput={(e) => edit({ answer: e.currentTarget.value })}
            />
          </label>
        </div>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="form-buttons">
          {form.id &&
            (confirmDelete ? (
              <span class="confirm">
                <span>{t.t('kb.deleteConfirm')}</span>
                <button type="button" class="button danger" disabled={busy} onClick={remove}>
                  {t.t('kb.deleteYes')}
                </button>
                <button type="button" class="button quiet" onClick={() => setConfirmDelete(false)}>
                  {t.t('dialog.cancel')}
                </button>
              </span>
            ) : (
              <button type="button" class="button quiet danger-text" onClick={() => setConfirmDelete(true)}>
                {t.t('kb.delete')}
              </button>
            ))}
          <button type="button" class="button quiet push-end" onClick={onClose}>
            {t.t('kb.close')}
          </button>
          <button type="submit" class="button primary" disabled={busy}>
            {t.t('kb.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function problemText(t: Translator, problem: KbFormProblem): string {
  if (problem.kind === 'noLanguage') return t.t('kb.problem.noLanguage');
  if (problem.kind === 'badTag') return t.t('kb.problem.tag', { tag: problem.tag });
  if (problem.kind === 'tooManyTags') return t.t('kb.problem.tooManyTags', { n: KB_ENTRY_TAGS });
  const language = t.t(`locale.${problem.language}`);
  if (problem.kind === 'tooMany') return t.t('kb.problem.tooMany', { language });
  return t.t(problem.field === 'question' ? 'kb.problem.question' : 'kb.problem.answer', { language });
}
