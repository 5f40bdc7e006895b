import { z } from 'zod';
import { Locale } from './locale.ts';
import { SiteQuery } from './rest.ts';

/** What an agent types after `/` in the composer to insert a reply: lower-case, no spaces. */
export const CannedShortcut = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'shortcut must be 1-32 lower-case letters, digits, _ or -');

/** A site's ready-made reply in one language, inserted by typing `/shortcut`. */
export const CannedReply = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  shortcut: CannedShortcut,
  language: Locale,
  text: z.string().trim().min(1).max(4000),
});
export type CannedReply = z.infer<typeof CannedReply>;

/** What a canned reply may say in `{{…}}`, filled in from the chat when the reply is inserted. */
export const CANNED_VARIABLES = ['visitor.name', 'visitor.email', 'agent.name', 'ticket.number', 'site.name'] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

/** Every `{{name}}` in a text, with the name as written (spaces inside the braces allowed). */
export const CANNED_VARIABLE_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

const unknownVariable = (text: string) =>
  [...text.matchAll(CANNED_VARIABLE_PATTERN)]
    .map((m) => m[1] ?? '')
    .find((name) => !(CANNED_VARIABLES as readonly string[]).includes(name));

/**
 * Body of `POST /api/canned?siteId` (a reply with the same shortcut and language is replaced)
 * and of `PUT /api/canned/:cannedId`. Only known variables: an unknown one would reach the visitor raw.
 */
export const CannedReplyInput = CannedReply.omit({ id: true }).superRefine((r, ctx) => {
  const name = unknownVariable(r.text);
  if (name !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['text'],
      message: `unknown variable {{${name}}}; use ${CANNED_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`,
    });
});
export type CannedReplyInput = z.infer<typeof CannedReplyInput>;

export const CannedParams = z.object({ cannedId: CannedReply.shape.id });
export const CannedQuery = SiteQuery;
