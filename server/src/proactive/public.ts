import { PublicSiteConfig, type PublicProactive, type Site } from '@cascade/shared';
import { isOpen } from '../routing/hours.ts';

/**
 * What the widget needs to invite visitors: the enabled rules and whether the site is open now.
 * Undefined when no rule is enabled, which tells the loader to fetch nothing more.
 */
export function publicProactive(
  site: Pick<Site, 'proactive' | 'businessHours'>,
  now: Date,
): PublicProactive | undefined {
  const rules = site.proactive?.rules.filter((r) => r.enabled) ?? [];
  if (rules.length === 0 || !site.proactive) return undefined;
  return { rules, visitorEveryHours: site.proactive.visitorEveryHours, open: isOpen(site.businessHours, now) };
}

/** The site as the widget sees it, from the config request or the socket's hello. */
export function publicConfig(site: Site, now: Date): PublicSiteConfig {
  return PublicSiteConfig.parse({ ...site, proactive: publicProactive(site, now) });
}
