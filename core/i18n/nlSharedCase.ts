// How a case is named in a document that goes to kernteam members outside the meeting.
export const nlSharedCase = {
  /** "J.d.V. (Groep 6)" */
  named: (initials: string, groupName: string) => `${initials} (${groupName})`,
  /** A case whose consent does not cover sharing with the kernteam. */
  anonymous: (groupName: string) => `Anonieme casus (${groupName})`,
  /** Stands for the pupil's name in free text of a case that is not named. */
  thePupil: 'de leerling',
  /** An agreement that belongs to no case. */
  general: 'Algemeen',
};
