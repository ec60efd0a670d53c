import type { DocumentMeta } from './types.js';
import type { Block } from './blocks.js';
import type { SourceDocument } from './corpus.js';

export interface LocatedBlock extends Block {
  start: number;
  end: number;
  /** Title of the nearest heading above the block (the document title before any section). */
  section: string;
}

export interface CleanDocument {
  meta: DocumentMeta;
  /** Cleaned text: one block per line-pair; passage offsets index into this string. */
  text: string;
  blocks: LocatedBlock[];
  sections: string[];
}

const BLOCK_SEPARATOR = '\n\n';

export function cleanDocument(doc: SourceDocument): CleanDocument {
  const blocks = doc.format.parse(doc.raw);
  // The first heading that repeats the document title is the title, not a section.
  const titleIdx = blocks.findIndex((b) => b.kind === 'heading');
  const isTitle = (i: number) => i === titleIdx && (blocks[i]!.text === doc.meta.title || i === 0);
  let text = '';
  let section = doc.meta.title;
  const located: LocatedBlock[] = [];
  const sections: string[] = [];
  blocks.forEach((b, i) => {
    if (text) text += BLOCK_SEPARATOR;
    const start = text.length;
    text += b.text;
    if (b.kind === 'heading' && !isTitle(i)) {
      section = b.text;
      sections.push(section);
    }
    located.push({ ...b, start, end: text.length, section: b.kind === 'heading' ? b.text : section });
  });
  return { meta: doc.meta, text, blocks: located, sections };
}
