import { CascadeError, DeliveryListQuery, DeliveryParams, type Agent, type Delivery } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { parse } from '../http/parse.ts';
import type { Outbox } from './outbox.ts';

export type DeliveryRouteDeps = { outbox: Outbox };

/** Deliveries as the agents of a site see them, and a retry for the failed ones. */
export function deliveryRoutes(app: FastifyInstance, deps: DeliveryRouteDeps, done: (err?: Error) => void): void {
  const { records } = deps.outbox;

  async function find(agent: Agent, id: string): Promise<Delivery> {
    for (const m of agent.memberships) {
      const delivery = await records.get(m.siteId, id);
      if (delivery) return delivery;
    }
    throw new CascadeError('not_found', 'no such delivery');
  }

  app.get('/api/deliveries', { config: { role: 'agent' } }, async (req) => {
    const { agent } = req;
    const q = parse(DeliveryListQuery, req.query);
    const mySites = agent.memberships.map((m) => m.siteId);
    return records.list(q.siteId ? mySites.filter((s) => s === q.siteId) : mySites, q);
  });

  app.post('/api/deliveries/:deliveryId/retry', { config: { role: 'agent' } }, async (req) => {
    const { agent } = req;
    const { deliveryId } = parse(DeliveryParams, req.params);
    const delivery = await find(agent, deliveryId);
    return { delivery: await deps.outbox.retry(delivery.siteId, delivery.id) };
  });
  done();
}
