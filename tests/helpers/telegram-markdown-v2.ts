/**
 * A strict parser of Telegram's MarkdownV2 (core.telegram.org/bots/api#markdownv2-style), for tests and
 * the fake Bot API: it fails where Telegram answers "Bad Request: can't parse entities", and returns the
 * text a user would see with its entities. Supports escapes, *bold*, _italic_, __underline__, ~strike~,
 * ||spoiler||, `code`, ```pre``` and [text](url); block quotes and custom emoji are rejected.
 */
export interface Entity {
  type: 'bold' | 'italic' | 'underline' | 'strikethrough' | 'spoiler' | 'code' | 'pre' | 'text_link';
  offset: number;
  length: number;
  url?: string;
}

export class MarkdownV2Error extends Error {}

const RESERVED = new Set([...'_*[]()~`>#+-=|{}.!\\']);
const TOGGLES: Record<string, Entity['type']> = { '*': 'bold', _: 'italic', __: 'underline', '~': 'strikethrough', '||': 'spoiler' };

export function parseMarkdownV2(src: string): { text: string; entities: Entity[] } {
  let text = '';
  const entities: Entity[] = [];
  const open: Array<{ token: string; type: Entity['type'] | 'link'; offset: number }> = [];
  const fail = (msg: string, at: number): never => {
    throw new MarkdownV2Error(`Bad Request: can't parse entities: ${msg} at byte offset ${Buffer.byteLength(src.slice(0, at))}`);
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      const next = src[i + 1];
      if (next === undefined || next.charCodeAt(0) < 1 || next.charCodeAt(0) > 126) fail("Character '\\' is reserved and must be escaped with the preceding '\\'", i);
      text += next;
      i += 2;
      continue;
    }
    if (c === '`') {
      const fence = src.startsWith('```', i) ? '```' : '`';
      const start = text.length;
      let j = i + fence.length;
      let body = '';
      while (j < src.length && !src.startsWith(fence, j)) {
        if (src[j] === '\\' && (src[j + 1] === '`' || src[j + 1] === '\\')) {
          body += src[j + 1];
          j += 2;
        } else body += src[j++];
      }
      if (j >= src.length) fail(`Can't find end of ${fence === '```' ? 'Pre' : 'Code'} entity`, i);
      text += body;
      entities.push({ type: fence === '```' ? 'pre' : 'code', offset: start, length: body.length });
      i = j + fence.length;
      continue;
    }
    const two = src.slice(i, i + 2);
    const token = two === '__' || two === '||' ? two : c in TOGGLES ? c : null;
    if (token) {
      const top = open.at(-1);
      if (top && top.token === token) {
        open.pop();
        entities.push({ type: top.type as Entity['type'], offset: top.offset, length: text.length - top.offset });
      } else if (open.some((o) => o.token === token)) {
        fail(`Can't find end of ${TOGGLES[token]} entity`, i);
      } else {
        open.push({ token, type: TOGGLES[token]!, offset: text.length });
      }
      i += token.length;
      continue;
    }
    if (c === '[') {
      open.push({ token: '[', type: 'link', offset: text.length });
      i++;
      continue;
    }
    if (c === ']') {
      const top = open.at(-1);
      if (!top || top.token !== '[') fail("Character ']' is reserved and must be escaped with the preceding '\\'", i);
      if (src[i + 1] !== '(') fail("Can't find end of a URL", i);
      let j = i + 2;
      let url = '';
      while (j < src.length && src[j] !== ')') {
        if (src[j] === '\\' && (src[j + 1] === ')' || src[j + 1] === '\\')) {
          url += src[j + 1];
          j += 2;
        } else url += src[j++];
      }
      if (j >= src.length) fail("Can't find end of a URL", i);
      if (!/^(https?|tg):\/\//.test(url)) fail(`Wrong HTTP URL "${url}"`, i);
      open.pop();
      entities.push({ type: 'text_link', offset: top!.offset, length: text.length - top!.offset, url });
      i = j + 1;
      continue;
    }
    if (RESERVED.has(c)) fail(`Character '${c}' is reserved and must be escaped with the preceding '\\'`, i);
    text += c;
    i++;
  }
  if (open.length) fail(`Can't find end of ${open.at(-1)!.type} entity`, src.length);
  return { text, entities };
}
