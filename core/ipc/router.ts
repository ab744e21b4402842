import { z } from 'zod';
import { DbOpenError, storageProblem } from '../../db/openErrors';
import { contract, isChannel, type Channel, type Output, type ParsedInput } from '../contract/contract';
import type { ErrorCode, IpcError, IpcResult } from '../contract/result';
import { channelKind } from '../contract/modes';
import { idRefs } from '../contract/ownership';
import { dateOrderFailure, triggerRule } from '../dateOrder';
import { MalformedXmlError } from '../documents/xmlText';
import { AppError, FieldError } from '../errors';
import { nl } from '../i18n/nl';
import { assertOneSchool } from '../services/ownership';
import { assertDatabaseKind } from '../services/region/databaseKind';
import type { Context } from './context';

// Field messages of validation errors in Dutch.
z.config(z.locales.nl());

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: Context) => Promise<Output<C>> | Output<C>;

export type Handlers = { [C in Channel]: Handler<C> };

/** What a router reports about a failed call: code and channel only, never payload data. */
export type FailureLog = (entry: { channel: string; code: ErrorCode; error?: unknown }) => void;

export interface Router {
  call(channel: unknown, payload: unknown): Promise<IpcResult<unknown>>;
}

/** Validates input, refuses a channel of the other kind of database and records of two schools in one call, runs the handler, validates output, and turns every failure into a typed Dutch error. */
export function createRouter(handlers: Handlers, ctx: Context, log: FailureLog = defaultLog): Router {
  return {
    async call(channel, payload) {
      if (!isChannel(channel)) return failure('UNKNOWN_CHANNEL');
      const spec = contract[channel];
      const parsed = spec.input.safeParse(payload);
      if (!parsed.success) return failure('VALIDATION', fieldsOf(parsed.error));
      try {
        // A school's channel on a region database or the other way round: refused before the handler runs.
        // While locked or before set-up the handler answers as it always did (LOCKED, NO_DATABASE).
        const kind = channelKind(channel);
        if (kind && ctx.session.state.state === 'open') await assertDatabaseKind(ctx.session.db(), kind);
        // No call may tie records of two schools together: refused before the handler can write.
        const refs = idRefs(channel, parsed.data);
        if (refs.length > 1) await assertOneSchool(ctx.session.db(), refs);
        const handler = handlers[channel] as (input: unknown, ctx: Context) => unknown;
        const data = spec.output.parse(await handler(parsed.data, ctx));
        return { ok: true, data };
      } catch (error) {
        const code = codeOf(error);
        log({ channel, code, error: code === 'INTERNAL' ? error : undefined });
        const dateOrder = dateOrderFailure(error);
        if (error instanceof FieldError)
          return { ok: false, error: { code, message: error.text, fields: [{ path: error.field, message: error.text }] } };
        if (dateOrder) return { ok: false, error: dateOrder };
        return error instanceof AppError && error.userMessage ? { ok: false, error: { code, message: error.userMessage } } : failure(code);
      }
    },
  };
}

function failure(code: ErrorCode, fields?: IpcError['fields']): IpcResult<never> {
  return { ok: false, error: { code, message: nl.errors[code], ...(fields ? { fields } : {}) } };
}

function fieldsOf(error: z.ZodError): IpcError['fields'] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

function codeOf(error: unknown): ErrorCode {
  if (error instanceof AppError) return error.code;
  // A document part that is not well-formed XML is refused, never stored, signed or saved (issue 15).
  if (error instanceof MalformedXmlError) return 'DOCUMENT_INVALID';
  if (error instanceof DbOpenError) return `DB_${error.code}`;
  const problem = storageProblem(error);
  if (problem) return `DB_${problem}`;
  // A date-order trigger (migration 005) refused the write: the same answer as the service's own check.
  if (triggerRule(error)) return 'DATE_ORDER';
  // SQLite constraint violations are conflicts with existing data, not crashes.
  if (error instanceof Error && error.name === 'SqliteError' && /^SQLITE_CONSTRAINT/.test(String((error as { code?: unknown }).code))) {
    return 'CONFLICT';
  }
  return 'INTERNAL';
}

function defaultLog(entry: { channel: string; code: ErrorCode; error?: unknown }): void {
  // Error name and stack only: messages of unexpected errors may quote data.
  const detail = entry.error instanceof Error ? (entry.error.stack ?? entry.error.name) : '';
  console.error(`[ipc] ${entry.channel} failed: ${entry.code}`, detail);
}
