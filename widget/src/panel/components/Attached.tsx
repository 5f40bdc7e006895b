import type { AttachmentLink } from '@cascade/shared';
import { files as chunk } from '../lazy.tsx';

/** A message's files, drawn by the attachment chunk (fetched here the first time a message has any). */
export function Attached({ list }: { list: readonly AttachmentLink[] | undefined }) {
  const files = chunk.use(!!list?.length);
  return list?.length && files ? <files.Files list={list} /> : null;
}
