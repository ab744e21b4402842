import { contextBridge, ipcRenderer } from 'electron';
import { isChannel, type MdoApi } from '../../core/contract/contract';
import { nl } from '../../core/i18n/nl';

// The renderer's only door to the app: one object, one method, contract channels only.
const api: MdoApi = {
  invoke: (channel, input) =>
    isChannel(channel)
      ? ipcRenderer.invoke(channel, input)
      : Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: nl.errors.UNKNOWN_CHANNEL } }),
};

contextBridge.exposeInMainWorld('mdo', api);
