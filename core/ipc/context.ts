import type { Backups } from '../backups/backups';
import type { Clock } from '../clock';
import type { MachinePolicy } from '../policy/policy';
import type { Session } from '../session';
import type { FileDialogs } from './fileDialogs';
import type { Projector } from './projector';
import type { ReadContribution } from '../regio/contributionFile';
import type { RegioIdentity } from '../regio/keyPairs';

/** What every handler may use: the open database (via the session) and the clock. */
export interface Context {
  session: Session;
  clock: Clock;
  appVersion: string;
  files: FileDialogs;
  backups: Backups;
  /** IT's machine policy; NO_POLICY where there is none (tests, CLI). */
  policy: MachinePolicy;
  /** The projector window on a second display (main); absent in the CLI and unit tests: no window. */
  projector?: Projector;
  /** Decrypts and verifies a regiobijdrage; readContributionFile (core/regio) unless a test passes its own. */
  readContribution?: (bytes: Uint8Array, keys: readonly RegioIdentity[]) => Promise<ReadContribution>;
}
