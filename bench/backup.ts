import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { encryptInPlace } from '../db/encrypt';
import { checkDatabaseFile, copyDatabase } from '../db/hotCopy';
import { newDatabaseKey } from '../db/keyring';
import { summarize } from './stats';
import { formatTable } from './table';

const ITERATIONS = 7;
/** A backup may cost at most twice a plain copy of the same file (both flushed to disk). */
export const BACKUP_GOAL_RATIO = 2;

export interface BackupResult {
  bytes: number;
  fileCopyP50Ms: number;
  backupP50Ms: number;
  backupP95Ms: number;
  ratio: number;
  /** The integrity_check of the written copy that every backup ends with (not part of the ratio: a file copy checks nothing). */
  checkP50Ms: number;
  status: 'ok' | 'MISS';
}

function timedFileCopy(source: string, target: string): number {
  const start = performance.now();
  fs.copyFileSync(source, target);
  const fd = fs.openSync(target, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  return performance.now() - start;
}

/**
 * Backs up an encrypted copy of the large demo `iterations` times, next to a
 * plain file copy (flushed, like the backup) of the same file.
 */
export async function measureBackup(plainFile: string, dir: string): Promise<BackupResult> {
  const source = path.join(dir, 'backup-source.db');
  fs.copyFileSync(plainFile, source);
  const key = newDatabaseKey();
  await encryptInPlace(source, key);
  const copies: number[] = [];
  const backups: number[] = [];
  const checks: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const plainTarget = path.join(dir, `copy-${i}.db`);
    const backupTarget = path.join(dir, `backup-${i}.db`);
    copies.push(timedFileCopy(source, plainTarget));
    let start = performance.now();
    await copyDatabase(source, key, backupTarget);
    backups.push(performance.now() - start);
    start = performance.now();
    const check = checkDatabaseFile(backupTarget, key, { settle: true });
    checks.push(performance.now() - start);
    if (!check.ok) throw new Error(`backup ${i} failed its check: ${check.problem}`);
    for (const file of [plainTarget, backupTarget]) fs.rmSync(file, { force: true });
  }
  const copy = summarize(copies);
  const backup = summarize(backups);
  const ratio = backup.p50 / copy.p50;
  return {
    bytes: fs.statSync(source).size,
    fileCopyP50Ms: copy.p50,
    backupP50Ms: backup.p50,
    backupP95Ms: backup.p95,
    ratio,
    checkP50Ms: summarize(checks).p50,
    status: ratio <= BACKUP_GOAL_RATIO ? 'ok' : 'MISS',
  };
}

export function backupTable(result: BackupResult): string {
  const ms = (value: number) => value.toFixed(1);
  return formatTable(
    [
      'operation',
      'size MB',
      'file copy p50 ms',
      'backup p50 ms',
      'backup p95 ms',
      'ratio',
      `goal ≤ ${BACKUP_GOAL_RATIO}x`,
      'then check p50 ms',
    ],
    [
      [
        'backup (encrypted snapshot)',
        (result.bytes / 1024 / 1024).toFixed(1),
        ms(result.fileCopyP50Ms),
        ms(result.backupP50Ms),
        ms(result.backupP95Ms),
        `${result.ratio.toFixed(2)}x`,
        result.status,
        ms(result.checkP50Ms),
      ],
    ],
    [false, true, true, true, true, true, false, true],
  );
}
