/**
 * Renders an answer as one chat-app message: the answer with its [n] markers, then a numbered
 * "Sources" footer (section, short quote, passage link), escaped for the platform and within its
 * message limit. Lives in serve/ because it is presentation for HTTP clients: the answer modes stay
 * channel-agnostic, and this module needs only the contract types (no Express), so it is unit-tested alone.
 */
import type { ChatAnswer, Citation, Language } from '../../contract/chat.js';
import { marker, markersIn } from '../../contract/markers.js';
import type { Platform, ReplyFormat } from '../../contract/reply-format.js';
import { sentenceSpans } from '../../text/sentences.js';
import { type Dialect, type DialectName, DIALECTS } from './dialects.js';

/** Each platform's message limit (UTF-16 code units, as the platforms count) and markdown dialect. */
export const PLATFORM_RULES: Readonly<Record<Platform, { maxChars: number | null; markdown: DialectName }>> = {
  generic: { maxChars: null, markdown: 'commonmark' },
  telegram: { maxChars: 4096, markdown: 'telegram-markdown-v2' },
};

/** Quote lengths (graphemes) tried in turn until the reply fits; 0 leaves the quote out. */
const QUOTE_LENGTHS = [40, 20, 0];
const ELLIPSIS = '…';

export const SOURCES_LABELS: Record<Language, string> = { 'zh-Hant': '資料來源', 'zh-Hans': '资料来源', en: 'Sources' };

const LABELS: Record<Language, { sources: string; link: string }> = {
  'zh-Hant': { sources: SOURCES_LABELS['zh-Hant'], link: '原文' },
  'zh-Hans': { sources: SOURCES_LABELS['zh-Hans'], link: '原文' },
  en: { sources: SOURCES_LABELS.en, link: 'passage' },
};

export interface RenderOptions {
  format: ReplyFormat;
  platform?: Platform;
  maxChars?: number;
  /** Absolute link to a passage's page, or null when the service has no public address configured. */
  passageUrl: (id: string) => string | null;
}

export interface RenderedReply {
  text: string;
  /** The citations the footer lists (those whose markers survived any shortening). */
  citations: Citation[];
  /** True when the answer had to be shortened to fit the limit. */
  truncated: boolean;
}

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });
function firstGraphemes(s: string, n: number): { text: string; cut: boolean } {
  const parts = [...graphemes.segment(s)].map((g) => g.segment);
  return parts.length <= n ? { text: s, cut: false } : { text: parts.slice(0, n).join(''), cut: true };
}

/** The smallest units the answer may be shortened to: sentences, each keeping the markers that follow it. */
interface Piece {
  text: string;
  /** The piece ends its line in the answer. */
  endsLine: boolean;
}

const LEADING_MARKERS = /^(\s*\[\d{1,3}\])+/;

function pieces(answer: string): Piece[] {
  const out: Piece[] = [];
  for (const line of answer.split('\n')) {
    const spans = sentenceSpans(line).map(([s, e]) => line.slice(s, e));
    const linePieces: string[] = [];
    for (const span of spans) {
      // "…。 [1]" splits after 。: the marker belongs to the sentence before it.
      const lead = LEADING_MARKERS.exec(span)?.[0];
      if (lead && linePieces.length) {
        linePieces[linePieces.length - 1] += lead;
        if (span.length > lead.length) linePieces.push(span.slice(lead.length).trimStart());
      } else linePieces.push(span);
    }
    if (linePieces.length === 0) linePieces.push('');
    linePieces.forEach((text, i) => out.push({ text, endsLine: i === linePieces.length - 1 }));
  }
  return out;
}

function compose(
  body: Piece[],
  truncated: boolean,
  citations: Citation[],
  quoteLength: number,
  d: Dialect,
  language: Language,
  passageUrl: RenderOptions['passageUrl'],
): { text: string; cited: Citation[] } {
  const lines: string[] = [];
  let line = '';
  for (const p of body) {
    line += p.text;
    if (p.endsLine) {
      lines.push(line.trim());
      line = '';
    }
  }
  if (line.trim()) lines.push(line.trim());
  if (truncated) lines[lines.length - 1] = `${lines.at(-1) ?? ''}${ELLIPSIS}`;
  const text = lines.filter(Boolean).map(d.text).join(d.lineBreak);

  const used = new Set(markersIn(lines.join('\n')));
  const cited = citations.filter((c) => used.has(c.marker));
  if (cited.length === 0) return { text, cited };
  const labels = LABELS[language];
  const sources = cited.map((c) => {
    const quote = quoteLength > 0 ? firstGraphemes(c.text, quoteLength) : null;
    const url = passageUrl(c.id);
    const parts = [d.text(marker(c.marker)), ' ', d.strong(c.section.trim())];
    if (quote) parts.push(d.text(` — 「${quote.text}${quote.cut ? ELLIPSIS : ''}」`));
    if (url) parts.push(' ', d.link(labels.link, url));
    return d.listItem + parts.join('');
  });
  return { text: `${text}${d.blockBreak}${d.strong(labels.sources)}${d.lineBreak}${sources.join('\n')}`, cited };
}

/** A piece split into graphemes of its words and the markers that close it, for cutting mid-sentence. */
function cuttable(p: Piece): { graphemes: string[]; markers: string; endsLine: boolean } {
  const markers = /(\s*\[\d{1,3}\])+\s*$/.exec(p.text)?.[0] ?? '';
  const words = p.text.slice(0, p.text.length - markers.length);
  return { graphemes: [...graphemes.segment(words)].map((g) => g.segment), markers, endsLine: p.endsLine };
}

/**
 * The first `n` graphemes of the answer's words, as pieces: whole sentences, then (when `n` falls
 * inside one) that sentence cut short with an ellipsis, keeping its markers so its source stays listed.
 */
function prefix(all: ReturnType<typeof cuttable>[], n: number): { body: Piece[]; cutInside: boolean } {
  const body: Piece[] = [];
  let left = n;
  for (const c of all) {
    if (left >= c.graphemes.length) {
      body.push({ text: c.graphemes.join('') + c.markers, endsLine: c.endsLine });
      left -= c.graphemes.length;
      continue;
    }
    if (left > 0) body.push({ text: `${c.graphemes.slice(0, left).join('')}${ELLIPSIS}${c.markers}`, endsLine: true });
    return { body, cutInside: left > 0 };
  }
  return { body, cutInside: false };
}

/** A cut this close to the last sentence end (as a share of the text kept) ends at that sentence instead. */
const SENTENCE_SNAP = 0.6;

/** Renders `answer` for a chat app; the result's text is never longer than the applicable limit. */
export function renderReply(answer: Pick<ChatAnswer, 'answer' | 'citations' | 'language'>, opts: RenderOptions): RenderedReply {
  const rules = PLATFORM_RULES[opts.platform ?? 'generic'];
  const limit = Math.min(rules.maxChars ?? Infinity, opts.maxChars ?? Infinity);
  const d = DIALECTS[opts.format === 'markdown' ? rules.markdown : 'plain'];
  const all = pieces(answer.answer);
  const render = (body: Piece[], truncated: boolean, quote: number) =>
    compose(body, truncated, answer.citations, quote, d, answer.language, opts.passageUrl);

  for (const quote of QUOTE_LENGTHS) {
    const r = render(all, false, quote);
    if (r.text.length <= limit) return { text: r.text, citations: r.cited, truncated: false };
  }

  // Too long: keep as much of the answer as fits (quotes left out), found by bisection over graphemes.
  const parts = all.map(cuttable);
  const total = parts.reduce((n, c) => n + c.graphemes.length, 0);
  const at = (n: number, quote: number) => {
    const { body, cutInside } = prefix(parts, n);
    return render(body, !cutInside, quote);
  };
  let lo = 0;
  let hi = total - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (at(mid, 0).text.length <= limit) lo = mid;
    else hi = mid - 1;
  }
  // Prefer ending at a sentence when that keeps most of the text.
  let sentenceEnd = 0;
  for (let i = 0, n = 0; i < parts.length && n + parts[i]!.graphemes.length <= lo; i++) {
    n += parts[i]!.graphemes.length;
    sentenceEnd = n;
  }
  const cut = sentenceEnd >= lo * SENTENCE_SNAP && sentenceEnd > 0 ? sentenceEnd : lo;
  for (const quote of QUOTE_LENGTHS) {
    const r = at(cut, quote);
    if (r.text.length <= limit) return { text: r.text, citations: r.cited, truncated: true };
  }
  return { text: ELLIPSIS, citations: [], truncated: true };
}
