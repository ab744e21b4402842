import { Text } from '@mantine/core';
import { t } from '../../i18n';
import { AgreementForm } from './AgreementForm';
import { AgreementList } from './AgreementList';
import { Section } from './Section';
import type { ChairItemData } from './types';

/** The item's agreements: open ones from earlier meetings, the ones made now, and the form for a new one. */
export function Agreements({ item }: { item: ChairItemData }) {
  return (
    <Section title={t.chair.agreements}>
      {item.carriedOver.length > 0 && (
        <>
          <Text fw={600} size="sm" mb={4}>
            {t.chair.carriedOver}
          </Text>
          <AgreementList rows={item.carriedOver} actions label={t.chair.carriedOver} />
        </>
      )}
      {item.agreements.length > 0 && (
        <>
          <Text fw={600} size="sm" mt="sm" mb={4}>
            {t.chair.newAgreements}
          </Text>
          <AgreementList rows={item.agreements} actions={false} label={t.chair.newAgreements} />
        </>
      )}
      <AgreementForm item={item} />
    </Section>
  );
}
