import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { exportKbHref, importKb } from '../../api/kb.ts';
import { useT } from '../../i18n/context.ts';
import { readImportFile, type ImportFile } from '../../logic/kb-file.ts';

interface Props {
  siteId: string;
  csrf: string;
  onImported: (count: number) => void;
}

type Chosen = { name: string; file: Extract<ImportFile, { ok: true }> };

/** Export as JSON or CSV (a plain download), and import a file of either kind, added or replacing all. */
export function KbTransfer({ siteId, csrf, onImported }: Props) {
  const t = useT();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pick = async (input: HTMLInputElement) => {
    setChosen(null);
    setError(null);
    const file = input.files?.[0];
    if (!file) return;
    const read = readImportFile(file.name, await file.text(), file.size);
    if (read.ok) setChosen({ name: file.name, file: read });
    else setError(t.t(`import.${read.problem}`));
  };

  const upload = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const n = await importKb(siteId, chosen.file, replace, csrf);
      setChosen(null);
      form.reset();
      onImported(n);
    } catch (e) {
      setError(t.t('import.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="kb-transfer-title">
      <h2 id="kb-transfer-title">{t.t('import.title')}</h2>
      <div class="button-row">
        <a class="button" href={exportKbHref(siteId, 'json')} download="knowledge-base.json">
          {t.t('export.json')}
        </a>
        <a class="button" href={exportKbHref(siteId, 'csv')} download="knowledge-base.csv">
          {t.t('export.csv')}
        </a>
      </div>
      <form class="import-form" onSubmit={upload}>
        <label class="field">
          <span>{t.t('import.file')}</span>
          <input
            type="file"
            accept=".json,.csv,application/json,text/csv"
            onChange={(e) => void pick(e.currentTarget)}
          />
        </label>
        {chosen && (
          <p class="muted" role="status">
            {t.t('import.ready', { n: chosen.file.count, format: chosen.file.format.toUpperCase() })}
          </p>
        )}
        <label class="check">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} />
          {t.t('import.replace')}
        </label>
        {replace && <p class="warning">{t.t('import.replaceWarning')}</p>}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div>
          <button type="submit" class="button" disabled={!chosen || busy}>
            {t.t('import.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
