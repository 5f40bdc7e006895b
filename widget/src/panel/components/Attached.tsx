import type { AttachmentLink } from '@cascade/shared';
import { files as chunk, Unfetched } from '../lazy.tsx';

/** A message's files, drawn by the attachment chunk (fetched here the first time a message has any). */
export function Attached({ list }: { list: readonly AttachmentLink[] | undefined }) {
  const { module: files, failed, retry } = chunk.use(!!list?.length);
  if (!list?.length) return null;
  return files ? <files.Files list={list} /> : failed && <Unfetched retry={retry} />;
}
