import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { FileDialogs, OpenKind } from '../../core/ipc/fileDialogs';
import { readOpenedFile } from '../../core/ipc/openedFile';
import { nl } from '../../core/i18n/nl';
import { nlRegioSchool } from '../../core/i18n/nlRegioSchool';

const filters: Record<OpenKind | 'csv' | 'mdoregio', { name: string; extensions: string[] }> = {
  docx: { name: 'Word', extensions: ['docx'] },
  csv: { name: 'CSV (Excel)', extensions: ['csv'] },
  certificate: { name: nl.certificates.fileType, extensions: ['p12', 'pfx'] },
  regionCertificate: { name: nlRegioSchool.certificateFileType, extensions: ['pem', 'cer', 'crt'] },
  mdoregio: { name: nlRegioSchool.contributionFileType, extensions: ['mdoregio'] },
};

/** The system's dialogs; exports are written whole or not at all. */
export function systemFileDialogs(window: () => BrowserWindow | undefined): FileDialogs {
  return {
    async save(suggestedName, bytes) {
      const parent = window();
      const filter = suggestedName.endsWith('.csv') ? filters.csv : suggestedName.endsWith('.mdoregio') ? filters.mdoregio : filters.docx;
      const options: SaveDialogOptions = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [filter] };
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
    async open(kind) {
      const parent = window();
      const options: OpenDialogOptions = { defaultPath: app.getPath('documents'), filters: [filters[kind]], properties: ['openFile'] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      const file = result.filePaths[0];
      if (result.canceled || !file) return null;
      return readOpenedFile(file, kind);
    },
    async chooseFolder() {
      const parent = window();
      const options: OpenDialogOptions = { defaultPath: app.getPath('documents'), properties: ['openDirectory', 'createDirectory'] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
