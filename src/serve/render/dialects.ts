/**
 * How a reply is written for each kind of chat-app text: the escaping rules and the little markup a
 * rendered reply uses (bold, link, line and paragraph breaks). Each escaper follows its spec:
 *  - plain: nothing is markup, nothing is escaped (a client sending it without a parse mode shows it as is);
 *  - CommonMark: any ASCII punctuation may be backslash-escaped (spec §2.4); we escape the characters
 *    that can open or close CommonMark/GFM markup (emphasis, links, code, HTML, entities, headings,
 *    lists, tables, strikethrough), leaving commas and the like readable in the raw text;
 *  - Telegram MarkdownV2 (core.telegram.org/bots/api#markdownv2-style): `_*[]()~\`>#+-=|{}.!` and `\`
 *    are escaped everywhere, and inside a link's (…) only `)` and `\`.
 */
export type DialectName = 'plain' | 'commonmark' | 'telegram-markdown-v2';

export interface Dialect {
  readonly name: DialectName;
  /** Literal text, made safe: the platform shows exactly these characters. */
  text(s: string): string;
  /** Bold literal text. */
  strong(s: string): string;
  /** A link with a literal label. */
  link(label: string, url: string): string;
  /** Between the lines of one block (the answer's lines, the sources). */
  readonly lineBreak: string;
  /** Between blocks (answer, sources). */
  readonly blockBreak: string;
  /** Before each source line. */
  readonly listItem: string;
}

const COMMONMARK_SPECIAL = /[\\`*_[\]<>()#+\-=.!|~&]/g;
const TELEGRAM_RESERVED = /[_*[\]()~`>#+\-=|{}.!\\]/g;

/** Characters a URL may hold that would end or confuse a markdown link destination. */
function safeUrl(url: string): string {
  return url.replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = {
  plain: {
    name: 'plain',
    text: (s) => s,
    strong: (s) => s,
    link: (label, url) => `${label}: ${url}`,
    lineBreak: '\n',
    blockBreak: '\n\n',
    listItem: '',
  },
  commonmark: {
    name: 'commonmark',
    text: (s) => s.replace(COMMONMARK_SPECIAL, (c) => `\\${c}`),
    strong: (s) => `**${DIALECTS.commonmark.text(s)}**`,
    link: (label, url) => `[${DIALECTS.commonmark.text(label)}](${safeUrl(url)})`,
    // A single newline is a soft break (rendered as a space) in CommonMark: separate lines as paragraphs.
    lineBreak: '\n\n',
    blockBreak: '\n\n',
    listItem: '- ',
  },
  'telegram-markdown-v2': {
    name: 'telegram-markdown-v2',
    text: (s) => s.replace(TELEGRAM_RESERVED, (c) => `\\${c}`),
    strong: (s) => `*${DIALECTS['telegram-markdown-v2'].text(s)}*`,
    link: (label, url) => `[${DIALECTS['telegram-markdown-v2'].text(label)}](${safeUrl(url).replace(/[)\\]/g, (c) => `\\${c}`)})`,
    lineBreak: '\n',
    blockBreak: '\n\n',
    listItem: '',
  },
};
