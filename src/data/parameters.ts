/** National parameters for Astro and vitest (Vite raw import). Node scripts: load-parameters-from-disk.ts. */
import text from './national/parameters.yaml?raw';
import { buildParameters } from './build-parameters.ts';
import { catalogue } from './index.ts';

export const parameters = buildParameters({ path: 'src/data/national/parameters.yaml', text }, catalogue.sources);
