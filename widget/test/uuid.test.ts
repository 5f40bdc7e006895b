import { describe, expect, it } from 'vitest';
import { uuid } from '../src/uuid.ts';

const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('client message ids', () => {
  it('are version-4 UUIDs, as the server requires', () => {
    for (let i = 0; i < 100; i++) expect(uuid()).toMatch(v4);
  });

  it('set the version and variant bits whatever the random bytes', () => {
    expect(uuid((b) => b.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuid((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('differ from one another', () => {
    expect(new Set(Array.from({ length: 1000 }, () => uuid())).size).toBe(1000);
  });
});
