import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { FileSink } from '../../core/ipc/fileSink';

/** Exports go where the user chooses in the system's save dialog, written whole or not at all. */
export function saveDialogSink(window: () => BrowserWindow | undefined): FileSink {
  return {
    async save(suggestedName, bytes) {
      const parent = window();
      const options = {
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'Word', extensions: ['docx'] }],
      };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      const temp = `${result.filePath}.tmp-${process.pid}`;
      try {
        fs.writeFileSync(temp, bytes);
        fs.renameSync(temp, result.filePath);
      } finally {
        fs.rmSync(temp, { force: true });
      }
      return path.basename(result.filePath);
    },
  };
}
