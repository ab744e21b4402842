// What a school's IB reads about the regiomonitor: the coordinator's
// certificate in Schoolprofiel and the regiobijdrage. Dutch in the u-vorm of
// the rest of the app's screens (the handleiding speaks in the je-vorm).

/** A name without characters that Windows, macOS or Linux refuse in a file name (or that are invisible). */
function safeFileName(name: string): string {
  const kept = [...name].filter((char) => char.charCodeAt(0) >= 32 && !'\\/:*?"<>|'.includes(char)).join('');
  return kept.trim() || 'school';
}

export const nlRegioSchool = {
  /** The suggested file name: the school's name without characters a file system refuses. */
  fileName: (school: string, from: string, to: string) => `Regiobijdrage ${safeFileName(school)} ${from} tot en met ${to}.mdoregio`,
  errors: {
    notACertificate: 'Dit bestand is geen certificaat. Kies het .pem-bestand dat u van de regiocoördinator kreeg.',
    notRsa:
      'Dit certificaat is niet gemaakt om regiobijdragen te ontvangen (het is bijvoorbeeld alleen voor ondertekenen). Vraag de regiocoördinator om het .pem-bestand van het regiocertificaat.',
    notValidNow: 'Dit certificaat is nu niet geldig (verlopen of nog niet ingegaan). Vraag de regiocoördinator om een geldig certificaat.',
    noRecipient: 'Kies eerst in Schoolprofiel het certificaat van de regiocoördinator.',
  },
  /** The open dialog's filter: the coordinator's certificate. */
  certificateFileType: 'Certificaat van de regiocoördinator',
  /** Schoolprofiel → Regiomonitor. */
  settings: {
    title: 'Regiomonitor',
    intro:
      'Het certificaat van de regiocoördinator. Uw regiobijdrage wordt ermee versleuteld, zodat alleen de coördinator de aantallen kan lezen.',
    none: 'Er is nog geen certificaat gekozen. Vraag de regiocoördinator om het .pem-bestand van de regio.',
    choose: 'Certificaat kiezen…',
    remove: 'Verwijderen',
    setByIt: 'Ingesteld door ICT',
    setByItHint: 'ICT heeft dit certificaat op deze computer vastgelegd; u kunt het hier niet wijzigen.',
    organisation: 'Organisatie',
    fingerprint: 'Vingerafdruk (SHA-256)',
    validUntil: (date: string) => `Geldig tot ${date}`,
    compare: 'Vergelijk de vingerafdruk met wat de coördinator u gaf (in de stuurgroep, op papier of telefonisch).',
    schoolKey: 'Handtekening van uw school',
    schoolKeyIntro:
      'MDO ondertekent elke regiobijdrage met een eigen sleutel van uw school. Bij uw eerste bijdrage vraagt de coördinator u soms deze vingerafdruk te bevestigen.',
    schoolKeyNone: 'MDO maakt deze sleutel bij uw eerste regiobijdrage.',
    chosen: 'Het certificaat van de regiocoördinator is opgeslagen.',
    removed: 'Het certificaat van de regiocoördinator is verwijderd.',
    notValid: {
      notYetValid: (date: string) => `Dit certificaat is nog niet geldig: pas vanaf ${date}. Tot dan kunt u geen regiobijdrage maken.`,
      expired: (date: string) =>
        `Dit certificaat is verlopen op ${date}. Vraag de regiocoördinator om het nieuwe .pem-bestand; tot dan kunt u geen regiobijdrage maken.`,
      expiresSoon: (date: string) => `Dit certificaat verloopt op ${date}. De regiocoördinator geeft dan een nieuw .pem-bestand.`,
    },
  },
  /** Monitoring → Regiobijdrage maken. */
  screen: {
    open: 'Regiobijdrage maken',
    title: 'Regiobijdrage maken',
    back: 'Terug naar Monitoring',
    intro:
      'Een regiobijdrage is één bestand met de precieze aantallen achter de monitoring van uw school, versleuteld voor de regiocoördinator en ondertekend door de school. Hieronder ziet u precies wat erin komt, voordat u het opslaat.',
    choice: 'School en periode',
    school: 'School',
    from: 'Van',
    to: 'Tot en met',
    show: 'Tonen',
    quick: 'Snel kiezen',
    lastQuarter: 'Vorig kwartaal',
    lastSchoolYear: 'Vorig schooljaar',
    forWhom: 'Voor wie',
    noRecipient:
      'Er is nog geen certificaat van de regiocoördinator gekozen. Zonder dat certificaat kan MDO de bijdrage niet versleutelen.',
    toSettings: 'Naar Schoolprofiel',
    notValidNow: 'Het certificaat van de regiocoördinator is nu niet geldig. Kies in Schoolprofiel een geldig certificaat.',
    which: 'Welke periode',
    periodText: (from: string, to: string) => `${from} tot en met ${to}`,
    schoolText: (name: string) => `School: ${name}`,
    holds: 'Wat het bestand bevat',
    holdsIntro:
      'Alleen aantallen, ook de kleine: de coördinator telt ze op voor de hele regio en verbergt kleine aantallen pas daarna. Daarom is het bestand versleuteld. Verder staan erin: de naam van de school, de periode en de versie van MDO en van het bestandsformaat.',
    never: 'Wat het bestand nooit bevat',
    neverList: [
      'namen of initialen van leerlingen, ouders of kernteamleden',
      'geboortedata',
      'vrije tekst, zoals de hulpvraag, aantekeningen en afspraken',
      'nummers van leerlingen, casussen of overleggen',
      'data van overleggen',
    ],
    save: 'Bijdrage opslaan…',
  },
  preview: {
    leadTimeTitle: 'Doorlooptijd: casussen per aantal dagen van aanmelding tot eerste bespreking',
    days: 'Dagen',
    cases: 'Casussen',
    daysLabel: (days: number) => (days === 1 ? '1 dag' : `${days} dagen`),
    noLeadTime: 'Geen casus voor het eerst besproken in deze periode.',
  },
} as const;
