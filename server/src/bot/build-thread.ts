import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { modelBuffers, trainBot } from '@cascade/bot';
import { KbEntry } from '@cascade/shared';
import type { BuildReply, BuildRequest, BuildThreadData } from './build-protocol.ts';

/**
 * Builds bots off the event loop: parses a site's stored entries and trains its model, then
 * hands back the entries and the model (its typed arrays transferred, not copied).
 */
const port = parentPort;
if (!port) throw new Error('build-thread runs as a worker thread');
// On Linux a nice value belongs to the thread that sets it: at 10 (the default) the event loop
// gets the CPU first (about nine tenths when both want it), yet a build is not starved outright.
const { nice } = workerData as BuildThreadData;
try {
  if (nice > 0) setPriority(nice);
} catch {
  // Not permitted here: the build only runs at the normal priority.
}

port.on('message', (req: BuildRequest) => {
  let reply: BuildReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const entries = req.entries.map((raw) => KbEntry.parse(JSON.parse(raw))).sort((a, b) => a.id.localeCompare(b.id));
    const model = trainBot(entries);
    transfer.push(...modelBuffers(model));
    reply = { id: req.id, ok: true, entries, model };
  } catch (e) {
    reply = { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply, transfer);
});
