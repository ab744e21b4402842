/**
 * A certificate fingerprint ("3F:A1:0B:…", "3fa10b…" or "3F A1 0B …") as upper-case hex
 * in groups of four characters ("3FA1 0B2C …"): easy to read aloud over the phone and to
 * compare with what Word (Windows) and LibreOffice show, whatever separators they use.
 * Pure (no node modules): the renderer shows fingerprints with it too.
 */
export function fingerprintInFours(fingerprint: string): string {
  const hex = fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}
