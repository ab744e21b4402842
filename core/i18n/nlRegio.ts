import { nlRegioScreens } from './nlRegioScreens';

/**
 * Dutch texts of the region side of the regiomonitor: the coordinator's region
 * database (set-up, schools and gebieden, importing contributions, the overview,
 * the coordinator's key) and its audit entries. `nl.ts` takes it in as `nl.regio`.
 */
export const nlRegio = {
  /** Why a channel does not fit the open file (error code WRONG_DATABASE). */
  wrongDatabase: {
    schoolChannel:
      'Dit is een regiobestand: het bevat geen leerlingen, casussen of overleggen. Open hiervoor het gegevensbestand van een school. Er is niets gewijzigd.',
    regionChannel:
      'Dit is het gegevensbestand van een school, niet van een regio. Regiobijdragen en het regio-overzicht horen in een regiobestand van de coördinator. Er is niets gewijzigd.',
  },
  setup: {
    regionNameRequired: 'Vul de naam van de regio in (minstens twee tekens).',
    coordinatorNameRequired: 'Vul uw naam in (minstens twee tekens).',
  },
  forms: {
    schoolName: 'Vul de naam van de school in (minstens twee tekens).',
    areaName: 'Vul de naam van het gebied in.',
    schoolExists: 'Er is al een school met deze naam in de regio.',
    areaExists: 'Er is al een gebied met deze naam.',
    schoolNameRequired: 'Vul de naam van de nieuwe school in (minstens twee tekens).',
  },
  /** Importing the list of schools from a CSV `school;gebied`. */
  csv: {
    header: ['school', 'gebied'] as const,
    notText: 'Dit bestand is geen tekstbestand in UTF-8. Sla het in Excel op als "CSV UTF-8 (door lijstscheidingsteken gescheiden)".',
    empty: 'Het bestand bevat geen scholen. Zet op elke regel een school en het gebied, gescheiden door een puntkomma: school;gebied.',
    tooManyLines: (max: number) => `Het bestand bevat meer dan ${max} scholen. Splits het bestand op.`,
    tooLarge: 'Dit bestand is te groot voor een lijst met scholen.',
    line: (line: number, problem: string) => `Regel ${line}: ${problem}`,
    problems: {
      emptySchool: 'de naam van de school ontbreekt.',
      shortSchool: 'de naam van de school is te kort (minstens twee tekens).',
      longSchool: (max: number) => `de naam van de school is langer dan ${max} tekens.`,
      longArea: (max: number) => `de naam van het gebied is langer dan ${max} tekens.`,
      tooManyFields:
        'er staan meer dan twee kolommen op deze regel (school;gebied). Staat er een puntkomma in een naam, zet die naam dan tussen aanhalingstekens.',
      badCharacters: 'de regel bevat tekens die niet in een naam horen (zoals een tab of een onzichtbaar stuurteken).',
      openQuote: 'een aanhalingsteken wordt niet gesloten.',
      textAfterQuote: 'na een gesloten aanhalingsteken staat nog tekst in hetzelfde veld.',
      twoAreas: (school: string, first: number, area: string, other: string) =>
        `de school "${school}" staat ook op regel ${first}, maar daar met het gebied "${other}" en hier met "${area}".`,
    },
    andMore: (count: number) => (count === 1 ? 'En nog 1 probleem.' : `En nog ${count} problemen.`),
    refused: 'Er is niets ingelezen. Verbeter het bestand en probeer het opnieuw.',
  },
  /** One imported contribution file: what happened to it. */
  contributions: {
    fileType: 'Regiobijdrage',
    outcome: {
      stored: 'Ingelezen.',
      replaced:
        'Ingelezen. Deze bijdrage vervangt een eerdere van dezelfde school over dezelfde periode; de eerdere blijft bewaard als geschiedenis.',
      older:
        'Bewaard als geschiedenis: er is al een nieuwere bijdrage van deze school over dezelfde periode. Het overzicht en de rapportage gebruiken de nieuwere.',
      duplicate: 'Dit bestand is al eerder ingelezen. Er is niets opnieuw opgeslagen.',
      unknownSigner:
        'Deze bijdrage is ondertekend met een sleutel die u nog niet kent. Vergelijk de vingerafdruk met wat de school u heeft gegeven (bijvoorbeeld telefonisch) en accepteer de sleutel alleen als die gelijk is. Tot dan is er niets opgeslagen.',
    },
    refused: {
      NOT_CMS: 'Dit bestand is geen regiobijdrage (geen versleuteld en ondertekend bestand). Er is niets opgeslagen.',
      NOT_FOR_US:
        'Deze bijdrage is versleuteld voor een andere coördinator en kan hier niet worden geopend. Vraag de school de bijdrage opnieuw te maken met uw certificaat. Er is niets opgeslagen.',
      TAMPERED:
        'Deze bijdrage is na het ondertekenen gewijzigd of beschadigd (bijvoorbeeld onderweg of door een mailprogramma). Vraag de school het bestand opnieuw te sturen. Er is niets opgeslagen.',
      NOT_CONTRIBUTION: 'Dit bestand is wel versleuteld en ondertekend, maar bevat geen geldige regiobijdrage. Er is niets opgeslagen.',
      TOO_NEW:
        'Deze bijdrage is gemaakt met een nieuwere versie van MDO dan deze. Installeer de nieuwste versie en lees het bestand opnieuw in. Er is niets opgeslagen.',
      NOT_CERTIFICATE: 'Het certificaat in deze bijdrage is niet bruikbaar. Er is niets opgeslagen.',
      tooLarge: (megabytes: number) => `Dit bestand is groter dan ${megabytes} MB en dus geen regiobijdrage. Er is niets opgeslagen.`,
      notAFile: 'Dit is geen gewoon bestand (bijvoorbeeld een map of een koppeling) en is overgeslagen. Er is niets opgeslagen.',
      unreadable: 'Dit bestand of deze map kon niet worden gelezen (bestaat niet meer, of geen toegang). Er is niets opgeslagen.',
      tooMany: (max: number) =>
        `Er zijn meer dan ${max} bestanden tegelijk gekozen; dit bestand is overgeslagen. Lees het in een volgende keer in.`,
    },
    pendingGone: 'Deze bijdrage wacht niet meer op uw bevestiging (MDO is intussen vergrendeld). Lees het bestand opnieuw in.',
  },
  key: {
    pemFileName: (region: string) => `Certificaat coördinator ${region}.pem`,
    p12FileName: (region: string) => `Sleutel coördinator ${region}.p12`,
    pemType: 'Certificaat (PEM)',
    p12Type: 'Sleutel met certificaat (.p12)',
    passphraseTooShort: 'Dit wachtwoord is te kort: gebruik minstens 12 tekens, bijvoorbeeld vier of vijf losse woorden.',
    notRsa: 'Dit certificaat heeft geen RSA-sleutel van minstens 2048 bits en kan geen regiobijdragen openen.',
  },
  /** The demo region's own name and the mark of its made-up signer keys. */
  demo: {
    regionName: 'Demo — Regio Oost',
    coordinatorName: 'Demo — Coördinator',
    signerSubject: (school: string) => `CN=${school}, O=Demo (verzonnen sleutel)`,
  },
  audit: {
    kind: 'Regio',
    actions: {
      'region.create': 'Regiobestand aangemaakt',
      'region.schools_import': 'Scholen ingelezen uit CSV',
      'region.school_add': 'School toegevoegd aan de regio',
      'region.school_remove': 'School verwijderd uit de regio',
      'region.area_remove': 'Gebied verwijderd',
      'region.contributions_import': 'Regiobijdragen ingelezen',
      'region.signer_accept': 'Sleutel van een school geaccepteerd',
      'region.signer_remove': 'Sleutel van een school verwijderd',
      'region.key_create': 'Sleutel van de coördinator gemaakt',
      'region.key_import': 'Sleutel van de coördinator geïmporteerd',
      'export.region_certificate': 'Certificaat van de coördinator geëxporteerd',
      'export.region_key': 'Sleutel van de coördinator geëxporteerd (.p12)',
    } as Record<string, string>,
    entities: {
      region: 'regio',
      regionSchool: 'school in de regio',
      regionArea: 'gebied',
      regionKey: 'sleutel van de coördinator',
    } as Record<string, string>,
    counts: {
      schools: ['school', 'scholen'],
      newSchools: ['nieuwe school', 'nieuwe scholen'],
      changedSchools: ['school met een ander gebied', 'scholen met een ander gebied'],
      newAreas: ['nieuw gebied', 'nieuwe gebieden'],
      files: ['bestand', 'bestanden'],
      stored: ['nieuwe bijdrage', 'nieuwe bijdragen'],
      replaced: ['vervangende bijdrage', 'vervangende bijdragen'],
      older: ['oudere bijdrage (geschiedenis)', 'oudere bijdragen (geschiedenis)'],
      duplicate: ['dubbel bestand', 'dubbele bestanden'],
      unknownSigner: ['bestand met een onbekende sleutel', 'bestanden met een onbekende sleutel'],
      refused: ['geweigerd bestand', 'geweigerde bestanden'],
      contributions: ['bijdrage', 'bijdragen'],
      signers: ['sleutel', 'sleutels'],
    } as Record<string, readonly [string, string]>,
  },
  /** The region mode's screens (first start, menu, Overzicht, Scholen en gebieden, Instellingen). */
  screens: nlRegioScreens,
};
