import { createContext, useContext, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { school } from '../../core/contract/entities';

export type School = z.infer<typeof school>;

interface SchoolState {
  schools: School[];
  current: School;
  select(id: number): void;
}

const SchoolContext = createContext<SchoolState | null>(null);

/** Holds which of the installation's schools the user is working in. */
export function SchoolProvider({ schools, children }: { schools: School[]; children: ReactNode }) {
  const [currentId, setCurrentId] = useState(schools[0]?.id);
  const current = schools.find((s) => s.id === currentId) ?? schools[0];
  return <SchoolContext.Provider value={{ schools, current, select: setCurrentId }}>{children}</SchoolContext.Provider>;
}

export function useSchool(): SchoolState {
  const state = useContext(SchoolContext);
  if (!state) throw new Error('useSchool outside SchoolProvider');
  return state;
}
