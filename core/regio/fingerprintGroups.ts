/**
 * A SHA-256 fingerprint ("3F:A1:…", 32 bytes) in eight groups of four bytes, so a
 * person can compare it with the coordinator's group by group; the characters
 * stay exactly those the coordinator's screen and `cert public` print.
 */
export function fingerprintGroups(fingerprint: string): string[] {
  const bytes = fingerprint.toUpperCase().split(':');
  const groups: string[] = [];
  for (let index = 0; index < bytes.length; index += 4) groups.push(bytes.slice(index, index + 4).join(':'));
  return groups;
}
