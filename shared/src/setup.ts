import { z } from 'zod';
import { Role } from './agent.ts';
import { AgentId, SiteId, Timestamp } from './ids.ts';
import { Locale } from './locale.ts';
import { Level, Origin, Site } from './site.ts';

/** A one-time secret in a link (setup, invitation, password reset): 43 URL-safe characters. */
export const LinkToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'this link is not valid');
export type LinkToken = z.infer<typeof LinkToken>;

/** A password the person chose; long, not clever. */
export const NewPassword = z.string().min(10, 'the password needs at least 10 characters').max(200);

const PersonName = z.string().trim().min(1).max(100);

/** What a new site starts from: the rest of its settings take their defaults. */
export const SiteCreate = z.object({
  name: z.string().trim().min(1).max(100),
  /** The origins where the widget runs; empty refuses every page but this server's own. */
  allowedOrigins: z.array(Origin).max(50),
  locales: z.array(Locale).min(1).max(3),
});
export type SiteCreate = z.infer<typeof SiteCreate>;

/** The first run: the owner's account and the first site, with the token printed at start. */
export const SetupBody = z.object({
  token: LinkToken,
  owner: z.object({ name: PersonName, email: z.email().max(254), password: NewPassword }),
  site: SiteCreate,
});
export type SetupBody = z.infer<typeof SetupBody>;

/** A site just made: the record and the script tag to paste. */
export const SiteCreated = z.object({ site: Site, snippet: z.string() });
export type SiteCreated = z.infer<typeof SiteCreated>;

export const SetupTokenState = z.object({ valid: z.boolean() });
export type SetupTokenState = z.infer<typeof SetupTokenState>;

/** Why the widget was turned away, kept for the site's admins to read. */
export const OriginRefusal = z.object({ origin: z.string().max(300), at: Timestamp, reason: z.string() });
export type OriginRefusal = z.infer<typeof OriginRefusal>;

/** Whether the widget has connected from an allowed origin yet, and the latest refusals. */
export const Installation = z.object({
  lastConnection: z.object({ origin: z.string().max(300), at: Timestamp }).nullable(),
  refusals: z.array(OriginRefusal),
});
export type Installation = z.infer<typeof Installation>;

export const SiteRef = z.object({ siteId: SiteId });
/** Removing a site asks for its name, typed again. */
export const SiteRemove = z.object({ siteId: SiteId, confirm: z.string().max(100) });

/** An admin invites a person by email to one site, with a role and (for agents) a level in every skill. */
export const InviteBody = z.object({
  siteId: SiteId,
  email: z.email().max(254),
  role: Role,
  level: Level,
});
export type InviteBody = z.infer<typeof InviteBody>;

/** An invitation as the site's admins see it; never the code. */
export const PendingInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: Role,
  level: Level,
  invitedBy: AgentId,
  expiresAt: Timestamp,
  /** Whether the email already had an account when invited: that person accepts after logging in. */
  existingAccount: z.boolean(),
});
export type PendingInvitation = z.infer<typeof PendingInvitation>;

/** Sent when the email went out; without SMTP the admin hands over the link. */
export const InvitationSent = z.object({
  invitation: PendingInvitation,
  emailed: z.boolean(),
  link: z.string().nullable(),
});
export type InvitationSent = z.infer<typeof InvitationSent>;

export const InvitationParams = z.object({ id: z.string().regex(/^[a-f0-9]{64}$/) });
export const InvitationPreview = z.object({
  site: z.string(),
  email: z.string(),
  role: Role,
  existingAccount: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** A new person accepts: they choose their name and password. */
export const InvitationJoin = z.object({ code: LinkToken, name: PersonName, password: NewPassword });
export type InvitationJoin = z.infer<typeof InvitationJoin>;

export const ForgotPassword = z.object({ email: z.email().max(254) });
export const PasswordReset = z.object({ token: LinkToken, password: NewPassword });
export type PasswordReset = z.infer<typeof PasswordReset>;
