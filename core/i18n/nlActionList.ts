// Each kernteam member's own action list ("eigen actielijst"): the DOCX sent after
// the meeting and the card that offers it per member at closing and on a held meeting.

export const nlActionList = {
  /** The document. */
  docs: {
    title: 'Eigen actielijst',
    intro: (meetingDate: string, today: string) =>
      `Uw openstaande afspraken uit het overleg van ${meetingDate} en eerdere overleggen, zoals ze op ${today} in MDO staan.`,
    member: 'Voor',
    role: 'Rol',
    organisation: 'Organisatie',
    meeting: 'Overleg',
    actions: 'Afspraken',
    count: (count: number) => (count === 1 ? '1 openstaande afspraak' : `${count} openstaande afspraken`),
    none: 'U heeft geen openstaande afspraken. Er is niets te doen.',
    caseColumn: 'Casus',
    descriptionColumn: 'Afspraak',
    dueColumn: 'Uiterlijk',
    agreedColumn: 'Afgesproken',
    overdue: 'verlopen',
    postponed: (originalDue: string, times: number) => `uitgesteld (${times === 1 ? '1 keer' : `${times} keer`}; eerst ${originalDue})`,
    privacyNote:
      'Een leerling staat hierin met voorletters en groep als de toestemming het delen met het kernteam dekt, anders als anonieme casus. Bewaar deze lijst niet langer dan nodig.',
    /** File name: no pupil data, only the member (a professional) and the meeting date. */
    fileName: (memberName: string, meetingDate: string) => `Acties ${memberName} MDO ${meetingDate}.docx`,
  },
  /** The card at closing and on a held meeting's page. */
  card: {
    title: 'Actielijsten voor het kernteam',
    intro:
      'Stuur elk kernteamlid de eigen openstaande afspraken, naast het verslag. Leerlingen staan er alleen met voorletters en groep in als de toestemming dat dekt.',
    none: 'Er zijn geen kernteamleden uitgenodigd en niemand heeft openstaande afspraken.',
    member: 'Kernteamlid',
    open: 'Open afspraken',
    export: 'Actielijst',
    exportFor: (memberName: string) => `Actielijst van ${memberName}`,
    openCount: (count: number) => (count === 1 ? '1 open' : `${count} open`),
  },
};
