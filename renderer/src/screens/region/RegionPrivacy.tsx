import { Stack, Text, Title } from '@mantine/core';
import { AuditLogPanel } from '../../components/privacy/AuditLogPanel';
import { t } from '../../i18n';

// A region file has no schools of its own: every entry of its log is the file's (schoolId null), which the filter matches for any id.
const WHOLE_FILE = 1;

/** Privacy on a region file: its audit log only (retention and pupil requests are about pupils, which it has none of). */
export function RegionPrivacy() {
  return (
    <Stack>
      <Title order={2}>{t.privacy.title}</Title>
      <Text c="dimmed" maw={900}>
        {t.regio.screens.privacy.intro}
      </Text>
      <AuditLogPanel schoolId={WHOLE_FILE} />
    </Stack>
  );
}
