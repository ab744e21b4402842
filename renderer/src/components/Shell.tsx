import { Badge, Select, Text } from '@mantine/core';
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
import { t } from '../i18n';
import { AppFrame, type MenuLink } from './AppFrame';
import { GlobalSearch } from './GlobalSearch';
import { useSchool } from '../school';
import { LockButton } from './LockButton';

const links: MenuLink[] = [
  { to: '/', label: t.nav.start, icon: IconHome, exact: true },
  { to: '/overleggen', label: t.nav.meetings, icon: IconCalendarEvent },
  { to: '/casussen', label: t.nav.cases, icon: IconFolders },
  { to: '/leerlingen', label: t.nav.pupils, icon: IconSchool },
  { to: '/kernteam', label: t.nav.team, icon: IconUsersGroup },
  { to: '/monitoring', label: t.nav.monitoring, icon: IconChartBar },
  { to: '/school', label: t.nav.school, icon: IconBuildingCommunity },
  { to: '/controleren', label: t.nav.verify, icon: IconShieldCheck },
  { to: '/privacy', label: t.privacy.title, icon: IconShieldLock },
];

/** The frame around every screen of a school's file: school in the header, navigation on the left. */
export function Shell() {
  const { schools, current, select } = useSchool();
  return (
    <AppFrame
      tagline={t.app.tagline}
      links={links}
      header={(narrow) => (
        <>
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
        </>
      )}
    />
  );
}
