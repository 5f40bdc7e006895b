import { fileLabel, fitWithin, formatSize } from '@cascade/client-core';
import type { AttachmentLink } from '@cascade/shared';
import { useContext, useState } from 'preact/hooks';
import { useT } from '../i18n/context.ts';
import { locales } from '../i18n/locales.ts';
import { FileLinks } from './file-links.ts';

/** Thumbnails are drawn within this many pixels each way. */
const THUMB_PX = 240;

/**
 * One file: an image as a thumbnail that opens it full size in a new tab, anything else as a
 * card that downloads it (the server sends every file but a raster image as an attachment).
 */
function AttachmentItem({ file }: { file: AttachmentLink }) {
  const t = useT();
  const renewLink = useContext(FileLinks);
  const [link, setLink] = useState(file);

  /** Links are short-lived: an expired one is renewed before it is opened. */
  async function renew(): Promise<AttachmentLink | null> {
    const fresh = await renewLink(file.id);
    if (fresh) setLink(fresh);
    return fresh;
  }
  const open = (e: MouseEvent) => {
    if (link.expiresAt > Date.now()) return;
    e.preventDefault();
    void renew().then((fresh) => fresh && window.open(fresh.url, '_blank', 'noopener,noreferrer'));
  };

  if (file.image && link.thumbUrl) {
    return (
      <a
        class="attachment-thumb"
        href={link.url}
        target="_blank"
        rel="noopener noreferrer"
        title={t.t('files.open', { name: file.name })}
        onClick={open}
      >
        <img
          src={link.thumbUrl}
          alt={file.name}
          {...(file.width && file.height ? fitWithin(file.width, file.height, THUMB_PX) : {})}
          // Renewed only when expired: a file that is gone stays a broken image, not a loop.
          onError={() => {
            if (link.expiresAt <= Date.now()) void renew();
          }}
        />
      </a>
    );
  }
  return (
    <a class="attachment-card" href={link.url} download={file.name} rel="noopener noreferrer" onClick={open}>
      <span class="attachment-name" dir="auto">
        {file.name}
      </span>
      <span class="muted small">
        {fileLabel(file.type, file.name)} · {formatSize(locales[t.locale].intl, file.size)}
        <span class="visually-hidden"> {t.t('files.download')}</span>
      </span>
    </a>
  );
}

/** A message's files. */
export function Attachments({ files }: { files: readonly AttachmentLink[] | undefined }) {
  if (!files?.length) return null;
  return (
    <ul class="attachments">
      {files.map((f) => (
        <li key={f.id}>
          <AttachmentItem file={f} />
        </li>
      ))}
    </ul>
  );
}
