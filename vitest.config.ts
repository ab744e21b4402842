import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,db,electron,cli,scripts,renderer,tests,bench}/**/*.test.{ts,tsx}'],
    // Builds the app once so e2e tests load the current renderer.
    globalSetup: ['tests/e2e/globalSetup.ts'],
    // No test process may open a network connection (tests/security/noNetwork.setup.ts).
    setupFiles: ['tests/security/noNetwork.setup.ts'],
    pool: 'forks',
    // One process per worker for all its files: about a third of a run was loading the same modules again per file.
    isolate: false,
    // Two at a time on a 2-core machine: most time is spent waiting on Chromium, LibreOffice, scrypt and child processes.
    maxWorkers: 2,
    // A cap, not a wait: with two workers on two busy cores a whole e2e scenario can take 25 s.
    testTimeout: 90_000,
    // UI polls wait for what a user would wait for; on 2 busy cores that can take a few seconds.
    expect: { poll: { timeout: 8_000, interval: 50 } },
    hookTimeout: 60_000,
  },
});
