import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,db,electron,cli,scripts,renderer,tests,bench}/**/*.test.{ts,tsx}'],
    // Builds the app once so e2e tests load the current renderer.
    globalSetup: ['tests/e2e/globalSetup.ts'],
    // No test process may open a network connection (tests/security/noNetwork.setup.ts).
    setupFiles: ['tests/security/noNetwork.setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // UI polls wait for what a user would wait for; on 2 busy cores that can take a few seconds.
    expect: { poll: { timeout: 8_000, interval: 50 } },
    hookTimeout: 60_000,
  },
});
