/** National parameters for Astro and vitest (built with the catalogue in index.ts). Node scripts: load-parameters-from-disk.ts. */
export { parameters } from './index.ts';
