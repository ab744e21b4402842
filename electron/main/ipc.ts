import { channels, type Channel } from '../../core/contract/contract';
import type { IpcResult } from '../../core/contract/result';
import type { Router } from '../../core/ipc/router';
import { nl } from '../../core/i18n/nl';

/** The part of Electron's ipcMain this module uses; tests pass a recorder. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, payload: unknown) => Promise<unknown>): void;
}

/**
 * Registers exactly the contract's channels, each routed through the
 * validating router. Calls from any frame other than the app's own are refused.
 */
export function registerIpc(ipcMain: IpcMainLike, router: Router, isTrustedUrl: (url: string) => boolean): Channel[] {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload): Promise<IpcResult<unknown>> => {
      if (!event.senderFrame || !isTrustedUrl(event.senderFrame.url)) {
        return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: nl.errors.UNKNOWN_CHANNEL } };
      }
      return router.call(channel, payload);
    });
  }
  return channels;
}
