/**
 * Lists exports that nothing imports: `node scripts/unused-exports.ts`. Scans src/, test/,
 * scripts/, bench/ and the config files; an export of src/ that no module imports is printed as
 * `file: name`. Astro pages and the integrations are left out, because Astro itself reads their
 * exports (getStaticPaths, prerender, GET/POST, the integration factory). A name used only inside
 * its own file is listed too: drop the `export`, keep the code.
 */
import { join } from 'node:path';
import { ROOT, scanFile, scanTree, unusedExports } from '../test/support/imports.ts';

const modules = scanTree('src', 'test', 'scripts', 'bench');
for (const config of ['astro.config.mjs', 'vitest.config.ts', 'vitest.e2e.config.ts']) {
  const file = join(ROOT, config);
  modules.set(file, scanFile(file));
}
const frameworkRead = (file: string) => file.startsWith(join(ROOT, 'src/pages/')) || file.endsWith('.astro');
const list = unusedExports(modules, (file) => file.startsWith(join(ROOT, 'src/')) && !frameworkRead(file));
for (const line of list) console.log(line);
console.error(`${list.length} unused exports`);
