import { ActionIcon, AppShell, Group, NavLink, Text, Title, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { TablerIcon } from '@tabler/icons-react';
import { Suspense, type ReactNode } from 'react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { t } from '../i18n';
import { Loading } from './Loading';

/**
 * Below this width (CSS px: a 1280 px screen at 200 % zoom, a small laptop at 150 %) the menu
 * shrinks to its icons and the header to what must stay: the screen keeps the room for its content.
 */
export const NARROW_QUERY = '(max-width: 56.25em)';

export interface MenuLink {
  to: string;
  label: string;
  icon: TablerIcon;
  /** Active (and aria-current) only on exactly this path: a start screen whose path is the prefix of others. */
  exact?: boolean;
}

/**
 * The frame around every screen, of a school's file and of a region's alike: the app's name and
 * what the header holds on the right, the menu on the left, the screen in the middle.
 */
export function AppFrame({
  tagline,
  links,
  header,
}: {
  tagline: string;
  links: readonly MenuLink[];
  /** The right of the header, given whether the window is narrow. */
  header: (narrow: boolean) => ReactNode;
}) {
  const location = useLocation();
  // Measured on the first render, so a small window never shows the wide menu for a moment.
  const narrow = useMediaQuery(NARROW_QUERY, undefined, { getInitialValueInEffect: false });
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: narrow ? 60 : 220, breakpoint: 0 }} padding={narrow ? 'sm' : 'lg'}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Title order={3} c="indigo.9" style={{ whiteSpace: 'nowrap' }}>
              {t.app.name}
            </Title>
            <Text c="dimmed" size="sm" visibleFrom="sm">
              {tagline}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {header(narrow)}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p={narrow ? 6 : 'xs'} style={{ overflowY: 'auto' }} aria-label={t.nav.menu}>
        {links.map((link) => {
          const active = link.exact ? location.pathname === link.to : location.pathname.startsWith(link.to);
          // Narrow: the icon alone, named for screen readers and by a tooltip on hover and keyboard focus.
          return narrow ? (
            <Tooltip key={link.to} label={link.label} position="right" withArrow events={{ hover: true, focus: true, touch: false }}>
              <ActionIcon
                component={RouterLink}
                to={link.to}
                end={link.exact}
                aria-label={link.label}
                variant={active ? 'filled' : 'subtle'}
                color={active ? undefined : 'dark'}
                size={44}
                mb={4}
              >
                <link.icon size={22} stroke={1.6} />
              </ActionIcon>
            </Tooltip>
          ) : (
            <NavLink
              key={link.to}
              component={RouterLink}
              to={link.to}
              // The router marks its link current (aria-current, which Mantine styles as active) by the same rule.
              end={link.exact}
              label={link.label}
              leftSection={<link.icon size={18} stroke={1.6} />}
              active={active}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        {/* Most screens are lazy chunks (App.tsx): header and navigation stay while one loads. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
