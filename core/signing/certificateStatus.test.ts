import { describe, expect, it } from 'vitest';
import { canSign, certificateStatus, EXPIRES_SOON_DAYS } from './certificateStatus';

const validity = { notBefore: '2026-12-09T08:00:00.000Z', notAfter: '2027-12-09T08:00:00.000Z' };
const at = (iso: string) => new Date(iso);
const day = 86_400_000;

describe('certificate status against the clock', () => {
  it('is not yet valid before its start, even by a second', () => {
    expect(certificateStatus(validity, at('2026-12-05T09:00:00.000Z'))).toBe('notYetValid');
    expect(certificateStatus(validity, at('2026-12-09T07:59:59.000Z'))).toBe('notYetValid');
    expect(canSign('notYetValid')).toBe(false);
  });

  it('is valid from its first moment until 60 days before its end', () => {
    expect(certificateStatus(validity, at(validity.notBefore))).toBe('valid');
    expect(certificateStatus(validity, at('2027-06-01T12:00:00.000Z'))).toBe('valid');
    const justBeforeWarning = new Date(Date.parse(validity.notAfter) - EXPIRES_SOON_DAYS * day - 1000);
    expect(certificateStatus(validity, justBeforeWarning)).toBe('valid');
    expect(canSign('valid')).toBe(true);
  });

  it('expires soon within the last 60 days, and still signs', () => {
    expect(EXPIRES_SOON_DAYS).toBe(60);
    expect(certificateStatus(validity, new Date(Date.parse(validity.notAfter) - EXPIRES_SOON_DAYS * day))).toBe('expiresSoon');
    expect(certificateStatus(validity, at('2027-11-20T08:00:00.000Z'))).toBe('expiresSoon');
    expect(certificateStatus(validity, at(validity.notAfter))).toBe('expiresSoon');
    expect(canSign('expiresSoon')).toBe(true);
  });

  it('is expired after its end', () => {
    expect(certificateStatus(validity, at('2027-12-09T08:00:01.000Z'))).toBe('expired');
    expect(certificateStatus(validity, at('2030-01-01T00:00:00.000Z'))).toBe('expired');
    expect(canSign('expired')).toBe(false);
  });
});
