import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Redis } from './connect.ts';

export type ScriptRunner = (redis: Redis, keys: string[], args: (string | number)[]) => Promise<unknown>;

/** Loads a Lua file once; runs it by SHA and falls back to sending the source after a Redis restart. */
export function luaScript(url: URL): ScriptRunner {
  const source = readFileSync(url, 'utf8');
  const sha = createHash('sha1').update(source).digest('hex');
  return async (redis, keys, args) => {
    const options = { keys, arguments: args.map(String) };
    try {
      return await redis.evalSha(sha, options);
    } catch (e) {
      if (!(e instanceof Error) || !e.message.includes('NOSCRIPT')) throw e;
      return redis.eval(source, options);
    }
  };
}
