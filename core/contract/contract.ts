import { z } from 'zod';
import * as e from './entities';
import type { IpcResult } from './result';

/**
 * The IPC contract: every channel with its input and output schema. Main,
 * preload, renderer and tests all derive from this one object.
 */
export const contract = {
  'app.info': { input: z.undefined(), output: e.appInfo },
  'setup.start': { input: e.setupStart, output: z.object({ schoolId: e.id }) },
  'dashboard.get': { input: e.schoolScope, output: e.dashboard },
  'meetings.list': { input: e.schoolScope, output: z.array(e.meetingSummary) },
  'cases.list': { input: e.schoolScope, output: z.array(e.caseSummary) },
  'roles.list': { input: e.schoolScope, output: z.array(e.role) },
  'members.list': { input: e.schoolScope, output: z.array(e.member) },
  'members.create': { input: e.memberCreate, output: e.member },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (before defaults and trimming). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The one object the preload exposes to the renderer as `window.mdo`. */
export interface MdoApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<IpcResult<Output<C>>>;
}

export type { IpcResult };
