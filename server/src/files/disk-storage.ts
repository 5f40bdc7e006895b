import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkKey, type FileStorage } from './storage.ts';

/** Attachments as files under one folder: nothing to install. */
export function diskStorage(root: string): FileStorage {
  const path = (key: string) => join(root, checkKey(key));
  return {
    async put(key, bytes) {
      const target = path(key);
      await mkdir(dirname(target), { recursive: true });
      // Written aside and renamed: a reader never sees half a file.
      const aside = `${target}.${randomBytes(6).toString('hex')}.part`;
      await writeFile(aside, bytes);
      await rename(aside, target);
    },
    async get(key) {
      try {
        return await readFile(path(key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async remove(keys) {
      await Promise.all(keys.map((key) => rm(path(key), { force: true })));
    },
  };
}
