import type { AttachmentLink } from '@cascade/shared';
import { createContext } from 'preact';

/**
 * Renews a file's signed links once they have expired (a transcript open for a long while, or
 * read from history). Provided by the signed-in console; without it an old link stays as it is.
 */
export const FileLinks = createContext<(fileId: string) => Promise<AttachmentLink | null>>(() => Promise.resolve(null));
