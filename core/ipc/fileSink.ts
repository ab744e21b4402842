/**
 * Where exported files go. The main process asks the user with a save dialog;
 * tests write to a folder. Core never chooses a path itself.
 */
export interface FileSink {
  /** Resolves with the chosen file name, or null when the user cancelled. */
  save(suggestedName: string, bytes: Uint8Array): Promise<string | null>;
}
