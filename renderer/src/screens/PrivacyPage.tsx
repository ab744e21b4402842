import { Stack, Tabs, Text, Title } from '@mantine/core';
import { IconHourglass, IconListDetails, IconUserShield } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { AuditLogPanel } from '../components/privacy/AuditLogPanel';
import { PupilRequestPanel } from '../components/privacy/PupilRequestPanel';
import { RetentionPanel } from '../components/privacy/RetentionPanel';
import { t } from '../i18n';
import { useSchool } from '../school';

const tabs = ['logboek', 'bewaartermijn', 'leerling'] as const;
type Tab = (typeof tabs)[number];

/**
 * For the privacy officer (FG) and the IB: the audit log, the retention
 * period with its purge, and access and erasure requests about one pupil.
 * The tab and pupil live in the address (#/privacy?tab=leerling&leerling=12),
 * so the pupils list can link straight to a request.
 */
export function PrivacyPage() {
  const { current } = useSchool();
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((name) => name === params.get('tab')) ?? 'logboek';
  const pupilId = Number(params.get('leerling')) || null;
  const go = (next: Tab, pupil: number | null = null) =>
    setParams(pupil ? { tab: next, leerling: String(pupil) } : { tab: next }, { replace: true });
  return (
    <Stack>
      <Title order={2}>{t.privacy.title}</Title>
      <Text c="dimmed" maw={900}>
        {t.privacy.intro}
      </Text>
      <Tabs value={tab} onChange={(value) => go((value as Tab | null) ?? 'logboek', pupilId)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="logboek" leftSection={<IconListDetails size={16} />}>
            {t.privacy.tabs.audit}
          </Tabs.Tab>
          <Tabs.Tab value="bewaartermijn" leftSection={<IconHourglass size={16} />}>
            {t.privacy.tabs.retention}
          </Tabs.Tab>
          <Tabs.Tab value="leerling" leftSection={<IconUserShield size={16} />}>
            {t.privacy.tabs.pupil}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="logboek" pt="md">
          <AuditLogPanel key={current.id} schoolId={current.id} />
        </Tabs.Panel>
        <Tabs.Panel value="bewaartermijn" pt="md">
          <RetentionPanel key={current.id} schoolId={current.id} />
        </Tabs.Panel>
        <Tabs.Panel value="leerling" pt="md">
          <PupilRequestPanel schoolId={current.id} pupilId={pupilId} onPupil={(pupil) => go('leerling', pupil)} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
