import { parseArgs } from 'node:util';
import { NewPassword, SetupBody } from '@cascade/shared';
import { loadConfig } from '../config.ts';
import { connectRedis } from '../redis/connect.ts';
import { keys } from '../redis/keys.ts';
import { agentStore } from '../store/agents.ts';
import { siteStore } from '../store/sites.ts';
import { sessionStore } from '../store/sessions.ts';
import { routing } from '../routing/routing.ts';
import { firstRun } from '../setup/first-run.ts';
import { hashPassword } from '../auth/password.ts';
import { snippet } from '../http/sites.ts';

const usage = `Usage:
  pnpm cascade setup --email owner@example.com --site "My shop" --origin https://shop.example [--origin …] [--name "Owner"] [--locale en --locale ar]
  pnpm cascade reset-password --email person@example.com
The password is read from standard input (echo "$PASSWORD" | pnpm cascade …).`;

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (at least 10 characters), then Enter and Ctrl-D: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const [command, ...rest] = process.argv.slice(2).filter((a) => a !== '--');
const { values } = parseArgs({
  args: rest,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    site: { type: 'string' },
    origin: { type: 'string', multiple: true },
    locale: { type: 'string', multiple: true },
  },
  strict: true,
});
if (command !== 'setup' && command !== 'reset-password') fail(usage);
if (!values.email) fail(usage);

let config;
try {
  config = loadConfig();
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
const redis = await connectRedis(config, (e) => console.error(`Redis: ${e.message}`));
const k = keys(config.KEY_PREFIX);
const memoryKib = config.PASSWORD_HASH_MEMORY_KIB;
const hashWithCost = (password: string) => hashPassword(password, memoryKib);
const agents = agentStore(redis, k);
const sites = siteStore(redis, k);

try {
  if (command === 'setup') {
    const body = SetupBody.omit({ token: true }).safeParse({
      owner: { name: values.name ?? values.email.split('@')[0], email: values.email, password: await readPassword() },
      site: { name: values.site ?? '', allowedOrigins: values.origin ?? [], locales: values.locale ?? ['en'] },
    });
    if (!body.success) {
      const i = body.error.issues[0];
      fail(`${i?.path.join('.') ?? ''}: ${i?.message ?? 'invalid input'}`);
    }
    const run = firstRun({ redis, keys: k, agents, sites, routing: routing(redis, k), hashPassword: hashWithCost });
    const { agent, site } = await run.complete(null, body.data.owner, body.data.site);
    console.log(
      [
        `Owner ${agent.email} and site "${site.name}" (site key ${site.publicKey}) are ready.`,
        `Console: ${config.publicUrl}/console/`,
        'Paste this into your pages:',
        snippet(config.publicUrl, site.publicKey),
      ].join('\n'),
    );
  } else {
    const password = NewPassword.safeParse(await readPassword());
    if (!password.success) fail(password.error.issues[0]?.message ?? 'invalid password');
    const id = await agents.idByEmail(values.email);
    if (!id) fail(`no account has the email ${values.email}`);
    await agents.setPasswordHash(id, await hashWithCost(password.data));
    await sessionStore(redis, k).destroyAll(id);
    console.log(`The password of ${values.email} is set; every session of the account has ended.`);
  }
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
} finally {
  await redis.close();
}
