// Dutch texts of the regional report (the coordinator's Regiorapportage):
// screen, DOCX and CSV.

export const nlRegioReport = {
  title: (region: string) => `Regiorapportage MDO ${region}`.trim(),
  documentId: (from: string, to: string) => `RR-${from.replaceAll('-', '')}-${to.replaceAll('-', '')}`,
  fileName: (region: string, from: string, to: string, extension: string) =>
    `Regiorapportage MDO ${region} ${from} tot en met ${to}.${extension}`.replace(/\s+/g, ' '),
  regionHeading: 'De regio als geheel',
  /** The region's name in headings when the report has none (regio combine). */
  regionLabel: 'Regio',
  areasHeading: 'Per gebied',
  schoolsHeading: 'Per school',
  noArea: 'Zonder gebied',
  entirelyHidden: 'Alle aantallen van dit onderdeel zijn te klein om te tonen.',
  cycleHeading: 'Leercyclus',
  cycleIntro:
    'Elke maat over de opeenvolgende perioden van de regio, zodat de stuurgroep ziet wat een aanpak opleverde. Aantallen van 1 tot en met 4 staan er als "<5".',
  meta: {
    areas: 'Gebieden',
    delivered: (delivered: number, schools: number) => `${delivered} van ${schools} scholen hebben voor deze periode een bijdrage geleverd`,
  },
  /** The Regiorapportage screen in region mode. */
  screen: {
    intro:
      'De opgetelde aantallen van de scholen die voor een periode een bijdrage leverden: de regio als geheel, per gebied en per school, en de leercyclus over de perioden. Kleine aantallen zijn verborgen, zodat niets naar een kind wijst.',
    period: 'Periode',
    /** "2e kwartaal 2026 (1 april 2026 t/m 30 juni 2026)", or the dates alone for another period. */
    periodDates: (label: string, dates: string) => (label === dates ? dates : `${label} (${dates})`),
    periodOption: (label: string, delivered: number, schools: number) => `${label} · ${delivered} van ${schools} scholen geleverd`,
    delivered: (delivered: number, schools: number) => `${delivered} van ${schools} scholen geleverd`,
    empty:
      'Er is nog geen bijdrage ingelezen, dus er is nog niets op te tellen. Lees bij Overzicht de bijdragen in die de scholen u stuurden; daarna staat hier de rapportage per periode.',
    exportDocx: 'Exporteren als Word',
    exportCsv: 'Exporteren als CSV (Excel)',
    partsIntro: 'Klik op een naam om de tabellen te openen.',
    noAreas: 'Deze regio heeft geen gebieden.',
    tableOf: (part: string, table: string) => `${part}: ${table}`,
    cycleChartAlt: (description: string) => description,
    noCycle: 'Voor de leercyclus zijn bijdragen over minstens twee perioden van dezelfde lengte nodig.',
  },
} as const;
