/** What the server logs through: Fastify's pino logger, or any object with these three levels. */
export type Log = {
  info: (obj: unknown, msg?: string) => void;
  warn: (obj: unknown, msg?: string) => void;
  error: (obj: unknown, msg?: string) => void;
};
