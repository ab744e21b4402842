import type { z } from 'zod';
import type { certificateInfo, expectedSigner } from '../contract/entities';
import { formatMoment, formatShortDate } from './formatDate';
import { nl } from './nl';

type Signer = z.infer<typeof expectedSigner>;
type Validity = Pick<z.infer<typeof certificateInfo>, 'notBefore' | 'notAfter' | 'status'>;

const s = nl.signing;

/** "Voorzitter Anna de Vries", or "Voorzitter" when the meeting has no one in that role. */
export function signerWho(signer: Pick<Signer, 'meetingRole' | 'name'>): string {
  return s.who(signer.meetingRole === 'chair' ? nl.docs.chair : nl.docs.minuteTaker, signer.name);
}

/** Where one expected signer stands, as a clause; `finalized` speaks of the moment of vaststellen for those left out of the block. */
export function signerReason(signer: Signer, finalized: boolean): string {
  const then = finalized && !signer.inBlock;
  const from = signer.validFrom ? formatShortDate(signer.validFrom) : '';
  const until = signer.validUntil ? formatShortDate(signer.validUntil) : '';
  switch (signer.state) {
    case 'unassigned':
      return s.state.unassigned;
    case 'noCertificate':
      return then ? s.state.noCertificateAtFinalize : s.state.noCertificate;
    case 'notYetValid':
      return then ? s.state.notYetValidAtFinalize(from) : s.state.notYetValid(from);
    case 'expired':
      return then ? s.state.expiredAtFinalize(until) : s.state.expired(until);
    case 'signed':
      return s.state.signed(formatMoment(signer.signedAt!));
    case 'ready': {
      const ready = !finalized ? s.state.canSign : signer.next ? s.state.ready : s.state.afterChair;
      return signer.certificateStatus === 'expiresSoon' ? `${ready}; ${s.state.expiresSoon(until)}` : ready;
    }
  }
}

/** "Voorzitter Anna de Vries: certificaat is pas geldig vanaf 9 december 2026". */
export function signerLine(signer: Signer, finalized: boolean): string {
  return s.line(signerWho(signer), signerReason(signer, finalized));
}

/** Whether this expected signer's signature will be on the verslag (signed, or can still sign in the block). */
export function willSign(signer: Signer, finalized: boolean): boolean {
  return signer.state === 'signed' || (signer.state === 'ready' && (!finalized || signer.inBlock));
}

/** The plain sentence when a verslag will carry fewer signatures than expected, with one line per missing person; null when complete. */
export function signatureShortfall(signers: Signer[], finalized: boolean): { summary: string; missing: string[]; who: string[] } | null {
  const missing = signers.filter((signer) => !willSign(signer, finalized));
  if (missing.length === 0) return null;
  const will = signers.length - missing.length;
  return {
    summary: finalized ? s.shortfallFinalized(will, signers.length) : s.shortfallPlanned(will, signers.length),
    missing: missing.map((signer) => signerLine(signer, finalized)),
    who: missing.map(signerWho),
  };
}

/** "Geldig van 25 november 2026 tot 24 november 2029". */
export function certificateValidity(certificate: Pick<Validity, 'notBefore' | 'notAfter'>): string {
  return nl.certificates.validity(formatShortDate(certificate.notBefore), formatShortDate(certificate.notAfter));
}

/** The warning under a certificate that is not plainly valid; null when it is. */
export function certificateWarning(certificate: Validity): string | null {
  const detail = nl.certificates.statusDetail;
  if (certificate.status === 'notYetValid') return detail.notYetValid(formatShortDate(certificate.notBefore));
  if (certificate.status === 'expired') return detail.expired(formatShortDate(certificate.notAfter));
  if (certificate.status === 'expiresSoon') return detail.expiresSoon(formatShortDate(certificate.notAfter));
  return null;
}

/** Why a certificate cannot sign today (for the picker), or null when it can. */
export function cannotSignReason(certificate: Validity): string | null {
  if (certificate.status === 'notYetValid') return nl.certificates.cannotSign.notYetValid(formatShortDate(certificate.notBefore));
  if (certificate.status === 'expired') return nl.certificates.cannotSign.expired(formatShortDate(certificate.notAfter));
  return null;
}
