import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../e2e/harness';

export interface LibreOfficeReport {
  /** Per signature: valid, the signer's subject, certificateStatus (CertificateValidity flags, 0 = trusted), partial (not all parts signed). */
  signatures: { valid: boolean; signer: string; certificateStatus: number; partial: boolean }[];
  /** The text of the PDF LibreOffice rendered, when asked for. */
  pdfText?: string;
}

const script = path.join(import.meta.dirname, 'libreofficeSignatures.py');

/** Opens a DOCX in headless LibreOffice: its verdict on each signature, and optionally the text of its PDF rendering. */
export function libreOfficeCheck(docx: Uint8Array, options: { pdf?: boolean } = {}): LibreOfficeReport {
  const temp = tempDir('mdo-lo-');
  try {
    fs.writeFileSync(temp.file('document.docx'), docx);
    const args = [script, temp.file('document.docx'), ...(options.pdf ? [temp.file('document.pdf')] : [])];
    // Debian's python3 has the uno module; a python from elsewhere on PATH does not.
    const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const output = execFileSync(python, args, { encoding: 'utf8', timeout: 120_000 });
    const report = JSON.parse(output.trim().split('\n').at(-1)!) as LibreOfficeReport;
    if (options.pdf) report.pdfText = execFileSync('pdftotext', ['-layout', temp.file('document.pdf'), '-'], { encoding: 'utf8' });
    return report;
  } finally {
    temp.remove();
  }
}

/**
 * The bar LibreOffice shows above a signed document, as sfx2 decides it from the signatures
 * (sfx2/source/doc/signaturestate.cxx and the infobar in viewfrm.cxx, LibreOffice 7.4): the id
 * of its message in LibreOffice's sfx translations.
 */
export function libreOfficeInfobar(signatures: LibreOfficeReport['signatures']): string {
  if (signatures.length === 0) return 'none';
  if (signatures.some((signature) => !signature.valid)) return 'STR_SIGNATURE_BROKEN';
  // CertificateValidity: 0 is VALID; any flag (INVALID, UNTRUSTED, …) means "could not be validated".
  const trusted = signatures.every((signature) => signature.certificateStatus === 0);
  const complete = signatures.every((signature) => !signature.partial);
  if (!trusted && !complete) return 'STR_SIGNATURE_NOTVALIDATED_PARTIAL_OK';
  if (!trusted) return 'STR_SIGNATURE_NOTVALIDATED';
  if (!complete) return 'STR_SIGNATURE_PARTIAL_OK';
  return 'STR_SIGNATURE_OK';
}
