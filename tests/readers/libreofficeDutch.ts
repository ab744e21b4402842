import fs from 'node:fs';
import path from 'node:path';

/** Where Debian's libreoffice-l10n-nl puts LibreOffice's Dutch interface (.ci/run installs it). */
const program = '/usr/lib/libreoffice/program/resource/nl/LC_MESSAGES';
const registry = '/usr/lib/libreoffice/share/registry/res/registry_nl.xcd';
const writerMenu = '/usr/lib/libreoffice/share/config/soffice.cfg/modules/swriter/menubar/menubar.xml';

/** An interface label as people see it: without the accelerator marks (~ in menus, _ in dialogs). */
export const shown = (label: string) => label.replace(/[~_]/g, '');

/**
 * The Dutch translations of one LibreOffice module (sfx, xsc, svx, …) read from its gettext .mo
 * file: msgctxt (the source's string id, e.g. "STR_SIGNATURE_OK") → Dutch text.
 */
export function dutchStrings(module: string): Map<string, string> {
  const file = path.join(program, `${module}.mo`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: install libreoffice-l10n-nl (see .ci/run)`);
  const mo = fs.readFileSync(file);
  const little = mo.readUInt32LE(0) === 0x950412de;
  const word = (offset: number) => (little ? mo.readUInt32LE(offset) : mo.readUInt32BE(offset));
  const count = word(8);
  const originals = word(12);
  const translations = word(16);
  const text = (table: number, index: number) => {
    const length = word(table + index * 8);
    const at = word(table + index * 8 + 4);
    return mo.subarray(at, at + length).toString('utf8');
  };
  const strings = new Map<string, string>();
  for (let index = 0; index < count; index++) {
    const original = text(originals, index);
    // "context\u0004English"; the context is the string id in LibreOffice's source.
    const context = original.includes('\u0004') ? original.slice(0, original.indexOf('\u0004')) : original;
    strings.set(context, text(translations, index));
  }
  return strings;
}

/** The Dutch menu label of a UNO command (".uno:Signature") from the language pack's registry. */
export function dutchCommandLabel(command: string): string {
  const xml = fs.readFileSync(registry, 'utf8');
  const at = xml.indexOf(`oor:name="${command}"`);
  if (at < 0) throw new Error(`${command} has no Dutch label`);
  const label = /<prop oor:name="Label"[^>]*>\s*<value xml:lang="nl">([^<]*)<\/value>/.exec(xml.slice(at, at + 600));
  if (!label) throw new Error(`${command} has no Dutch label`);
  return label[1].replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The commands of Writer's menu bar, as nested [command, children] in menu order. */
export function writerMenuCommands(): string {
  return fs.readFileSync(writerMenu, 'utf8');
}
