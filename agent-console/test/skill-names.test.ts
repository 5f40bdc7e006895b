import { describe, expect, it } from 'vitest';
import { readSkillNames, skillNamesForm, typedSkills } from '../src/logic/skill-names-form.ts';
import { cataloguesOf, skillLabel } from '../src/logic/skill-label.ts';

const catalogues = cataloguesOf([
  { id: 's1', skillNames: { billing: { en: 'Billing', ar: 'الفواتير', fa: 'صورت‌حساب' }, orders: { en: 'Orders' } } },
  { id: 's2', skillNames: {} },
]);

describe('skillLabel', () => {
  it('names a skill in the agent’s language, else in English, else by its id', () => {
    expect(skillLabel(catalogues, 'billing', 'ar', 's1')).toBe('الفواتير');
    expect(skillLabel(catalogues, 'billing', 'fa', 's1')).toBe('صورت‌حساب');
    expect(skillLabel(catalogues, 'orders', 'fa', 's1')).toBe('Orders');
    expect(skillLabel(catalogues, 'general', 'ar', 's1')).toBe('general');
  });

  it('keeps the id for a site that named nothing, and for a site it does not know', () => {
    expect(skillLabel(catalogues, 'billing', 'ar', 's2')).toBe('billing');
    expect(skillLabel(catalogues, 'billing', 'ar', 'gone')).toBe('billing');
  });

  it('without a site, takes the name from the site that has one', () => {
    expect(skillLabel(catalogues, 'billing', 'ar')).toBe('الفواتير');
  });
});

describe('skill names form', () => {
  it('lists each well-formed skill of the box once', () => {
    expect(typedSkills('billing\norders, billing\nNot A Skill\n')).toEqual(['billing', 'orders']);
  });

  it('saves only skills still listed, and only the languages typed', () => {
    const form = {
      billing: { en: ' Billing ', ar: 'الفواتير', fa: '' },
      orders: { en: '', ar: '', fa: '' },
      removed: { en: 'Old', ar: '', fa: '' },
    };
    expect(readSkillNames(['billing', 'orders'], form)).toEqual({ billing: { en: 'Billing', ar: 'الفواتير' } });
  });

  it('refuses a skill named in Arabic or Persian but not in English, or a name too long', () => {
    expect(readSkillNames(['billing'], { billing: { en: '', ar: '', fa: 'صورت‌حساب' } })).toBeNull();
    expect(readSkillNames(['billing'], { billing: { en: 'x'.repeat(61), ar: '', fa: '' } })).toBeNull();
  });

  it('reads a stored catalogue back into the form with empty languages as empty inputs', () => {
    expect(skillNamesForm({ orders: { en: 'Orders' } })).toEqual({ orders: { en: 'Orders', ar: '', fa: '' } });
    expect(skillNamesForm(undefined)).toEqual({});
  });
});
