import fs from 'node:fs';
import path from 'node:path';
import type { ChosenFile, ChosenFiles, OpenManyKind } from './fileDialogs';

// Reading several files the user chose (or a folder of them), for the real
// dialogs and the tests' alike. Each file is judged on its own: too large, not
// a regular file (a FIFO would block the read), unreadable, or one too many.

/** A contribution is a few kilobytes; anything above this is not one. */
export const MAX_CONTRIBUTION_BYTES = 5 * 1024 * 1024;
/** Files and bytes read at once; the rest are refused as one too many (read them next time). */
export const MAX_FILES_AT_ONCE = 1000;
const MAX_TOTAL_BYTES = 200 * 1024 * 1024;

/** The extension of each kind, for choosing the files of a folder. */
export const manyKinds: Record<OpenManyKind, { extension: string; maxBytes: number }> = {
  contribution: { extension: '.mdoregio', maxBytes: MAX_CONTRIBUTION_BYTES },
};

/** Reads each path (following links) or refuses it, in the order given. */
export function readChosenFiles(paths: readonly string[], kind: OpenManyKind): ChosenFile[] {
  const { maxBytes } = manyKinds[kind];
  let total = 0;
  return paths.map((file, index): ChosenFile => {
    const name = path.basename(file);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(file);
    } catch {
      return { name, refused: 'unreadable' };
    }
    if (!stats.isFile()) return { name, refused: 'notAFile' };
    if (stats.size > maxBytes) return { name, refused: 'tooLarge' };
    if (index >= MAX_FILES_AT_ONCE || total + stats.size > MAX_TOTAL_BYTES) return { name, refused: 'tooMany' };
    try {
      const bytes = fs.readFileSync(file);
      // Grown since the check: still too large.
      if (bytes.length > maxBytes) return { name, refused: 'tooLarge' };
      total += bytes.length;
      return { name, bytes: new Uint8Array(bytes) };
    } catch {
      return { name, refused: 'unreadable' };
    }
  });
}

/** Every file of the kind directly in a folder (by name), read or refused; other files are counted as ignored, subfolders skipped. */
export function readFolderFiles(folder: string, kind: OpenManyKind): ChosenFiles {
  const { extension } = manyKinds[kind];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    // Gone, not a folder, or no permission (a share that dropped away): said as one unreadable entry.
    return { files: [{ name: path.basename(folder), refused: 'unreadable' }], ignored: 0 };
  }
  const wanted: string[] = [];
  let ignored = 0;
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    if (entry.name.toLowerCase().endsWith(extension)) wanted.push(path.join(folder, entry.name));
    else ignored++;
  }
  return { files: readChosenFiles(wanted, kind), ignored };
}
