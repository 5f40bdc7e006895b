import type { Me, Site, SkillNames } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';

let h: Harness;
let admin: ReturnType<typeof restClient>;
let settings: string;
beforeAll(async () => {
  h = await startCascade();
  admin = restClient(h.url, await h.login('admin@cedar.example'));
  settings = `/api/sites/settings?siteId=${h.demo.siteId}`;
});
afterAll(async () => {
  await h.close();
});

const namesOf = (me: Me) => me.sites.find((s) => s.id === h.demo.siteId)?.skillNames;

describe('the skill catalogue', () => {
  it('comes with every member’s record, in the three languages of the demo', async () => {
    const lina = restClient(h.url, await h.login('lina@cedar.example'));
    const me = (await lina.get<Me>('/api/auth/me')).body;
    expect(namesOf(me)?.billing).toEqual({ en: 'Billing', ar: 'الفواتير', fa: 'صورت‌حساب' });
  });

  it('reaches signed-in agents at once when an admin saves it, without the names of removed skills', async () => {
    const lina = await h.agent('lina@cedar.example');
    const pushed = lina.next<{ siteId: string; skillNames: SkillNames }>('site:skills');
    const skillNames = { billing: { en: 'Payments', fa: 'پرداخت' }, gone: { en: 'Gone' } };
    const saved = await admin.patch<{ site: Site }>(settings, { skillNames });
    expect(saved.status).toBe(200);
    expect(saved.body.site.skillNames).toEqual({ billing: { en: 'Payments', fa: 'پرداخت' } });
    expect(await pushed).toEqual({ siteId: h.demo.siteId, skillNames: { billing: { en: 'Payments', fa: 'پرداخت' } } });
    lina.close();
  });

  it('refuses a name without English, or too long, and stores nothing', async () => {
    // The site's record only: the earlier test's agent leaving still writes presence meanwhile.
    const stored = () => h.cascade.redis.hGetAll(h.cascade.keys.site(h.demo.siteId));
    const before = await stored();
    for (const skillNames of [
      { billing: { ar: 'الفواتير' } },
      { billing: { en: 'x'.repeat(61) } },
      { Billing: { en: 'B' } },
    ]) {
      const refused = await admin.patch<{ error: { code: string } }>(settings, { skillNames });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBeTruthy();
    }
    expect(await stored()).toEqual(before);
  });

  it('keeps a site saved before skills had names working: skills are shown by their ids', async () => {
    const { redis, keys, sites } = h.cascade;
    await redis.hDel(keys.site(h.demo.siteId), 'skillNames');
    await sites.changed(h.demo.siteId);
    const lina = restClient(h.url, await h.login('lina@cedar.example'));
    expect(namesOf((await lina.get<Me>('/api/auth/me')).body)).toEqual({});
  });
});
