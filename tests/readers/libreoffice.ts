import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../e2e/harness';

export interface LibreOfficeReport {
  signatures: { valid: boolean; signer: string }[];
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
