// The entry of a grouping thread; like the bot's build thread, it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./group-thread.ts');
