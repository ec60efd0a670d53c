/**
 * Multi-part questions: 「X 幾時成立？由邊個負責？」, "Where did it rank, and what was its rank the
 * year before?". Each part is answered (or found uncovered) on its own, so one part's words do not
 * dilute the other's evidence. Works on the original text (parts are shown back to the user).
 */
import { ASK_NOUNS_IN_TEXT, hasQuestionWord } from './question-words.js';
import { normalizeForMatch, toTraditional } from '../../text/normalize.js';
import { hasNoun } from '../../text/segment.js';

const MIN_PART_CHARS = 4;
/** 「香港在 X 和 Y 裏分別排第幾？」, 「X和Y各自有多少」: X, the joiner, Y, a place word, and the shared ask after 分別 or 各自. */
const RESPECTIVELY = /^([^，,、]{2,30}?)(同埋|以及|和|與|及|同|跟)([^，,、]{2,30}?)(裏|里|中|內|入面|方面)?(分別|各自|各有|各)(.{2,20})$/u;

/**
 * "Where does Hong Kong rank in the Global Innovation Index and in IMD's smart city index?": the same asked
 * of two rankings, each named after its own "in" (the head, "in" the first, "and in" the second).
 */
const IN_BOTH = /^(.+?)\s+in\s+(.+?)\s+and\s+(?:also\s+)?in\s+(.+?)\s*([?？])?$/iu;
const RANKING_NOUN = /\b(rank(?:ing|ings)?|ind(?:ex|ices|exes)|league tables?|reports?|surveys?)\b/i;

/**
 * Splits a question into parts that each ask something: at question marks and semicolons, then at a
 * comma or "and" that starts a new ask. Returns the whole question when it has one part.
 */
export function splitQuestion(question: string): string[] {
  const sentences = question
    .split(/(?<=[？?；;])\s*/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= MIN_PART_CHARS);
  const parts: string[] = [];
  for (const s of sentences) {
    // 「A和B分別排第幾？」 asks the same of two things: one part each.
    // Matched in HK Traditional (分别 → 分別); the conversion keeps lengths, so the cuts apply to the text as written.
    const both = toTraditional(s).match(RESPECTIVELY);
    if (both) {
      const [, a, joiner, b, place = '', each] = both;
      // (「各有」 keeps its verb: 「數碼港有多少」.)
      const ask = (each === '各有' ? '有' : '') + s.slice(a!.length + joiner!.length + b!.length + place.length + each!.length);
      parts.push(`${s.slice(0, a!.length)}${ask}`, `${s.slice(a!.length + joiner!.length, a!.length + joiner!.length + b!.length)}${ask}`);
      continue;
    }
    const inBoth = s.match(IN_BOTH);
    if (inBoth && hasQuestionWord(inBoth[1]!) && RANKING_NOUN.test(inBoth[2]!) && RANKING_NOUN.test(inBoth[3]!)) {
      const [, head, a, b, mark = '?'] = inBoth;
      parts.push(`${head} in ${a}${mark}`, `${head} in ${b}${mark}`);
      continue;
    }
    // "X, and when …" / 「X，由邊個負責」: split only where both sides ask something.
    // (Not the thousands separator of 「3,000」.)
    const pieces = s.split(/(?:(?:[，、]|,(?!\d{3}))\s*(?:and\s+|also\s+|而且|並且|以及|同埋|另外|還有)?|\s+and\s+(?=(?:what|when|where|who|which|how|why|in what|at what)(?:['’]?s)?\b))/iu);
    let current = '';
    for (const piece of pieces) {
      if (!piece) continue;
      if (current && hasQuestionWord(current) && hasQuestionWord(piece) && piece.length >= MIN_PART_CHARS) {
        parts.push(current);
        current = piece;
      } else {
        current = current ? `${current}，${piece}` : piece;
      }
    }
    if (current) parts.push(current);
  }
  // A leading statement without an ask ("The fact sheet says X. How much …?") belongs to the next part.
  const merged: string[] = [];
  for (const p of parts) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && !hasQuestionWord(prev)) merged[merged.length - 1] = `${prev} ${p}`;
    else merged.push(p);
  }
  return merged.length ? merged : [question];
}

/**
 * A Chinese part with no noun of its own (「預計何時成立？」, 「總投資多少？」) asks about the subject
 * another part named. English parts point back with pronouns instead ("when will it open").
 */
export function namesNoSubject(part: string): boolean {
  const norm = normalizeForMatch(part);
  return /\p{Script=Han}/u.test(norm) && !/[a-z]{2,}/.test(norm) && !hasNoun(norm.replace(ASK_NOUNS_IN_TEXT, ''));
}

/** A Chinese part ending in what it describes (「負責…的那個委員會」): the subject of another part's question. */
const DESCRIBED_HEAD = /(的|嘅)(那|這|嗰|呢)?[個間家項份座所位條]?\p{Script=Han}{1,6}$/u;
const EN_QUESTION_START = /^\s*(?:and\s+|but\s+|also\s+)?(what|whats|how|when|which|where|who|why|is|are|was|were|does|do|did|can|could|will|would|has|have)\b/i;

/** Whether a part asks a question of its own, not only describes the subject another part asks about. */
export function asksOwnQuestion(part: string): boolean {
  const norm = normalizeForMatch(part).replace(/[？?。!！\s]+$/u, '');
  return /\p{Script=Han}/u.test(norm) ? hasQuestionWord(norm) && !DESCRIBED_HEAD.test(norm) : EN_QUESTION_START.test(norm);
}
