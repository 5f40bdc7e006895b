declare module '*.css?inline' {
  const css: string;
  export default css;
}

/** The panel's hashed file name, defined by the build when it bundles the loader. */
declare const __PANEL_FILE__: string;

/** WebSocket, then HTTP long-polling: a chunk the build makes (vite.config.ts), for networks that refuse WebSockets. */
declare module 'cascade:long-polling' {
  import type { ManagerOptions } from 'socket.io-client';
  export const transports: NonNullable<ManagerOptions['transports']>;
}
