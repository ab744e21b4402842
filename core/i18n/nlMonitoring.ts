/**
 * Dutch texts of the anonymous monitoring report for the stuurgroep (screen,
 * DOCX and CSV), and of the Monitoring screen. `nl.ts` takes it in as
 * `nl.monitoring`.
 */
export const nlMonitoring = {
  title: 'Monitoringsrapportage MDO',
  marking: 'Anoniem',
  documentId: (from: string, to: string) => `MR-${from.replaceAll('-', '')}-${to.replaceAll('-', '')}`,
  fileName: (from: string, to: string, extension: string) => `Monitoringsrapportage MDO ${from} tot en met ${to}.${extension}`,
  screen: {
    title: 'Monitoring',
    intro:
      'Het anonieme overzicht voor de stuurgroep: dezelfde cijfers als in de export. Aantallen van 1 tot en met 4 staan er als "<5", zodat geen leerling te herkennen is.',
    from: 'Van',
    to: 'Tot en met',
    schools: 'Scholen',
    show: 'Tonen',
    exportDocx: 'Exporteren als Word',
    exportCsv: 'Exporteren als CSV (Excel)',
    chartAlt: (description: string) => `Grafiek. ${description}`,
  },
  subtitle: 'Anoniem overzicht voor de stuurgroep: alleen aantallen, geen namen.',
  meta: {
    period: 'Periode',
    periodText: (from: string, to: string) => `${from} t/m ${to}`,
    schools: 'Scholen',
    generatedOn: 'Gemaakt op',
    asOf: 'Peildatum trekker',
  },
  cells: {
    small: '<5',
    hidden: 'x',
    notShown: '–',
  },
  legend: {
    title: 'Toelichting',
    small: '<5: een aantal van 1 tot en met 4. Het precieze aantal wordt niet getoond, zodat niemand te herkennen is.',
    hidden: 'x: niet getoond, zodat een aantal "<5" niet uit de andere getallen kan worden teruggerekend of ingeperkt.',
    notShown: '–: niet getoond of niet te berekenen (te weinig casussen of een verborgen aantal).',
    casesCounted: 'Succesfactoren en belemmeringen tellen casussen; een casus met twee thema’s telt bij beide thema’s mee.',
  },
  columns: {
    measure: 'Onderdeel',
    count: 'Aantal',
    share: 'Aandeel',
    value: 'Waarde',
    total: 'Totaal',
    successFactor: 'Succesfactor',
    obstacle: 'Belemmering',
  },
  cases: {
    title: 'Casussen',
    new: 'Nieuw aangemeld in de periode',
    active: 'Lopend in de periode (aangemeld en nog niet afgesloten)',
    closed: 'Afgesloten in de periode',
  },
  lead: {
    title: 'Trekker',
    open: (date: string) => `Open casussen op ${date}`,
    withLead: 'met een trekker',
    withoutLead: 'zonder trekker',
  },
  effect: {
    title: 'Merkbaar effect binnen twee weken',
    cohort: 'Casussen voor het eerst besproken in de periode',
    yes: 'Effect: ja',
    partly: 'Effect: deels',
    no: 'Effect: nee',
    unchecked: 'Effect nog niet vastgelegd',
    withinTarget: 'Effect vastgelegd binnen 14 dagen na de eerste bespreking',
  },
  leadTime: {
    title: 'Doorlooptijd',
    median: 'Mediaan aantal dagen van aanmelding tot eerste bespreking',
    tooFew: 'minder dan 5 casussen',
  },
  agreements: {
    title: 'Afspraken',
    total: 'Afspraken gemaakt in overleggen in de periode',
    doneOnTime: 'Op tijd gedaan',
    doneLate: 'Te laat gedaan',
    postponed: 'Uitgesteld (één keer of vaker)',
    notDone: 'Niet gedaan',
    openNotDue: 'Nog open, nog niet over datum',
    openOverdue: 'Nog open, over datum',
    postponements: 'Aantal keer uitgesteld (alle uitgestelde afspraken samen)',
    postponedMoreThanOnce: 'Afspraken die vaker dan één keer zijn uitgesteld',
  },
  leadChanges: {
    title: 'Wisselingen van trekker',
    changes: 'Aantal keer een andere trekker',
    cases: 'Casussen met een wisseling van trekker',
  },
  absence: {
    title: 'Verzuim en thuiszitten (thema)',
    new: 'Nieuw aangemeld in de periode',
    active: 'Lopend in de periode',
    closed: 'Afgesloten in de periode',
  },
  tags: {
    successFactors: 'Succesfactoren per thema (aantal casussen)',
    obstacles: 'Belemmeringen per thema (aantal casussen)',
    none: 'Niets vastgelegd in deze periode.',
    noTheme: 'Zonder thema',
  },
  /** The region's report: the region, its gebieden and schools, and the learning cycle over the periods. */
  linked: {
    level: { region: 'Regio', area: 'Gebied', school: 'School' },
    heading: (level: string, path: string) => `${level}: ${path}`,
    note: 'Let op',
    entirelyHidden: 'Alle aantallen van dit onderdeel zijn verborgen, zodat niemand te herkennen is.',
    cycleTitle: 'Leercyclus: de cijfers per periode',
    openOnAsOf: 'Open casussen op de peildatum',
    together:
      'De tabellen van de regio, de gebieden, de scholen en de perioden zijn samen beveiligd: ook door ze te combineren is geen aantal "<5" terug te rekenen of in te perken.',
  },
} as const;
