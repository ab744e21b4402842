// Dutch texts of the regional report (the coordinator's Regiorapportage):
// screen, DOCX and CSV.

export const nlRegioReport = {
  title: (region: string) => `Regiorapportage MDO ${region}`.trim(),
  documentId: (from: string, to: string) => `RR-${from.replaceAll('-', '')}-${to.replaceAll('-', '')}`,
  fileName: (region: string, from: string, to: string, extension: string) =>
    `Regiorapportage MDO ${region} ${from} tot en met ${to}.${extension}`.replace(/\s+/g, ' '),
  regionHeading: 'De regio als geheel',
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
} as const;
