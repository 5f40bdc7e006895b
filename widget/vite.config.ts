/// <reference types="node" />
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type ESBuildOptions, type Plugin } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const esbuild: ESBuildOptions = { jsx: 'automatic', jsxImportSource: 'preact' };
// Terser makes the panel about 2% smaller than esbuild does, which the size budget needs.
const minify = { minify: 'terser', terserOptions: { compress: { passes: 3 } } } as const;

/**
 * Cascade's server speaks WebSocket only, but engine.io-client's table of transports pulls in
 * long-polling and WebTransport, about 1.5 KB gzip that would never run: give it a table with
 * WebSocket alone.
 */
function websocketOnly(): Plugin {
  const table = '\0cascade:websocket-only';
  let websocket = '';
  return {
    name: 'cascade-websocket-only',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== './transports/index.js' || !importer?.includes('engine.io-client')) return null;
      websocket = join(dirname(importer), 'transports/websocket.js');
      return table;
    },
    load(id) {
      if (id !== table) return null;
      return `import { WS } from ${JSON.stringify(websocket)};\nexport const transports = { websocket: WS };`;
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
 * Vite wraps every import() in a helper that preloads the chunk's CSS and dependencies. The
 * widget's lazy chunks have neither to preload (styles are constructed, module preload is off),
 * so the helper, about 400 B gzip in the panel, becomes a plain call.
 */
function noPreloadHelper(): Plugin {
  return {
    name: 'cascade-no-preload-helper',
    enforce: 'pre',
    load: (id) => (id === '\0vite/preload-helper.js' ? 'export const __vitePreload = (load) => load();' : null),
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
      await build({
        configFile: false,
        logLevel: 'warn',
        esbuild,
        define: { __PANEL_FILE__: JSON.stringify(panelFile) },
        build: {
          ...minify,
          outDir: here('dist'),
          emptyOutDir: false,
          copyPublicDir: false,
          rollupOptions: {
            input: here('src/loader/main.ts'),
            output: { format: 'iife', entryFileNames: 'widget.js' },
          },
        },
      });
    },
  };
}

/** The panel: one ES module with Preact, socket.io-client and the UI, loaded by the loader with import(). */
export default defineConfig({
  esbuild,
  plugins: [websocketOnly(), jsonParser(), noPreloadHelper(), loader()],
  build: {
    ...minify,
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    modulePreload: false,
    rollupOptions: {
      input: { panel: here('src/panel/main.tsx') },
      preserveEntrySignatures: 'allow-extension',
      output: { format: 'es', entryFileNames: '[name]-[hash].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
