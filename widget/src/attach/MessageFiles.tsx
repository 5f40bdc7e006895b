import { fileLabel, fitWithin, formatSize } from '@cascade/client-core';
import type { AttachmentLink } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { tags } from '../i18n/format.ts';
import { useChat } from '../panel/context.ts';
import { filesTranslator } from './strings.ts';
import { useStyles } from './styles.ts';

/** Thumbnails are drawn within this many pixels each way. */
const THUMB_PX = 200;

/** One file of a message: an image's thumbnail that opens it full size, or a card to download it. */
function FileLink({ file }: { file: AttachmentLink }) {
  const { locale, conn } = useChat();
  const t = filesTranslator(locale);
  const [link, setLink] = useState(file);

  /** Links are short-lived: an expired one is renewed before it is opened. */
  async function renew(): Promise<AttachmentLink | null> {
    const reply = await conn.request('file:link', { fileId: file.id });
    if (!reply.ok) return null;
    setLink(reply.file);
    return reply.file;
  }
  const open = (e: MouseEvent) => {
    if (link.expiresAt > Date.now()) return;
    e.preventDefault();
    void renew().then((fresh) => fresh && window.open(fresh.url, '_blank', 'noopener,noreferrer'));
  };

  if (file.image && link.thumbUrl) {
    const box = file.width && file.height ? fitWithin(file.width, file.height, THUMB_PX) : {};
    return (
      <a
        class="thumb"
        href={link.url}
        target="_blank"
        rel="noopener noreferrer"
        title={t('file.open', { name: file.name })}
        onClick={open}
      >
        {/* Renewed only when expired: a file that is gone stays a broken image, not a loop. */}
        <img src={link.thumbUrl} alt={file.name} {...box} onError={() => link.expiresAt > Date.now() || renew()} />
      </a>
    );
  }
  return (
    <a class="file" href={link.url} download={file.name} rel="noopener noreferrer" onClick={open}>
      <span class="name" dir="auto">
        {file.name}
      </span>
      <span class="muted">
        {fileLabel(file.type, file.name)} · {formatSize(tags[locale], file.size)}
        <span class="sr"> {t('file.download')}</span>
      </span>
    </a>
  );
}

/** The files a message carries. */
export function Files({ list }: { list: readonly AttachmentLink[] }) {
  const ref = useStyles<HTMLUListElement>();
  return (
    <ul class="files" ref={ref}>
      {list.map((file) => (
        <li key={file.id}>
          <FileLink file={file} />
        </li>
      ))}
    </ul>
  );
}
