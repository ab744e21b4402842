import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { manyKinds, readChosenFiles, readFolderFiles } from '../../core/ipc/chosenFiles';
import type { FileDialogs, OpenKind, OpenManyKind } from '../../core/ipc/fileDialogs';
import { readOpenedFile } from '../../core/ipc/openedFile';
import { nl } from '../../core/i18n/nl';
import { nlRegioSchool } from '../../core/i18n/nlRegioSchool';

const filters: Record<OpenKind | OpenManyKind | 'pem' | 'ics', { name: string; extensions: string[] }> = {
  docx: { name: 'Word', extensions: ['docx'] },
  csv: { name: 'CSV (Excel)', extensions: ['csv'] },
  certificate: { name: nl.certificates.fileType, extensions: ['p12', 'pfx'] },
  regionCertificate: { name: nlRegioSchool.certificateFileType, extensions: ['pem', 'cer', 'crt'] },
  pem: { name: nl.regio.key.pemType, extensions: ['pem'] },
  ics: { name: nl.exports.calendarFileType, extensions: ['ics'] },
  contribution: { name: nl.regio.contributions.fileType, extensions: [manyKinds.contribution.extension.slice(1)] },
};

/** The save dialog's filter by the suggested name's extension (Word unless it says otherwise). */
function saveFilter(suggestedName: string) {
  const extension = path.extname(suggestedName).toLowerCase();
  if (extension === '.csv') return filters.csv;
  if (extension === '.pem') return filters.pem;
  if (extension === '.ics') return filters.ics;
  if (extension === '.p12') return filters.certificate;
  if (extension === '.mdoregio') return filters.contribution;
  return filters.docx;
}

/** The system's dialogs; exports are written whole or not at all. */
export function systemFileDialogs(window: () => BrowserWindow | undefined): FileDialogs {
  return {
    async save(suggestedName, bytes) {
      const parent = window();
      const options: SaveDialogOptions = {
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [saveFilter(suggestedName)],
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
    async open(kind) {
      const parent = window();
      const options: OpenDialogOptions = { defaultPath: app.getPath('documents'), filters: [filters[kind]], properties: ['openFile'] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      const file = result.filePaths[0];
      if (result.canceled || !file) return null;
      return readOpenedFile(file, kind);
    },
    async openMany(kind, from) {
      const parent = window();
      const options: OpenDialogOptions =
        from === 'folder'
          ? { defaultPath: app.getPath('documents'), properties: ['openDirectory'] }
          : { defaultPath: app.getPath('documents'), filters: [filters[kind]], properties: ['openFile', 'multiSelections'] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      if (result.canceled || result.filePaths.length === 0) return null;
      return from === 'folder'
        ? readFolderFiles(result.filePaths[0], kind)
        : { files: readChosenFiles(result.filePaths, kind), ignored: 0 };
    },
    async chooseFolder() {
      const parent = window();
      const options: OpenDialogOptions = { defaultPath: app.getPath('documents'), properties: ['openDirectory', 'createDirectory'] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
