import { z } from 'zod';
import { Agent, Role } from './agent.ts';
import { SiteId, Timestamp } from './ids.ts';
import { Locale } from './locale.ts';

/** The secret an invited person pastes (or follows as a link) to join a site. */
export const InvitationCode = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'this is not an invitation code');
export type InvitationCode = z.infer<typeof InvitationCode>;

/** What the inviting admin hands over: the code and a console link that carries it. */
export const Invitation = z.object({ code: InvitationCode, link: z.url(), expiresAt: Timestamp });
export type Invitation = z.infer<typeof Invitation>;

/**
 * The answer to adding an agent: a new account with its one-time first password, or, when the
 * email already has an account, an invitation only that account can accept.
 */
export const AgentCreated = z.union([
  z.object({ agent: Agent, password: z.string() }),
  z.object({ invitation: Invitation }),
]);
export type AgentCreated = z.infer<typeof AgentCreated>;

export const InvitationAccept = z.object({ code: InvitationCode });
export type InvitationAccept = z.infer<typeof InvitationAccept>;

export const InvitationAccepted = z.object({ site: z.object({ id: SiteId, name: z.string(), role: Role }) });
export type InvitationAccepted = z.infer<typeof InvitationAccepted>;

/** A person changes what belongs to them alone: their name and language. */
export const ProfileUpdate = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    locale: Locale.optional(),
    /** The languages the person answers chats in, on every site they belong to. */
    languages: z.array(Locale).max(Locale.options.length).optional(),
  })
  .refine((p) => p.name !== undefined || p.locale !== undefined || p.languages !== undefined, 'nothing to change');
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

/** A new one-time password, shown once to whoever reset it; the person must change it at first use. */
export const PasswordIssued = z.object({ password: z.string() });
export type PasswordIssued = z.infer<typeof PasswordIssued>;
