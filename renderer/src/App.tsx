import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { useChannel } from './api';
import { Loading } from './components/Loading';
import { Shell } from './components/Shell';
import { ErrorNotice } from './components/ErrorNotice';
import { SchoolProvider } from './school';
import { Dashboard } from './screens/Dashboard';
import { LockScreen } from './screens/LockScreen';
import { useIdleLock } from './useIdleLock';
import { Suspense, useState } from 'react';
import { t } from './i18n';
import { lazyScreen } from './lazyScreen';

// The first screen (lock screen, then the Dashboard) is in the entry chunk; every
// other screen, with what only it uses (@dnd-kit for the agenda), loads on its first visit.
// So do the screens of a first start and of a damaged file, with their forms (zod, react-hook-form).
const Welcome = lazyScreen(() => import('./screens/Welcome'), 'Welcome');
// The recovery key is shown once, after a first start or a first encryption: not part of the first screen.
const RecoveryKeyNotice = lazyScreen(() => import('./components/RecoveryKeyNotice'), 'RecoveryKeyNotice');
const DamagedDatabase = lazyScreen(() => import('./screens/DamagedDatabase'), 'DamagedDatabase');
const Meetings = lazyScreen(() => import('./screens/Meetings'), 'Meetings');
const MeetingPage = lazyScreen(() => import('./screens/meeting/MeetingPage'), 'MeetingPage');
const ChairPage = lazyScreen(() => import('./screens/chair/ChairPage'), 'ChairPage');
const ProjectorScreen = lazyScreen(() => import('./screens/chair/ProjectorScreen'), 'ProjectorScreen');
// The projector window (main opens it on #/projectie/…) shows one agenda item: no menu, no lock screen, no idle lock of its own.
const projectorWindow = window.location.hash.startsWith('#/projectie/');
const CloseMeetingPage = lazyScreen(() => import('./screens/CloseMeetingPage'), 'CloseMeetingPage');
const Cases = lazyScreen(() => import('./screens/Cases'), 'Cases');
const CasePage = lazyScreen(() => import('./screens/CasePage'), 'CasePage');
const Pupils = lazyScreen(() => import('./screens/Pupils'), 'Pupils');
const Team = lazyScreen(() => import('./screens/Team'), 'Team');
const SchoolSettings = lazyScreen(() => import('./screens/SchoolSettings'), 'SchoolSettings');
const MonitoringPage = lazyScreen(() => import('./screens/MonitoringPage'), 'MonitoringPage');
const RegioContributionPage = lazyScreen(() => import('./screens/RegioContributionPage'), 'RegioContributionPage');
const VerifyPage = lazyScreen(() => import('./screens/VerifyPage'), 'VerifyPage');
const PrivacyPage = lazyScreen(() => import('./screens/PrivacyPage'), 'PrivacyPage');
// A coordinator's region file: its own screens and router, in chunks a school never loads.
const RegionApp = lazyScreen(() => import('./screens/region/RegionApp'), 'RegionApp');

// Hash routes: they work from file://, where the packaged app is loaded.
const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Dashboard /> },
      { path: 'overleggen', element: <Meetings /> },
      { path: 'overleggen/:meetingId', element: <MeetingPage /> },
      { path: 'overleggen/:meetingId/voorzitten/:itemId?', element: <ChairPage /> },
      { path: 'overleggen/:meetingId/afsluiten', element: <CloseMeetingPage /> },
      { path: 'casussen', element: <Cases /> },
      { path: 'casussen/:caseId', element: <CasePage /> },
      { path: 'leerlingen', element: <Pupils /> },
      { path: 'kernteam', element: <Team /> },
      { path: 'school', element: <SchoolSettings /> },
      { path: 'monitoring', element: <MonitoringPage /> },
      { path: 'monitoring/regiobijdrage', element: <RegioContributionPage /> },
      { path: 'controleren', element: <VerifyPage /> },
      { path: 'privacy', element: <PrivacyPage /> },
      // An address of the other mode (a region's screen after restoring a school's backup): the start screen.
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

/** Decides between first start, a database problem, the lock screen and the app itself (a school's or a region's). */
export function App() {
  const info = useChannel('app.info', undefined);
  // Shown once, right after the database was created or encrypted.
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  if (info.isPending) return <Loading fullScreen />;
  if (info.isError) return <ErrorNotice title={t.welcome.dbErrorTitle} message={info.error.message} />;
  const { database } = info.data;
  if (projectorWindow)
    return database.state === 'open' ? (
      <Suspense fallback={null}>
        <ProjectorScreen />
      </Suspense>
    ) : null;
  if (recoveryKey)
    return (
      <Suspense fallback={<Loading fullScreen />}>
        <RecoveryKeyNotice recoveryKey={recoveryKey} onStored={() => setRecoveryKey(null)} />
      </Suspense>
    );
  if (database.state === 'missing')
    return (
      <Suspense fallback={<Loading fullScreen />}>
        <Welcome onRecoveryKey={setRecoveryKey} />
      </Suspense>
    );
  if (database.state === 'error') return <ErrorNotice title={t.welcome.dbErrorTitle} message={database.message} />;
  if (database.state === 'damaged')
    return (
      <Suspense fallback={<Loading fullScreen />}>
        <DamagedDatabase newestGood={database.newestGood} backupFolder={database.backupFolder} />
      </Suspense>
    );
  if (database.state === 'locked' || database.state === 'unencrypted')
    return <LockScreen database={database} onRecoveryKey={setRecoveryKey} />;
  if (database.region)
    return (
      <>
        <IdleLock minutes={database.lockMinutes} />
        <Suspense fallback={<Loading fullScreen />}>
          <RegionApp region={database.region} />
        </Suspense>
      </>
    );
  return (
    <SchoolProvider schools={database.schools}>
      <IdleLock minutes={database.lockMinutes} />
      <RouterProvider router={router} />
    </SchoolProvider>
  );
}

function IdleLock({ minutes }: { minutes: number }) {
  useIdleLock(minutes);
  return null;
}
