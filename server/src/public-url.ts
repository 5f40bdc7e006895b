import { AsyncLocalStorage } from 'node:async_hooks';

const reached = new AsyncLocalStorage<string>();

/** What of the configuration decides where links point (config.ts builds `publicUrl`). */
type Addresses = { PUBLIC_URL?: string | undefined; publicUrl: string };

/** A host header as browsers and proxies send it: a name or an address, and a port. */
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The origin a request reached this server at, or null when its Host cannot be one. */
export function reachedOrigin(protocol: string, host: string): string | null {
  if (protocol !== 'http' && protocol !== 'https') return null;
  return HOST.test(host) ? `${protocol}://${host.toLowerCase()}` : null;
}

/** Runs `fn` (and everything it awaits) knowing where its request reached this server. */
export function whileAnswering<T>(origin: string | null, fn: () => T): T {
  return origin ? reached.run(origin, fn) : fn();
}

/**
 * Where absolute links point. PUBLIC_URL when it is set. Without it, an HTTP answer names the
 * host its request reached (behind a proxy, the forwarded one TRUST_PROXY allows), so that a
 * server reached by any of its names gives links that work from there; anything else (emails,
 * webhooks, pushes) names the address the server listens on, which `publicUrlProblems` checks.
 */
export function linkBase(config: Addresses): () => string {
  const fixed = config.publicUrl;
  if (config.PUBLIC_URL) return () => fixed;
  return () => reached.getStore() ?? fixed;
}

const WILDCARDS = new Set(['0.0.0.0', '::']);

/**
 * What start-up says about PUBLIC_URL. Emails are read far from any request, so their links
 * need an address known in advance: with mail on and a server listening on every interface,
 * no such address exists and start-up stops; otherwise a missing PUBLIC_URL is only a warning.
 */
export function publicUrlProblems(config: Addresses & { HOST: string; SMTP_URL?: string | undefined }): {
  error: string | null;
  warning: string | null;
} {
  if (config.PUBLIC_URL) return { error: null, warning: null };
  if (config.SMTP_URL && WILDCARDS.has(config.HOST))
    return {
      error:
        'PUBLIC_URL: required when SMTP_URL is set and HOST listens on every interface: links in emails must name an address people can reach',
      warning: null,
    };
  return {
    error: null,
    warning: `PUBLIC_URL is unset: links in HTTP answers name the host each request reached; emails, webhooks and pushes name ${config.publicUrl}`,
  };
}
