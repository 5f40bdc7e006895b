import { io, type Socket } from 'socket.io-client';
import type { AgentClientEvents, AgentServerEvents } from '@cascade/shared';

export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

/**
 * The `/agent` namespace on the console's own origin; the session cookie authenticates it.
 * Not connected yet, so every listener is in place before the first event can arrive.
 */
export function createAgentSocket(): AgentSocket {
  return io('/agent', { path: '/socket.io', transports: ['websocket'], withCredentials: true, autoConnect: false });
}
