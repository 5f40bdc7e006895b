import { randomBytes } from 'node:crypto';
import { defaultThresholds } from '@cascade/bot';
import type { Locale, Site, SiteCreate } from '@cascade/shared';
import type { Db } from '../history/db.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { AgentStore } from '../store/agents.ts';
import type { SiteStore } from '../store/sites.ts';

const launcher: Record<Locale, string> = { en: 'Chat with us', ar: 'تحدث معنا', fa: 'گفتگو با ما' };
const greeting: Record<Locale, string> = {
  en: 'Hi! How can we help?',
  ar: 'مرحبًا! كيف يمكننا المساعدة؟',
  fa: 'سلام! چطور می‌توانیم کمک کنیم؟',
};

export const newPublicKey = () => `pk_${randomBytes(12).toString('hex')}`;

/** A site with sensible settings for everything the creator did not choose; one skill, `general`. */
export function siteFrom(input: SiteCreate): Site {
  const locales = [...new Set(input.locales)];
  const pick = (all: Record<Locale, string>) => Object.fromEntries(locales.map((l) => [l, all[l]]));
  return {
    id: `s${randomBytes(6).toString('hex')}`,
    publicKey: newPublicKey(),
    createdAt: Date.now(),
    name: input.name,
    allowedOrigins: [...new Set(input.allowedOrigins)],
    skills: ['general'],
    defaultLocale: locales[0] ?? 'en',
    locales,
    theme: { color: '#2f5d8a', position: 'right', launcherLabel: pick(launcher), greeting: pick(greeting) },
    maxWaitSeconds: 180,
    widenAfterSeconds: null,
    assignment: 'auto',
    defaultMaxChats: 3,
    autoAwaySeconds: 600,
    businessHours: null,
    botThresholds: defaultThresholds,
    requireIdentity: false,
    priorityRules: [],
    sinks: { webhookUrl: null, supportEmail: null, emailVisitors: false },
  };
}

export async function createSite(sites: SiteStore, input: SiteCreate): Promise<Site> {
  const site = siteFrom(input);
  await sites.save(site, {
    identitySecret: randomBytes(32).toString('base64url'),
    webhookSecret: randomBytes(32).toString('base64url'),
  });
  return site;
}

/** A new public key: the old one stops working at once, so every page needs the new snippet. */
export async function rotatePublicKey(redis: Redis, k: Keys, sites: SiteStore, site: Site): Promise<Site> {
  const secrets = await sites.secrets(site.id);
  if (!secrets) return site;
  const next = { ...site, publicKey: newPublicKey() };
  await sites.save(next, secrets);
  await redis.del(k.siteByKey(site.publicKey));
  return next;
}

/**
 * Deletes every key in the site's hash slot and returns what they pointed at outside it (the
 * visitors' conversations and tokens). SCAN runs on the node that holds the slot, as the
 * script is routed by KEYS[1]; it walks that node's keyspace once, which a rare admin action
 * can afford.
 */
const SWEEP = `
local cursor, convs, tokens = '0', {}, {}
repeat
  local r = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000)
  cursor = r[1]
  for _, key in ipairs(r[2]) do
    if string.sub(key, -6) == ':convs' then
      for _, c in ipairs(redis.call('SMEMBERS', key)) do table.insert(convs, c) end
    elseif string.sub(key, -7) == ':tokens' then
      for _, t in ipairs(redis.call('SMEMBERS', key)) do table.insert(tokens, t) end
    end
    redis.call('UNLINK', key)
  end
until cursor == '0'
return { convs, tokens }`;

/** Removes a site and everything it holds: settings, people's memberships, chats, tickets, history. */
export async function removeSite(
  d: { redis: Redis; keys: Keys; sites: SiteStore; agents: AgentStore; db: Db },
  site: Site,
): Promise<void> {
  const k = d.keys;
  for (const agent of await d.agents.ofSite(site.id)) await d.agents.removeMembership(agent, site.id);
  await d.redis.sRem(k.sites, site.id);
  await d.redis.del(k.siteByKey(site.publicKey));
  const pattern = `${k
    .site(site.id)
    .slice(0, -':site'.length)
    .replace(/[[\]?*\\]/g, '\\$&')}:*`;
  const [convs, tokens] = (await d.redis.eval(SWEEP, { keys: [k.site(site.id)], arguments: [pattern] })) as [
    string[],
    string[],
  ];
  for (const c of convs) {
    for (const key of [k.conversation(c), k.messages(c), k.dedupe(c), k.pending(c), k.conversationTags(c)])
      await d.redis.del(key);
  }
  for (const t of tokens) await d.redis.del(k.token(t));
  await d.sites.changed(site.id);
  await d.db.transaction(async (tx) => {
    for (const table of ['messages', 'events', 'tickets', 'conversations', 'visitors', 'audit_log']) {
      await tx.query(`DELETE FROM ${table} WHERE site_id = $1`, [site.id]);
    }
  });
}
