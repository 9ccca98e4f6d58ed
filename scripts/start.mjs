#!/usr/bin/env node
/**
 * Starts the Atbalsts server (src/server/main.ts) on the built portal.
 *
 *   npm start                 build, then serve on http://localhost:4321
 *   npm run serve             serve the existing build
 *   node scripts/start.mjs --dist .build/test     serve another build (same as DIST_DIR=…)
 *
 * Configuration: environment variables, see .env.example and docs/deploy.md.
 * Needs Node ≥ 22.18 (TypeScript type stripping); `npm` scripts use the Node 22 that the
 * project installs as a dev dependency.
 */
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `Atbalsts needs Node 22.18 or newer (this is ${process.versions.node}). Run it through npm (npm start / npm run serve), which uses the project's Node 22.\n`,
  );
  process.exit(1);
}

const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dist' && args[i + 1]) process.env.DIST_DIR = args[++i];
  else if (args[i].startsWith('--dist=')) process.env.DIST_DIR = args[i].slice('--dist='.length);
}

const { main } = await import('#src/server/main.ts');
await main().catch((err) => {
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'server.start_failed', code: err?.code ?? 'unknown', message: err?.message })}\n`,
  );
  process.exit(1);
});
