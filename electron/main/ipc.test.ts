import { describe, expect, it } from 'vitest';
import { channels, contract } from '../../core/contract/contract';
import type { Router } from '../../core/ipc/router';
import { registerIpc, type IpcMainLike } from './ipc';
import { trustedUrl } from './security';

describe('main process IPC registration', () => {
  const calls: unknown[] = [];
  const router: Router = { call: async (channel, payload) => (calls.push([channel, payload]), { ok: true, data: null }) };

  function register() {
    const registered = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
    const order: string[] = [];
    registerIpc(
      {
        handle: (channel, listener) => {
          order.push(channel);
          registered.set(channel, listener);
        },
      },
      router,
      trustedUrl(undefined, '/app/out/renderer'),
    );
    return { registered, order };
  }

  it('registers exactly the contract channels, each once', () => {
    const { order } = register();
    expect(order.slice().sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(order).size).toBe(order.length);
    expect(order).toEqual(channels);
  });

  it('routes calls from the app itself and refuses calls from any other origin', async () => {
    const { registered } = register();
    const listener = registered.get('members.list')!;
    expect(await listener({ senderFrame: { url: 'app://mdo/index.html#/kernteam' } }, { schoolId: 1 })).toEqual({
      ok: true,
      data: null,
    });
    expect(calls).toContainEqual(['members.list', { schoolId: 1 }]);
    const before = calls.length;
    expect(await listener({ senderFrame: { url: 'https://evil.example/' } }, { schoolId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await listener({ senderFrame: null }, { schoolId: 1 })).toMatchObject({ ok: false });
    // A local file is not the app either: only app://mdo/ pages may call.
    expect(await listener({ senderFrame: { url: 'file:///app/out/renderer/index.html' } }, { schoolId: 1 })).toMatchObject({ ok: false });
    expect(await listener({ senderFrame: { url: 'file:///home/user/Downloads/evil.html' } }, { schoolId: 1 })).toMatchObject({ ok: false });
    expect(calls.length).toBe(before);
  });
});
