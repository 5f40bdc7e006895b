import { defineConfig } from 'vite';

/** Where `vite` (the dev server) forwards the API and the socket; the Cascade server's default port. */
const server = process.env.CASCADE_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
