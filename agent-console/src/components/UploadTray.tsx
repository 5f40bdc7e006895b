import { canRetryUpload, uploadProblem, type Batches } from '@cascade/client-core';
import type { AttachmentLink } from '@cascade/shared';
import { useT } from '../i18n/context.ts';

interface Props {
  batches: Batches<AttachmentLink>;
  onRetry: (uploadId: string) => void;
  onCancel: (uploadId: string) => void;
}

/** The agent's files on their way: a progress bar each, cancel, and retry after a dropped connection. */
export function UploadTray({ batches, onRetry, onCancel }: Props) {
  const t = useT();
  const files = batches.flatMap((b) => b.files);
  if (files.length === 0) return null;
  return (
    <ul class="upload-tray">
      {files.map((f) => (
        <li key={f.uploadId} class="upload-item">
          <span class="attachment-name" dir="auto">
            {f.name}
          </span>
          {f.error ? (
            <span class="form-error" role="alert">
              {t.t(`files.${uploadProblem(f.error)}`)}
            </span>
          ) : (
            <progress max={1} value={f.sent} aria-label={t.t('files.uploading', { name: f.name })} />
          )}
          {f.error && canRetryUpload(f.error) && (
            <button type="button" class="button small" onClick={() => onRetry(f.uploadId)}>
              {t.t('files.retry')}
            </button>
          )}
          {!f.stored && (
            <button type="button" class="button quiet small" onClick={() => onCancel(f.uploadId)}>
              {t.t(f.error ? 'files.remove' : 'files.cancel')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
