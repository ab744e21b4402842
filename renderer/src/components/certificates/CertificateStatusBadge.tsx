import { Badge, type MantineColor } from '@mantine/core';
import type { CertificateStatus } from '../../../../core/signing/certificateStatus';
import { t } from '../../i18n';

const colors: Record<CertificateStatus, MantineColor> = { notYetValid: 'orange', expired: 'red', expiresSoon: 'yellow', valid: 'teal' };

/** "Nog niet geldig", "Verlopen", "Verloopt binnenkort" or "Geldig", in the colour of its urgency. */
export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  return (
    <Badge variant="light" color={colors[status]} style={{ flexShrink: 0 }}>
      {t.certificates.status[status]}
    </Badge>
  );
}
