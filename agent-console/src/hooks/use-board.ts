import type { Board } from '@cascade/shared';
import { getBoard } from '../api/dashboard.ts';
import type { Connection } from '../state/console-state.ts';
import type { ConsoleController } from '../state/controller.ts';
import { useLive } from './use-live.ts';

export interface LiveBoard {
  board: Board | null;
  /** When this board was current, to keep its wait times running. */
  receivedAt: number;
  error: string | null;
}

/** The site's live board: fetched once, then replaced by every `board:update` the socket pushes. */
export function useBoard(siteId: string, controller: ConsoleController, connection: Connection): LiveBoard {
  const live = useLive(
    siteId,
    connection,
    () => getBoard(siteId),
    (push) => controller.onBoard((update) => update.siteId === siteId && push(update.board)),
  );
  return { board: live.value, receivedAt: live.receivedAt, error: live.error };
}
