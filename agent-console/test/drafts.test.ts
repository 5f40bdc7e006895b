import { describe, expect, it } from 'vitest';
import { draftFor, dropDraft, parseDrafts, setDraft } from '../src/logic/drafts.ts';

describe('drafts', () => {
  it('keeps one draft per chat', () => {
    let drafts = setDraft({}, 'c1', 'Hello');
    drafts = setDraft(drafts, 'c2', 'Other');
    expect(draftFor(drafts, 'c1')).toBe('Hello');
    expect(draftFor(drafts, 'c2')).toBe('Other');
    expect(draftFor(drafts, 'c3')).toBe('');
  });

  it('forgets a draft that was emptied or sent', () => {
    const drafts = setDraft({ c1: 'Hello' }, 'c1', '   ');
    expect(drafts).toEqual({});
    expect(dropDraft({ c1: 'a', c2: 'b' }, 'c1')).toEqual({ c2: 'b' });
  });

  it('returns the same object when nothing changes', () => {
    const drafts = { c1: 'Hello' };
    expect(setDraft(drafts, 'c1', 'Hello')).toBe(drafts);
    expect(dropDraft(drafts, 'c9')).toBe(drafts);
  });

  it('reads stored drafts defensively', () => {
    expect(parseDrafts(JSON.stringify({ c1: 'a', c2: 3 }))).toEqual({ c1: 'a' });
    expect(parseDrafts('not json')).toEqual({});
    expect(parseDrafts('[1,2]')).toEqual({});
    expect(parseDrafts(null)).toEqual({});
  });
});
