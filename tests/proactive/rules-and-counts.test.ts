import type { ProactiveCounts, ProactiveRule, PublicSiteConfig } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';

const welcome: ProactiveRule = {
  name: 'pricing-help',
  enabled: true,
  message: { en: 'Questions about plans?', fa: 'دربارهٔ طرح‌ها سؤالی دارید؟' },
  conditions: { path: { match: 'prefix', value: '/pricing' }, secondsOnPage: 5 },
  everyHours: 24,
};

describe('proactive rules and their counts', () => {
  let h: Harness;
  let admin: ReturnType<typeof restClient>;
  const settings = () => `/api/sites/settings?siteId=${h.demo.siteId}`;
  const config = async () =>
    (await (await fetch(`${h.url}/api/widget/config?siteKey=${h.demo.siteKey}`)).json()) as PublicSiteConfig;
  const report = (body: unknown, origin?: string) =>
    fetch(`${h.url}/api/widget/proactive`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', ...(origin ? { origin } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    h = await startCascade();
    admin = restClient(h.url, await h.login('admin@cedar.example'));
  });
  afterAll(() => h.close());

  it('refuses a bad rule with a 400 and a code, and keeps the settings it had', async () => {
    const bad = [
      { ...welcome, name: 'Has Spaces' },
      { ...welcome, message: {} },
      { ...welcome, everyHours: 0 },
      { ...welcome, conditions: { path: { match: 'regex', value: '.*' } } },
      { ...welcome, conditions: { secondsOnPage: -1 } },
    ];
    for (const rule of bad) {
      const res = await admin.patch<{ error: { code: string; message: string } }>(settings(), {
        proactive: { rules: [rule], visitorEveryHours: 0 },
      });
      expect(res.status, JSON.stringify(rule)).toBe(400);
      expect(res.body.error.code).toBe('invalid_payload');
      expect(res.body.error.message).toMatch(/proactive/);
    }
    const twice = await admin.patch<{ error: { code: string } }>(settings(), {
      proactive: { rules: [welcome, welcome], visitorEveryHours: 0 },
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.code).toBe('invalid_payload');
    expect((await h.cascade.sites.get(h.demo.siteId))?.proactive).toBeUndefined();
    expect((await config()).proactive).toBeUndefined();
  });

  it('gives the widget the enabled rules only, and none when every rule is off', async () => {
    const off: ProactiveRule = { ...welcome, name: 'off', enabled: false };
    const saved = await admin.patch(settings(), { proactive: { rules: [welcome, off], visitorEveryHours: 2 } });
    expect(saved.status).toBe(200);
    const widget = await config();
    expect(widget.proactive?.rules.map((r) => r.name)).toEqual(['pricing-help']);
    expect(widget.proactive?.visitorEveryHours).toBe(2);
    expect(widget.proactive?.open).toBe(true);

    await admin.patch(settings(), { proactive: { rules: [off], visitorEveryHours: 2 } });
    expect((await config()).proactive).toBeUndefined();
    await admin.patch(settings(), { proactive: { rules: [welcome, off], visitorEveryHours: 2 } });
  });

  it('counts shown, opened and chatted per rule, and refuses what it cannot count', async () => {
    for (const step of ['shown', 'shown', 'opened', 'chatted']) {
      expect((await report({ siteKey: h.demo.siteKey, rule: 'pricing-help', step })).status).toBe(204);
    }
    expect((await report({ siteKey: h.demo.siteKey, rule: 'pricing-help', step: 'clicked' })).status).toBe(400);
    expect((await report('not json')).status).toBe(400);
    expect((await report({ siteKey: 'pk_nobodyhere', rule: 'pricing-help', step: 'shown' })).status).toBe(404);
    expect((await report({ siteKey: h.demo.siteKey, rule: 'no-such-rule', step: 'shown' })).status).toBe(404);
    const foreign = await report(
      { siteKey: h.demo.siteKey, rule: 'pricing-help', step: 'shown' },
      'https://evil.example',
    );
    expect(foreign.status).toBe(403);

    const counts = await admin.get<ProactiveCounts>(`/api/sites/proactive/counts?siteId=${h.demo.siteId}`);
    expect(counts.status).toBe(200);
    expect(counts.body.rules).toEqual([
      { rule: 'pricing-help', shown: 2, opened: 1, chatted: 1 },
      { rule: 'off', shown: 0, opened: 0, chatted: 0 },
    ]);
  });

  it('slows down one address that reports too often', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push((await report({ siteKey: h.demo.siteKey, rule: 'pricing-help', step: 'shown' })).status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 204).length).toBeLessThanOrEqual(30);
  });
});
