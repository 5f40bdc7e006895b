import { expect, it } from 'vitest';
import { measure } from '../scripts/measure.ts';

// `pnpm test` builds first; this holds the budgets on every run, not only in `pnpm bench`.
it('keeps the loader under 2 KB and the first open of the chat under 29 KB gzip in every language', () => {
  const { sizes, problems } = measure();
  expect(problems).toEqual([]);
  expect(sizes.loaderGzipBytes).toBeGreaterThan(0);
});
