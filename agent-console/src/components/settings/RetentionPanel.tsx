import { RetentionSettings } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { getRetention, setRetention } from '../../api/privacy.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useT } from '../../i18n/context.ts';
import { useRequest } from '../../hooks/use-request.ts';

const days = (text: string): number | null => (text.trim() === '' ? null : Number(text));
const shown = (n: number | null) => (n === null ? '' : String(n));

/** How long the site keeps transcripts and numbers; the text under the fields says what will happen. */
export function RetentionPanel({ siteId, csrf }: { siteId: string; csrf: string }) {
  const t = useT();
  const loaded = useLoad(() => getRetention(siteId), siteId);
  return (
    <section class="panel" aria-labelledby="retention-title">
      <h2 id="retention-title">{t.t('retention.title')}</h2>
      <p class="muted">{t.t('retention.explain')}</p>
      {loaded.error && (
        <p class="form-error" role="alert">
          {t.t('error.generic', { message: loaded.error })}
        </p>
      )}
      {loaded.data && <RetentionForm key={siteId} siteId={siteId} csrf={csrf} stored={loaded.data} />}
    </section>
  );
}

/** Starts from the stored periods in its first render, so nothing typed is overwritten when they arrive. */
function RetentionForm({ siteId, csrf, stored }: { siteId: string; csrf: string; stored: RetentionSettings }) {
  const t = useT();
  const [transcript, setTranscript] = useState(shown(stored.transcriptDays));
  const [record, setRecord] = useState(shown(stored.recordDays));
  const { busy, error, setError, run: request } = useRequest();
  const [saved, setSaved] = useState(false);

  const candidate = { transcriptDays: days(transcript), recordDays: days(record) };
  const parsed = RetentionSettings.safeParse(candidate);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    if (!parsed.success) {
      setError(t.t('retention.invalid'));
      return;
    }
    await request(async () => {
      const now = await setRetention(siteId, parsed.data, csrf);
      setTranscript(shown(now.transcriptDays));
      setRecord(shown(now.recordDays));
      setSaved(true);
    });
  };

  return (
    <form class="settings-form retention-form" onSubmit={save}>
      <div class="row-fields">
        <DaysField label={t.t('retention.transcriptDays')} value={transcript} onInput={setTranscript} />
        <DaysField label={t.t('retention.recordDays')} value={record} onInput={setRecord} />
      </div>
      <ul class="plain-list retention-effects" aria-live="polite">
        <li>
          {candidate.transcriptDays === null || Number.isNaN(candidate.transcriptDays)
            ? t.t('retention.transcriptsForever')
            : t.t('retention.transcriptsAfter', { n: candidate.transcriptDays })}
        </li>
        <li>
          {candidate.recordDays === null || Number.isNaN(candidate.recordDays)
            ? t.t('retention.recordsForever')
            : t.t('retention.recordsAfter', { n: candidate.recordDays })}
        </li>
      </ul>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {saved && <p role="status">{t.t('retention.saved')}</p>}
      <div>
        <button type="submit" class="button" disabled={busy}>
          {t.t('retention.save')}
        </button>
      </div>
    </form>
  );
}

/** A number of days, empty for "for ever". */
function DaysField({ label, value, onInput }: { label: string; value: string; onInput: (text: string) => void }) {
  const t = useT();
  return (
    <label class="field">
      <span>{label}</span>
      <input
        type="number"
        min={1}
        max={3650}
        inputMode="numeric"
        placeholder={t.t('retention.forever')}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </label>
  );
}
