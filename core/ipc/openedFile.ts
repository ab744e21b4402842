import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { maxOpenBytes, type OpenedFile, type OpenKind } from './fileDialogs';

/**
 * Reads the one file the user chose in an open dialog, for the real dialogs and
 * the tests' alike. Refused before any byte is read: what is not a regular file
 * (a folder, or a FIFO whose read would block the main process) and a file
 * larger than its kind allows.
 */
export function readOpenedFile(file: string, kind: OpenKind): OpenedFile {
  const stats = fs.statSync(file);
  if (!stats.isFile()) throw new AppError('NOT_A_FILE');
  if (stats.size > maxOpenBytes[kind]) throw new AppError('FILE_TOO_LARGE');
  const bytes = fs.readFileSync(file);
  // Grown between the check and the read.
  if (bytes.length > maxOpenBytes[kind]) throw new AppError('FILE_TOO_LARGE');
  return { name: path.basename(file), bytes };
}
