import type { AgentRef } from '@cascade/shared';
import { useEffect, useState } from 'preact/hooks';
import type { Connection } from '../state/console-state.ts';
import type { ConsoleController } from '../state/controller.ts';

/**
 * Says the chat is open in this tab while it is shown, and answers who else has it open (the
 * collision warning). Said again after a reconnect: the server forgot the closed socket.
 */
export function useViewers(
  conversationId: string,
  myId: string,
  controller: ConsoleController,
  connection: Connection,
): AgentRef[] {
  const [viewers, setViewers] = useState<AgentRef[]>([]);
  useEffect(() => {
    setViewers([]);
    if (connection !== 'online') return;
    let current = true;
    const others = (list: AgentRef[]) => list.filter((a) => a.id !== myId);
    const off = controller.onViewers((v) => {
      if (current && v.conversationId === conversationId) setViewers(others(v.viewers));
    });
    controller
      .watch(conversationId, true)
      .then((v) => current && setViewers(others(v.viewers)))
      .catch(() => undefined);
    return () => {
      current = false;
      off();
      controller.watch(conversationId, false).catch(() => undefined);
    };
  }, [conversationId, myId, controller, connection]);
  return viewers;
}
