import { CascadeError, DeliveryListQuery, DeliveryParams, type Agent, type Delivery } from '@cascade/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authed } from '../http/auth.ts';
import { parse } from '../http/parse.ts';
import type { Outbox } from './outbox.ts';

export type DeliveryRouteDeps = { outbox: Outbox; authed: (req: FastifyRequest) => Promise<Authed> };

/** Deliveries as the agents of a site see them, and a retry for the failed ones. */
export function deliveryRoutes(app: FastifyInstance, deps: DeliveryRouteDeps): void {
  const { records } = deps.outbox;

  async function find(agent: Agent, id: string): Promise<Delivery> {
    for (const m of agent.memberships) {
      const delivery = await records.get(m.siteId, id);
      if (delivery) return delivery;
    }
    throw new CascadeError('not_found', 'no such delivery');
  }

  app.get('/api/deliveries', async (req) => {
    const { agent } = await deps.authed(req);
    const q = parse(DeliveryListQuery, req.query);
    const mySites = agent.memberships.map((m) => m.siteId);
    return records.list(q.siteId ? mySites.filter((s) => s === q.siteId) : mySites, q);
  });

  app.post('/api/deliveries/:deliveryId/retry', async (req) => {
    const { agent } = await deps.authed(req);
    const { deliveryId } = parse(DeliveryParams, req.params);
    const delivery = await find(agent, deliveryId);
    return { delivery: await deps.outbox.retry(delivery.siteId, delivery.id) };
  });
}
