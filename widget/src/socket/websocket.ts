import WebSocket from '#web-socket';
import type { Transport } from './transport.ts';

/** The WebSocket transport: one Engine.IO frame per WebSocket message. */
export const websocket: Transport = (url, on) => {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}&transport=websocket`);
  let open = true;
  const end = (): void => {
    if (open) on.close();
    open = false;
  };
  ws.onmessage = (e: MessageEvent<unknown>) => on.frame(String(e.data));
  // Browsers report a failed or broken connection with error then close; either one ends the link.
  ws.onerror = ws.onclose = end;
  return {
    send: (frames) => frames.forEach((f) => ws.send(f)),
    close() {
      open = false;
      ws.close();
    },
  };
};
