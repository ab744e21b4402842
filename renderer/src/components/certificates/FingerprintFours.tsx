import { Text, type MantineSize } from '@mantine/core';
import { Fragment } from 'react';
import { fingerprintInFours } from '../../../../core/signing/fingerprintFours';

/**
 * A certificate fingerprint in groups of four ("3FA1 0B2C …"), the way the verslag's signature
 * block prints it: read aloud and compared group by group; a line breaks only between groups,
 * and copying it gives the same spaced text.
 */
export function FingerprintFours({ value, size = 'sm', testId }: { value: string; size?: MantineSize; testId?: string }) {
  return (
    <Text component="span" ff="monospace" size={size} data-testid={testId}>
      {fingerprintInFours(value)
        .split(' ')
        .map((group, index) => (
          <Fragment key={index}>
            {index > 0 && ' '}
            <span style={{ whiteSpace: 'nowrap' }}>{group}</span>
          </Fragment>
        ))}
    </Text>
  );
}
