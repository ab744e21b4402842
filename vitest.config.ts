import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,db,electron,cli,scripts,renderer,tests,bench}/**/*.test.{ts,tsx}'],
    // Builds the app once so e2e tests load the current renderer.
    globalSetup: ['tests/e2e/globalSetup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
