import { AuditEntries, AuditQuery, type Agent, type AuditEntry } from '@cascade/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse } from '../http/parse.ts';
import type { Db } from './db.ts';

type Log = { error: (obj: unknown, msg?: string) => void };

const asStrings = (v: unknown): Record<string, string> =>
  v && typeof v === 'object'
    ? Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (typeof x === 'string' ? [[k, x]] : [])))
    : {};

/** The site a request acted on: named in its params, query or body, else the agent's only site. */
function siteOf(req: FastifyRequest, agent: Agent): string | null {
  for (const part of [req.params, req.query, req.body]) {
    const id = asStrings(part).siteId;
    if (id) return id;
  }
  return agent.memberships.length === 1 ? (agent.memberships[0]?.siteId ?? null) : null;
}

/**
 * Appends every change a signed-in person makes over REST (any method but GET and HEAD that
 * succeeds, and the reads marked `audit`, the exports) to the audit log: who, when, which route with which ids, which fields, from which
 * address. Values are never kept: bodies carry passwords and secrets. Added in the guard's
 * scope, where every request names its agent.
 */
export function auditTrail(app: FastifyInstance, db: Db, log: Log): void {
  // Written before the answer leaves: a change the caller saw succeed is in the log.
  app.addHook('onSend', async (req, reply, payload) => {
    const agent = req.agent as Agent | null;
    const read = (req.method === 'GET' || req.method === 'HEAD') && !req.routeOptions.config.audit;
    if (!agent || read || reply.statusCode >= 400) return payload;
    const body = req.body && typeof req.body === 'object' ? Object.keys(req.body).sort() : [];
    try {
      await db.query(
        `INSERT INTO audit_log (site_id, actor_id, action, target, detail, ip) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)`,
        [
          siteOf(req, agent),
          agent.id,
          `${req.method} ${req.routeOptions.url ?? req.url}`,
          JSON.stringify(asStrings(req.params)),
          JSON.stringify({ fields: body }),
          req.ip,
        ],
      );
    } catch (e) {
      log.error({ err: e instanceof Error ? e.message : String(e) }, 'audit entry not written');
    }
    return payload;
  });
}

/** `GET /api/audit`: the site's log for its admins; there is no route that edits or deletes it. */
export function auditRoutes(app: FastifyInstance, deps: { db: Db }, done: (err?: Error) => void): void {
  const doc = {
    config: {
      role: 'admin',
      site: 'query',
      openapi: { summary: 'The site’s audit log, newest first', query: AuditQuery, response: { 200: AuditEntries } },
    },
  } as const;
  app.get('/api/audit', doc, async (req) => {
    const q = parse(AuditQuery, req.query);
    const rows = await deps.db.query<{
      id: string | number;
      site_id: string | null;
      actor_id: string | null;
      action: string;
      target: Record<string, string>;
      detail: { fields?: string[] };
      ip: string | null;
      at: number;
    }>(
      `SELECT id, site_id, actor_id, action, target, detail, ip, (extract(epoch FROM at) * 1000)::float8 AS at
       FROM audit_log WHERE site_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [q.siteId, q.before ?? null, q.limit],
    );
    const entries: AuditEntry[] = rows.map((r) => ({
      id: Number(r.id),
      siteId: r.site_id,
      actorId: r.actor_id,
      action: r.action,
      target: r.target,
      fields: r.detail.fields ?? [],
      ip: r.ip,
      at: Math.round(r.at),
    }));
    return { entries };
  });
  done();
}
