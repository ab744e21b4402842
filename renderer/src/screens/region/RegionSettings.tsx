import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../../api';
import { BackupsPanel } from '../../components/backups/BackupsPanel';
import { SecuritySettings } from '../../components/SecurityPanel';
import { t } from '../../i18n';
import { CoordinatorKeyCard } from './CoordinatorKeyCard';
import { useRegion } from './regionContext';
import { TrustedSigners } from './TrustedSigners';
import { fieldProblem } from './types';

const s = t.regio.screens.settings;

/** The region's name, the coordinator's certificate, the trusted signers, and the security and backups of the file. */
export function RegionSettings() {
  const schools = useChannel('region.schools.list', undefined);
  const region = useRegion();
  return (
    <Stack gap="lg">
      <Title order={2}>{s.title}</Title>
      <RegionName />
      <CoordinatorKeyCard />
      <TrustedSigners />
      {/* Judged with the words main judges it with on a region file: the region's and its schools' names. */}
      <SecuritySettings ownWords={[region.name, ...(schools.data ?? []).map((school) => school.name)]} />
      <BackupsPanel />
    </Stack>
  );
}

function RegionName() {
  const region = useRegion();
  const rename = useChannelMutation('region.rename');
  const [name, setName] = useState(region.name);
  // The name can change underneath the form (a restored backup): show the current one.
  const [shownName, setShownName] = useState(region.name);
  if (shownName !== region.name) {
    setShownName(region.name);
    setName(region.name);
  }
  return (
    <Card withBorder component="section" aria-labelledby="region-name-title">
      <Title order={3} id="region-name-title" mb="xs">
        {s.regionTitle}
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          rename.mutate({ name });
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={s.regionName}
            value={name}
            onChange={(event) => (setName(event.currentTarget.value), rename.reset())}
            error={fieldProblem(rename.error)}
            style={{ flex: '1 1 20rem' }}
          />
          <Button type="submit" loading={rename.isPending}>
            {s.save}
          </Button>
        </Group>
        {rename.isSuccess && (
          <Text size="sm" c="teal.9" mt={4} role="status">
            {s.saved}
          </Text>
        )}
      </form>
    </Card>
  );
}
