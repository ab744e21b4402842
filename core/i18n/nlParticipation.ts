// Who took part in a discussion, the pupil's own view, and the parents' right
// to information (the ouderversie sent to parents who were not there).

export type ParentsPresentValue = 'yes' | 'invited_absent' | 'not_invited';
export type PupilParticipationValue = 'present' | 'heard' | 'none';

export const nlParticipation = {
  title: 'Wie waren erbij',
  parents: 'Ouders aanwezig',
  parentsOptions: {
    yes: 'Ja',
    invited_absent: 'Nee, wel uitgenodigd',
    not_invited: 'Nee, niet uitgenodigd',
  } satisfies Record<ParentsPresentValue, string>,
  absentReason: 'Reden',
  notInvitedReason: 'Waarom zijn de ouders niet uitgenodigd?',
  reasonRequired: 'Vul in waarom de ouders niet zijn uitgenodigd; dan wordt het opgeslagen.',
  pupil: 'Leerling',
  pupilOptions: {
    present: 'Was erbij',
    heard: 'Vooraf gehoord',
    none: 'Niet gehoord',
  } satisfies Record<PupilParticipationValue, string>,
  saved: 'Opgeslagen',
  pupilView: 'Wat vindt de leerling zelf?',
  notRecorded: 'Niet vastgelegd',

  /** In the verslag, the ouderversie and the casusdossier. */
  docs: {
    parents: 'Ouders aanwezig',
    parentsValues: {
      yes: 'ja',
      invited_absent: 'nee, wel uitgenodigd',
      not_invited: 'nee, niet uitgenodigd',
    } satisfies Record<ParentsPresentValue, string>,
    reason: (text: string) => ` (reden: ${text})`,
    pupil: 'Leerling',
    pupilValues: {
      present: 'was bij de bespreking',
      heard: 'is vooraf gehoord',
      none: 'is niet gehoord',
    } satisfies Record<PupilParticipationValue, string>,
    pupilView: 'Wat vindt de leerling zelf?',
    sentOn: 'Ouderversie verstuurd op',
  },

  /** On the closing page and the meeting page: the right to information. */
  copies: {
    title: 'Ouderversies voor ouders die er niet bij waren',
    intro:
      'Ouders die niet bij de bespreking waren, hebben recht op informatie. Exporteer per leerling de ouderversie (met het ondertekenicoon ondertekend, als u een certificaat hebt) en leg vast wanneer u die hebt verstuurd.',
    none: 'Bij alle besproken leerlingen waren de ouders aanwezig (of de bespreking was anoniem).',
    pupil: 'Leerling',
    parents: 'Ouders',
    export: 'Ouderversie exporteren',
    exportFor: (pupil: string) => `Ouderversie exporteren: ${pupil}`,
    sentOn: 'Verstuurd op',
    sentOnFor: (pupil: string) => `Verstuurd op: ${pupil}`,
    markSent: 'Vastleggen',
    markSentFor: (pupil: string) => `Verstuurd vastleggen: ${pupil}`,
    sent: (date: string) => `Verstuurd op ${date}`,
    undo: 'Ongedaan maken',
    undoFor: (pupil: string) => `Verstuurd ongedaan maken: ${pupil}`,
    notSent: 'Nog niet verstuurd',
    sentInFuture: 'De datum van versturen kan niet na vandaag liggen.',
  },

  /** On the start screen. */
  dashboard: {
    title: 'Ouderversies nog niet verstuurd',
    none: 'Alle ouderversies voor ouders die er niet bij waren, zijn verstuurd.',
    detail: (date: string) => `Besproken op ${date}`,
    openMeeting: (pupil: string, date: string) => `Ouderversie ${pupil}: overleg van ${date}`,
  },

  dateOrder: {
    parentCopySentBeforeMeeting: 'De ouderversie kan niet zijn verstuurd vóór de datum van het overleg. Controleer de datum.',
  },
};
