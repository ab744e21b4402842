import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { xmlParts } from '../../core/documents/packDocx';
import { formatShortDate } from '../../core/i18n/formatDate';
import { appPerTest } from './harness';

describe('exporting verslagen from the app', () => {
  const current = appPerTest();

  it('saves the verslag of a held meeting and a parent version without other pupils, and records only ids in the audit log', async () => {
    const { page, session } = current();
    const db = session.db();
    // A past meeting where several cases were discussed.
    const meeting = await db
      .selectFrom('meeting')
      .innerJoin('agendaItem', 'agendaItem.meetingId', 'meeting.id')
      .select(['meeting.id', 'meeting.date'])
      .where('meeting.status', 'in', ['held', 'finalized'])
      .where('agendaItem.kind', '=', 'case')
      .groupBy('meeting.id')
      .having((eb) => eb.fn.countAll(), '>=', 3)
      .orderBy('meeting.date', 'desc')
      .executeTakeFirstOrThrow();
    const discussed = await db
      .selectFrom('agendaItem')
      .innerJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select(['supportCase.id as caseId', 'pupil.firstName', 'pupil.lastName'])
      .where('agendaItem.meetingId', '=', meeting.id)
      .orderBy('agendaItem.position')
      .execute();
    expect(discussed.length).toBeGreaterThan(1);

    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meeting.id}`);
    await page.getByRole('button', { name: 'Verslag exporteren' }).click();
    await expect.poll(() => page.getByText(`Opgeslagen als Verslag MDO ${meeting.date}.docx.`).isVisible()).toBe(true);
    const minutes = Object.values(xmlParts(fs.readFileSync(current().exports[0]))).join('\n');
    for (const pupil of discussed) expect(minutes).toContain(`${pupil.firstName} ${pupil.lastName}`);

    const [own, ...others] = discussed;
    await page.evaluate((hash) => (window.location.hash = hash), `#/casussen/${own.caseId}`);
    await page.getByRole('button', { name: `Ouderversie exporteren: ${formatShortDate(meeting.date)}`, exact: true }).click();
    await expect.poll(() => current().exports.length).toBe(2);
    const parentFile = current().exports[1];
    expect(path.basename(parentFile)).toBe(`Verslag voor ouders ${meeting.date}.docx`);
    const parent = Object.values(xmlParts(fs.readFileSync(parentFile))).join('\n');
    expect(parent).toContain(`${own.firstName} ${own.lastName}`);
    for (const other of others) expect(parent).not.toContain(`${other.firstName} ${other.lastName}`);

    const audit = await db.selectFrom('auditLog').selectAll().where('action', 'like', 'export.%').orderBy('id').execute();
    expect(audit.map((row) => [row.action, row.entity, row.entityId])).toEqual([
      ['export.minutes', 'meeting', meeting.id],
      ['export.parent', 'case', own.caseId],
    ]);
    const auditText = JSON.stringify(audit);
    for (const pupil of discussed) expect(auditText).not.toContain(pupil.lastName);
  });

  it('does not write a verslag for a meeting that has not been held', async () => {
    const { page, session } = current();
    const planned = await session.db().selectFrom('meeting').select('id').where('status', '=', 'planned').executeTakeFirstOrThrow();
    const result = await page.evaluate((meetingId) => window.mdo.invoke('documents.export', { kind: 'minutes', meetingId }), planned.id);
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(current().exports).toEqual([]);
    expect(await page.getByRole('button', { name: 'Verslag exporteren' }).count()).toBe(0);
  });
});

describe('vaststellen in the app', () => {
  const current = appPerTest();

  it('finalizes a held meeting, shows the fingerprint, and refuses further notes until a correction', async () => {
    const { page, session } = current();
    const db = session.db();
    const meeting = await db.selectFrom('meeting').select('id').where('status', '=', 'held').executeTakeFirstOrThrow();
    const item = await db
      .selectFrom('agendaItem')
      .select('id')
      .where('meetingId', '=', meeting.id)
      .where('kind', '=', 'case')
      .executeTakeFirstOrThrow();
    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meeting.id}`);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Verslag vaststellen' }).click();
    await expect.poll(() => page.getByText('Vastgesteld').first().isVisible()).toBe(true);
    const stored = await db.selectFrom('minutes').select('sha256').where('meetingId', '=', meeting.id).executeTakeFirstOrThrow();
    await expect.poll(() => page.getByText(`SHA-256 ${stored.sha256!.slice(0, 16)}…`).isVisible()).toBe(true);

    const edit = await page.evaluate(
      (agendaItemId) => window.mdo.invoke('chair.saveText', { agendaItemId, field: 'notes', value: 'te laat' }),
      item.id,
    );
    expect(edit).toMatchObject({ ok: false, error: { code: 'MINUTES_FINALIZED' } });

    await page.getByRole('button', { name: 'Correctie starten' }).click();
    await expect.poll(() => page.getByText('Geef een reden op.').isVisible()).toBe(true);
    await page.getByLabel('Reden van de correctie').fill('Naam van de notulist was fout');
    await page.getByRole('button', { name: 'Correctie starten' }).click();
    await expect.poll(() => page.getByText('in bewerking').isVisible()).toBe(true);
  });
});
