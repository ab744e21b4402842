import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { fixedClock } from '../clock';
import { AppError } from '../errors';
import { formatMoment, formatShortDate } from '../i18n/formatDate';
import { signatureShortfall, signerLine } from '../i18n/signerText';
import { createCertificate } from '../signing/certificates';
import { importCertificate, listCertificates } from './certificates';
import { finalizeMinutes, startCorrection } from './minutes';
import { expectedSignerStates, plannedSignerStates } from './signerStates';
import { signMinutes } from './signatures';

const DAY = 86_400_000;
const clock = fixedClock(E2E_NOW);
const inDays = (days: number) => new Date(Date.parse(E2E_NOW) + days * DAY);

/** What a rejected promise threw, so the Dutch message can be compared as a whole. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('who signs a verslag, and why not: per expected signer', () => {
  const temp = tempDir('mdo-signer-states-');
  let handle: OpenDatabase;
  let meeting: { id: number; schoolId: number; chairId: number; minuteTakerId: number; chairName: string; takerName: string };

  /** A .p12 made at `start` for `days`, imported for a member with the app clock at E2E_NOW (a few days before, for a future start). */
  async function importFor(memberId: number, name: string, start: Date, days: number, passphrase: string) {
    const p12 = createCertificate({ name, role: 'IB', organisation: 'School', passphrase, now: start, days });
    return (await importCertificate(handle.db, { schoolId: meeting.schoolId, memberId, p12, passphrase }, clock)).id;
  }

  beforeAll(async () => {
    await createDemoDatabase(temp.file('demo.db'));
    handle = await openDatabase(temp.file('demo.db'));
    const row = await handle.db
      .selectFrom('meeting')
      .innerJoin('member as chair', 'chair.id', 'meeting.chairId')
      .innerJoin('member as taker', 'taker.id', 'meeting.minuteTakerId')
      .select(['meeting.id', 'meeting.schoolId', 'meeting.chairId', 'meeting.minuteTakerId', 'chair.name as chairName'])
      .select('taker.name as takerName')
      .where('meeting.status', '=', 'held')
      .executeTakeFirstOrThrow();
    meeting = { ...row, chairId: row.chairId!, minuteTakerId: row.minuteTakerId! };
    expect(meeting.chairId).not.toBe(meeting.minuteTakerId);
  });
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  it('before vaststellen: a chair whose certificate starts in four days and a notulist without one, each with their own reason', async () => {
    const start = inDays(4);
    const chairCert = await importFor(meeting.chairId, meeting.chairName, start, 365, 'voorzitter-later');
    const listed = (await listCertificates(handle.db, meeting.schoolId, clock)).find((row) => row.id === chairCert)!;
    expect(listed).toMatchObject({ status: 'notYetValid', notBefore: start.toISOString() });

    const planned = await plannedSignerStates(handle.db, meeting.id, clock);
    expect(planned.map((signer) => [signer.meetingRole, signer.name, signer.state, signer.validFrom])).toEqual([
      ['chair', meeting.chairName, 'notYetValid', start.toISOString()],
      ['minuteTaker', meeting.takerName, 'noCertificate', null],
    ]);
    expect(planned.map((signer) => signerLine(signer, false))).toEqual([
      `Voorzitter ${meeting.chairName}: certificaat is pas geldig vanaf ${formatShortDate(start.toISOString())}`,
      `Notulist ${meeting.takerName}: heeft geen certificaat`,
    ]);
    expect(signatureShortfall(planned, false)?.summary).toBe(
      'Als u nu vaststelt, krijgt het verslag 0 van de 2 verwachte handtekeningen. Zonder handtekening:',
    );
  });

  it('after vaststellen: the reason each had at that moment, and signing is refused before the passphrase is tried', async () => {
    await finalizeMinutes(handle.db, meeting.id, clock);
    const { finalized, signers } = await expectedSignerStates(handle.db, meeting.id, clock);
    expect(finalized).toBe(true);
    expect(signers.map((signer) => [signer.state, signer.inBlock, signer.next])).toEqual([
      ['notYetValid', false, false],
      ['noCertificate', false, false],
    ]);
    expect(signers.map((signer) => signerLine(signer, true))).toEqual([
      `Voorzitter ${meeting.chairName}: certificaat was bij het vaststellen nog niet geldig (pas vanaf ${formatShortDate(inDays(4).toISOString())})`,
      `Notulist ${meeting.takerName}: had bij het vaststellen geen certificaat`,
    ]);
    expect(signatureShortfall(signers, true)?.summary).toBe('Dit verslag krijgt 0 van de 2 verwachte handtekeningen. Ontbreekt:');

    // A wrong passphrase still gets the validity reason: the certificate is judged before it is opened.
    const [chairCert] = await handle.db.selectFrom('certificate').select('id').where('memberId', '=', meeting.chairId).execute();
    const refused = await refusal(
      signMinutes(handle.db, { meetingId: meeting.id, certificateId: chairCert.id, passphrase: 'fout' }, clock),
    );
    expect(refused.code).toBe('CERT_EXPIRED');
    expect(refused.userMessage).toBe(`${meeting.chairName}: certificaat is pas geldig vanaf ${formatShortDate(inDays(4).toISOString())}`);
    // No name in what could be logged.
    expect(refused.message).not.toContain(meeting.chairName);
    expect(await handle.db.selectFrom('signature').select('id').execute()).toEqual([]);
  });

  it('names chair (ready, expiring soon) and notulist (expired) in a correction, then takes the chair’s signature', async () => {
    await startCorrection(handle.db, meeting.id, 'Certificaten geregeld', clock);
    // The chair also gets a certificate valid today that ends in 30 days; the notulist's ended a week ago.
    const chairNow = await importFor(meeting.chairId, meeting.chairName, inDays(-1), 31, 'voorzitter-nu');
    await importFor(meeting.minuteTakerId, meeting.takerName, inDays(-373), 366, 'notulist-oud');
    expect((await listCertificates(handle.db, meeting.schoolId, clock)).map((row) => row.status).sort()).toEqual([
      'expired',
      'expiresSoon',
      'notYetValid',
    ]);

    const planned = await plannedSignerStates(handle.db, meeting.id, clock);
    expect(planned.map((signer) => [signer.state, signer.certificateId, signer.certificateStatus])).toEqual([
      ['ready', chairNow, 'expiresSoon'],
      ['expired', expect.any(Number), 'expired'],
    ]);
    const until = formatShortDate(inDays(30).toISOString());
    expect(signerLine(planned[0], false)).toBe(
      `Voorzitter ${meeting.chairName}: kan ondertekenen; let op: certificaat verloopt op ${until}`,
    );
    expect(signerLine(planned[1], false)).toBe(
      `Notulist ${meeting.takerName}: certificaat is verlopen op ${formatShortDate(inDays(-7).toISOString())}`,
    );
    const shortfall = signatureShortfall(planned, false)!;
    expect(shortfall.summary).toContain('1 van de 2');
    expect(shortfall.missing).toEqual([signerLine(planned[1], false)]);

    await finalizeMinutes(handle.db, meeting.id, clock);
    let states = (await expectedSignerStates(handle.db, meeting.id, clock)).signers;
    expect(states.map((signer) => [signer.state, signer.inBlock, signer.next])).toEqual([
      ['ready', true, true],
      ['expired', false, false],
    ]);

    const signedAt = '2026-11-25T11:30:00.000Z';
    await signMinutes(handle.db, { meetingId: meeting.id, certificateId: chairNow, passphrase: 'voorzitter-nu' }, fixedClock(signedAt));
    states = (await expectedSignerStates(handle.db, meeting.id, clock)).signers;
    expect(states[0]).toMatchObject({ state: 'signed', signedAt });
    expect(signerLine(states[0], true)).toBe(`Voorzitter ${meeting.chairName}: ondertekend op ${formatMoment(signedAt)}`);
    expect(signatureShortfall(states, true)?.missing).toEqual([
      `Notulist ${meeting.takerName}: certificaat was bij het vaststellen verlopen (op ${formatShortDate(inDays(-7).toISOString())})`,
    ]);
  });

  it('answers NOT_FOUND for a meeting that does not exist', async () => {
    await expect(expectedSignerStates(handle.db, 999_999, clock)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a block signer whose certificate expired after vaststellen, naming role, person and date', async () => {
    await startCorrection(handle.db, meeting.id, 'Nog een versie', clock);
    await finalizeMinutes(handle.db, meeting.id, clock);
    const later = fixedClock(inDays(40).toISOString());
    const { signers } = await expectedSignerStates(handle.db, meeting.id, later);
    expect(signers[0]).toMatchObject({ state: 'expired', inBlock: true, next: false });
    const refused = await refusal(
      signMinutes(handle.db, { meetingId: meeting.id, certificateId: signers[0].certificateId!, passphrase: 'fout' }, later),
    );
    expect(refused.code).toBe('CERT_EXPIRED');
    expect(refused.userMessage).toBe(
      `Voorzitter ${meeting.chairName}: certificaat is verlopen op ${formatShortDate(inDays(30).toISOString())}`,
    );
  });
});
