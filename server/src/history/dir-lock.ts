import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Claims the embedded database's directory for this process: two processes writing one PGlite
 * directory would corrupt it. A lock left by a process that died is taken over. Returns the release.
 */
export function lockDirectory(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new Error(
          `the embedded database in ${file.replace(/[/\\][^/\\]+$/, '')} is in use by process ${holder}; ` +
            'several processes need a PostgreSQL server: set DATABASE_URL',
          { cause: e },
        );
      }
      unlinkSync(file);
    }
  }
  throw new Error(`could not lock ${file}`);
}
