import type { BotModel } from '@cascade/bot';
import type { KbEntry } from '@cascade/shared';

/** What a build thread is started with: the nice value it runs at (BOT_BUILD_NICE). */
export type BuildThreadData = { nice: number };

/** A knowledge base as stored: one JSON text per entry. */
export type BuildRequest = { id: number; entries: string[] };

export type BuildReply =
  { id: number; ok: true; entries: KbEntry[]; model: BotModel } | { id: number; ok: false; message: string };
