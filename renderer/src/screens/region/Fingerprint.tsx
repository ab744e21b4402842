import { Text } from '@mantine/core';

/**
 * A SHA-256 fingerprint ("AB:CD:…", 32 bytes) in eight groups of four bytes that never break
 * inside: easy to read aloud and compare over the phone, group by group.
 */
export function Fingerprint({ value, size = 'sm' }: { value: string; size?: 'xs' | 'sm' | 'md' }) {
  const bytes = value.split(':');
  const groups = Array.from({ length: Math.ceil(bytes.length / 4) }, (_, index) => bytes.slice(index * 4, index * 4 + 4).join(':'));
  return (
    <Text
      component="span"
      ff="monospace"
      size={size}
      data-testid="fingerprint"
      style={{ display: 'inline-flex', flexWrap: 'wrap', columnGap: '0.75em' }}
    >
      {groups.map((group, index) => (
        <span key={index} style={{ whiteSpace: 'nowrap' }}>
          {group}
        </span>
      ))}
    </Text>
  );
}
