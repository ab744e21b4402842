import { Center, Loader } from '@mantine/core';
import { createHashRouter, RouterProvider } from 'react-router';
import { useChannel } from './api';
import { Shell } from './components/Shell';
import { ErrorNotice } from './components/ErrorNotice';
import { SchoolProvider } from './school';
import { Cases } from './screens/Cases';
import { Dashboard } from './screens/Dashboard';
import { CasePage } from './screens/CasePage';
import { ChairPage } from './screens/ChairPage';
import { CloseMeetingPage } from './screens/CloseMeetingPage';
import { MeetingPage } from './screens/MeetingPage';
import { Meetings } from './screens/Meetings';
import { Pupils } from './screens/Pupils';
import { SchoolSettings } from './screens/SchoolSettings';
import { MonitoringPage } from './screens/MonitoringPage';
import { PrivacyPage } from './screens/PrivacyPage';
import { Team } from './screens/Team';
import { VerifyPage } from './screens/VerifyPage';
import { Welcome } from './screens/Welcome';
import { LockScreen } from './screens/LockScreen';
import { DamagedDatabase } from './screens/DamagedDatabase';
import { RecoveryKeyNotice } from './components/RecoveryKeyNotice';
import { useIdleLock } from './useIdleLock';
import { useState } from 'react';
import { t } from './i18n';

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
      { path: 'controleren', element: <VerifyPage /> },
      { path: 'privacy', element: <PrivacyPage /> },
    ],
  },
]);

/** Decides between first start, a database problem, the lock screen and the app itself. */
export function App() {
  const info = useChannel('app.info', undefined);
  // Shown once, right after the database was created or encrypted.
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  if (info.isPending) {
    return (
      <Center h="100vh" aria-label={t.app.loading}>
        <Loader />
      </Center>
    );
  }
  if (info.isError) return <ErrorNotice title={t.welcome.dbErrorTitle} message={info.error.message} />;
  const { database } = info.data;
  if (recoveryKey) return <RecoveryKeyNotice recoveryKey={recoveryKey} onStored={() => setRecoveryKey(null)} />;
  if (database.state === 'missing') return <Welcome onRecoveryKey={setRecoveryKey} />;
  if (database.state === 'error') return <ErrorNotice title={t.welcome.dbErrorTitle} message={database.message} />;
  if (database.state === 'damaged') return <DamagedDatabase newestGood={database.newestGood} backupFolder={database.backupFolder} />;
  if (database.state === 'locked' || database.state === 'unencrypted')
    return <LockScreen database={database} onRecoveryKey={setRecoveryKey} />;
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
