// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';

// Pages are prerendered (static HTML); only routes that export `prerender = false`
// (form endpoints, the no-JS estimator) run on the Node server.
// The adapter runs in middleware mode: scripts/start.mjs owns the HTTP server so it can send
// precompressed static files, add security headers and run the outbox worker.
export default defineConfig({
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  integrations: [preact()],
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  security: { checkOrigin: true },
  devToolbar: { enabled: false },
});
