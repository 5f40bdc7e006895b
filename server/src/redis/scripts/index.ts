import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Redis } from '../connect.ts';

/** `N` strings: a script's keys, so a call with the wrong count does not compile. */
type KeyList<N extends number, R extends string[] = []> = R['length'] extends N ? R : KeyList<N, [...R, string]>;

export type Script<N extends number> = ((
  redis: Redis,
  keys: KeyList<N>,
  args: readonly (string | number)[],
) => Promise<unknown>) & { readonly file: string; readonly source: string; readonly sha: string };

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** A script's source with each `--!include name` line replaced by `includes/name.lua`. */
function sourceOf(file: string): string {
  return read(`./${file}.lua`).replace(/^--!include ([\w-]+)[ \t]*$/gm, (_line, name: string) =>
    read(`./includes/${name}.lua`).trimEnd(),
  );
}

/**
 * A script run by SHA. Scripts are loaded when a connection opens (see `loadScripts`); after a
 * Redis restart or SCRIPT FLUSH that the loader has not caught up with yet, the source is sent
 * instead.
 */
function script<N extends number>(file: string, keyCount: N): Script<N> {
  const source = sourceOf(file);
  const sha = createHash('sha1').update(source).digest('hex');
  const run = async (redis: Redis, keys: KeyList<N>, args: readonly (string | number)[]) => {
    const list: readonly string[] = keys;
    if (list.length !== keyCount) throw new Error(`${file}.lua takes ${keyCount} keys, not ${list.length}`);
    const options = { keys: [...list], arguments: args.map(String) };
    try {
      return await redis.evalSha(sha, options);
    } catch (e) {
      if (!(e instanceof Error) || !e.message.includes('NOSCRIPT')) throw e;
      return redis.eval(source, options);
    }
  };
  return Object.assign(run, { file, source, sha });
}

/** Every Lua script of the server, with the number of keys it takes. */
export const scripts = {
  adopt: script('adopt', 4),
  appendMessage: script('append-message', 2),
  capacity: script('capacity', 3),
  claim: script('claim', 9),
  createDelivery: script('create-delivery', 2),
  createTicket: script('create-ticket', 4),
  pick: script('pick', 8),
  recordEvent: script('record-event', 2),
  recount: script('recount', 3),
  release: script('release', 5),
  reopenDelivery: script('reopen-delivery', 1),
  requeue: script('requeue', 3),
  sendMessage: script('send-message', 4),
  switchConversation: script('switch-conversation', 1),
  transition: script('transition', 2),
  updateTicket: script('update-ticket', 1),
};
