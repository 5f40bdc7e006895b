import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CascadeError } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { sameSecret } from '../security/same-secret.ts';

export type MetricsConfig = {
  METRICS_TOKEN?: string | undefined;
  METRICS_PORT?: number | undefined;
  METRICS_HOST: string;
};

/**
 * `/metrics` on the main port for a Prometheus that sends METRICS_TOKEN as a bearer token;
 * without METRICS_TOKEN the main port does not serve it (the numbers name sites and load).
 */
export function metricsRoute(app: FastifyInstance, registry: Registry, config: MetricsConfig): void {
  const doc = {
    config: {
      openapi: {
        summary: 'Prometheus metrics, with METRICS_TOKEN (or without a token on METRICS_PORT)',
        response: { 200: { 'text/plain': z.string() } },
        security: [{ metricsToken: [] }],
      },
    },
  } as const;
  app.get('/metrics', doc, async (req, reply) => {
    const token = config.METRICS_TOKEN;
    if (!token) {
      throw new CascadeError('not_found', 'metrics are served here only with METRICS_TOKEN set (or on METRICS_PORT)');
    }
    const given = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!given || !sameSecret(given, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new CascadeError('unauthorized', 'send METRICS_TOKEN as Authorization: Bearer');
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

/**
 * A second listener that serves only `/metrics`, with no token, for an address that only the
 * monitoring network reaches (METRICS_HOST, loopback by default). Null without METRICS_PORT.
 */
export async function internalMetricsServer(
  registry: Registry,
  config: MetricsConfig,
): Promise<{ url: string; close(): Promise<void> } | null> {
  if (config.METRICS_PORT === undefined) return null;
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('only /metrics is served here\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (e: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(e)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.METRICS_PORT, config.METRICS_HOST, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
