import { Alert, Badge, Button, Group, List, Stack, Text, type MantineColor } from '@mantine/core';
import { IconAlertTriangle, IconSignature } from '@tabler/icons-react';
import type { z } from 'zod';
import type { expectedSigner } from '../../../../core/contract/entities';
import { signatureShortfall, signerReason, signerWho } from '../../../../core/i18n/signerText';
import { t } from '../../i18n';

type Signer = z.infer<typeof expectedSigner>;

/** A reason clause on a line of its own starts with a capital. */
const sentence = (clause: string) => clause.charAt(0).toUpperCase() + clause.slice(1);

const badges: Record<Signer['state'], { label: string; color: MantineColor }> = {
  unassigned: { label: t.signing.badge.unassigned, color: 'gray' },
  noCertificate: { label: t.signing.badge.noCertificate, color: 'orange' },
  notYetValid: { label: t.signing.badge.notValid, color: 'red' },
  expired: { label: t.signing.badge.notValid, color: 'red' },
  ready: { label: t.signing.badge.ready, color: 'blue' },
  signed: { label: t.signing.badge.signed, color: 'teal' },
};

/**
 * Every person the verslag should carry a signature of, with their state and
 * the reason when they cannot sign, then plainly how many signatures the
 * verslag will have and whose are missing. `onSign` offers the button to
 * whoever is next.
 */
export function SignerList({ signers, finalized, onSign }: { signers: Signer[]; finalized: boolean; onSign?: (signer: Signer) => void }) {
  const shortfall = signatureShortfall(signers, finalized);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t.signing.expected}
      </Text>
      <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
        {signers.map((signer) => {
          const problem = signer.state !== 'ready' && signer.state !== 'signed';
          return (
            <Stack component="li" key={signer.meetingRole} gap={2}>
              <Group gap="xs" wrap="wrap" align="center">
                <Text size="sm" fw={600}>
                  {signerWho(signer)}
                </Text>
                <Badge variant="light" color={badges[signer.state].color} style={{ flexShrink: 0 }}>
                  {badges[signer.state].label}
                </Badge>
              </Group>
              <Text size="sm" c={problem ? 'red.9' : 'dimmed'}>
                {sentence(signerReason(signer, finalized))}
              </Text>
              {signer.next && onSign && (
                <Group>
                  <Button size="compact-sm" leftSection={<IconSignature size={16} />} onClick={() => onSign(signer)}>
                    {t.signing.signAs(signer.meetingRole === 'chair' ? t.docs.chair : t.docs.minuteTaker)}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        })}
      </Stack>
      {shortfall ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} p="xs">
          <Text size="sm">{shortfall.summary}</Text>
          <List size="sm" mt={4}>
            {shortfall.who.map((who) => (
              <List.Item key={who}>{who}</List.Item>
            ))}
          </List>
          {finalized && (
            <Text size="xs" mt={4}>
              {t.signing.shortfallHint}
            </Text>
          )}
        </Alert>
      ) : (
        signers.length > 0 && (
          <Text size="sm" c="dimmed">
            {t.signing.allExpected(signers.length)}
          </Text>
        )
      )}
    </Stack>
  );
}
