import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileSearch, IconInfoCircle } from '@tabler/icons-react';
import type { z } from 'zod';
import type { signerReport, verifyReport } from '../../../core/contract/entities';
import { useChannelMutation } from '../api';
import { formatMoment, t } from '../i18n';
import { RecipientGuide } from '../components/RecipientGuide';
import { FingerprintFours } from '../components/certificates/FingerprintFours';

type Report = z.infer<typeof verifyReport>;
type Signer = z.infer<typeof signerReport>;

const statusColor = { valid: 'teal', changed: 'red', invalid: 'red' } as const;

/** "Verslag controleren": anyone who received a verslag checks its signatures and whether it changed. */
export function VerifyPage() {
  const verify = useChannelMutation('documents.verify');
  const result = verify.data;
  return (
    <Stack maw={860}>
      <Title order={2}>{t.verify.title}</Title>
      <Text>{t.verify.intro}</Text>
      <Group>
        <Button leftSection={<IconFileSearch size={18} />} onClick={() => verify.mutate(undefined)} loading={verify.isPending}>
          {t.verify.choose}
        </Button>
      </Group>
      {verify.error && (
        <Text c="red.9" role="alert">
          {verify.error.message}
        </Text>
      )}
      {result && (
        <Stack>
          <Text fw={600}>{t.verify.file(result.fileName)}</Text>
          <Verdict report={result.report} />
          {result.report.kind === 'signed' && result.report.signers.map((signer) => <SignerCard key={signer.part} signer={signer} />)}
        </Stack>
      )}
      <RecipientGuide />
    </Stack>
  );
}

function Verdict({ report }: { report: Report }) {
  if (report.kind === 'not-docx') return <Alert color="red" icon={<IconAlertTriangle />} title={t.verify.notDocx} role="alert" />;
  if (report.kind === 'unsigned') return <Alert color="yellow" icon={<IconInfoCircle />} title={t.verify.unsigned} role="alert" />;
  return report.valid ? (
    <Alert color="teal" icon={<IconCircleCheck />} title={t.verify.allValid} role="status" />
  ) : (
    <Alert color="red" icon={<IconAlertTriangle />} title={t.verify.notValid} role="alert" />
  );
}

function SignerCard({ signer }: { signer: Signer }) {
  const rows: [string, string][] = [
    [t.verify.signer, signer.name ?? '—'],
    ...(signer.claimedRole ? [[t.verify.role, signer.claimedRole] as [string, string]] : []),
    ...(signer.organisation ? [[t.verify.organisation, signer.organisation] as [string, string]] : []),
    [t.verify.signedAt, signer.signedAt ? formatMoment(signer.signedAt) : '—'],
  ];
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{signer.name ?? '—'}</Text>
        <Badge color={statusColor[signer.status]} variant="light" size="lg">
          {t.verify.status[signer.status]}
        </Badge>
      </Group>
      <Stack gap={2}>
        {rows.map(([label, value]) => (
          <Text key={label} size="sm">
            <Text span fw={600}>
              {label}:
            </Text>{' '}
            {value}
          </Text>
        ))}
        <Text size="sm" fw={600} mt={4}>
          {t.verify.fingerprint}
        </Text>
        {signer.fingerprint ? <FingerprintFours value={signer.fingerprint} testId="verify-fingerprint" /> : <Text size="sm">—</Text>}
        {signer.sha1Fingerprint && (
          <>
            <Text size="sm" fw={600} mt={4}>
              {t.recipientGuide.sha1}
            </Text>
            <FingerprintFours value={signer.sha1Fingerprint} testId="verify-sha1" />
          </>
        )}
        <Text size="sm" c={signer.inSignatureBlock ? 'teal.9' : 'dimmed'}>
          {signer.inSignatureBlock ? t.verify.inBlock : t.verify.notInBlock}
        </Text>
        {signer.selfSigned ? (
          <Text size="sm" c="dimmed">
            {t.verify.selfSigned}
          </Text>
        ) : (
          signer.issuer && (
            <Text size="sm" c="dimmed">
              {t.verify.issuedBy(signer.issuer)}
            </Text>
          )
        )}
      </Stack>
    </Card>
  );
}
