import { afterAll } from 'vitest';
import { installNetworkGuard } from './networkGuard';

// Vitest setup file for every test file (vitest.config.ts): the test process runs the real
// main-process code (router, services, database, exports, signing) and drives Chromium over
// a pipe, so it has no reason to touch the network. Any attempt fails where it happens and
// fails the file here, even when the code under test swallowed the error.
const guard = installNetworkGuard();
const seenBefore = guard.attempts.length;

afterAll(() => {
  const attempts = guard.attempts.slice(seenBefore);
  if (attempts.length > 0) {
    throw new Error(`this test file tried to reach the network:\n${attempts.map((a) => `  ${a.api} ${a.target}`).join('\n')}`);
  }
});
