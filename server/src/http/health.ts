import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Redis } from '../redis/connect.ts';

/** Liveness says the process runs; readiness says it can serve (Redis answers). */
export function healthRoutes(app: FastifyInstance, deps: { redis: Redis; shuttingDown: () => boolean }) {
  const live = {
    config: {
      openapi: { summary: 'Liveness: the process runs', response: { 200: z.object({ ok: z.literal(true) }) } },
    },
  } as const;
  app.get('/healthz', live, () => ({ ok: true }));
  const ready = {
    config: {
      openapi: {
        summary: 'Readiness: Redis answers and the server is not shutting down',
        response: {
          200: z.object({ ok: z.literal(true) }),
          503: z.object({ ok: z.literal(false), reason: z.string() }),
        },
      },
    },
  } as const;
  app.get('/readyz', ready, async (_req, reply) => {
    if (deps.shuttingDown()) return reply.status(503).send({ ok: false, reason: 'shutting down' });
    try {
      await Promise.race([
        deps.redis.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref()),
      ]);
      return { ok: true };
    } catch {
      return reply.status(503).send({ ok: false, reason: 'redis unavailable' });
    }
  });
}
