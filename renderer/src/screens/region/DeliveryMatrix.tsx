import { Badge, Button, Card, Popover, Stack, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { Fragment } from 'react';
import { formatShortDate, t } from '../../i18n';
import { periodLabel } from './periodLabel';
import type { DeliveryOverview } from './types';

const s = t.regio.screens.overview;
type Cell = DeliveryOverview['schools'][number]['cells'][number];

// The day in the computer's own time zone (formatShortDate reads a whole moment too).
const day = (moment: string) => formatShortDate(moment);

/**
 * Per school (grouped by gebied) and period, newest period first: delivered with the day it was
 * made, missing, or replaced by a newer file, whose history opens on demand.
 */
export function DeliveryMatrix({ overview }: { overview: DeliveryOverview }) {
  const periods = overview.periods.map(periodLabel);
  // Schools come by gebied (those without one last): a row heads each gebied.
  const groups: { area: string; schools: DeliveryOverview['schools'] }[] = [];
  for (const school of overview.schools) {
    const area = school.areaName ?? s.noArea;
    if (groups.at(-1)?.area !== area) groups.push({ area, schools: [] });
    groups.at(-1)!.schools.push(school);
  }
  return (
    <Card withBorder p={0}>
      <Table.ScrollContainer minWidth={0} type="native">
        <Table verticalSpacing="xs" aria-label={s.matrix} data-testid="delivery-matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{s.school}</Table.Th>
              {periods.map((label) => (
                <Table.Th key={label} scope="col">
                  {label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((group) => (
              <Fragment key={group.area}>
                <Table.Tr bg="gray.0">
                  <Table.Th scope="rowgroup" colSpan={periods.length + 1}>
                    {group.area}
                  </Table.Th>
                </Table.Tr>
                {group.schools.map((school) => (
                  <Table.Tr key={school.regionSchoolId}>
                    <Table.Th scope="row" fw={600} style={{ minWidth: '10rem' }}>
                      {school.name}
                    </Table.Th>
                    {school.cells.map((cell, index) => (
                      <Table.Td key={periods[index]} style={{ verticalAlign: 'top' }}>
                        <CellState cell={cell} school={school.name} period={periods[index]} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function CellState({ cell, school, period }: { cell: Cell; school: string; period: string }) {
  if (!cell.delivered)
    return (
      <Badge variant="light" color="red">
        {s.missing}
      </Badge>
    );
  const replaced = cell.history.length > 0;
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant="light" color={replaced ? 'blue' : 'teal'}>
        {replaced ? s.replaced : s.delivered}
      </Badge>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {s.madeOn(day(cell.delivered.createdAt))}
      </Text>
      {replaced && (
        <Popover width={320} position="bottom-start" withArrow shadow="md">
          <Popover.Target>
            <Button size="compact-xs" variant="subtle" leftSection={<IconHistory size={14} />} aria-label={s.historyFor(school, period)}>
              {s.history}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              <Text component="li" size="sm">
                {s.historyCurrent(day(cell.delivered.createdAt), day(cell.delivered.receivedAt))}
              </Text>
              {cell.history.map((older, index) => (
                <Text component="li" size="sm" key={index}>
                  {s.historyOlder(day(older.createdAt), day(older.receivedAt))}
                </Text>
              ))}
            </Stack>
          </Popover.Dropdown>
        </Popover>
      )}
    </Stack>
  );
}
