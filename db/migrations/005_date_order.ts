import type { Migration } from './types';

// Dates in order. Impossible dates (a case closed before it was registered, an
// agreement due before the meeting that made it) make the monitoring numbers
// disagree with their own definitions, so the database refuses them whatever
// writes them. The services check the same rules first and explain them in
// Dutch; core/dateOrder.ts maps a refusal here to that same explanation by the
// rule's name in the message ('date order: <rule>').
//
// SQLite cannot add CHECK constraints to existing tables without rebuilding
// them, so these are triggers. They judge new writes only: rows an older
// version stored stay readable, and a migration never fails on them. The same
// day is always allowed (a case closed on the day it was registered), and a
// missing date (NULL) is not judged: comparing with NULL is never true.

/** A row breaks `rule` when `when` is true. */
interface Check {
  rule: string;
  when: string;
}

const meetingDate = (meetingId: string) => `(SELECT date FROM meeting WHERE id = ${meetingId})`;
const caseColumn = (column: string, caseId: string) => `(SELECT ${column} FROM support_case WHERE id = ${caseId})`;
const birthOfPupil = (pupilId: string) => `(SELECT date_of_birth FROM pupil WHERE id = ${pupilId})`;
const birthOfCase = (caseId: string) =>
  `(SELECT p.date_of_birth FROM support_case s JOIN pupil p ON p.id = s.pupil_id WHERE s.id = ${caseId})`;

// The checks on a row's own dates and on the rows it points to, for inserts and updates alike.
const supportCase: Check[] = [
  { rule: 'caseClosedBeforeRegistered', when: 'new.closed_on < new.registered_on' },
  { rule: 'caseClosedBeforeFirstDiscussion', when: 'new.closed_on < new.first_discussed_on' },
  { rule: 'caseDiscussedBeforeRegistered', when: 'new.first_discussed_on < new.registered_on' },
  { rule: 'caseRegisteredBeforeBirth', when: `new.registered_on < ${birthOfPupil('new.pupil_id')}` },
];
const consent: Check[] = [{ rule: 'consentBeforeBirth', when: `new.recorded_on < ${birthOfCase('new.case_id')}` }];
const effectCheck: Check[] = [
  { rule: 'effectCheckBeforeFirstDiscussion', when: `new.checked_on < ${caseColumn('first_discussed_on', 'new.case_id')}` },
];
const caseLead: Check[] = [
  { rule: 'leadEndsBeforeStart', when: 'new.ended_on < new.started_on' },
  { rule: 'leadStartsBeforeRegistered', when: `new.started_on < ${caseColumn('registered_on', 'new.case_id')}` },
];
const agreement: Check[] = [
  { rule: 'agreementDueBeforeMeeting', when: `min(new.due_on, new.original_due_on) < ${meetingDate('new.meeting_id')}` },
  { rule: 'agreementPostponedToEarlier', when: 'new.due_on < new.original_due_on' },
  { rule: 'agreementCompletedBeforeMeeting', when: `new.completed_on < ${meetingDate('new.meeting_id')}` },
];
const member: Check[] = [{ rule: 'memberLeftBeforeJoined', when: 'new.left_on < new.joined_on' }];

// The same rules seen from the other side: a changed date must not overtake the rows that depend on it.
const supportCaseChildren: Check[] = [
  {
    rule: 'effectCheckBeforeFirstDiscussion',
    when: 'EXISTS (SELECT 1 FROM effect_check WHERE case_id = new.id AND checked_on < new.first_discussed_on)',
  },
  {
    rule: 'leadStartsBeforeRegistered',
    when: 'EXISTS (SELECT 1 FROM case_lead WHERE case_id = new.id AND started_on < new.registered_on)',
  },
  {
    rule: 'consentBeforeBirth',
    when: `EXISTS (SELECT 1 FROM consent WHERE case_id = new.id AND recorded_on < ${birthOfPupil('new.pupil_id')})`,
  },
];
const pupilChildren: Check[] = [
  {
    rule: 'caseRegisteredBeforeBirth',
    when: 'EXISTS (SELECT 1 FROM support_case WHERE pupil_id = new.id AND registered_on < new.date_of_birth)',
  },
  {
    rule: 'consentBeforeBirth',
    when: 'EXISTS (SELECT 1 FROM consent c JOIN support_case s ON s.id = c.case_id WHERE s.pupil_id = new.id AND c.recorded_on < new.date_of_birth)',
  },
];
const meetingChildren: Check[] = [
  {
    rule: 'agreementDueBeforeMeeting',
    when: 'EXISTS (SELECT 1 FROM agreement WHERE meeting_id = new.id AND min(due_on, original_due_on) < new.date)',
  },
  {
    rule: 'agreementCompletedBeforeMeeting',
    when: 'EXISTS (SELECT 1 FROM agreement WHERE meeting_id = new.id AND completed_on < new.date)',
  },
];

function trigger(table: string, event: 'insert' | 'update', columns: readonly string[], checks: readonly Check[]): string {
  const on = event === 'insert' ? `INSERT ON ${table}` : `UPDATE OF ${columns.join(', ')} ON ${table}`;
  const body = checks.map((check) => `SELECT RAISE(ABORT, 'date order: ${check.rule}') WHERE ${check.when};`).join('\n    ');
  return `CREATE TRIGGER ${table}_date_order_${event} BEFORE ${on} BEGIN\n    ${body}\n  END`;
}

/** Both triggers of a table: its own checks on insert, and on an update of the listed columns also `children`. */
function bothTriggers(table: string, columns: readonly string[], checks: readonly Check[], children: readonly Check[] = []): string[] {
  return [trigger(table, 'insert', columns, checks), trigger(table, 'update', columns, [...checks, ...children])];
}

const statements = [
  ...bothTriggers('support_case', ['registered_on', 'first_discussed_on', 'closed_on', 'pupil_id'], supportCase, supportCaseChildren),
  ...bothTriggers('consent', ['recorded_on', 'case_id'], consent),
  ...bothTriggers('effect_check', ['checked_on', 'case_id'], effectCheck),
  ...bothTriggers('case_lead', ['started_on', 'ended_on', 'case_id'], caseLead),
  ...bothTriggers('agreement', ['due_on', 'original_due_on', 'completed_on', 'meeting_id'], agreement),
  ...bothTriggers('member', ['joined_on', 'left_on'], member),
  // A pupil or a meeting has no dates of its own to order; only what hangs off it.
  trigger('pupil', 'update', ['date_of_birth'], pupilChildren),
  trigger('meeting', 'update', ['date'], meetingChildren),
];

export const dateOrder: Migration = { name: '005_date_order', statements };
