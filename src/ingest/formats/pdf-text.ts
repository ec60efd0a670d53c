import { type Block, endsSentence, joinFragments, looksLikeHeading, tidyLine } from '../blocks.js';

// Bullet glyphs PDF extraction leaves behind: the private-use area (e.g. U+F0D8, U+F06E) and common bullets.
const BULLET_PREFIX = /^[\uE000-\uF8FF•●▪■◆◦‧·]\s*/;
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

/**
 * Recovers headings, bullets and paragraphs from text extracted from a PDF.
 * A blank line is not a boundary here: the extractor puts one after every line and page breaks cut
 * bullets mid-sentence, so a block only ends at a new bullet, a heading, or after a finished sentence.
 * Where the extractor marks the last line of each text block with a trailing space (as this corpus's
 * does), a finished sentence on a line without one is a hard wrap inside a bullet, not its end.
 */
export function parsePdfText(raw: string): Block[] {
  const lines = raw.replace(/\r\n?|\f/g, '\n').split('\n');
  const marksBlockEnds = usesTrailingSpaceMarker(lines);
  const blocks: Block[] = [];
  let open: Block | null = null;
  let openLineMarkedEnd = true;
  const close = () => {
    if (open && open.text) blocks.push(open);
    open = null;
  };
  for (const rawLine of lines) {
    const isBullet = BULLET_PREFIX.test(rawLine.trimStart());
    const line = tidyLine(rawLine.trimStart().replace(BULLET_PREFIX, '').replace(PRIVATE_USE, ''));
    if (!line) continue;
    const blockEndMarked = /[ \t\u00a0]$/.test(rawLine);
    const continues = open !== null && (!endsSentence(open.text) || (marksBlockEnds && !openLineMarkedEnd));
    openLineMarkedEnd = blockEndMarked;
    if (isBullet) {
      close();
      open = { kind: 'bullet', text: line };
    } else if (open && continues) {
      open.text = joinFragments(open.text, line);
    } else if (looksLikeHeading(line)) {
      close();
      blocks.push({ kind: 'heading', text: line });
    } else {
      close();
      open = { kind: 'paragraph', text: line };
    }
  }
  close();
  return blocks;
}

/** True when most sentence-final lines carry a trailing space, i.e. the extractor marks block ends. */
function usesTrailingSpaceMarker(lines: string[]): boolean {
  const finals = lines.filter((l) => /[。！？!?]\s*$/.test(l));
  const marked = finals.filter((l) => /[。！？!?][ \t\u00a0]+$/.test(l));
  return finals.length >= 5 && marked.length / finals.length >= 0.3;
}
