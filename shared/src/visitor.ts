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
});
export type Visitor = z.infer<typeof Visitor>;
