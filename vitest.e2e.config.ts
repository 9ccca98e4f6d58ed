import { defineConfig } from 'vitest/config';

// Browser journeys in real Debian Chromium (playwright-core). `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    globalSetup: ['test/global-setup.ts'],
    // One browser-heavy file at a time: CI machines have 2 cores.
    fileParallelism: false,
  },
});
