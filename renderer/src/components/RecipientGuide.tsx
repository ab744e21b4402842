import { Group, Stack, Text } from '@mantine/core';
import { t } from '../i18n';
import { ExportButton } from './ExportButton';

/** The guide to send along with a signed verslag, for recipients who check it in Word or LibreOffice without MDO. */
export function RecipientGuide() {
  return (
    <Stack gap={4} mt="md">
      <Text size="sm">{t.recipientGuide.exportHint}</Text>
      <Group>
        <ExportButton request={{ kind: 'recipientGuide' }} label={t.recipientGuide.export} />
      </Group>
    </Stack>
  );
}
