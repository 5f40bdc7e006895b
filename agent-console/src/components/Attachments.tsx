import { fileLabel, fitWithin, formatSize } from '@cascade/client-core';
import type { AttachmentLink } from '@cascade/shared';
import { useT } from '../i18n/context.ts';
import { locales } from '../i18n/locales.ts';

/** Thumbnails are drawn within this many pixels each way. */
const THUMB_PX = 240;

/**
 * A message's files: an image as a thumbnail that opens it full size in a new tab, anything else
 * as a card that downloads it. The server sends every file but a raster image as an attachment.
 */
export function Attachments({ files }: { files: readonly AttachmentLink[] | undefined }) {
  const t = useT();
  if (!files?.length) return null;
  return (
    <ul class="attachments">
      {files.map((f) => (
        <li key={f.id}>
          {f.image && f.thumbUrl ? (
            <a
              class="attachment-thumb"
              href={f.url}
              target="_blank"
              rel="noopener noreferrer"
              title={t.t('files.open', { name: f.name })}
            >
              <img
                src={f.thumbUrl}
                alt={f.name}
                {...(f.width && f.height ? fitWithin(f.width, f.height, THUMB_PX) : {})}
              />
            </a>
          ) : (
            <a class="attachment-card" href={f.url} download={f.name} rel="noopener noreferrer">
              <span class="attachment-name" dir="auto">
                {f.name}
              </span>
              <span class="muted small">
                {fileLabel(f.type, f.name)} · {formatSize(locales[t.locale].intl, f.size)}
                <span class="visually-hidden"> {t.t('files.download')}</span>
              </span>
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
