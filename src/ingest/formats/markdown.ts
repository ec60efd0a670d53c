import { type Block, joinFragments, tidyLine } from '../blocks.js';

const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;

/** Strips inline Markdown so passages quote readable text. */
function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1');
}

/** Markdown: unlike PDF text, a blank line is a real paragraph boundary. */
export function parseMarkdown(raw: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  let inFence = false;
  const close = () => {
    if (open && open.text) blocks.push(open);
    open = null;
  };
  for (const rawLine of raw.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(rawLine)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const line = tidyLine(rawLine);
    if (!line || /^(-{3,}|\*{3,}|_{3,})$/.test(line)) {
      close();
      continue;
    }
    const heading = HEADING.exec(line);
    const item = LIST_ITEM.exec(rawLine);
    if (heading) {
      close();
      blocks.push({ kind: 'heading', text: inline(heading[1] ?? '') });
    } else if (item) {
      close();
      open = { kind: 'bullet', text: inline(tidyLine(item[1] ?? '')) };
    } else if (open) {
      open.text = joinFragments(open.text, inline(line.replace(/^>\s*/, '')));
    } else {
      open = { kind: 'paragraph', text: inline(line.replace(/^>\s*/, '')) };
    }
  }
  close();
  return blocks;
}
