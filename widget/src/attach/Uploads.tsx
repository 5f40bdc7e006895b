import { canRetryUpload, formatSize, uploadProblem } from '@cascade/client-core';
import { tags } from '../i18n/format.ts';
import { useChat } from '../panel/context.ts';
import { filesTranslator } from './strings.ts';
import { useStyles } from './styles.ts';
import { maxBytes, useUploads } from './uploads.ts';

/** The visitor's files on their way: a progress bar each, cancel, and retry after a dropped connection. */
export function Uploads() {
  const { locale, state } = useChat();
  const { batches, retry, cancel } = useUploads();
  const ref = useStyles<HTMLDivElement>();
  const t = filesTranslator(locale);
  const size = formatSize(tags[locale], maxBytes(state));
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
                  {t(`file.${uploadProblem(f.error)}`, { size })}
                </span>
              ) : (
                <progress max={1} value={f.sent} aria-label={t('file.uploading', { name: f.name })} />
              )}
              {f.error && canRetryUpload(f.error) && (
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
