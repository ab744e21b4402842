import { Table, type TableProps } from '@mantine/core';
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import { Fragment, useCallback, useState, type FocusEvent, type Key, type ReactNode } from 'react';

/** Up to this many rows a table renders them all: cheap, and nothing to get wrong for the demo school's 40 pupils. */
export const VIRTUAL_THRESHOLD = 100;

/** What a row spreads onto its <Table.Tr>, so the virtualizer can measure it and screen readers know where it is. */
export interface RowProps {
  ref?: (row: HTMLTableRowElement | null) => void;
  'data-index': number;
  'aria-rowindex'?: number;
}

interface VirtualTableProps<T> extends Omit<TableProps, 'children'> {
  /** The header cells (<Table.Th>); their row is made here. */
  head: ReactNode;
  /** How many columns a row has: the spacer rows span them all. */
  columns: number;
  items: readonly T[];
  rowKey: (item: T) => Key;
  /** One <Table.Tr {...props}> for the item. */
  row: (item: T, props: RowProps) => ReactNode;
  /** A typical row's height in px; rows are measured once rendered. */
  estimateRowHeight: number;
  threshold?: number;
}

/**
 * A real <table> for lists that grow with the years (1300 pupils, 1000+ cases):
 * beyond the threshold only the rows near the viewport are in the DOM, between
 * two spacer rows, while the page keeps scrolling as a whole (AppShell, window scroll).
 * Screen readers get the full count from aria-rowcount and aria-rowindex.
 */
export function VirtualTable<T>({
  head,
  columns,
  items,
  rowKey,
  row,
  estimateRowHeight,
  threshold = VIRTUAL_THRESHOLD,
  ...table
}: VirtualTableProps<T>) {
  const virtual = items.length > threshold;
  // In a narrow window (200 % zoom) a table wider than the page scrolls by itself, and the page does not.
  return (
    <Table.ScrollContainer minWidth={0} type="native">
      <Table {...table} aria-rowcount={virtual ? items.length + 1 : undefined}>
        <Table.Thead>
          <Table.Tr aria-rowindex={virtual ? 1 : undefined}>{head}</Table.Tr>
        </Table.Thead>
        {virtual ? (
          <WindowRows items={items} rowKey={rowKey} row={row} columns={columns} estimateRowHeight={estimateRowHeight} />
        ) : (
          <Table.Tbody>
            {items.map((item, index) => (
              <Fragment key={rowKey(item)}>{row(item, { 'data-index': index })}</Fragment>
            ))}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

type WindowRowsProps<T> = Pick<VirtualTableProps<T>, 'items' | 'rowKey' | 'row' | 'columns' | 'estimateRowHeight'>;

function WindowRows<T>({ items, rowKey, row, columns, estimateRowHeight }: WindowRowsProps<T>) {
  // Where the body starts on the page: the virtualizer counts window scroll from the top of the document.
  const [scrollMargin, setScrollMargin] = useState(0);
  const measureOffset = useCallback((tbody: HTMLTableSectionElement | null) => {
    if (!tbody) return;
    const measure = () => setScrollMargin(Math.round(tbody.getBoundingClientRect().top + window.scrollY));
    measure();
    // Content above the table can change height (a notice, a wrapped title); the page's height changes with it.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  // The row holding keyboard focus stays in the DOM even when scrolled away, so focus is never dropped onto <body>.
  const [focused, setFocused] = useState<number | null>(null);
  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const index = (event.target as HTMLElement).closest('tr[data-index]')?.getAttribute('data-index');
    setFocused(index == null ? null : Number(index));
  };
  const onBlur = (event: FocusEvent<HTMLTableSectionElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(null);
  };
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return focused === null || indexes.includes(focused) ? indexes : [...indexes, focused].sort((a, b) => a - b);
    },
    [focused],
  );
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => estimateRowHeight,
    overscan: 10,
    scrollMargin,
    getItemKey: (index) => rowKey(items[index]),
    rangeExtractor,
  });

  const rows: ReactNode[] = [];
  let covered = 0; // px of the body already filled by rows or spacers
  for (const item of virtualizer.getVirtualItems()) {
    const gap = item.start - scrollMargin - covered;
    // Mantine stripes rows by :nth-of-type, so a row keeps the DOM position parity it has in the full table.
    const parityOff = rows.length % 2 !== item.index % 2;
    if (gap > 0 || parityOff) rows.push(<Spacer key={`gap-${item.key}`} columns={columns} height={Math.max(gap, 0)} />);
    if (gap > 0 && !parityOff) rows.push(<Spacer key={`pad-${item.key}`} columns={columns} height={0} />);
    rows.push(
      <Fragment key={item.key}>
        {row(items[item.index], { ref: virtualizer.measureElement, 'data-index': item.index, 'aria-rowindex': item.index + 2 })}
      </Fragment>,
    );
    covered = item.end - scrollMargin;
  }
  const rest = virtualizer.getTotalSize() - covered;
  if (rest > 0) rows.push(<Spacer key="rest" columns={columns} height={rest} />);

  return (
    <Table.Tbody ref={measureOffset} onFocus={onFocus} onBlur={onBlur}>
      {rows}
    </Table.Tbody>
  );
}

/** Stands in for the rows that are not rendered; hidden from screen readers, which count rows by aria-rowindex. */
function Spacer({ columns, height }: { columns: number; height: number }) {
  return (
    <tr aria-hidden="true">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
