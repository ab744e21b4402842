// How a case is named in a document that goes to kernteam members outside the meeting.
export const nlSharedCase = {
  /** "J.d.V. (Groep 6)" */
  named: (initials: string, groupName: string) => `${initials} (${groupName})`,
  /** A case whose consent does not cover sharing with the kernteam. */
  anonymous: (groupName: string) => `Anonieme casus (${groupName})`,
  /** An agreement that belongs to no case. */
  general: 'Algemeen',
};
