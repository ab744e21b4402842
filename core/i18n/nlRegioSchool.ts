// What a school's IB reads about the regiomonitor: the coordinator's
// certificate in Schoolprofiel and the regiobijdrage (Dutch, je-vorm).

/** A name without characters that Windows, macOS or Linux refuse in a file name (or that are invisible). */
function safeFileName(name: string): string {
  const kept = [...name].filter((char) => char.charCodeAt(0) >= 32 && !'\\/:*?"<>|'.includes(char)).join('');
  return kept.trim() || 'school';
}

export const nlRegioSchool = {
  /** The suggested file name: the school's name without characters a file system refuses. */
  fileName: (school: string, from: string, to: string) => `Regiobijdrage ${safeFileName(school)} ${from} tot en met ${to}.mdoregio`,
  errors: {
    notACertificate: 'Dit bestand is geen certificaat. Kies het .pem-bestand dat de regiocoördinator je gaf.',
    notRsa:
      'Dit certificaat is niet gemaakt om regiobijdragen te ontvangen (het is bijvoorbeeld alleen voor ondertekenen). Vraag de regiocoördinator om het .pem-bestand van het regiocertificaat.',
    notValidNow: 'Dit certificaat is nu niet geldig (verlopen of nog niet ingegaan). Vraag de regiocoördinator om een geldig certificaat.',
    noRecipient: 'Kies eerst in Schoolprofiel het certificaat van de regiocoördinator.',
  },
  preview: {
    leadTimeTitle: 'Doorlooptijd: casussen per aantal dagen van aanmelding tot eerste bespreking',
    days: 'Dagen',
    cases: 'Casussen',
    daysLabel: (days: number) => (days === 1 ? '1 dag' : `${days} dagen`),
    noLeadTime: 'Geen casus voor het eerst besproken in deze periode.',
  },
} as const;
