import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { tempDir } from '../e2e/harness';

export interface XmlsecResult {
  part: string;
  /** The signature and every part it names are intact. */
  ok: boolean;
  /** "n/n" from xmlsec1's "Manifests References (ok/all)" line. */
  manifest: string;
  output: string;
}

/**
 * Verifies every signature part of a DOCX with xmlsec1, an independent
 * XML-DSig implementation. Each manifest URI is mapped to the extracted part,
 * so xmlsec1 checks the document content, not only SignedInfo.
 */
export function xmlsecVerify(docx: Uint8Array): XmlsecResult[] {
  const temp = tempDir('mdo-xmlsec-');
  try {
    const parts = unzipSync(docx);
    for (const [name, bytes] of Object.entries(parts)) {
      fs.mkdirSync(path.dirname(temp.file(name)), { recursive: true });
      fs.writeFileSync(temp.file(name), bytes);
    }
    return Object.keys(parts)
      .filter((name) => /^_xmlsignatures\/sig\d+\.xml$/.test(name))
      .sort()
      .map((part) => {
        const uris = [...strFromU8(parts[part]).matchAll(/<Reference URI="(\/[^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
        const argv = [
          '--verify',
          '--enabled-reference-uris',
          // Package URIs count as "remote" to xmlsec1; every one is mapped to an extracted file below, so nothing is fetched.
          'empty,same-doc,local,remote',
          '--id-attr:Id',
          'http://uri.etsi.org/01903/v1.3.2#:SignedProperties',
          // The personal certificates are self-signed: trust is the fingerprint, checked by people.
          '--insecure',
          ...uris.flatMap((uri) => [`--url-map:${uri}`, `./${uri.slice(1).split('?')[0]}`]),
          part,
        ];
        const run = spawnSync('xmlsec1', argv, { cwd: temp.dir, encoding: 'utf8' });
        const output = `${run.stdout}${run.stderr}`;
        const manifest = /Manifests References \(ok\/all\): (\d+)\/(\d+)/.exec(output);
        // Exit 0 covers only SignedInfo; the document parts are good only when every manifest reference is.
        const ok = run.status === 0 && !!manifest && manifest[1] === manifest[2];
        return { part, ok, manifest: manifest ? `${manifest[1]}/${manifest[2]}` : '', output };
      });
  } finally {
    temp.remove();
  }
}
