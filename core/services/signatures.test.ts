import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { folderDialogs } from '../../tests/fixtures/folderDialogs';
import { fixedClock } from '../clock';
import { createCertificate } from '../signing/certificates';
import { verifyDocx } from '../signing/verifyDocx';
import { createMemberCertificate, importCertificate, listCertificates } from './certificates';
import { exportDocument } from './exports';
import { finalizeMinutes } from './minutes';
import { signingState, signMinutes } from './signatures';
import { fingerprintInFours } from '../signing/fingerprintFours';

const clock = fixedClock(E2E_NOW);
const later = fixedClock('2026-11-25T11:30:00.000Z');

describe('signing a finalized verslag in the app', () => {
  const temp = tempDir('mdo-signatures-');
  let handle: OpenDatabase;
  let meeting: { id: number; chairId: number | null; minuteTakerId: number | null; schoolId: number };
  let chairCert: number;
  let minuteTakerCert: number;

  beforeAll(async () => {
    await createDemoDatabase(temp.file('demo.db'));
    handle = await openDatabase(temp.file('demo.db'));
    meeting = await handle.db
      .selectFrom('meeting')
      .select(['id', 'chairId', 'minuteTakerId', 'schoolId'])
      .where('status', '=', 'held')
      .executeTakeFirstOrThrow();
    expect(meeting.chairId).not.toBe(meeting.minuteTakerId);
    chairCert = (await createMemberCertificate(handle.db, { memberId: meeting.chairId!, passphrase: 'voorzitter-geheim' }, clock)).id;
    minuteTakerCert = (await createMemberCertificate(handle.db, { memberId: meeting.minuteTakerId!, passphrase: 'notulist-geheim' }, clock))
      .id;
  });
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  it('lists certificates with name, role, school and fingerprint, never the key', async () => {
    const list = await listCertificates(handle.db, meeting.schoolId, clock);
    expect(list).toHaveLength(2);
    const chair = await handle.db
      .selectFrom('member')
      .innerJoin('role', 'role.id', 'member.roleId')
      .select(['member.name', 'role.name as role'])
      .where('member.id', '=', meeting.chairId!)
      .executeTakeFirstOrThrow();
    expect(list.find((row) => row.id === chairCert)).toMatchObject({
      name: chair.name,
      role: chair.role,
      organisation: 'Demo — Basisschool De Regenboog',
      source: 'created',
      memberName: chair.name,
    });
    expect(JSON.stringify(list)).not.toContain('p12');
    const audit = await handle.db.selectFrom('auditLog').select(['action', 'entity']).where('action', 'like', 'certificate.%').execute();
    expect(audit).toEqual([
      { action: 'certificate.create', entity: 'certificate' },
      { action: 'certificate.create', entity: 'certificate' },
    ]);
  });

  it('names chair and minute-taker with fingerprints in the block, then takes their signatures in order', async () => {
    await finalizeMinutes(handle.db, meeting.id, clock);
    const state = (await signingState(handle.db, meeting.id))!;
    expect(state.declared.map((signer) => [signer.meetingRole, signer.certificateId, signer.signedAt])).toEqual([
      ['chair', chairCert, null],
      ['minuteTaker', minuteTakerCert, null],
    ]);
    const finalized = (await handle.db.selectFrom('minutes').select('docx').where('meetingId', '=', meeting.id).executeTakeFirstOrThrow())
      .docx!;
    const text = strFromU8(unzipSync(finalized)['word/document.xml']);
    // Printed in fours ("7378 5907 …"), to be read aloud and compared group by group.
    const certificates = await listCertificates(handle.db, meeting.schoolId, clock);
    const sha1Of = (id: number) => certificates.find((row) => row.id === id)!.fingerprintSha1!;
    for (const signer of state.declared) {
      expect(text.replace(/<[^>]+>/g, '')).toContain(fingerprintInFours(signer.fingerprint));
      // And the SHA-1, the one Word and LibreOffice show.
      expect(text.replace(/<[^>]+>/g, '')).toContain(fingerprintInFours(sha1Of(signer.certificateId)));
    }
    // A certificate stored by a release before 0.4 has no SHA-1 yet: it is filled when unlocked to sign.
    await handle.db.updateTable('certificate').set({ fingerprintSha1: null }).where('id', '=', chairCert).execute();

    // The minute-taker cannot go first; a wrong passphrase signs nothing.
    await expect(
      signMinutes(handle.db, { meetingId: meeting.id, certificateId: minuteTakerCert, passphrase: 'notulist-geheim' }, later),
    ).rejects.toMatchObject({ code: 'SIGNER_ORDER' });
    await expect(
      signMinutes(handle.db, { meetingId: meeting.id, certificateId: chairCert, passphrase: 'fout-wachtwoord' }, later),
    ).rejects.toMatchObject({ code: 'CERT_PASSPHRASE' });
    expect(await handle.db.selectFrom('signature').select('id').execute()).toEqual([]);

    await signMinutes(handle.db, { meetingId: meeting.id, certificateId: chairCert, passphrase: 'voorzitter-geheim' }, later);
    expect((await listCertificates(handle.db, meeting.schoolId, clock)).find((row) => row.id === chairCert)!.fingerprintSha1).toBe(
      sha1Of(chairCert),
    );
    await expect(
      signMinutes(handle.db, { meetingId: meeting.id, certificateId: chairCert, passphrase: 'voorzitter-geheim' }, later),
    ).rejects.toMatchObject({ code: 'ALREADY_SIGNED' });
    const { sha256 } = await signMinutes(
      handle.db,
      { meetingId: meeting.id, certificateId: minuteTakerCert, passphrase: 'notulist-geheim' },
      later,
    );
    expect((await signingState(handle.db, meeting.id))!.nextCertificateId).toBeNull();

    // The export hands out the twice-signed bytes, exactly as stored.
    const files = folderDialogs(temp.file('out'));
    await exportDocument(handle.db, { kind: 'minutes', meetingId: meeting.id }, files, clock);
    const exported = fs.readFileSync(files.saved[0]);
    expect(createHash('sha256').update(exported).digest('hex')).toBe(sha256);
    const report = verifyDocx(exported);
    expect(
      report.kind === 'signed' &&
        report.signers.map((signer) => [signer.claimedRole, signer.status, signer.inSignatureBlock, signer.signedAt]),
    ).toEqual([
      ['Voorzitter', 'valid', true, '2026-11-25T11:30:00Z'],
      ['Notulist', 'valid', true, '2026-11-25T11:30:00Z'],
    ]);
    // What MDO shows the IB as the SHA-1 is what a reader of the signed file finds.
    expect(report.kind === 'signed' && report.signers.map((signer) => signer.sha1Fingerprint)).toEqual(
      [chairCert, minuteTakerCert].map((id) => fingerprintInFours(sha1Of(id))),
    );
    const actions = (await handle.db.selectFrom('auditLog').select('action').where('action', '=', 'minutes.sign').execute()).length;
    expect(actions).toBe(2);
  });

  it('imports a school PKI certificate once, and refuses a wrong passphrase or a file that is no certificate', async () => {
    const p12 = createCertificate({
      name: 'Bestuur PKI',
      role: 'Directeur',
      organisation: 'Stichting',
      passphrase: 'pki-wachtwoord',
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const input = { schoolId: meeting.schoolId, memberId: null, p12 };
    await expect(importCertificate(handle.db, { ...input, passphrase: 'fout' }, clock)).rejects.toMatchObject({ code: 'CERT_PASSPHRASE' });
    await expect(importCertificate(handle.db, { ...input, p12: new Uint8Array([1, 2, 3]), passphrase: 'x' }, clock)).rejects.toMatchObject({
      code: 'CERT_FILE',
    });
    await importCertificate(handle.db, { ...input, passphrase: 'pki-wachtwoord' }, clock);
    await expect(importCertificate(handle.db, { ...input, passphrase: 'pki-wachtwoord' }, clock)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await listCertificates(handle.db, meeting.schoolId, clock)).filter((row) => row.source === 'imported')).toHaveLength(1);
  });
});
