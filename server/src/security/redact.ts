/** `maya@example.com` -> `m***@example.com`: enough to tell people apart in logs, not to write to them. */
export function maskEmail(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const at = value.lastIndexOf('@');
  if (at <= 0) return '[redacted]';
  return `${value[0]}***${value.slice(at)}`;
}

/** What the logger never writes: cookies, tokens, secrets, passwords; emails keep only their domain. */
export const redaction = {
  paths: [
    'req.headers.cookie',
    'req.headers.authorization',
    'req.headers["x-cascade-csrf"]',
    'res.headers["set-cookie"]',
    '*.token',
    '*.identity',
    '*.password',
    '*.secret',
    '*.identitySecret',
    '*.webhookSecret',
    '*.email',
    'email',
  ],
  censor: (value: unknown, path: string[]) => (path.at(-1) === 'email' ? maskEmail(value) : '[redacted]'),
};

/** The part of a URL before its query: searches, tokens in links and the like stay out of logs. */
export const withoutQuery = (url: string): string => {
  const at = url.search(/[?#]/);
  return at < 0 ? url : url.slice(0, at);
};

type LoggedRequest = {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
};

/** How a request is written to the log: Fastify's fields, with the path instead of the whole URL. */
export function requestForLog(req: LoggedRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: withoutQuery(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
