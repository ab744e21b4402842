/** How many days before its end a certificate is flagged as expiring soon. */
export const EXPIRES_SOON_DAYS = 60;

/** Where a certificate stands on a given day: before, inside (or near the end of) or after its validity. */
export type CertificateStatus = 'notYetValid' | 'expired' | 'expiresSoon' | 'valid';

/** The validity window as stored: ISO moments, both ends included (as X.509 defines them). */
export interface Validity {
  notBefore: string;
  notAfter: string;
}

/** The status of a certificate at `at` (the injected clock's now, never the renderer's own clock). */
export function certificateStatus(validity: Validity, at: Date): CertificateStatus {
  const time = at.getTime();
  if (time < Date.parse(validity.notBefore)) return 'notYetValid';
  const end = Date.parse(validity.notAfter);
  if (time > end) return 'expired';
  return end - time <= EXPIRES_SOON_DAYS * 86_400_000 ? 'expiresSoon' : 'valid';
}

/** Whether a certificate with this status may sign now (expiring soon still signs). */
export function canSign(status: CertificateStatus): boolean {
  return status === 'valid' || status === 'expiresSoon';
}
