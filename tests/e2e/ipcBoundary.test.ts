import { describe, expect, it } from 'vitest';
import { appPerTest } from './harness';

describe('the IPC boundary as the renderer sees it', () => {
  const current = appPerTest();

  const memberCount = async () =>
    Number(
      (
        await current()
          .session.db()
          .selectFrom('member')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers a malformed payload with a Dutch validation error and changes nothing', async () => {
    const before = await memberCount();
    const result = await current().page.evaluate(() =>
      // A payload no form would send: wrong types and an extra field.
      window.mdo.invoke('members.create', { schoolId: 1, name: 42, roleId: 'ib', isAdmin: true } as never),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toBe('De gegevens zijn niet volledig of niet juist ingevuld.');
    expect(result.error.fields?.map((field) => field.path).sort()).toEqual(['', 'name', 'roleId']);
    expect(await memberCount()).toBe(before);
  });

  it('refuses channels outside the contract and a role that does not exist', async () => {
    const before = await memberCount();
    const unknown = await current().page.evaluate(() => window.mdo.invoke('db.exec' as never, 'DROP TABLE member' as never));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const foreignRole = await current().page.evaluate(() =>
      window.mdo.invoke('members.create', { schoolId: 1, name: 'Test Persoon', roleId: 9999 }),
    );
    expect(foreignRole).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Dit onderdeel bestaat niet (meer).' } });
    expect(await memberCount()).toBe(before);
  });
});
