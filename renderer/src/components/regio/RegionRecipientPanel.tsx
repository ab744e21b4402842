import { Alert, Button, Card, Divider, Group, Text, Title } from '@mantine/core';
import { IconCertificate, IconTrash } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useChannel, useChannelMutation } from '../../api';
import { t } from '../../i18n';
import { QueryState } from '../QueryState';
import { Fingerprint } from './Fingerprint';
import { RecipientFacts } from './RecipientFacts';

const s = t.regioSchool.settings;

/** Schoolprofiel → Regiomonitor: the coordinator's certificate the school's regiobijdrage is encrypted for. */
export function RegionRecipientPanel({ schoolId }: { schoolId: number }) {
  const heading = useId();
  const recipient = useChannel('regio.recipient', { schoolId });
  const choose = useChannelMutation('regio.chooseRecipient');
  const clear = useChannelMutation('regio.clearRecipient');
  const [done, setDone] = useState('');
  const failure = choose.error ?? clear.error;
  return (
    <Card withBorder component="section" aria-labelledby={heading}>
      <Title order={3} id={heading}>
        {s.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {s.intro}
      </Text>
      <QueryState query={recipient}>
        {(current) => (
          <>
            {current ? (
              <>
                <RecipientFacts recipient={current} />
                <Text size="sm" c="dimmed" mt="xs">
                  {current.fixedByPolicy ? s.setByItHint : s.compare}
                </Text>
              </>
            ) : (
              <Text>{s.none}</Text>
            )}
            {!current?.fixedByPolicy && (
              <Group gap="xs" mt="sm">
                <Button
                  variant="light"
                  leftSection={<IconCertificate size={18} />}
                  loading={choose.isPending}
                  onClick={() => {
                    setDone('');
                    clear.reset();
                    choose.mutate({ schoolId }, { onSuccess: (chosen) => chosen && setDone(s.chosen) });
                  }}
                >
                  {s.choose}
                </Button>
                {current && (
                  <Button
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={18} />}
                    loading={clear.isPending}
                    onClick={() => {
                      setDone('');
                      choose.reset();
                      clear.mutate({ schoolId }, { onSuccess: () => setDone(s.removed) });
                    }}
                  >
                    {s.remove}
                  </Button>
                )}
              </Group>
            )}
          </>
        )}
      </QueryState>
      {failure && (
        <Alert color="red" role="alert" mt="sm">
          {failure.message}
        </Alert>
      )}
      <Text size="sm" c="teal.9" role="status" mt={done ? 'xs' : 0}>
        {done}
      </Text>
      <Divider my="md" />
      <SchoolKey schoolId={schoolId} />
    </Card>
  );
}

/** The fingerprint of the school's own signing key, which the coordinator compares at the first contribution. */
function SchoolKey({ schoolId }: { schoolId: number }) {
  const key = useChannel('regio.schoolKey', { schoolId });
  return (
    <>
      <Title order={4} mb={4}>
        {s.schoolKey}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {s.schoolKeyIntro}
      </Text>
      <QueryState query={key}>
        {(found) =>
          found ? <Fingerprint value={found.fingerprint} testId="school-fingerprint" /> : <Text size="sm">{s.schoolKeyNone}</Text>
        }
      </QueryState>
    </>
  );
}
