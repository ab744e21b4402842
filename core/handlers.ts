import { LATEST_SCHEMA_VERSION } from '../db/migrate';
import { nl } from './i18n/nl';
import type { Handlers } from './ipc/router';
import { listCases } from './services/cases';
import { getDashboard } from './services/dashboard';
import { listMeetings } from './services/meetings';
import { createMember, listMembers, listRoles } from './services/members';
import { listSchools } from './services/schools';
import { startSetup } from './services/setup';

/** Every IPC channel mapped to its service. Thin on purpose: logic lives in services/. */
export const handlers: Handlers = {
  'app.info': async (_input, { session, appVersion }) => {
    const state = session.state;
    const database =
      state.state === 'open'
        ? { state: 'open' as const, schools: await listSchools(state.handle.db) }
        : state.state === 'error'
          ? { state: 'error' as const, code: state.error.code, message: nl.errors[`DB_${state.error.code}`] }
          : { state: 'missing' as const };
    return { version: appVersion, schemaVersion: LATEST_SCHEMA_VERSION, database };
  },
  'setup.start': (input, { session, clock }) => startSetup(session, input, clock),
  'dashboard.get': ({ schoolId }, { session, clock }) => getDashboard(session.db(), schoolId, clock),
  'meetings.list': ({ schoolId }, { session }) => listMeetings(session.db(), schoolId),
  'cases.list': ({ schoolId }, { session }) => listCases(session.db(), schoolId),
  'roles.list': ({ schoolId }, { session }) => listRoles(session.db(), schoolId),
  'members.list': ({ schoolId }, { session }) => listMembers(session.db(), schoolId),
  'members.create': (input, { session, clock }) => createMember(session.db(), input, clock),
};
