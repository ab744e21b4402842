// What the kernteam's calendars and the IB read about the invitation (.ics)
// to a meeting: no pupil data, only the meeting's own facts.

export const nlInvitation = {
  /** The calendar entry's title: the school, never a pupil. */
  summary: (school: string) => `MDO ${school}`,
  /** The entry's fixed text: a calendar invitation travels by e-mail and lands on phones, so it holds no case at all. */
  description: (school: string) =>
    `Multidisciplinair overleg (kernteam) van ${school}.\nDe agenda volgt apart.\nDeze uitnodiging bevat geen gegevens over leerlingen.`,
  cancelledDescription: (school: string) => `Het multidisciplinair overleg (kernteam) van ${school} gaat niet door.`,
  fileName: (date: string) => `Uitnodiging MDO ${date}.ics`,
  cancelFileName: (date: string) => `Annulering MDO ${date}.ics`,
  button: 'Uitnodiging (agenda)',
  cancelButton: 'Annulering versturen',
  cancelMeeting: 'Overleg annuleren',
  cancelMeetingTitle: 'Overleg annuleren?',
  cancelMeetingText:
    'Het overleg gaat niet door. De agenda blijft bewaard, maar u kunt het overleg daarna niet meer voorzitten of wijzigen. Stuur daarna de annulering naar het kernteam, zodat het overleg uit hun agenda verdwijnt.',
  cancelMeetingConfirm: 'Ja, annuleren',
  keepMeeting: 'Nee, terug',
  cancelled: 'Het overleg is geannuleerd.',
  /** After a change of date, time, place or invitees: the calendars still show the old invitation. */
  outdated:
    'Datum, tijd, plaats of genodigden zijn gewijzigd sinds de uitnodiging. Stuur de uitnodiging opnieuw, dan werken de agenda’s van het kernteam zichzelf bij.',
  noOrganizerEmail:
    'De voorzitter heeft geen e-mailadres in Kernteam. De uitnodiging heeft dan geen organisator: ontvangers kunnen de afspraak wel in hun agenda zetten, maar niet via de agenda antwoorden.',
  errors: {
    held: 'Dit overleg is al gehouden. Een uitnodiging is alleen voor een gepland overleg.',
    notSent: 'Voor dit overleg is nog geen uitnodiging verstuurd, dus er is niets te annuleren.',
    notPlanned: 'Alleen een gepland overleg dat nog niet is begonnen kan worden geannuleerd.',
  },
};
