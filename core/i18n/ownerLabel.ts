import type { OwnerKind } from '../../db/schema';
import { nl } from './nl';

/** Who carries out an agreement, as written in screens and documents: a name, or "Ouders" / "Leerling". */
export function ownerLabel(agreement: { ownerKind: OwnerKind; ownerName: string }): string {
  return agreement.ownerKind === 'member' || agreement.ownerKind === 'staff' ? agreement.ownerName : nl.owners[agreement.ownerKind];
}
