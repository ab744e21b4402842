import { describe, expect, it } from 'vitest';
import { bytesToMb, kbToMb, parseChildReport } from './memoryReport';

const report = { mode: 'app', rss: 200 * 1024 * 1024, heapUsed: 1, heapTotal: 2, external: 3, arrayBuffers: 4, maxRssKb: 307200, calls: 9 };

describe('memory child report', () => {
  it('reads the last line, after whatever the child logged before it', () => {
    const stdout = `Unlocking...\n{"not":"it"}\n${JSON.stringify(report)}\n\n`;
    expect(parseChildReport(stdout)).toEqual(report);
  });

  it('keeps only the known fields', () => {
    expect(parseChildReport(JSON.stringify({ ...report, extra: 'x' }))).toEqual(report);
  });

  it('says what the child printed when there is no report', () => {
    expect(() => parseChildReport('Error: boom\n')).toThrow(/printed no report: "Error: boom/);
    expect(() => parseChildReport('')).toThrow(/printed no report/);
  });

  it('refuses a report with a missing, negative or non-numeric field, or without a mode', () => {
    expect(() => parseChildReport(JSON.stringify({ ...report, rss: undefined }))).toThrow(/no valid rss/);
    expect(() => parseChildReport(JSON.stringify({ ...report, maxRssKb: -1 }))).toThrow(/no valid maxRssKb/);
    expect(() => parseChildReport(JSON.stringify({ ...report, calls: '9' }))).toThrow(/no valid calls/);
    expect(() => parseChildReport(JSON.stringify({ ...report, mode: 'other' }))).toThrow(/no mode/);
    expect(() => parseChildReport('null')).toThrow(/no mode/);
  });
});

describe('MB conversions', () => {
  it('uses MiB for bytes and for maxRSS kilobytes alike', () => {
    expect(bytesToMb(300 * 1024 * 1024)).toBe(300);
    expect(kbToMb(307200)).toBe(300);
  });
});
