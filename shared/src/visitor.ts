import { z } from 'zod';
import { SiteId, Timestamp, VisitorId } from './ids.ts';
import { Locale } from './locale.ts';

/** A page URL's length, and so its path's, which priority rules are matched against. */
export const PAGE_URL_MAX = 2048;
export const PAGE_PATH_MAX = PAGE_URL_MAX;

/** What a stored page URL must be: anything else failed later, where it was read back. */
export const PageUrl = z.url({ protocol: /^https?$/ }).max(PAGE_URL_MAX);

export const PageView = z.object({
  url: PageUrl,
  title: z.string().max(300),
  ts: Timestamp,
});
export type PageView = z.infer<typeof PageView>;

/** How many attributes a visitor may carry, and how long a key or a value may be. */
export const ATTRIBUTES_MAX = 20;
export const ATTRIBUTE_KEY_MAX = 32;
export const ATTRIBUTE_VALUE_MAX = 200;

export const AttributeKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,31}$/, 'an attribute name is a letter then up to 31 letters, digits, _ . or -');

/** Facts about the visitor from the page (`Cascade('set', …)`) or the identity token, shown to agents. */
export const VisitorAttributes = z
  .record(AttributeKey, z.string().max(ATTRIBUTE_VALUE_MAX))
  .refine((a) => Object.keys(a).length <= ATTRIBUTES_MAX, `a visitor has at most ${ATTRIBUTES_MAX} attributes`);
export type VisitorAttributes = z.infer<typeof VisitorAttributes>;

/** One answer of the pre-chat form, with the field's label as the visitor read it, for the agent. */
export const PreChatAnswer = z.object({
  field: z.string().max(32),
  kind: z.enum(['name', 'email', 'phone', 'choice', 'text']),
  label: z.string().max(80),
  value: z.string().max(500),
});
export type PreChatAnswer = z.infer<typeof PreChatAnswer>;

export const Visitor = z.object({
  id: VisitorId,
  siteId: SiteId,
  /** Set only from a verified identity token or the email the visitor typed. */
  name: z.string().max(100).nullable(),
  email: z.email().max(254).nullable(),
  externalId: z.string().max(128).nullable(),
  verified: z.boolean(),
  locale: Locale,
  userAgent: z.string().max(512).nullable(),
  createdAt: Timestamp,
  /** Absent until the page or the identity token gives one. */
  attributes: VisitorAttributes.optional(),
  /** What the visitor gave in the pre-chat form; present once they have, so it is never asked again. */
  preChat: z.array(PreChatAnswer).max(10).optional(),
  /** When the visitor last answered the site's NPS question: it is asked again only a period later. */
  npsAt: Timestamp.optional(),
});
export type Visitor = z.infer<typeof Visitor>;
