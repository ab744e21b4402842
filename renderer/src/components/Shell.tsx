import { ActionIcon, AppShell, Badge, Group, NavLink, Select, Text, Title, Tooltip } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconChartBar,
  IconCalendarEvent,
  IconFolders,
  IconHome,
  IconSchool,
  IconShieldCheck,
  IconShieldLock,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { Suspense } from 'react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { t } from '../i18n';
import { GlobalSearch } from './GlobalSearch';
import { Loading } from './Loading';
import { useSchool } from '../school';
import { LockButton } from './LockButton';

const links = [
  { to: '/', label: t.nav.start, icon: IconHome },
  { to: '/overleggen', label: t.nav.meetings, icon: IconCalendarEvent },
  { to: '/casussen', label: t.nav.cases, icon: IconFolders },
  { to: '/leerlingen', label: t.nav.pupils, icon: IconSchool },
  { to: '/kernteam', label: t.nav.team, icon: IconUsersGroup },
  { to: '/monitoring', label: t.nav.monitoring, icon: IconChartBar },
  { to: '/school', label: t.nav.school, icon: IconBuildingCommunity },
  { to: '/controleren', label: t.nav.verify, icon: IconShieldCheck },
  { to: '/privacy', label: t.privacy.title, icon: IconShieldLock },
];

/**
 * Below this width (CSS px: a 1280 px screen at 200 % zoom, a small laptop at 150 %) the menu
 * shrinks to its icons and the header to what must stay: the screen keeps the room for its content.
 */
export const NARROW_QUERY = '(max-width: 56.25em)';

/** The frame around every screen: school in the header, navigation on the left. */
export function Shell() {
  const { schools, current, select } = useSchool();
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
              {t.app.tagline}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <GlobalSearch compact={narrow} />
            <LockButton />
            {schools.length > 1 ? (
              <Select
                aria-label="School"
                data={schools.map((s) => ({ value: String(s.id), label: s.name }))}
                value={String(current.id)}
                onChange={(value) => value && select(Number(value))}
                allowDeselect={false}
                w={320}
              />
            ) : (
              <Text fw={600} lineClamp={narrow ? 2 : 1} maw={narrow ? 240 : 420} lh={1.2}>
                {current.name}
              </Text>
            )}
            {current.isDemo && (
              <Badge color="yellow" variant="filled" autoContrast>
                {t.app.demoBadge}
              </Badge>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p={narrow ? 6 : 'xs'} style={{ overflowY: 'auto' }} aria-label={t.nav.menu}>
        {links.map((link) => {
          const active = link.to === '/' ? location.pathname === '/' : location.pathname.startsWith(link.to);
          // Narrow: the icon alone, named for screen readers and by a tooltip on hover and keyboard focus.
          return narrow ? (
            <Tooltip key={link.to} label={link.label} position="right" withArrow events={{ hover: true, focus: true, touch: false }}>
              <ActionIcon
                component={RouterLink}
                to={link.to}
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
