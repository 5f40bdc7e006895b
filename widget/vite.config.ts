/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type ESBuildOptions, type Plugin, type Rollup } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const esbuild: ESBuildOptions = { jsx: 'automatic', jsxImportSource: 'preact' };
// Terser makes the panel about 2% smaller than esbuild does, which the size budget needs.
const minify = { minify: 'terser', terserOptions: { compress: { passes: 3 } } } as const;

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
 * The panel: one ES module with Preact, the socket client and the UI, loaded by the loader with
 * import(); features used by few visitors are chunks it imports when needed, which take Preact
 * and the panel's context from it (`allow-extension` lets the panel export them, instead of
 * Rollup moving them all to a third file).
 */
export default defineConfig({
  esbuild,
  plugins: [plainDynamicImport(), loader()],
  build: {
    ...minify,
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    modulePreload: false,
    rollupOptions: {
      input: { panel: here('src/panel/main.tsx') },
      // Lazy chunks take what they share with the panel from it, which then exports it beside `mount`
      // (rather than Rollup splitting the panel into a facade and a shared chunk).
      preserveEntrySignatures: 'allow-extension',
      output: { format: 'es', entryFileNames: '[name]-[hash].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
