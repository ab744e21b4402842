import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/e2e/harness';
import { readJustifications, scan } from './electronegativity';

// The security script's judge, offline (the no-network guard of every test file is on):
// it finds a window without isolation and holds each finding against the justifications.
describe('electronegativity script', () => {
  const temp = tempDir('mdo-electronegativity-test-');
  afterAll(() => temp.remove());
  fs.writeFileSync(temp.file('package.json'), JSON.stringify({ name: 'x', devDependencies: { electron: '45.5.0' } }));
  fs.mkdirSync(path.join(temp.dir, 'main'));
  fs.writeFileSync(
    temp.file('main/index.js'),
    "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
  );

  it('fails an insecure window, and a justification matches by check and file only', { timeout: 60_000 }, async () => {
    const verdict = await scan(temp.dir, [], '45.5.0');
    expect(verdict.unparsed).toEqual([]);
    const checks = verdict.unjustified.map((finding) => `${finding.severity} ${finding.check} ${finding.file}`);
    expect(checks).toContain('HIGH CONTEXT_ISOLATION_JS_CHECK main/index.js');
    expect(checks).toContain('MEDIUM SANDBOX_JS_CHECK main/index.js');
    // No will-navigate handler anywhere: the global check notices.
    expect(checks).toContain('HIGH LIMIT_NAVIGATION_GLOBAL_CHECK N/A');

    const justified = await scan(
      temp.dir,
      [
        { check: 'SANDBOX_JS_CHECK', file: 'main/index.js', reason: 'a test of the judge' },
        { check: 'SANDBOX_JS_CHECK', file: 'main/other.js', reason: 'a test of the judge' },
      ],
      '45.5.0',
    );
    expect(justified.unjustified.map((finding) => finding.check)).not.toContain('SANDBOX_JS_CHECK');
    expect(justified.unjustified.map((finding) => finding.check)).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(justified.stale).toEqual([{ check: 'SANDBOX_JS_CHECK', file: 'main/other.js', reason: 'a test of the judge' }]);
  });

  it('reads the checked-in justifications, each with a reason', () => {
    const justifications = readJustifications();
    expect(justifications.length).toBeGreaterThan(0);
    for (const justification of justifications) expect(fs.existsSync(path.resolve(justification.file)), justification.file).toBe(true);
  });
});
