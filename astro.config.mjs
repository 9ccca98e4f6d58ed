// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import cspAudit from './src/integrations/csp-audit.ts';
import precompress from './src/integrations/precompress.ts';

// Pages are prerendered (static HTML); only routes that export `prerender = false`
// (form endpoints, the no-JS estimator) run on the Node server.
// The adapter runs in middleware mode: scripts/start.mjs owns the HTTP server so it can send
// precompressed static files, add security headers and run the outbox worker.
export default defineConfig({
  output: 'static',
  // The public origin (same variable as the server's), when set at build time, makes hreflang
  // alternates absolute URLs as search engines want them; unset, they stay relative.
  site: process.env.PUBLIC_ORIGIN || undefined,
  adapter: node({ mode: 'middleware' }),
  // csp-audit records inline elements for the CSP; precompress writes .br/.gz (last: final HTML).
  integrations: [preact(), cspAudit(), precompress()],
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  // Same-origin checks are done by src/server (guards/same-origin.ts) against PUBLIC_ORIGIN:
  // Astro's own check compares with the URL it sees, which is http:// behind a TLS proxy, and
  // refuses JSON clients that send no Origin — both wrong for us.
  security: { checkOrigin: false },
  // No inlined <script>: every component script becomes a file, allowed by CSP `script-src 'self'`.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
