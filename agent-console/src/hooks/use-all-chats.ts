import type { AllChats } from '@cascade/shared';
import type { Connection } from '../state/console-state.ts';
import type { ConsoleController } from '../state/controller.ts';
import { useLive, type Live } from './use-live.ts';

/**
 * The server pushes the list only to sites whose consoles asked for it in the last two minutes
 * (server/src/store/list-interest.ts): asking once a minute keeps the pushes coming.
 */
const ASK_AGAIN_MS = 60_000;

/** Every open chat of the site, kept current by the `chats:update` pushes of the board's channel. */
export function useAllChats(siteId: string, controller: ConsoleController, connection: Connection): Live<AllChats> {
  return useLive(
    siteId,
    connection,
    () => controller.listChats(siteId),
    (push) => controller.onChats((list) => list.siteId === siteId && push(list)),
    ASK_AGAIN_MS,
  );
}
