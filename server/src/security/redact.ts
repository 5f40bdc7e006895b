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
