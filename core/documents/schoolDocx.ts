import { Document, type FileChild } from 'docx';
import { pageFrame, styles } from './blocks';
import { packDocx } from './packDocx';

/**
 * A school's confidential document as DOCX bytes: the school as author and in the
 * header, the document id in the properties and the footer, dated by `moment` so
 * the same data gives the same bytes.
 */
export function packSchoolDocx(document: { school: string; title: string; id: string; children: FileChild[] }, moment: string) {
  return packDocx(
    new Document({
      creator: document.school,
      lastModifiedBy: document.school,
      title: document.title,
      description: document.id,
      styles,
      sections: [{ ...pageFrame(document.school, document.id), children: document.children }],
    }),
    moment,
  );
}
