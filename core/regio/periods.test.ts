import { describe, expect, it } from 'vitest';
import { lastCompleteQuarter, lastCompleteSchoolYear } from './periods';

describe('the quick choices of a regiobijdrage', () => {
  it.each([
    ['2026-11-25', '2026-07-01', '2026-09-30'],
    // The first day of a quarter has not ended it: the one before is the last whole quarter.
    ['2026-10-01', '2026-07-01', '2026-09-30'],
    ['2026-09-30', '2026-04-01', '2026-06-30'],
    ['2026-01-15', '2025-10-01', '2025-12-31'],
    ['2028-03-31', '2027-10-01', '2027-12-31'],
  ])('on %s the last whole quarter runs from %s to %s', (today, from, to) => {
    expect(lastCompleteQuarter(today)).toEqual({ from, to });
  });

  it.each([
    ['2026-11-25', '2025-08-01', '2026-07-31'],
    ['2026-08-01', '2025-08-01', '2026-07-31'],
    // On 31 July the school year is not over yet.
    ['2026-07-31', '2024-08-01', '2025-07-31'],
    ['2027-01-04', '2025-08-01', '2026-07-31'],
  ])('on %s the last whole school year runs from %s to %s', (today, from, to) => {
    expect(lastCompleteSchoolYear(today)).toEqual({ from, to });
  });
});
