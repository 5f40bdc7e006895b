import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { KbEntry, type Agent, type Role, type Site, type SkillNames } from '@cascade/shared';
import { z } from 'zod';
import { defaultThresholds } from '@cascade/bot';
import type { HashPassword } from '../auth/password.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { AgentStore } from '../store/agents.ts';
import type { KbStore } from '../store/kb.ts';
import type { SiteStore } from '../store/sites.ts';
import type { Routing } from '../routing/routing.ts';

export type DemoAccount = { email: string; password: string; name: string; role: Role; level: number | null };
export type Demo = { siteId: string; siteName: string; siteKey: string; accounts: DemoAccount[] };

const SKILLS = ['general', 'billing', 'shipping', 'returns', 'technical'];
const SKILL_NAMES: SkillNames = {
  general: { en: 'General questions', ar: 'أسئلة عامة', fa: 'پرسش‌های عمومی' },
  billing: { en: 'Billing', ar: 'الفواتير', fa: 'صورت‌حساب' },
  shipping: { en: 'Shipping', ar: 'الشحن', fa: 'ارسال' },
  returns: { en: 'Returns', ar: 'الإرجاع', fa: 'مرجوعی' },
  technical: { en: 'Technical help', ar: 'الدعم الفني', fa: 'پشتیبانی فنی' },
};
const knowledgeBase = () =>
  z.array(KbEntry).parse(JSON.parse(readFileSync(new URL('./knowledge-base.json', import.meta.url), 'utf8')));

const people: { name: string; email: string; role: Role; level: number | null }[] = [
  { name: 'Lina Haddad', email: 'lina@cedar.example', role: 'agent', level: 1 },
  { name: 'Omid Rahimi', email: 'omid@cedar.example', role: 'agent', level: 2 },
  { name: 'Sara Novak', email: 'sara@cedar.example', role: 'supervisor', level: 3 },
  { name: 'Adam Clarke', email: 'admin@cedar.example', role: 'admin', level: null },
];

export function demoSite(id: string, name: string): Site {
  return {
    id,
    publicKey: `pk_${randomBytes(12).toString('hex')}`,
    createdAt: Date.now(),
    name,
    allowedOrigins: [],
    skills: SKILLS,
    skillNames: SKILL_NAMES,
    defaultLocale: 'en',
    locales: ['en', 'ar', 'fa'],
    theme: {
      color: '#3d5a40',
      position: 'right',
      launcherLabel: { en: 'Chat with us', ar: 'تحدث معنا', fa: 'گفتگو با ما' },
      greeting: {
        en: 'Hi! Ask me anything about orders, delivery or returns.',
        ar: 'مرحبًا! اسألني عن الطلبات أو التوصيل أو الإرجاع.',
        fa: 'سلام! درباره سفارش، ارسال یا مرجوعی از من بپرسید.',
      },
    },
    maxWaitSeconds: 180,
    widenAfterSeconds: null,
    assignment: 'auto',
    defaultMaxChats: 3,
    autoAwaySeconds: 600,
    businessHours: null,
    botThresholds: defaultThresholds,
    requireIdentity: false,
    priorityRules: [
      { when: 'page', pattern: '/checkout', priority: 5 },
      { when: 'identified', priority: 2 },
    ],
    sinks: { webhookUrl: null, supportEmail: null, emailVisitors: false },
  };
}

/** The demo: the shop, and its outlet as a second tenant so that isolation can be seen. */
export async function seedDemos(d: Parameters<typeof seedDemo>[0]): Promise<Demo[]> {
  return Promise.all([seedDemo(d, 'demo', 'Cedar & Co.'), seedDemo(d, 'outlet', 'Cedar Outlet')]);
}

/**
 * Seeds the demo shop, its knowledge base and one account per level plus an admin, once.
 * The demo passwords are random and kept so that every start can print them.
 */
export async function seedDemo(
  d: {
    redis: Redis;
    keys: Keys;
    sites: SiteStore;
    agents: AgentStore;
    kb: KbStore;
    routing: Routing;
    hashPassword: HashPassword;
  },
  siteId = 'demo',
  name = 'Cedar & Co.',
): Promise<Demo> {
  const credentialsKey = `${d.keys.prefix}:demo:${siteId}:accounts`;
  // Several processes may start at once on an empty Redis: one seeds, the others wait for it.
  const lockKey = `${d.keys.prefix}:demo:${siteId}:seeding`;
  if (!(await d.redis.set(lockKey, '1', { condition: 'NX', expiration: { type: 'EX', value: 60 } }))) {
    for (let i = 0; i < 600; i++) {
      const stored = await d.redis.get(credentialsKey);
      const site = await d.sites.get(siteId);
      if (stored && site)
        return { siteId, siteName: site.name, siteKey: site.publicKey, accounts: JSON.parse(stored) as DemoAccount[] };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('another process started seeding the demo and did not finish');
  }
  let site = await d.sites.get(siteId);
  if (!site) {
    site = demoSite(siteId, name);
    await d.sites.save(site, {
      identitySecret: randomBytes(32).toString('base64url'),
      webhookSecret: randomBytes(32).toString('base64url'),
    });
    await d.kb.put(site.id, knowledgeBase());
  }
  const stored = await d.redis.get(credentialsKey);
  if (stored) {
    await d.redis.del(lockKey);
    return {
      siteId: site.id,
      siteName: site.name,
      siteKey: site.publicKey,
      accounts: JSON.parse(stored) as DemoAccount[],
    };
  }

  const accounts = await Promise.all(
    people.map(async (p): Promise<DemoAccount> => {
      const email = siteId === 'demo' ? p.email : p.email.replace('@', `+${siteId}@`);
      const password = randomBytes(9).toString('base64url');
      const agent: Agent = {
        id: randomUUID().replace(/-/g, ''),
        email,
        name: p.name,
        locale: 'en',
        avatarUrl: null,
        active: true,
        memberships: [
          {
            siteId: site.id,
            role: p.role,
            skills: p.level === null ? [] : SKILLS.map((skill) => ({ skill, level: p.level as number })),
            maxChats: null,
          },
        ],
        createdAt: Date.now(),
      };
      await d.agents.save(agent, await d.hashPassword(password));
      await d.routing.registerAgent(agent);
      return { email, password, name: p.name, role: p.role, level: p.level };
    }),
  );
  await d.redis.set(credentialsKey, JSON.stringify(accounts));
  await d.redis.del(lockKey);
  return { siteId: site.id, siteName: site.name, siteKey: site.publicKey, accounts };
}
