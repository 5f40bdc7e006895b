import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AgentId, Level, Membership, Timestamp, type PendingInvitation } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';

export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

/**
 * What an invitation grants: one membership, chosen by one admin, to one existing account
 * (`agentId`) or to whoever opens the emailed link and creates the account for `email`.
 */
const Stored = z.object({
  agentId: AgentId.nullable(),
  email: z.string().optional(),
  level: Level.optional(),
  membership: Membership,
  invitedBy: AgentId,
  expiresAt: Timestamp,
});
export type StoredInvitation = z.infer<typeof Stored>;

const digest = (code: string) => createHash('sha256').update(code).digest('hex');

const pending = (id: string, i: StoredInvitation): PendingInvitation => ({
  id,
  email: i.email ?? '',
  role: i.membership.role,
  level: i.level ?? 1,
  invitedBy: i.invitedBy,
  expiresAt: i.expiresAt,
  existingAccount: i.agentId !== null,
});

/**
 * Invitations to join a site. Only the SHA-256 of the code is kept, so whoever reads Redis
 * cannot accept one; each lives 7 days and is used at most once.
 */
export function invitationStore(redis: Redis, k: Keys) {
  return {
    async create(
      invite: Omit<StoredInvitation, 'expiresAt'>,
    ): Promise<{ code: string; id: string; expiresAt: number }> {
      const code = randomBytes(32).toString('base64url');
      const id = digest(code);
      const expiresAt = Date.now() + INVITATION_TTL_SECONDS * 1000;
      const stored = { ...invite, expiresAt };
      await redis.set(k.invitation(id), JSON.stringify(stored), {
        expiration: { type: 'EX', value: INVITATION_TTL_SECONDS },
      });
      // Listed for the site's admins (to resend or revoke) only when invited by email.
      if (invite.email) {
        await redis.hSet(k.siteInvitations(invite.membership.siteId), id, JSON.stringify(pending(id, stored)));
      }
      return { code, id, expiresAt };
    },

    /** The site's open invitations, without their codes; expired ones are dropped on the way. */
    async ofSite(siteId: string): Promise<PendingInvitation[]> {
      const all = await redis.hGetAll(k.siteInvitations(siteId));
      const open: PendingInvitation[] = [];
      for (const [id, raw] of Object.entries(all)) {
        const p = JSON.parse(raw) as PendingInvitation;
        if (p.expiresAt > Date.now()) open.push(p);
        else await redis.hDel(k.siteInvitations(siteId), id);
      }
      return open.sort((a, b) => b.expiresAt - a.expiresAt);
    },

    /** An open invitation of the site by its id, with what it grants. */
    async byId(siteId: string, id: string): Promise<StoredInvitation | null> {
      if (!(await redis.hGet(k.siteInvitations(siteId), id))) return null;
      const raw = await redis.get(k.invitation(id));
      const parsed = raw ? Stored.safeParse(JSON.parse(raw)) : null;
      return parsed?.success && parsed.data.membership.siteId === siteId ? parsed.data : null;
    },

    /** Withdraws an invitation: its link stops working at once. */
    async revoke(siteId: string, id: string): Promise<boolean> {
      const listed = await redis.hDel(k.siteInvitations(siteId), id);
      return (await redis.del(k.invitation(id))) === 1 || listed === 1;
    },

    async peek(code: string): Promise<StoredInvitation | null> {
      const raw = await redis.get(k.invitation(digest(code)));
      if (!raw) return null;
      const parsed = Stored.safeParse(JSON.parse(raw));
      return parsed.success && parsed.data.expiresAt > Date.now() ? parsed.data : null;
    },

    /** Uses the invitation up; true for exactly one caller, however many race for it. */
    async consume(code: string): Promise<boolean> {
      const id = digest(code);
      const raw = await redis.get(k.invitation(id));
      const used = (await redis.del(k.invitation(id))) === 1;
      const parsed = raw ? Stored.safeParse(JSON.parse(raw)) : null;
      if (parsed?.success) await redis.hDel(k.siteInvitations(parsed.data.membership.siteId), id);
      return used;
    },
  };
}
export type InvitationStore = ReturnType<typeof invitationStore>;
