/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Budgets in gzip bytes: the loader runs on every page of the site, the rest only for visitors who chat. */
export const LOADER_BUDGET = 2048;
export const TOTAL_BUDGET = 30720;

/** Gzip sizes of the built widget (`dist/`), and what is over budget. */
export function measure(dist = new URL('../dist/', import.meta.url)) {
  const files: Record<string, number> = {};
  for (const name of readdirSync(dist).sort()) {
    if (name.endsWith('.js') || name.endsWith('.css')) {
      files[name] = gzipSync(readFileSync(new URL(name, dist)), { level: 9 }).length;
    }
  }
  const loaderGzipBytes = files['widget.js'] ?? 0;
  const totalGzipBytes = Object.values(files).reduce((sum, n) => sum + n, 0);
  const problems = [
    loaderGzipBytes === 0 && 'dist/widget.js is missing: run `pnpm build` first',
    loaderGzipBytes > LOADER_BUDGET && `loader is ${loaderGzipBytes} B gzip, over ${LOADER_BUDGET}`,
    totalGzipBytes > TOTAL_BUDGET && `widget is ${totalGzipBytes} B gzip, over ${TOTAL_BUDGET}`,
  ].filter((p): p is string => typeof p === 'string');
  return { sizes: { loaderGzipBytes, totalGzipBytes, files }, problems };
}
