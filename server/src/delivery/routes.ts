import {
  CascadeError,
  DeliveryAnswer,
  DeliveryList,
  DeliveryListQuery,
  DeliveryParams,
  type Agent,
  type Delivery,
} from '@cascade/shared';
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

  const list = {
    config: {
      role: 'agent',
      openapi: {
        summary: 'Webhook and email deliveries of the agent’s sites',
        query: DeliveryListQuery,
        response: { 200: DeliveryList },
      },
    },
  } as const;
  app.get('/api/deliveries', list, async (req) => {
    const { agent } = req;
    const q = parse(DeliveryListQuery, req.query);
    const mySites = agent.memberships.map((m) => m.siteId);
    return records.list(q.siteId ? mySites.filter((s) => s === q.siteId) : mySites, q);
  });

  const retry = {
    config: {
      role: 'agent',
      openapi: { summary: 'Tries a failed delivery again', params: DeliveryParams, response: { 200: DeliveryAnswer } },
    },
  } as const;
  app.post('/api/deliveries/:deliveryId/retry', retry, async (req) => {
    const { agent } = req;
    const { deliveryId } = parse(DeliveryParams, req.params);
    const delivery = await find(agent, deliveryId);
    return { delivery: await deps.outbox.retry(delivery.siteId, delivery.id) };
  });
  done();
}
