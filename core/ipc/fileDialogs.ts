/**
 * Where files come from and go to. The main process asks the user with the
 * system's open and save dialogs; tests use a folder. Core never chooses a
 * path itself.
 */
export interface FileDialogs {
  /** Resolves with the chosen file name, or null when the user cancelled. */
  save(suggestedName: string, bytes: Uint8Array): Promise<string | null>;
  /** Resolves with the chosen file's name and bytes, or null when the user cancelled. */
  open(kind: OpenKind): Promise<OpenedFile | null>;
  /**
   * Several files at once (regiobijdragen): the files the user chose, or every
   * file of that kind in the folder the user chose. Each file is read or refused
   * on its own (see chosenFiles.ts); null when the user cancelled.
   */
  openMany(kind: OpenManyKind, from: 'files' | 'folder'): Promise<ChosenFiles | null>;
  /** Resolves with the chosen folder's absolute path (the backup folder), or null when the user cancelled. */
  chooseFolder(): Promise<string | null>;
}

export type OpenKind = 'docx' | 'certificate' | 'csv' | 'regionCertificate';
export type OpenManyKind = 'contribution';

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/** Why one of several chosen files was not read. */
export type FileRefusal = 'tooLarge' | 'notAFile' | 'unreadable' | 'tooMany';

export type ChosenFile = OpenedFile | { name: string; refused: FileRefusal };

export interface ChosenFiles {
  files: ChosenFile[];
  /** Files in a chosen folder that are not of the kind asked for: left alone. */
  ignored: number;
}

/** Larger than any verslag or certificate: refuse before reading it into memory. */
export const MAX_OPEN_BYTES = 50 * 1024 * 1024;

/** The largest file each kind of open accepts: a coordinator's certificate is a few kilobytes. */
export const maxOpenBytes: Record<OpenKind, number> = {
  docx: MAX_OPEN_BYTES,
  certificate: MAX_OPEN_BYTES,
  csv: MAX_OPEN_BYTES,
  regionCertificate: 1024 * 1024,
};
