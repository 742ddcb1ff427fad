import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import { configDefaults } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { startAfterFirstPaint } from './src/lib/shell/startAfterFirstPaint.ts';
import { withColourSchemeScript } from './src/lib/shell/colourSchemeScript.ts';

// Browser-side infrastructure that runs against a DOM (the query client, start data, page settling).
const libDomTests = [
  'src/lib/shell/retry.test.ts',
  'src/lib/shell/whenPageSettled.test.ts',
  'src/lib/shell/afterNextPaint.test.ts',
  'src/startup/**/*.test.ts',
];
const storeTests = ['server/store/**/*.test.ts', 'server/**/*.postgres.test.ts'];

const DEV_ORIGIN = 'http://localhost:5173';
// The console server `npm start` runs with the same PORT (server/config.ts's default, 4173).
const CONSOLE_SERVER = `http://localhost:${process.env.PORT || 4173}`;
// `npm run dev`: the dev server passes /v1 and /console to the console server as if its own page
// had asked: `Host` and, for the dev page's own requests only, `Origin` name the console server,
// whose Host allowlist and same-origin rule (server/pipeline/) would refuse the dev origin.
const toConsoleServer: ProxyOptions = {
  target: CONSOLE_SERVER,
  changeOrigin: true,
  configure: (proxy) => {
    proxy.on('proxyReq', (proxyRequest, request) => {
      if (request.headers.origin === DEV_ORIGIN) proxyRequest.setHeader('origin', CONSOLE_SERVER);
    });
  },
};

/**
 * The built console page starts its app after its first paint
 * (src/lib/shell/startAfterFirstPaint.ts).
 */
const startConsoleAfterFirstPaint: Plugin = {
  name: 'start-console-after-first-paint',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html, context) =>
      context.filename.endsWith('/index.html') ? startAfterFirstPaint(html) : html,
  },
};

/** Both pages' colour-scheme script, from one source (src/lib/shell/colourSchemeScript.ts). */
const colourSchemeBeforeFirstPaint: Plugin = {
  name: 'colour-scheme-before-first-paint',
  transformIndexHtml: { order: 'pre', handler: (html) => withColourSchemeScript(html) },
};

export default defineConfig(({ isSsrBuild, mode }) => ({
  plugins: [react(), colourSchemeBeforeFirstPaint, startConsoleAfterFirstPaint],
  server: {
    port: 5173,
    strictPort: true,
    // `npm run dev` talks to a console server started with `npm start` (on PORT, else 4173).
    proxy: { '/v1': toConsoleServer, '/console': toConsoleServer },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser the console supports preloads modules natively: no polyfill on the first page.
    modulePreload: { polyfill: false },
  },
  // The server-side render of the list's frame (src/prerender.tsx, `vite build --ssr`): one file with
  // React, Mantine and the routes inside, production builds, loaded by the console server.
  ssr: { noExternal: true },
  ...(isSsrBuild && {
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      target: 'node20',
      copyPublicDir: false,
      outDir: 'dist/ssr',
      emptyOutDir: false,
      rollupOptions: { input: 'src/prerender.tsx' },
    },
  }),
  // The compact lookup page (lookup.html, src/lookupMain.tsx), built on its own (`vite build
  // --mode lookup`, after the console's build, into the same dist/): a graph of its own shares no
  // chunk with the console's, so neither page loads code only the other needs (the lookup's JS
  // budget is 100 KB gzip, the list's 150 KB). server/page-html.ts serves it at /chatbots/:id/lookup.
  ...(mode === 'lookup' && {
    build: {
      target: 'es2022',
      sourcemap: false,
      modulePreload: { polyfill: false },
      copyPublicDir: false,
      emptyOutDir: false,
      rollupOptions: {
        input: { lookup: 'lookup.html' },
        output: {
          entryFileNames: 'assets/lookup-[hash].js',
          chunkFileNames: 'assets/lookup-[name]-[hash].js',
          assetFileNames: 'assets/lookup-[name]-[hash][extname]',
        },
      },
    },
  }),
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'server/**/*.test.ts',
            'src/api/**/*.test.ts',
            'src/lib/**/*.test.ts',
            'src/*.test.ts',
            'bench/**/*.test.ts',
            'e2e/**/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, ...storeTests, ...libDomTests],
          testTimeout: 30_000,
        },
      },
      {
        // The store's tests run against SQLite and a throwaway PostgreSQL cluster that the
        // global setup starts once per run (server/store/test-support/). A server test that needs
        // PostgreSQL too is named *.postgres.test.ts and gets it with inject('postgres').
        extends: true,
        test: {
          name: 'store',
          environment: 'node',
          include: storeTests,
          globalSetup: ['server/store/test-support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: [
            'src/**/*.test.tsx',
            'src/hooks/**/*.test.ts',
            'src/components/**/*.test.ts',
            ...libDomTests,
          ],
          setupFiles: ['src/test/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
}));
