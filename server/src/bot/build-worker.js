// The entry of a bot-building thread. A worker does not inherit the TypeScript loader of the
// process that starts it (under `node --import tsx` or Vitest alike), so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./build-thread.ts');
