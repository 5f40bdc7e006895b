import type { FastifyInstance } from 'fastify';
import type { Redis } from '../redis/connect.ts';

/** Liveness says the process runs; readiness says it can serve (Redis answers). */
export function healthRoutes(app: FastifyInstance, deps: { redis: Redis; shuttingDown: () => boolean }) {
  app.get('/healthz', () => ({ ok: true }));
  app.get('/readyz', async (_req, reply) => {
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
