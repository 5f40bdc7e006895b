import { CascadeError, type Agent, type AttachmentLink } from '@cascade/shared';
import type { FileLinks } from './links.ts';
import type { FileRecord, FileRecords } from './records.ts';

export type FileAccessDeps = { records: FileRecords; links: FileLinks };

const missing = () => new CascadeError('not_found', 'no such file');

/** Visitors may open their own uploads and what was sent to them; an agent's notes and drafts stay with agents. */
export function visitorMayOpen(f: FileRecord, siteId: string, visitorId: string): boolean {
  return f.siteId === siteId && f.visitorId === visitorId && !f.internal && (f.byVisitor || f.messageKey !== null);
}

/** Agents may open every sent file of their sites, and their sites' own uploads; not a visitor's unsent ones. */
export function agentMayOpen(f: FileRecord, agent: Agent): boolean {
  return agent.memberships.some((m) => m.siteId === f.siteId) && (!f.byVisitor || f.messageKey !== null);
}

/** New links for a file, for whoever may open it; any other file is "not found", never "forbidden". */
export function fileAccess(d: FileAccessDeps) {
  return {
    async forVisitor(siteId: string, visitorId: string, id: string): Promise<AttachmentLink> {
      const f = await d.records.get(id);
      if (!f || !visitorMayOpen(f, siteId, visitorId)) throw missing();
      return d.links.link(f);
    },
    async forAgent(agent: Agent, id: string): Promise<AttachmentLink> {
      const f = await d.records.get(id);
      if (!f || !agentMayOpen(f, agent)) throw missing();
      return d.links.link(f);
    },
  };
}
export type FileAccess = ReturnType<typeof fileAccess>;
