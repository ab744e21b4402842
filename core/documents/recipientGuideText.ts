import type { GuideText } from '../i18n/nlRecipientGuide';
import { recipientGuide } from '../i18n/nlRecipientGuide';

/** Words from a program's interface as people see them: a menu path joined by ›. */
export const uiText = (piece: Exclude<GuideText, string>) => piece.labels.join(' › ');

/** docs/ontvangers.md: the guide as Markdown, interface words in bold; generated, never edited by hand. */
export function recipientGuideMarkdown(): string {
  const inline = (pieces: GuideText[]) => pieces.map((piece) => (typeof piece === 'string' ? piece : `**${uiText(piece)}**`)).join('');
  const lines = [
    '<!-- Gemaakt uit core/i18n/nlRecipientGuide.ts met `npm run docs:ontvangers`; pas de bron aan, niet dit bestand. -->',
    '',
    `# ${recipientGuide.title}`,
    '',
    inline(recipientGuide.intro),
  ];
  for (const section of recipientGuide.sections) {
    lines.push('', `## ${section.heading}`);
    for (const block of section.blocks) {
      lines.push('');
      if (block.kind === 'paragraph') lines.push(inline(block.text));
      else block.items.forEach((item, index) => lines.push(`${block.kind === 'steps' ? `${index + 1}.` : '-'} ${inline(item)}`));
    }
  }
  return `${lines.join('\n')}\n`;
}
