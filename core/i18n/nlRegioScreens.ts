/**
 * Dutch texts of the region mode's screens: the first start's region choice, the
 * menu, Overzicht (with importing contributions and the unknown signer's dialog),
 * Scholen en gebieden and Instellingen. `nlRegio.ts` takes it in as `nlRegio.screens`.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const nlRegioScreens = {
  welcome: {
    sectionTitle: 'Coördineert u een regio?',
    sectionText:
      'Voor de regiocoördinator of aanjager van een stuurgroep: het beeld over veel scholen samen, uit de regiobijdragen die de scholen sturen. Een regiobestand bevat geen leerlingen en geen casussen.',
    demoText: 'De demoregio: 16 verzonnen scholen in 7 buurten, met vier kwartalen aan bijdragen.',
    open: 'Een regio coördineren',
    demoButton: 'Demoregio bekijken',
    title: 'Een regio coördineren',
    text: 'Het regiobestand bevat alleen de scholen van de regio, hun gebied en de bijdragen die zij sturen. MDO maakt er meteen uw certificaat bij: alleen met dit bestand zijn de bijdragen te openen.',
    regionName: 'Naam van de regio',
    regionNamePlaceholder: 'Bijvoorbeeld: Regio Amsterdam-Oost',
    coordinatorName: 'Uw naam',
    coordinatorNameHint: 'Komt in uw certificaat: de scholen zien hem voordat ze een bijdrage voor u maken.',
    button: 'Regio aanmaken',
    back: 'Terug',
  },
  nav: {
    tagline: 'Regiomonitor',
    demoBadge: 'Demoregio',
    overview: 'Overzicht',
    schools: 'Scholen en gebieden',
    report: 'Regiorapportage',
    settings: 'Instellingen',
  },
  /** "3e kwartaal 2026" for a calendar quarter, else the dates. */
  period: {
    quarter: (quarter: number, year: number) => `${quarter}e kwartaal ${year}`,
    range: (from: string, to: string) => `${from} t/m ${to}`,
  },
  overview: {
    title: 'Overzicht',
    intro:
      'Per school en periode: is de bijdrage geleverd, ontbreekt ze, of is ze vervangen door een nieuwere? Nieuwe bijdragen leest u in met Bijdragen inlezen… (een of meer bestanden) of Map inlezen… (alle bijdragen in een map). Een bestand dat niet klopt, wordt geweigerd en laat niets achter.',
    summary: (schools: number, areas: number, contributions: number) =>
      `${plural(schools, 'school', 'scholen')} in ${plural(areas, 'gebied', 'gebieden')} · ${plural(contributions, 'bijdrage', 'bijdragen')}`,
    importFiles: 'Bijdragen inlezen…',
    importFolder: 'Map inlezen…',
    empty:
      'Er zijn nog geen bijdragen ingelezen. Kies Bijdragen inlezen… of Map inlezen… voor de .mdoregio-bestanden die de scholen u stuurden. De scholen en hun gebied zet u klaar bij Scholen en gebieden.',
    matrix: 'Bijdragen per school en periode',
    school: 'School',
    area: 'Gebied',
    noArea: 'Zonder gebied',
    delivered: 'Geleverd',
    replaced: 'Vervangen',
    missing: 'Ontbreekt',
    madeOn: (date: string) => `gemaakt op ${date}`,
    history: 'Geschiedenis',
    historyFor: (school: string, period: string) => `Geschiedenis: ${school}, ${period}`,
    historyCurrent: (made: string, received: string) => `In gebruik: gemaakt op ${made}, ingelezen op ${received}.`,
    historyOlder: (made: string, received: string) => `Vervangen: gemaakt op ${made}, ingelezen op ${received}.`,
  },
  /** What became of each file just read. */
  results: {
    title: 'Resultaat van het inlezen',
    files: (n: number) => `${plural(n, 'bestand', 'bestanden')} gelezen.`,
    ignored: (n: number) =>
      n === 1
        ? '1 bestand in de map is geen regiobijdrage (.mdoregio) en is overgeslagen.'
        : `${n} bestanden in de map zijn geen regiobijdrage (.mdoregio) en zijn overgeslagen.`,
    none: 'Er staan geen regiobijdragen (.mdoregio) in deze map.',
    close: 'Resultaat sluiten',
    outcome: {
      stored: 'Ingelezen',
      replaced: 'Vervangt een eerdere bijdrage',
      older: 'Bewaard als geschiedenis',
      duplicate: 'Al ingelezen',
      unknownSigner: 'Nieuwe afzender',
      dismissed: 'Afzender niet vertrouwd',
    },
    refused: {
      NOT_FOR_US: 'Niet voor deze coördinator',
      TAMPERED: 'Gewijzigd na ondertekening',
      NOT_CMS: 'Geen regiobijdrage',
      NOT_CONTRIBUTION: 'Geen regiobijdrage',
      TOO_NEW: 'Nieuwere versie van het formaat',
      NOT_CERTIFICATE: 'Onbruikbaar certificaat',
      tooLarge: 'Te groot',
      notAFile: 'Geen bestand',
      unreadable: 'Niet te lezen',
      tooMany: 'Overgeslagen',
      failed: 'Niet verwerkt',
    } as Record<string, string>,
    refusedOther: 'Geweigerd',
    dismissedMessage: 'U vertrouwt deze afzender niet. Er is niets opgeslagen.',
    of: (school: string, period: string) => `${school} · ${period}`,
  },
  pending: {
    title: (n: number) => (n === 1 ? '1 bijdrage wacht op uw bevestiging' : `${n} bijdragen wachten op uw bevestiging`),
    text: 'Ze zijn ondertekend met een sleutel die u nog niet kent. Er is nog niets van opgeslagen.',
    button: 'Afzender controleren…',
  },
  /** The dialog for a signer seen for the first time. */
  signer: {
    title: 'Nieuwe afzender',
    schoolInFile: 'School volgens het bestand',
    signedBy: 'Ondertekend door',
    fingerprint: 'Vingerafdruk (SHA-256)',
    files: 'Bestanden van deze afzender',
    belongsTo: 'Bij welke school in de regio hoort deze afzender?',
    existing: 'Een school in de regio',
    school: 'School',
    schoolRequired: 'Kies de school.',
    newSchool: 'Een nieuwe school',
    newSchoolName: 'Naam van de nieuwe school',
    newSchoolArea: 'Gebied (niet verplicht)',
    trust: 'Afzender vertrouwen',
    distrust: 'Niet vertrouwen',
    trusted: (school: string) => `De afzender is vertrouwd als ${school}.`,
  },
  schools: {
    title: 'Scholen en gebieden',
    intro:
      'De scholen van de regio met hun gebied (buurt, wijk of onderzoeksgebied). Een bijdrage hoort bij de school van de afzender die u vertrouwde, niet bij de naam die in het bestand staat.',
    schoolsTitle: 'Scholen',
    count: (n: number) => plural(n, 'school', 'scholen'),
    empty: 'Nog geen scholen. Voeg ze hieronder toe, of lees een lijst in met CSV inlezen…',
    school: 'School',
    area: 'Gebied',
    latest: 'Laatste bijdrage',
    noArea: 'Geen gebied',
    areaOf: (school: string) => `Gebied van ${school}`,
    latestText: (period: string, made: string) => `${period}, gemaakt op ${made}`,
    noDelivery: 'Nog geen bijdrage',
    addSchool: 'School toevoegen',
    schoolName: 'Naam van de school',
    rename: 'Naam wijzigen',
    renameFor: (name: string) => `Naam wijzigen: ${name}`,
    renameSchoolTitle: 'Naam van de school wijzigen',
    renameAreaTitle: 'Naam van het gebied wijzigen',
    newName: 'Nieuwe naam',
    save: 'Opslaan',
    remove: 'Verwijderen',
    removeFor: (name: string) => `Verwijderen: ${name}`,
    removeSchoolTitle: 'School verwijderen',
    removeSchoolText: (name: string, contributions: number, signers: number) =>
      `${name} gaat uit de regio, met ${plural(contributions, 'bijdrage', 'bijdragen')} en ${plural(signers, 'vertrouwde afzender', 'vertrouwde afzenders')}. Dit kan niet ongedaan worden gemaakt (alleen met een reservekopie).`,
    schoolRemoved: (name: string) => `${name} is uit de regio verwijderd.`,
    areasTitle: 'Gebieden',
    areasEmpty: 'Nog geen gebieden.',
    areaSchools: (n: number) => plural(n, 'school', 'scholen'),
    addArea: 'Gebied toevoegen',
    areaName: 'Naam van het gebied',
    removeAreaTitle: 'Gebied verwijderen',
    removeAreaText: (name: string, schools: number) =>
      schools === 0
        ? `Het gebied ${name} wordt verwijderd.`
        : `Het gebied ${name} wordt verwijderd. ${schools === 1 ? 'De school blijft' : `De ${schools} scholen blijven`} in de regio, zonder gebied.`,
    csv: 'CSV inlezen…',
    csvHelp:
      'Een lijst in één keer: een CSV-bestand met op elke regel een school en haar gebied, gescheiden door een puntkomma (school;gebied). Sla het in Excel op als "CSV UTF-8 (door lijstscheidingsteken gescheiden)". Een nieuw gebied ontstaat vanzelf.',
    csvImported: (fileName: string, schools: number, newSchools: number, changed: number, newAreas: number) =>
      `${fileName} is ingelezen: ${plural(schools, 'school', 'scholen')}, waarvan ${newSchools} nieuw en ${changed} met een ander gebied; ${plural(newAreas, 'nieuw gebied', 'nieuwe gebieden')}.`,
    csvRefused: (fileName: string) => `${fileName} is niet ingelezen`,
  },
  settings: {
    title: 'Instellingen',
    regionTitle: 'De regio',
    regionName: 'Naam van de regio',
    save: 'Opslaan',
    saved: 'De naam van de regio is opgeslagen.',
    keyTitle: 'Certificaat van de coördinator',
    keyIntro:
      'De scholen versleutelen hun bijdrage voor dit certificaat; alleen met de sleutel in dit regiobestand is ze te openen. Geef de scholen het .pem-bestand en noem de vingerafdruk ook langs een andere weg, zodat een school kan nagaan dat het certificaat echt van u is.',
    noKey: 'Er is geen actief certificaat. Maak een nieuw certificaat of importeer een sleutel.',
    name: 'Naam',
    organisation: 'Regio',
    fingerprint: 'Vingerafdruk (SHA-256)',
    validUntil: 'Geldig tot',
    status: 'Status',
    savePem: 'Certificaat opslaan (.pem)',
    saveP12: 'Sleutel opslaan (.p12)',
    importP12: 'Sleutel importeren (.p12)',
    createKey: 'Nieuw certificaat maken',
    p12Text:
      'Het .p12-bestand bevat uw sleutel: wie het heeft en het wachtwoord kent, opent alle bijdragen. Gebruik het voor een tweede computer of voor regio combine op de opdrachtregel, beveilig het met een eigen sterk wachtwoord en bewaar het veilig.',
    p12Save: 'Opslaan…',
    importText:
      'Een sleutel van een andere computer of van ICT wordt het actieve certificaat. Eerdere sleutels blijven bewaard om late bijdragen te openen.',
    importPassphrase: 'Wachtwoord van het .p12-bestand',
    importChoose: 'Bestand kiezen…',
    imported: 'De sleutel is geïmporteerd en is nu het actieve certificaat.',
    createText:
      'Het nieuwe certificaat wordt het actieve. Geef de scholen daarna het nieuwe .pem-bestand; bijdragen die nog voor het oude certificaat zijn gemaakt, kunt u blijven openen.',
    createName: 'Uw naam',
    createButton: 'Certificaat maken',
    created: 'Het nieuwe certificaat is gemaakt. Sla het op als .pem en geef het aan de scholen.',
    olderKeys: 'Eerdere certificaten',
    olderKeysText: 'Blijven bewaard om bijdragen te openen die nog voor een eerder certificaat zijn gemaakt.',
    signersTitle: 'Vertrouwde afzenders',
    signersIntro:
      'De sleutels waarmee scholen hun bijdragen ondertekenen en die u hebt vertrouwd. Verwijder een sleutel die een school kwijt is of die u per vergissing vertrouwde: de bijdragen die al zijn ingelezen, blijven.',
    signersEmpty: 'Nog geen vertrouwde afzenders. Bij de eerste bijdrage van een school vraagt MDO u de afzender te controleren.',
    signerSchool: 'School',
    signerSubject: 'Ondertekend door',
    signerSince: 'Vertrouwd sinds',
    removeSigner: 'Verwijderen',
    removeSignerFor: (school: string) => `Afzender verwijderen: ${school}`,
    removeSignerTitle: 'Afzender niet meer vertrouwen',
    removeSignerText: (school: string) =>
      `MDO vertrouwt deze sleutel van ${school} niet meer. De bijdragen die al zijn ingelezen, blijven; een nieuwe bijdrage met deze sleutel vraagt weer om uw bevestiging.`,
    removeSignerButton: 'Niet meer vertrouwen',
  },
  privacy: {
    intro:
      'Voor de functionaris gegevensbescherming (FG) en de coördinator: wie wat met dit regiobestand deed. Een regiobestand bevat geen leerlingen of casussen, alleen aantallen per school.',
  },
  report: {
    title: 'Regiorapportage',
  },
};
