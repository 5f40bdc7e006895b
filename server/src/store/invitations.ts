import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AgentId, Membership, Timestamp } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';

export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

/** What an invitation grants: one membership, to one existing account, chosen by one admin. */
const Stored = z.object({
  agentId: AgentId,
  membership: Membership,
  invitedBy: AgentId,
  expiresAt: Timestamp,
});
export type StoredInvitation = z.infer<typeof Stored>;

const digest = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * Invitations to join a site. Only the SHA-256 of the code is kept, so whoever reads Redis
 * cannot accept one; each lives 7 days and is used at most once.
 */
export function invitationStore(redis: Redis, k: Keys) {
  return {
    async create(invite: Omit<StoredInvitation, 'expiresAt'>): Promise<{ code: string; expiresAt: number }> {
      const code = randomBytes(32).toString('base64url');
      const expiresAt = Date.now() + INVITATION_TTL_SECONDS * 1000;
      await redis.set(k.invitation(digest(code)), JSON.stringify({ ...invite, expiresAt }), {
        expiration: { type: 'EX', value: INVITATION_TTL_SECONDS },
      });
      return { code, expiresAt };
    },

    async peek(code: string): Promise<StoredInvitation | null> {
      const raw = await redis.get(k.invitation(digest(code)));
      if (!raw) return null;
      const parsed = Stored.safeParse(JSON.parse(raw));
      return parsed.success && parsed.data.expiresAt > Date.now() ? parsed.data : null;
    },

    /** Uses the invitation up; true for exactly one caller, however many race for it. */
    async consume(code: string): Promise<boolean> {
      return (await redis.del(k.invitation(digest(code)))) === 1;
    },
  };
}
export type InvitationStore = ReturnType<typeof invitationStore>;
