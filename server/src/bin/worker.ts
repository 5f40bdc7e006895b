import { compose } from '../compose.ts';
import { loadConfig } from '../config.ts';
import { describeTarget } from '../redis/connect.ts';

/**
 * `pnpm start:worker`: the BullMQ workers alone (timers, deliveries), without HTTP. They
 * reach visitors and agents through the Socket.IO Redis adapter like any server process.
 */
let config;
try {
  config = loadConfig({ ...process.env, WORKERS: 'true' });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
const log = {
  info: (obj: unknown, msg?: string) => console.log(msg ?? '', JSON.stringify(obj)),
  warn: (obj: unknown, msg?: string) => console.warn(msg ?? '', JSON.stringify(obj)),
  error: (obj: unknown, msg?: string) => console.error(msg ?? '', JSON.stringify(obj)),
};
const core = await compose(config, log);
console.log(`Cascade workers are running against ${describeTarget(config)}.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await core.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
