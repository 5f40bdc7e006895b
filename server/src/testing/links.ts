import { randomBytes } from 'node:crypto';
import { fileLinks, type FileLinks } from '../files/links.ts';
import type { SignLinks } from '../store/messages.ts';

/** Links for stores built outside a server (tests, benchmarks): signed with a secret of their own. */
export function localFileLinks(): FileLinks {
  return fileLinks(randomBytes(32).toString('base64url'), () => 'http://localhost', 15 * 60_000);
}

export function localLinks(): SignLinks {
  return localFileLinks().message;
}
