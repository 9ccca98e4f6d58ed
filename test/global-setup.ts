/**
 * Builds the portal once per test run (into .build/test) so page and server tests check the
 * real output. Set ATBALSTS_DIST=<dir> to reuse an existing build (CI builds once).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export default function setup(project: TestProject): void {
  const preset = process.env.ATBALSTS_DIST;
  let dir: string;
  if (preset && existsSync(resolve(preset, 'server/entry.mjs'))) {
    dir = resolve(preset);
  } else {
    dir = resolve('.build/test');
    execFileSync(resolve('node_modules/.bin/astro'), ['build', '--outDir', dir], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
  }
  project.provide('distDir', dir);
}
