import { Badge, Group, Stack, Text } from '@mantine/core';
import type { z } from 'zod';
import type { regionRecipient } from '../../../../core/contract/regioSchool';
import { formatShortDate, t } from '../../i18n';
import { CertificateStatusBadge } from '../certificates/CertificateStatusBadge';
import { Fingerprint } from './Fingerprint';

export type RegionRecipient = z.infer<typeof regionRecipient>;

const s = t.regioSchool.settings;

/** Who the regiobijdrage is for: name, organisation, until when, its status, and the fingerprint to compare. */
export function RecipientFacts({ recipient }: { recipient: RegionRecipient }) {
  const warning = recipient.status === 'valid' ? null : s.notValid[recipient.status];
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>{recipient.name}</Text>
        <CertificateStatusBadge status={recipient.status} />
        {recipient.fixedByPolicy && (
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
            {s.setByIt}
          </Badge>
        )}
      </Group>
      {recipient.organisation && (
        <Text size="sm">
          {s.organisation}: {recipient.organisation}
        </Text>
      )}
      <Text size="sm">{s.validUntil(formatShortDate(recipient.notAfter))}</Text>
      {warning && (
        <Text size="sm" c={recipient.status === 'expiresSoon' ? 'yellow.9' : 'red.9'}>
          {warning(formatShortDate(recipient.status === 'notYetValid' ? recipient.notBefore : recipient.notAfter))}
        </Text>
      )}
      <Fingerprint value={recipient.fingerprint} />
    </Stack>
  );
}
