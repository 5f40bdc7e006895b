import { AttachmentType } from '@cascade/shared';

/** Markup a browser would run if it ever rendered the file: never accepted as text. */
const MARKUP = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe|object|meta)\b/i;

function isPlainText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !MARKUP.test(text.replace(/^\uFEFF/, ''));
  } catch {
    return false;
  }
}

/** What the bytes are, whatever the name or the browser says; null for anything Cascade does not take. */
export async function sniff(bytes: Buffer): Promise<AttachmentType | null> {
  // Loaded with the first file: a process that never receives one does not pay for it.
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(bytes);
  if (found) return AttachmentType.safeParse(found.mime).data ?? null;
  return bytes.length > 0 && isPlainText(bytes) ? 'text/plain' : null;
}
