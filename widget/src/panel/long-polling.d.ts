import type { ManagerOptions } from 'socket.io-client';

/** WebSocket, then HTTP long-polling: the table vite.config.ts makes, for networks that refuse WebSockets. */
export declare const transports: NonNullable<ManagerOptions['transports']>;
