import { Alert, Stack, Title } from '@mantine/core';
import { IconReportAnalytics } from '@tabler/icons-react';
import { t } from '../../i18n';

const s = t.regio.screens.report;

/** Placeholder for the regional report (route #/regio/rapportage), which a later change puts here. */
export function RegionReportPage() {
  return (
    <Stack>
      <Title order={2}>{s.title}</Title>
      <Alert color="blue" variant="light" icon={<IconReportAnalytics aria-hidden />} maw={900}>
        {s.coming}
      </Alert>
    </Stack>
  );
}
