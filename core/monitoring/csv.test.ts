import { describe, expect, it } from 'vitest';
import { csvField, csvText, monitoringCsv } from './csv';
import type { MonitoringReport } from './report';

const report: MonitoringReport = {
  title: 'Monitoringsrapportage MDO',
  subtitle: 'Anoniem overzicht',
  meta: [
    { label: 'Periode', value: '1 januari 2026 t/m 30 juni 2026', csv: '2026-01-01 t/m 2026-06-30' },
    { label: 'Scholen', value: 'De Linde; dependance "Noord"' },
  ],
  tables: [
    {
      title: 'Trekker',
      columns: ['Onderdeel', 'Aantal', 'Aandeel'],
      rows: [
        {
          label: 'Open casussen',
          cells: [
            { text: '27', value: 27 },
            { text: '', value: null },
          ],
        },
        {
          label: 'met een trekker',
          cells: [
            { text: 'x', value: null },
            { text: '–', value: null },
          ],
        },
        {
          label: 'zonder trekker',
          cells: [
            { text: '<5', value: null },
            { text: '–', value: null },
          ],
        },
      ],
    },
    { title: 'Belemmeringen', columns: ['Belemmering', 'Totaal'], rows: [], emptyText: 'Niets vastgelegd in deze periode.' },
  ],
  legend: ['<5: een aantal van 1 tot en met 4.'],
};

describe('monitoring CSV', () => {
  it('quotes fields with a separator, a quote or a line break, and doubles quotes', () => {
    expect(csvField('Open casussen')).toBe('Open casussen');
    expect(csvField('<5')).toBe('<5');
    expect(csvField('83%')).toBe('83%');
    expect(csvField('17,5')).toBe('17,5');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvField('regel 1\r\nregel 2')).toBe('"regel 1\r\nregel 2"');
    expect(csvField('')).toBe('');
  });

  it('never lets a spreadsheet run a typed-in name as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+31 6')).toBe("'+31 6");
    expect(csvField('@thema')).toBe("'@thema");
    expect(csvField('–')).toBe('–'); // the en dash of "not shown" is no formula
  });

  it('leaves out what XML cannot hold before the formula check, so such a character cannot hide a formula', () => {
    expect(csvField('Quibus\uFFFE\uFFFF')).toBe('Quibus');
    expect(csvField('\uFFFF=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('\u0000\uD800+31 6')).toBe("'+31 6");
    expect(csvField('\u202E=1+1')).toBe('\u202E=1+1'); // a bidi control is text that XML holds: the field does not start with '='
  });

  it('ends every line with CRLF, empty lines included', () => {
    expect(csvText([['a', 'b'], [], ['c']])).toBe('a;b\r\n\r\nc\r\n');
  });

  it('writes the report as UTF-8 with BOM, ";" and CRLF, in Dutch', () => {
    const bytes = monitoringCsv(report);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(
      '\uFEFF' +
        [
          'Monitoringsrapportage MDO',
          'Anoniem overzicht',
          'Periode;2026-01-01 t/m 2026-06-30',
          'Scholen;"De Linde; dependance ""Noord"""',
          '',
          'Trekker',
          'Onderdeel;Aantal;Aandeel',
          'Open casussen;27;',
          'met een trekker;x;–',
          'zonder trekker;<5;–',
          '',
          'Belemmeringen',
          'Belemmering;Totaal',
          'Niets vastgelegd in deze periode.',
          '',
          'Toelichting',
          '<5: een aantal van 1 tot en met 4.',
        ]
          .map((line) => `${line}\r\n`)
          .join(''),
    );
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });
});
