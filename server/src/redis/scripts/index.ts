import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Redis } from '../client.ts';

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

/** The last call queued on each conversation stream, so the next one waits for it. */
const lanes = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task of the same lane has settled. */
function inLane<T>(lane: string, task: () => Promise<T>): Promise<T> {
  const run = (lanes.get(lane) ?? Promise.resolve()).then(task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  lanes.set(lane, settled);
  void settled.then(() => {
    if (lanes.get(lane) === settled) lanes.delete(lane);
  });
  return run;
}

/**
 * A script run by SHA. Scripts are loaded when a connection opens (see `loadScripts`); after a
 * Redis restart or SCRIPT FLUSH that the loader has not caught up with yet, the source is sent
 * instead. That retry is a second round trip: a script that appends to a stream names the
 * stream's key as its `lane`, and its calls on one stream go one at a time, so a later message
 * run by SHA cannot overtake an earlier one being retried.
 */
function script<N extends number>(file: string, keyCount: N, lane?: number): Script<N> {
  const source = sourceOf(file);
  const sha = createHash('sha1').update(source).digest('hex');
  const call = async (redis: Redis, keys: string[], args: string[]) => {
    const options = { keys, arguments: args };
    try {
      return await redis.evalSha(sha, options);
    } catch (e) {
      if (!(e instanceof Error) || !e.message.includes('NOSCRIPT')) throw e;
      return redis.eval(source, options);
    }
  };
  const run = async (redis: Redis, keys: KeyList<N>, args: readonly (string | number)[]) => {
    const list: string[] = [...(keys as readonly string[])];
    if (list.length !== keyCount) throw new Error(`${file}.lua takes ${keyCount} keys, not ${list.length}`);
    const strings = args.map(String);
    const laneKey = lane === undefined ? undefined : list[lane];
    return laneKey === undefined ? call(redis, list, strings) : inLane(laneKey, () => call(redis, list, strings));
  };
  return Object.assign(run, { file, source, sha });
}

/** Every Lua script of the server, with the number of keys it takes. */
export const scripts = {
  adopt: script('adopt', 4),
  addEvent: script('add-event', 2),
  archiveAsk: script('archive-ask', 1),
  archiveDone: script('archive-done', 2),
  appendMessage: script('append-message', 2, 0),
  capacity: script('capacity', 3),
  claim: script('claim', 12),
  conversationEvents: script('conversation-events', 2),
  createDelivery: script('create-delivery', 2),
  createTicket: script('create-ticket', 4),
  markSeen: script('mark-seen', 2),
  pick: script('pick', 8),
  recordEvent: script('record-event', 3),
  reassign: script('reassign', 5),
  recount: script('recount', 3),
  statusChange: script('status-change', 2),
  release: script('release', 5),
  reopenDelivery: script('reopen-delivery', 1),
  requeue: script('requeue', 3),
  sendMessage: script('send-message', 4, 1),
  swapEntry: script('swap-entry', 1),
  switchConversation: script('switch-conversation', 1),
  transition: script('transition', 2),
  updateTicket: script('update-ticket', 1),
  waitingLines: script('waiting-lines', 2),
};

/**
 * Loads every script, so calls run by SHA from the start. Called on each (re)connection: a
 * restarted Redis has forgotten them.
 */
export async function loadScripts(redis: Pick<Redis, 'scriptLoad'>): Promise<void> {
  await Promise.all(Object.values(scripts).map((s) => redis.scriptLoad(s.source)));
}
