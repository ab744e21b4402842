// Writes docs/ontvangers.md from core/i18n/nlRecipientGuide.ts (npm run docs:ontvangers).
import fs from 'node:fs';
import path from 'node:path';
import { recipientGuideMarkdown } from '../core/documents/recipientGuideText';

const target = path.join(import.meta.dirname, '..', 'docs', 'ontvangers.md');
fs.writeFileSync(target, recipientGuideMarkdown());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
