import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card, one per part of an agenda item. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}
