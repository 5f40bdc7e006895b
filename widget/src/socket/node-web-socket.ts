import { WebSocket } from 'ws';

/**
 * The widget's connection also runs in Node (the chaos tests drive it there), and Node 20 has no
 * global WebSocket: `ws` has the same event-handler API, typed apart from the DOM's.
 */
export default WebSocket as unknown as typeof globalThis.WebSocket;
