import fs from 'node:fs';
import path from 'node:path';
import { RUN_DIR_VARIABLE } from '../fixtures/runTemplate';

const TMPFS_MAGIC = 0x01021994;
/** Room the suite's temporary files need at most at once (demo copies, backups, Chromium profiles), with margin. */
const NEEDED_BYTES = 2 * 1024 ** 3;

/**
 * Points TMPDIR, and with it os.tmpdir() of every test worker and every child process a test
 * starts, at a fresh folder on /dev/shm when that is a memory file system with room; returns
 * the teardown that removes it. SQLite commits with `synchronous = FULL`, and each commit's
 * fsync costs milliseconds on a virtual disk and nothing in memory: the suite commits tens of
 * thousands of times. No test checks what a disk adds: a killed process (tests/crash) leaves
 * its writes in the page cache either way. `MDO_TEST_TMPDIR=disk` keeps the system's folder
 * (and then each test file generates its own demo templates).
 */
export function useMemoryTemp(root = '/dev/shm'): () => void {
  if (process.env.MDO_TEST_TMPDIR === 'disk' || !hasRoom(root)) return () => undefined;
  const dir = fs.mkdtempSync(path.join(root, 'mdo-tests-'));
  // Open to every user like /tmp (sticky): the CLI's read-only cases run as another user (cli/fileKinds.test.ts).
  fs.chmodSync(dir, 0o1777);
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  // The folder lives exactly as long as this run: generated demo templates can be shared in it (runTemplate).
  process.env[RUN_DIR_VARIABLE] = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    delete process.env[RUN_DIR_VARIABLE];
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

function hasRoom(root: string): boolean {
  try {
    const stats = fs.statfsSync(root);
    return stats.type === TMPFS_MAGIC && stats.bavail * stats.bsize >= NEEDED_BYTES;
  } catch {
    return false;
  }
}
