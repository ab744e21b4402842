// What a school's IB reads about the regiomonitor: the coordinator's
// certificate in Schoolprofiel and the regiobijdrage (Dutch, je-vorm).

export const nlRegioSchool = {
  errors: {
    notACertificate: 'Dit bestand is geen certificaat. Kies het .pem-bestand dat de regiocoördinator je gaf.',
    notRsa:
      'Dit certificaat heeft geen RSA-sleutel en kan daarom geen regiobijdrage ontvangen. Vraag de regiocoördinator om het goede .pem-bestand.',
    notValidNow: 'Dit certificaat is nu niet geldig (verlopen of nog niet ingegaan). Vraag de regiocoördinator om een geldig certificaat.',
    noRecipient: 'Kies eerst in Schoolprofiel het certificaat van de regiocoördinator.',
  },
} as const;
