import { buildRecipientGuideDocx } from '../documents/recipientGuideDocx';
import { nl } from '../i18n/nl';
import type { BuiltExport } from './exports';

/** The Dutch guide for recipients of a signed verslag (DOCX), the same text as docs/ontvangers.md. */
export async function recipientGuideExport(): Promise<BuiltExport> {
  // No school data in it: nothing for the audit log to name.
  return { bytes: await buildRecipientGuideDocx(), name: nl.recipientGuide.fileName, entity: null };
}
