import { describe, expect, it } from 'vitest';
import { settingsForm, settingsPatch } from '../src/logic/settings-form.ts';
import { site } from './fixtures.ts';

describe('the settings form', () => {
  it('sends nothing when nothing changed', () => {
    const s = site({ businessHours: { timeZone: 'Asia/Tehran', weekly: [{ day: 6, open: '09:00', close: '17:00' }] } });
    expect(settingsPatch(s, settingsForm(s))).toEqual({ ok: true, patch: {} });
  });

  it('sends only the settings that changed, as the schema has them', () => {
    const s = site();
    const form = settingsForm(s);
    form.maxWaitSeconds = ' 240 ';
    form.widenAfterSeconds = '90';
    form.greeting = { ...form.greeting, fa: 'سلام!', ar: '' };
    form.allowedOrigins = 'https://shop.example/\nhttps://m.shop.example';
    form.hoursOn = true;
    form.timeZone = 'Asia/Riyadh';
    form.weekly = [{ day: 0, open: '08:00', close: '16:00' }];
    form.priorityRules = [
      ...form.priorityRules,
      { when: 'identified', pattern: 'ignored', key: '', value: '', priority: '2' },
      { when: 'attribute', pattern: '', key: ' plan ', value: 'pro', priority: '5' },
    ];
    form.supportEmail = 'help@shop.example';
    expect(settingsPatch(s, form)).toEqual({
      ok: true,
      patch: {
        maxWaitSeconds: 240,
        widenAfterSeconds: 90,
        theme: { ...s.theme, greeting: { en: 'Hi!', fa: 'سلام!' } },
        allowedOrigins: ['https://shop.example', 'https://m.shop.example'],
        businessHours: { timeZone: 'Asia/Riyadh', weekly: [{ day: 0, open: '08:00', close: '16:00' }] },
        priorityRules: [
          { when: 'page', pattern: '/checkout', priority: 5 },
          { when: 'identified', priority: 2 },
          { when: 'attribute', key: 'plan', value: 'pro', priority: 5 },
        ],
        sinks: { webhookUrl: null, supportEmail: 'help@shop.example', emailVisitors: false },
      },
    });
  });

  it('reads an empty widen-after as never and turning hours off as always open', () => {
    const s = site({ widenAfterSeconds: 60, businessHours: { timeZone: 'UTC', weekly: [] } });
    const form = settingsForm(s);
    form.widenAfterSeconds = '';
    form.hoursOn = false;
    expect(settingsPatch(s, form)).toEqual({ ok: true, patch: { widenAfterSeconds: null, businessHours: null } });
  });

  it('keeps languages in catalogue order and skills without duplicates', () => {
    const s = site();
    const form = settingsForm(s);
    form.locales = ['fa', 'en'];
    form.skills = 'general\nbilling, shipping\nbilling';
    expect(settingsPatch(s, form)).toEqual({
      ok: true,
      patch: { locales: ['en', 'fa'], skills: ['general', 'billing', 'shipping'] },
    });
  });

  it('points at the field to fix', () => {
    const s = site();
    const cases: [Partial<ReturnType<typeof settingsForm>>, string, string][] = [
      [{ name: ' ' }, 'name', 'required'],
      [{ color: 'green' }, 'color', 'colour'],
      [{ maxWaitSeconds: '1.5' }, 'maxWaitSeconds', 'number'],
      [{ defaultMaxChats: '51' }, 'defaultMaxChats', 'number'],
      [{ defaultLocale: 'fa' }, 'defaultLocale', 'defaultLocale'],
      [{ skills: 'General' }, 'skills', 'skill'],
      [{ allowedOrigins: 'https://shop.example/path' }, 'allowedOrigins', 'origin'],
      [{ hoursOn: true, timeZone: 'Mars/Olympus' }, 'timeZone', 'timeZone'],
      [{ hoursOn: true, timeZone: 'UTC', weekly: [{ day: 1, open: '9:00', close: '17:00' }] }, 'weekly', 'time'],
      [
        { priorityRules: [{ when: 'page', pattern: ' ', key: '', value: '', priority: '3' }] },
        'priorityRules',
        'pattern',
      ],
      [
        { priorityRules: [{ when: 'attribute', pattern: '', key: 'my plan', value: 'pro', priority: '3' }] },
        'priorityRules',
        'attribute',
      ],
      [
        { priorityRules: [{ when: 'attribute', pattern: '', key: 'plan', value: ' ', priority: '3' }] },
        'priorityRules',
        'attribute',
      ],
      [{ answerThreshold: '1.2' }, 'answerThreshold', 'threshold'],
      [{ supportEmail: 'not-an-email' }, 'supportEmail', 'email'],
      [{ webhookUrl: 'ftp://x' }, 'webhookUrl', 'url'],
      [
        { slaPolicies: [{ priority: '0', firstResponse: 'soon', nextReply: '', resolution: '' }] },
        'slaPolicies',
        'number',
      ],
      [
        {
          slaPolicies: [
            { priority: '2', firstResponse: '5', nextReply: '', resolution: '' },
            { priority: '2', firstResponse: '1', nextReply: '', resolution: '' },
          ],
        },
        'slaPolicies',
        'duplicate',
      ],
    ];
    for (const [change, field, kind] of cases) {
      expect(settingsPatch(s, { ...settingsForm(s), ...change }), field).toEqual({
        ok: false,
        problem: { field, kind },
      });
    }
  });

  it('reads SLA targets as minutes, keeps exact seconds set elsewhere, and can remove them all', () => {
    const s = site({
      slaPolicies: [{ priority: 0, firstResponseSeconds: 90, nextReplySeconds: null, resolutionSeconds: 3600 }],
    });
    const form = settingsForm(s);
    expect(form.slaPolicies).toEqual([{ priority: '0', firstResponse: '1.5', nextReply: '', resolution: '60' }]);
    expect(settingsPatch(s, form)).toEqual({ ok: true, patch: {} });
    expect(settingsPatch(s, { ...form, slaPolicies: [] })).toEqual({ ok: true, patch: { slaPolicies: [] } });
    expect(
      settingsPatch(site(), {
        ...settingsForm(site()),
        slaPolicies: [{ priority: '5', firstResponse: '2', nextReply: '0.5', resolution: '' }],
      }),
    ).toEqual({
      ok: true,
      patch: {
        slaPolicies: [{ priority: 5, firstResponseSeconds: 120, nextReplySeconds: 30, resolutionSeconds: null }],
      },
    });
  });
});
