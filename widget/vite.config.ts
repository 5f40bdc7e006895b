/// <reference types="node" />
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type ESBuildOptions, type Plugin, type Rollup } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const esbuild: ESBuildOptions = { jsx: 'automatic', jsxImportSource: 'preact' };
// Terser makes the panel about 2% smaller than esbuild does, which the size budget needs.
const minify = { minify: 'terser', terserOptions: { compress: { passes: 3 } } } as const;

/**
 * engine.io-client's table of transports pulls in long-polling and WebTransport, about 1.5 KB gzip
 * that most visitors never need: give it a table with WebSocket alone. Long-polling, for networks
 * that refuse WebSockets, is a second table (WebSocket, then polling by `fetch`), made here as the
 * panel's `./long-polling.js` (typed by `src/panel/long-polling.d.ts`), which the panel imports
 * only after a WebSocket has failed to open: a lazy chunk.
 */
function transports(): Plugin {
  const table = '\0cascade:websocket-only';
  const fallback = '\0cascade:long-polling';
  return {
    name: 'cascade-transports',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer && join(dirname(importer), source) === here('src/panel/long-polling.js')) return fallback;
      return source === './transports/index.js' && importer?.includes('engine.io-client') ? table : null;
    },
    async load(id) {
      if (id !== table && id !== fallback) return null;
      // engine.io-client as socket.io-client sees it, so both tables share the one copy.
      const client = await this.resolve('socket.io-client', here('src/panel/connection.ts'));
      const engine = client && (await this.resolve('engine.io-client', client.id));
      if (!engine) throw new Error('engine.io-client not found');
      const file = (name: string): string => JSON.stringify(join(dirname(engine.id), 'transports', name));
      if (id === table)
        return `import { WS } from ${file('websocket.js')};\nexport const transports = { websocket: WS };`;
      return [
        `import { WS } from ${file('websocket.js')};`,
        `import { Fetch } from ${file('polling-fetch.js')};`,
        'export const transports = [WS, Fetch];',
      ].join('\n');
    },
  };
}

/**
 * engine.io-client's index re-exports every transport, and its XMLHttpRequest long-polling runs
 * code when loaded (an unload listener, a probe request), so Rollup kept about 870 B gzip of it
 * in the panel although nothing uses it (the long-polling chunk uses `fetch`). Marked free of side
 * effects, it is dropped unless imported for real.
 */
function noXhrPolling(): Plugin {
  return {
    name: 'cascade-no-xhr-polling',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/polling-xhr(\.node)?\.js$/.test(source) || !importer?.includes('engine.io-client')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && { ...resolved, moduleSideEffects: false };
    },
  };
}

/** socket.io-client's packet parser without binary attachments (src/socket-parser.ts says why). */
function jsonParser(): Plugin {
  return {
    name: 'cascade-json-parser',
    enforce: 'pre',
    resolveId: (source, importer) =>
      source === 'socket.io-parser' && importer?.includes('socket.io-client') ? here('src/socket-parser.ts') : null,
  };
}

/**
 * Vite wraps each import() in a helper that preloads the chunk's CSS and dependencies (about
 * 500 B gzip in the panel). The widget's lazy chunks have no CSS and need nothing preloaded:
 * the helper just loads them.
 */
function plainDynamicImport(): Plugin {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'cascade-plain-dynamic-import',
    enforce: 'pre',
    load: (id) => (id === helper ? 'export const __vitePreload = (load) => load();' : null),
  };
}

/**
 * Builds the loader (dist/widget.js) after the panel. The loader is a classic script, which
 * Rollup cannot split, and it must name the panel's hashed file, known only once the panel is built.
 */
function loader(): Plugin {
  let panelFile = '';
  return {
    name: 'cascade-loader',
    apply: 'build',
    generateBundle(_, bundle) {
      for (const file of Object.values(bundle)) if (file.type === 'chunk' && file.isEntry) panelFile = file.fileName;
    },
    async closeBundle() {
      const bubbleFile = await bubble();
      await sideBuild(
        {
          input: here('src/loader/main.ts'),
          // No "use strict" prologue: the loader is written as a module anyway, and its bytes count.
          output: { format: 'iife', entryFileNames: 'widget.js', strict: false },
        },
        { __PANEL_FILE__: JSON.stringify(panelFile), __BUBBLE_FILE__: JSON.stringify(bubbleFile) },
      );
    },
  };
}

/**
 * Builds the invitation bubble (dist/bubble-<hash>.js), which the loader fetches before the chat
 * opens on sites with proactive rules: a module of its own, so it shares nothing with the panel and
 * stays small. Returns its file name.
 */
function bubble(): Promise<string> {
  return sideBuild({
    input: { bubble: here('src/bubble/main.ts') },
    preserveEntrySignatures: 'strict',
    output: { format: 'es', entryFileNames: '[name]-[hash].js' },
  });
}

/** A build into dist/ beside the panel's, sharing no code with it. Returns its entry's file name. */
async function sideBuild(rollupOptions: Rollup.RollupOptions, define: Record<string, string> = {}): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    esbuild,
    define,
    build: { ...minify, outDir: here('dist'), emptyOutDir: false, copyPublicDir: false, rollupOptions },
  });
  for (const o of Array.isArray(output) ? output : [output]) {
    if (!('output' in o)) continue;
    for (const file of o.output) if (file.type === 'chunk' && file.isEntry) return file.fileName;
  }
  throw new Error(`nothing was built from ${JSON.stringify(rollupOptions.input)}`);
}

/**
 * The panel: one ES module with Preact, socket.io-client and the UI, loaded by the loader with
 * import(); features used by few visitors are chunks it imports when needed, which take Preact
 * and the panel's context from it (`allow-extension` lets the panel export them, instead of
 * Rollup moving them all to a third file).
 */
export default defineConfig({
  esbuild,
  plugins: [transports(), noXhrPolling(), jsonParser(), plainDynamicImport(), loader()],
  build: {
    ...minify,
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    modulePreload: false,
    rollupOptions: {
      input: { panel: here('src/panel/main.tsx') },
      // The long-polling chunk takes WebSocket from the panel, which then exports it beside `mount`
      // (rather than Rollup splitting the panel into a facade and a shared chunk).
      preserveEntrySignatures: 'allow-extension',
      output: { format: 'es', entryFileNames: '[name]-[hash].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
