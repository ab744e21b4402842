import { initial } from './001_initial';
import { chairing } from './002_chairing';
import { signing } from './003_signing';
import type { Migration } from './types';

/**
 * Every migration, in order. Bundled into the app: nothing is read from disk at
 * run time. Append only; never edit or reorder a migration that has shipped.
 */
export const migrations: readonly Migration[] = [initial, chairing, signing];

export type { Migration };
