import type { Board } from '@cascade/shared';
import { useEffect, useState } from 'preact/hooks';
import { getBoard } from '../api/dashboard.ts';
import type { Connection } from '../state/console-state.ts';
import type { ConsoleController } from '../state/controller.ts';

export interface LiveBoard {
  board: Board | null;
  /** When this board was current, to keep its wait times running. */
  receivedAt: number;
  error: string | null;
}

/**
 * The site's live board: fetched once, then replaced by every `board:update` the socket
 * pushes. Fetched again after a reconnect, since pushes sent meanwhile were missed.
 */
export function useBoard(siteId: string, controller: ConsoleController, connection: Connection): LiveBoard {
  const [live, setLive] = useState<LiveBoard>({ board: null, receivedAt: 0, error: null });
  useEffect(() => {
    setLive({ board: null, receivedAt: 0, error: null });
  }, [siteId]);
  useEffect(() => {
    if (connection !== 'online') return;
    let current = true;
    let pushed = false;
    const off = controller.onBoard((update) => {
      if (update.siteId !== siteId) return;
      pushed = true;
      setLive({ board: update.board, receivedAt: Date.now(), error: null });
    });
    getBoard(siteId)
      .then((board) => {
        // A push that arrived while this was on its way is newer than it.
        if (current && !pushed) setLive({ board, receivedAt: Date.now(), error: null });
      })
      .catch((e: unknown) => current && setLive((l) => ({ ...l, error: e instanceof Error ? e.message : String(e) })));
    return () => {
      current = false;
      off();
    };
  }, [siteId, controller, connection]);
  return live;
}
