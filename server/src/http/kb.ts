import {
  CascadeError,
  KbEntry,
  KbEntryInput,
  KbEntries,
  KbEntryAnswer,
  KbEntryParams,
  KbExportQuery,
  KbImport,
  KbImported,
  KbListQuery,
  KbTried,
  KbTry,
  KB_LIMITS,
  SiteQuery,
} from '@cascade/shared';
import { normalize } from '@cascade/bot';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import type { BotService } from '../bot/service.ts';
import type { KbStore } from '../store/kb.ts';
import type { SiteStore } from '../store/sites.ts';
import { fromCsv, toCsv } from '../kb/csv.ts';
import { checkKbLimits } from '../kb/limits.ts';
import { importedEntries } from '../kb/import-entries.ts';
import { parse } from './parse.ts';

/** The knowledge base: admins edit it, supervisors read it; every change re-indexes the bot everywhere. */
export function kbRoutes(
  app: FastifyInstance,
  deps: { kb: KbStore; sites: SiteStore; bots: BotService },
  done: (err?: Error) => void,
): void {
  const list = {
    config: {
      role: 'supervisor',
      site: 'query',
      openapi: {
        summary: 'The knowledge base, or the entries that match `q`',
        query: KbListQuery,
        response: { 200: KbEntries },
      },
    },
  } as const;
  app.get('/api/kb', list, async (req) => {
    const q = parse(KbListQuery, req.query);
    const entries = await deps.kb.all(q.siteId);
    if (!q.q) return { entries };
    const needle = normalize(q.q);
    return {
      entries: entries.filter((e) =>
        Object.values(e.content).some((c) =>
          [c.question, c.answer, ...c.phrasings].some((t) => normalize(t).includes(needle)),
        ),
      ),
    };
  });

  const add = {
    config: {
      role: 'admin',
      site: 'query',
      openapi: { summary: 'Adds an entry', query: SiteQuery, body: KbEntryInput, response: { 200: KbEntryAnswer } },
    },
  } as const;
  app.post('/api/kb', add, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    const input = parse(KbEntryInput, req.body);
    const entry = KbEntry.parse({ ...input, id: input.id ?? randomUUID().slice(0, 8), updatedAt: Date.now() });
    await checkKbLimits(await deps.kb.raw(siteId), [entry]);
    deps.bots.invalidate(siteId, (await deps.kb.put(siteId, [entry])) ?? undefined);
    return { entry };
  });

  const put = {
    config: {
      role: 'admin',
      site: 'query',
      openapi: {
        summary: 'Replaces an entry',
        params: KbEntryParams,
        query: SiteQuery,
        body: KbEntryInput,
        response: { 200: KbEntryAnswer },
      },
    },
  } as const;
  app.put('/api/kb/:entryId', put, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    const { entryId } = parse(KbEntryParams, req.params);
    if (!(await deps.kb.has(siteId, entryId))) throw new CascadeError('not_found', 'no such entry');
    const input = parse(KbEntryInput, req.body);
    const entry = KbEntry.parse({ ...input, id: entryId, updatedAt: Date.now() });
    await checkKbLimits(await deps.kb.raw(siteId), [entry]);
    deps.bots.invalidate(siteId, (await deps.kb.put(siteId, [entry])) ?? undefined);
    return { entry };
  });

  const remove = {
    config: {
      role: 'admin',
      site: 'query',
      openapi: { summary: 'Removes an entry', params: KbEntryParams, query: SiteQuery, response: { 204: null } },
    },
  } as const;
  app.delete('/api/kb/:entryId', remove, async (req, reply) => {
    const { siteId } = parse(SiteQuery, req.query);
    const { entryId } = parse(KbEntryParams, req.params);
    const change = await deps.kb.remove(siteId, entryId);
    if (!change) throw new CascadeError('not_found', 'no such entry');
    deps.bots.invalidate(siteId, change);
    return reply.status(204).send();
  });

  app.post(
    '/api/kb/import',
    {
      bodyLimit: KB_LIMITS.importBytes,
      config: {
        role: 'admin',
        site: 'body',
        openapi: { summary: 'Imports entries from JSON or CSV', body: KbImport, response: { 200: KbImported } },
      },
    },
    async (req) => {
      const body = parse(KbImport, req.body);
      const now = Date.now();
      let entries;
      try {
        if (body.format === 'csv') {
          if (typeof body.data !== 'string') throw new Error('CSV data must be text');
          entries = fromCsv(body.data, now);
        } else {
          const raw: unknown = typeof body.data === 'string' ? JSON.parse(body.data) : body.data;
          entries = await importedEntries(raw, now);
        }
      } catch (e) {
        const message =
          e instanceof z.ZodError ? `${e.issues[0]?.path.join('.')}: ${e.issues[0]?.message}` : (e as Error).message;
        throw new CascadeError('invalid_payload', `nothing was imported: ${message}`);
      }
      await checkKbLimits(body.replace ? null : await deps.kb.raw(body.siteId), entries);
      const change = body.replace
        ? await deps.kb.replace(body.siteId, entries)
        : await deps.kb.put(body.siteId, entries);
      deps.bots.invalidate(body.siteId, change ?? undefined);
      return { imported: entries.length };
    },
  );

  const exported = {
    config: {
      role: 'supervisor',
      site: 'query',
      openapi: {
        summary: 'Exports the knowledge base as JSON or CSV',
        query: KbExportQuery,
        response: { 200: { 'application/json': z.array(KbEntry), 'text/csv': z.string() } },
      },
    },
  } as const;
  app.get('/api/kb/export', exported, async (req, reply) => {
    const q = parse(KbExportQuery, req.query);
    const entries = await deps.kb.all(q.siteId);
    reply.header('content-disposition', `attachment; filename="knowledge-base.${q.format}"`);
    if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(entries));
    return entries;
  });

  /** "Try the bot": what it would answer, and how sure it is. */
  const tryIt = {
    config: {
      role: 'supervisor',
      site: 'body',
      openapi: { summary: 'What the bot would answer, and how sure it is', body: KbTry, response: { 200: KbTried } },
    },
  } as const;
  app.post('/api/kb/try', tryIt, async (req) => {
    const body = parse(KbTry, req.body);
    const site = await deps.sites.get(body.siteId);
    const bot = await deps.bots.get(body.siteId);
    return {
      decision: bot.decide(body.text, {
        locale: body.locale ?? 'en',
        ...(site ? { thresholds: site.botThresholds } : {}),
      }),
    };
  });
  done();
}
