import { formatSize } from '../i18n/size.ts';
import { useChat } from '../panel/context.ts';
import { filesTranslator, type FilesT } from './strings.ts';
import { useStyles } from './styles.ts';
import { maxBytes, useUploads } from './uploads.ts';

/** Refusals that another try would meet again: the visitor can only remove the file. */
const final: ReadonlySet<string> = new Set(['file_too_large', 'file_type_not_allowed', 'file_rejected', 'invalid_payload']);

function problem(t: FilesT, code: string, size: string): string {
  if (code === 'file_type_not_allowed') return t('file.type');
  if (code === 'file_too_large') return t('file.size', { size });
  if (code === 'file_rejected' || code === 'invalid_payload') return t('file.rejected');
  return t(code === 'rate_limited' ? 'file.busy' : 'file.failed');
}

/** The visitor's files on their way: a progress bar each, cancel, and retry after a dropped connection. */
export function Uploads() {
  const { locale, state } = useChat();
  const { batches, retry, cancel } = useUploads();
  const ref = useStyles<HTMLDivElement>();
  const t = filesTranslator(locale);
  const size = formatSize(locale, maxBytes(state));
  return (
    <div ref={ref}>
      {batches.map((batch) => (
        <ul key={batch.clientMsgId} class="row me files">
          {batch.files.map((f) => (
            <li key={f.uploadId} class="upload">
              <span class="name" dir="auto">
                {f.name}
              </span>
              {f.error ? (
                <span class="problem" role="alert">
                  {problem(t, f.error, size)}
                </span>
              ) : (
                <progress max={1} value={f.sent} aria-label={t('file.uploading', { name: f.name })} />
              )}
              {f.error && !final.has(f.error) && (
                <button type="button" class="link" onClick={() => retry(f.uploadId)}>
                  {t('file.retry')}
                </button>
              )}
              {!f.stored && (
                <button type="button" class="link" onClick={() => cancel(f.uploadId)}>
                  {t(f.error ? 'file.remove' : 'file.cancel')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
