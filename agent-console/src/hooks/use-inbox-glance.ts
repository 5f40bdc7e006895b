import type { InboxGlance } from '@cascade/shared';
import { useEffect, useState } from 'preact/hooks';
import type { Connection } from '../state/console-state.ts';
import type { ConsoleController } from '../state/controller.ts';

/** Clocks move with business hours and policy edits too, not only with the chats' messages. */
const ASK_AGAIN_MS = 30_000;

const empty: InboxGlance = { clocks: {}, viewers: {} };

/**
 * The SLA clocks of the inbox's chats and who else has each open. Asked again whenever a chat
 * comes, goes or changes turn (`key` names them and who wrote last): a reply stops a clock and
 * the visitor's next message starts one, while a second message in the same turn changes
 * neither. Who is looking is then kept current by the `chat:viewers` pushes to the chat's agent.
 */
export function useInboxGlance(
  conversationIds: readonly string[],
  key: string,
  controller: ConsoleController,
  connection: Connection,
): InboxGlance {
  const [glance, setGlance] = useState<InboxGlance>(empty);
  useEffect(() => {
    if (connection !== 'online' || conversationIds.length === 0) return;
    let current = true;
    const off = controller.onViewers((v) => {
      if (current) setGlance((g) => ({ ...g, viewers: { ...g.viewers, [v.conversationId]: v.viewers } }));
    });
    const ask = () => {
      controller
        .glance([...conversationIds])
        .then((g) => current && setGlance(g))
        .catch(() => undefined);
    };
    ask();
    const timer = setInterval(ask, ASK_AGAIN_MS);
    return () => {
      current = false;
      clearInterval(timer);
      off();
    };
    // `conversationIds` is named by `key`.
  }, [key, controller, connection]);
  return glance;
}
