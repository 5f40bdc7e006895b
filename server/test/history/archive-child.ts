// Archives the conversations named in ARCHIVE_IDS one after another, printing each id once it is
// done; the crash test kills this process with SIGKILL somewhere in the middle.
import { archiver } from '../../src/history/archive.ts';
import { testDb } from './support.ts';
import { archiveDeps, stores } from './seed.ts';

const { ARCHIVE_PREFIX = '', ARCHIVE_SCHEMA = '', ARCHIVE_IDS = '' } = process.env;
const s = await stores(ARCHIVE_PREFIX);
const archive = archiver(archiveDeps(s, testDb(ARCHIVE_SCHEMA)));
for (const id of ARCHIVE_IDS.split(',')) {
  await archive.archive(id);
  process.stdout.write(`${id}\n`);
}
process.exit(0);
