import { describe, expect, it } from 'vitest';
import { testKey } from '../../tests/fixtures/regio';
import { tempDir } from '../../tests/e2e/harness';
import { fingerprintGroups } from './fingerprintGroups';

describe('a fingerprint to compare by eye', () => {
  it("is the coordinator's fingerprint in eight groups of four bytes, character for character", () => {
    const temp = tempDir('mdo-fingerprint-');
    try {
      const key = testKey(temp.dir, 'coordinator', 'coordinator', 'Regio Noord');
      const groups = fingerprintGroups(key.fingerprint);
      expect(groups).toHaveLength(8);
      for (const group of groups) expect(group).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){3}$/);
      expect(groups.join(':')).toBe(key.fingerprint);
    } finally {
      temp.remove();
    }
  });
});
