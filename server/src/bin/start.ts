import type { ChildProcess } from 'node:child_process';
import { buildServer } from '../app.ts';
import { loadConfig } from '../config.ts';
import { publicUrlProblems } from '../public-url.ts';
import { redisAnswers } from '../redis/connect.ts';
import { hasRedisServer, startPrivateRedis } from './private-redis.ts';

let config;
try {
  config = loadConfig();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

const { warning } = publicUrlProblems(config);
if (warning) console.warn(`Warning: ${warning}.`);

let privateRedis: ChildProcess | null = null;
// A Redis Cluster is the operator's to run; a single Redis can be started here for a first try.
if (config.REDIS_CLUSTER_NODES.length === 0 && !(await redisAnswers(config.REDIS_URL))) {
  if (!hasRedisServer()) {
    console.error(
      `Cascade needs Redis 7: nothing answers at ${config.REDIS_URL}; ` +
        `install it (apt-get install redis-server, brew install redis) or set REDIS_URL.`,
    );
    process.exit(1);
  }
  privateRedis = await startPrivateRedis(config.REDIS_URL, 'data/redis');
  console.log(`Started a private Redis at ${config.REDIS_URL} (AOF on, data in ./data/redis).`);
}

const { app, cascade } = await buildServer(config);
await app.listen({ port: config.PORT, host: config.HOST });

const url = config.publicUrl;
const lines = [
  '',
  `Cascade is running at ${url}`,
  ...cascade.demos.map((d, i) => `  demo shop      ${url}${i === 0 ? '/demo' : `/demo/${d.siteId}`}  (${d.siteName})`),
  `  agent console  ${url}/console/`,
  `  widget loader  ${url}/widget.js`,
];
if (cascade.inboundSmtp) {
  const domain = config.INBOUND_DOMAIN ?? '(set INBOUND_DOMAIN)';
  lines.push(`  email replies  SMTP on port ${cascade.inboundSmtp.port} for reply+…@${domain}`);
}
if (cascade.setupLink) {
  lines.push(
    '',
    'This installation has no account yet. Open this one-time link to create the owner and the first site',
    '(a new start replaces it; `pnpm cascade setup` does the same from the command line):',
    `  ${cascade.setupLink}`,
  );
}
for (const demo of cascade.demos) {
  lines.push('', `Demo accounts of ${demo.siteName} (site key ${demo.siteKey}):`);
  for (const a of demo.accounts) {
    const what = a.level ? `${a.role}, level ${a.level}` : a.role;
    lines.push(`  ${a.email.padEnd(30)} ${a.password.padEnd(14)} ${a.name} (${what})`);
  }
}
console.log(lines.join('\n') + '\n');

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  privateRedis?.kill('SIGTERM');
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
