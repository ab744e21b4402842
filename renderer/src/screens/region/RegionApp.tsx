import { Badge, Text } from '@mantine/core';
import { IconAdjustments, IconLayoutGrid, IconMapPins, IconReportAnalytics, IconShieldCheck, IconShieldLock } from '@tabler/icons-react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { AppFrame, type MenuLink } from '../../components/AppFrame';
import { LockButton } from '../../components/LockButton';
import { t } from '../../i18n';
import { lazyScreen } from '../../lazyScreen';
import { RegionContext, useRegion, type RegionHeader } from './regionContext';
import { RegionOverview } from './RegionOverview';

const s = t.regio.screens;
const RegionSchools = lazyScreen(() => import('./RegionSchools'), 'RegionSchools');
const RegionSettings = lazyScreen(() => import('./RegionSettings'), 'RegionSettings');
const RegionReportPage = lazyScreen(() => import('./RegionReportPage'), 'RegionReportPage');
const RegionPrivacy = lazyScreen(() => import('./RegionPrivacy'), 'RegionPrivacy');
const VerifyPage = lazyScreen(() => import('../VerifyPage'), 'VerifyPage');

// Only screens whose channels work on a region file: the school's screens are not in this router at all.
const links: MenuLink[] = [
  { to: '/regio', label: s.nav.overview, icon: IconLayoutGrid, exact: true },
  { to: '/regio/scholen', label: s.nav.schools, icon: IconMapPins },
  { to: '/regio/rapportage', label: s.nav.report, icon: IconReportAnalytics },
  { to: '/regio/instellingen', label: s.nav.settings, icon: IconAdjustments },
  { to: '/controleren', label: t.nav.verify, icon: IconShieldCheck },
  { to: '/privacy', label: t.privacy.title, icon: IconShieldLock },
];

/** The frame of region mode: the region's name (and the demo's mark) in the header, no school picker or pupil search. */
function RegionShell() {
  const region = useRegion();
  return (
    <AppFrame
      tagline={s.nav.tagline}
      links={links}
      header={(narrow) => (
        <>
          <LockButton />
          <Text fw={600} lineClamp={narrow ? 2 : 1} maw={narrow ? 240 : 420} lh={1.2}>
            {region.name}
          </Text>
          {region.isDemo && (
            <Badge color="yellow" variant="filled" autoContrast style={{ flexShrink: 0 }}>
              {s.nav.demoBadge}
            </Badge>
          )}
        </>
      )}
    />
  );
}

// Hash routes, as the school's (App.tsx); any other address (a school's screen) leads to the overview.
const router = createHashRouter([
  {
    path: '/',
    element: <RegionShell />,
    children: [
      { index: true, element: <Navigate to="/regio" replace /> },
      { path: 'regio', element: <RegionOverview /> },
      { path: 'regio/scholen', element: <RegionSchools /> },
      { path: 'regio/rapportage', element: <RegionReportPage /> },
      { path: 'regio/instellingen', element: <RegionSettings /> },
      { path: 'controleren', element: <VerifyPage /> },
      { path: 'privacy', element: <RegionPrivacy /> },
      { path: '*', element: <Navigate to="/regio" replace /> },
    ],
  },
]);

/** The app on a coordinator's region file. */
export function RegionApp({ region }: { region: RegionHeader }) {
  return (
    <RegionContext.Provider value={region}>
      <RouterProvider router={router} />
    </RegionContext.Provider>
  );
}
