import type { BuiltExport } from './exports';

/** The Dutch guide for recipients of a signed verslag (DOCX), the same text as docs/ontvangers.md. */
export async function recipientGuideExport(): Promise<BuiltExport> {
  throw new Error('not built yet');
}
