import type { Config } from '../config.ts';

/** Decides whether a browser's Origin is the agent console's: the one place that knows. */
export type ConsoleOrigin = (origin: string | undefined, host: string | undefined) => boolean;

/**
 * The console's own origin (PUBLIC_URL's, or this server's host as the browser reached it)
 * and CONSOLE_ORIGINS. No Origin at all is a request no browser made cross-origin (browsers
 * send it on every WebSocket and cross-origin request), so the session cookie decides alone.
 */
export function consoleOrigin(config: Pick<Config, 'publicUrl' | 'CONSOLE_ORIGINS'>): ConsoleOrigin {
  const allowed = new Set([new URL(config.publicUrl).origin, ...config.CONSOLE_ORIGINS]);
  return (origin, host) => {
    if (origin === undefined) return true;
    if (allowed.has(origin)) return true;
    try {
      const url = new URL(origin);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host;
    } catch {
      return false;
    }
  };
}
