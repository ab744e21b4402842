import { Box, Text } from '@mantine/core';
import { Fragment, useId } from 'react';
import { fingerprintGroups } from '../../../../core/regio/fingerprintGroups';
import { t } from '../../i18n';

/** A SHA-256 fingerprint in eight groups, to compare group by group; a line breaks only between groups. */
export function Fingerprint({ value, testId = 'region-fingerprint' }: { value: string; testId?: string }) {
  const label = useId();
  return (
    <Box>
      <Text size="sm" id={label}>
        {t.regioSchool.settings.fingerprint}
      </Text>
      <Text ff="monospace" size="sm" fw={600} aria-labelledby={label} data-testid={testId}>
        {fingerprintGroups(value).map((group, index) => (
          <Fragment key={index}>
            {index > 0 && ' '}
            <span style={{ whiteSpace: 'nowrap' }}>{group}</span>
          </Fragment>
        ))}
      </Text>
    </Box>
  );
}
