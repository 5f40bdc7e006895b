import { describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { fa } from '../../agent-console/src/locales/fa.ts';
import { assertConsoleBuilt, openConsole } from './console-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

describe('visitor settings in the console', () => {
  it.each([
    ['en', en],
    ['fa', fa],
  ] as const)(
    'sets up a pre-chat form and a priority rule on an attribute (%s)',
    async (locale, c) => {
      await stage.h.configureSite({ preChat: null, priorityRules: [] });
      const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/settings', locale });

      const form = page.getByRole('group', { name: c['settings.field.preChat'] });
      await form.getByRole('checkbox', { name: c['settings.preChat.on'] }).check();
      await form.getByRole('combobox', { name: c['settings.preChat.when'] }).selectOption('before_person');
      await form.getByRole('button', { name: c['settings.preChat.add'] }).click();
      await form.getByRole('combobox', { name: c['settings.preChat.kind'] }).selectOption('choice');
      await form.getByLabel(c['settings.preChat.label'].replace('{language}', 'فارسی')).fill('موضوع');
      await form.getByLabel(c['settings.preChat.options']).fill('Orders\nReturns\n');
      await form.getByRole('checkbox', { name: c['settings.preChat.required'] }).check();

      const rules = page.getByRole('group', { name: c['settings.field.priorityRules'] });
      await rules.getByRole('button', { name: c['settings.addRule'] }).click();
      await rules.getByRole('combobox', { name: c['settings.ruleWhen'] }).selectOption('attribute');
      await rules.getByLabel(c['settings.ruleKey'], { exact: true }).fill('plan');
      await rules.getByLabel(c['settings.ruleValue'], { exact: true }).fill('pro');
      await rules.getByLabel(c['settings.rulePriority']).fill('5');

      await page.getByRole('button', { name: c['settings.save'] }).click();
      await page.getByText(c['settings.saved']).waitFor();
      const site = await stage.h.cascade.sites.get(stage.h.demo.siteId);
      expect(site?.preChat).toEqual({
        when: 'before_person',
        fields: [
          { id: 'field_1', kind: 'choice', required: true, label: { fa: 'موضوع' }, options: ['Orders', 'Returns'] },
        ],
      });
      expect(site?.priorityRules).toEqual([{ when: 'attribute', key: 'plan', value: 'pro', priority: 5 }]);
      await stage.h.configureSite({ preChat: null, priorityRules: [] });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});
