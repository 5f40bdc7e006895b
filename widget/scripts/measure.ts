/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * Budgets in gzip bytes: the loader runs on every page of the site; the loader, the panel, its
 * styles and the panel's strings in the visitor's language are what a visitor downloads to open
 * the chat; each lazy chunk (a feature loaded only when used) has its own.
 */
export const LOADER_BUDGET = 2048;
export const TOTAL_BUDGET = 25600;
export const CHUNK_BUDGET = 6144;
/** The loader and the invitation bubble it fetches at once on sites with proactive rules. */
export const BEFORE_OPEN_BUDGET = 4096;

const isLoader = (name: string): boolean => name === 'widget.js';
/** The panel's entry and its styles; every other script is a chunk loaded with import() when needed. */
const isEager = (name: string): boolean => isLoader(name) || name.startsWith('panel-') || name.endsWith('.css');

/**
 * The panel's strings in a language other than English (`ar-<hash>.js`, `fa-<hash>.js`): fetched
 * before the panel is drawn, so part of the first open for that language's visitors.
 */
const catalogueLocale = (name: string): string | undefined => /^(ar|fa)-/.exec(name)?.[1];

/** Gzip sizes of the built widget (`dist/`), and what is over budget. */
export function measure(dist = new URL('../dist/', import.meta.url)) {
  const files: Record<string, number> = {};
  for (const name of readdirSync(dist).sort()) {
    if (name.endsWith('.js') || name.endsWith('.css')) {
      files[name] = gzipSync(readFileSync(new URL(name, dist)), { level: 9 }).length;
    }
  }
  const sum = (names: string[]): number => names.reduce((total, name) => total + (files[name] ?? 0), 0);
  const names = Object.keys(files);
  const loaderGzipBytes = files['widget.js'] ?? 0;
  const eagerGzipBytes = sum(names.filter(isEager));
  const firstOpenGzipBytes: Record<string, number> = { en: eagerGzipBytes };
  for (const name of names) {
    const locale = catalogueLocale(name);
    if (locale) firstOpenGzipBytes[locale] = eagerGzipBytes + (files[name] ?? 0);
  }
  // What opening the chat downloads, for the visitor whose language weighs most.
  const totalGzipBytes = Math.max(...Object.values(firstOpenGzipBytes));
  const chunks = Object.fromEntries(names.filter((name) => !isEager(name)).map((name) => [name, files[name] ?? 0]));
  const allGzipBytes = sum(names);
  const bubbleGzipBytes = sum(names.filter((name) => name.startsWith('bubble-')));
  const beforeOpenGzipBytes = loaderGzipBytes + bubbleGzipBytes;
  const problems = [
    loaderGzipBytes === 0 && 'dist/widget.js is missing: run `pnpm build` first',
    loaderGzipBytes > LOADER_BUDGET && `loader is ${loaderGzipBytes} B gzip, over ${LOADER_BUDGET}`,
    totalGzipBytes > TOTAL_BUDGET && `widget is ${totalGzipBytes} B gzip, over ${TOTAL_BUDGET}`,
    beforeOpenGzipBytes > BEFORE_OPEN_BUDGET &&
      `loader and bubble are ${beforeOpenGzipBytes} B gzip, over ${BEFORE_OPEN_BUDGET}`,
    ...Object.entries(chunks)
      .filter(([, bytes]) => bytes > CHUNK_BUDGET)
      .map(([name, bytes]) => `lazy chunk ${name} is ${bytes} B gzip, over ${CHUNK_BUDGET}`),
  ].filter((p): p is string => typeof p === 'string');
  return {
    sizes: {
      loaderGzipBytes,
      bubbleGzipBytes,
      beforeOpenGzipBytes,
      totalGzipBytes,
      firstOpenGzipBytes,
      chunks,
      allGzipBytes,
      files,
    },
    problems,
  };
}
