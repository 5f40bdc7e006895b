import type { AllChats } from '@cascade/shared';
import type { Connection } from '../state/console-state.ts';
import type { ConsoleController } from '../state/controller.ts';
import { useLive, type Live } from './use-live.ts';

/** Every open chat of the site, kept current by the `chats:update` pushes of the board's channel. */
export function useAllChats(siteId: string, controller: ConsoleController, connection: Connection): Live<AllChats> {
  return useLive(
    siteId,
    connection,
    () => controller.listChats(siteId),
    (push) => controller.onChats((list) => list.siteId === siteId && push(list)),
  );
}
