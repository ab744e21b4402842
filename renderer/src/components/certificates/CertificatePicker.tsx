import { Group, Select, Stack, Text } from '@mantine/core';
import { cannotSignReason, certificateValidity, certificateWarning } from '../../../../core/i18n/signerText';
import { canSign } from '../../../../core/signing/certificateStatus';
import { useChannel } from '../../api';
import { t } from '../../i18n';
import { CertificateStatusBadge } from './CertificateStatusBadge';

/**
 * The one certificate picker: every certificate of the school with its holder,
 * validity and status; those that cannot sign today (not yet valid, expired,
 * or already on this verslag) are shown but disabled, with the reason.
 */
export function CertificatePicker({
  schoolId,
  value,
  onChange,
  label = t.signing.signWith,
  signedFingerprints = [],
  autoFocus = false,
}: {
  schoolId: number;
  value: number | null;
  onChange: (certificateId: number | null) => void;
  label?: string;
  /** Certificates that already signed this document. */
  signedFingerprints?: string[];
  autoFocus?: boolean;
}) {
  const certificates = useChannel('certificates.list', { schoolId });
  const list = certificates.data ?? [];
  const reasonOf = (certificate: (typeof list)[number]) =>
    signedFingerprints.includes(certificate.fingerprint) ? t.certificates.cannotSign.signed : cannotSignReason(certificate);
  const byId = new Map(list.map((certificate) => [String(certificate.id), certificate]));
  const chosen = value === null ? undefined : byId.get(String(value));
  const usable = list.filter((certificate) => canSign(certificate.status) && !signedFingerprints.includes(certificate.fingerprint));
  return (
    <Stack gap={4}>
      <Select
        label={label}
        placeholder={t.certificates.pick}
        data={list.map((certificate) => {
          const reason = reasonOf(certificate);
          return {
            value: String(certificate.id),
            label: `${certificate.name}${certificate.role ? ` (${certificate.role})` : ''}${reason ? ` — ${reason}` : ''}`,
            disabled: reason !== null,
          };
        })}
        renderOption={({ option }) => {
          const certificate = byId.get(option.value)!;
          const reason = reasonOf(certificate);
          return (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {certificate.name}
                {certificate.role ? ` (${certificate.role})` : ''}
              </Text>
              <Group gap={6} wrap="wrap">
                <Text size="xs">{certificateValidity(certificate)}</Text>
                <CertificateStatusBadge status={certificate.status} />
              </Group>
              {reason && (
                <Text size="xs" c="red.9">
                  {reason}
                </Text>
              )}
            </Stack>
          );
        }}
        value={chosen ? String(chosen.id) : null}
        onChange={(next) => onChange(next ? Number(next) : null)}
        description={chosen ? `${certificateValidity(chosen)}. ${certificateWarning(chosen) ?? ''}`.trim() : undefined}
        data-autofocus={autoFocus || undefined}
        comboboxProps={{ withinPortal: true }}
      />
      {certificates.isSuccess && usable.length === 0 && (
        <Text size="sm" c="dimmed">
          {t.certificates.noneUsable}
        </Text>
      )}
    </Stack>
  );
}
