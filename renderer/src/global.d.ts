import type { MdoApi } from '../../core/contract/contract';

declare global {
  interface Window {
    /** Exposed by the preload (or the e2e bridge): the only way to the main process. */
    mdo: MdoApi;
  }
}
