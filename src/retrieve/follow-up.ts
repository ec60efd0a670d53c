import type { Turn } from '../contract/chat.js';
import { markersIn, stripMarkers } from '../contract/markers.js';
import { detectLanguage } from '../text/language.js';
import { normalizeForMatch, toTraditional } from '../text/normalize.js';
import { tagWords } from '../text/segment.js';
import { ASK_NOUN, hasQuestionWord } from './question/question-words.js';
import { askedFor } from './question/asks.js';

// Pronouns and elliptic openers that make a question lean on an earlier turn.
/** 「入面…」 (inside the thing just named) and a Cantonese classifier as "the" (「個中心…」, not 個人) open a question pointing back. */
const POINTING_OPENER = String.raw`^(入面|裏面|裡面)|^(個|間|座|啲)(?!人)(?=\p{Script=Han})`;
const ANAPHORA_ZH = new RegExp(`(${POINTING_OPENER}|它|佢|其|該|這個|那個|呢個|嗰個|這些|那些|這項|該項|此|那麼|那|咁|另外|還有|仲有|第二|第三|其他|其餘)`, 'u');
const ELLIPTIC_END_ZH = /(呢|嗎|嘅|咧)[？?！!。]?$/;
/** "there" points back ("people who work there"), unlike the existential "is there", "there are". */
const THERE = String.raw`(?<!\b(is|are|was|were|be)\s)\bthere\b(?!\s+(is|are|was|were|be|any|a|an)\b)`;
const ANAPHORA_EN = new RegExp(String.raw`\b(it|its|they|them|their|this|that|these|those|the same|what about|how about|and|also|else|other|second|third)\b|${THERE}`, 'i');

/** Openers that change the topic or thank, not words of the question (「明白。另外想問，…」, "btw"). */
const DISCOURSE =
  /^(\s*(明白|了解|知道了|好的|好吧|好|ok|okay|fine|thanks|thank you|謝謝|多謝|唔該|收到)[。.,，!！\s]*)*(另外(想)?問(下|一下)?|另外|順便問(下|一下)?|轉個話題|btw|by the way|also|one more thing|(a )?(different|separate|another|unrelated|random|new) (question|thing|q)|unrelated,? but|changing the subject)?[，,：:\s\-–—]*/iu;
const TOPIC_CHANGE = /^\s*((a )?(different|separate|another|unrelated|new) (question|thing|topic)|unrelated,? but|changing the subject|(ok(ay)?[,.]? )?never ?mind[,.!]?|forget (it|that)[,.!]?|轉個話題|換個話題|另一個問題)/iu;
/** A name in quotes marks a question with its own subject. */
const QUOTED = /[「『《“"][^」』》”"]{2,}[」』》”"]/u;

/** A deterministic guess whether the question only makes sense with the conversation before it. */
export function isFollowUp(question: string, history: Turn[]): boolean {
  // Patterns are written in HK Traditional: 这个 → 這個.
  return looksLikeFollowUp(toTraditional(question), history);
}

/**
 * A possessive bound to the question's own subject ("does the government share its data?", "is the
 * park growing its space?"): the subject is named before the verb, so "its" points at nothing said before.
 * (Not "what is the budget for its expansion?": a preposition before it leaves "its" to the conversation.)
 */
const BOUND_POSSESSIVE =
  /\b((?:does|do|did|is|are|was|were|has|have|had|will|would|can|could|should)\s+(?:the\s+(?:[a-z-]+\s+){1,3}?|hong kong\s+|hk\s+)(?!(?:for|of|in|on|at|to|with|from|by|about|after|before|under|into)\b)[a-z]+\s+)(?:its|their)\b/gi;
const withoutBoundPossessive = (q: string) => q.replace(BOUND_POSSESSIVE, '$1');

/** isFollowUp of a question already in HK Traditional. */
function looksLikeFollowUp(traditional: string, history: Turn[]): boolean {
  if (!history.some((t) => t.role === 'user')) return false;
  const q = traditional.replace(DISCOURSE, '').trim() || traditional.trim();
  if (QUOTED.test(q) && (q.match(/\p{Script=Han}/gu) ?? []).length > 8) return false;
  if (detectLanguage(q) === 'en') {
    return q.split(/\s+/).length <= 5 || ANAPHORA_EN.test(withoutBoundPossessive(q));
  }
  const han = (q.match(/\p{Script=Han}/gu) ?? []).length;
  return han <= 8 || ANAPHORA_ZH.test(q) || ELLIPTIC_END_ZH.test(q);
}

/** The message without its opening thanks or "by the way". */
export function withoutDiscourse(message: string): string {
  return withoutOpener(message, toTraditional(message));
}

/**
 * The message without its opener, matched in its HK Traditional form `traditional` (顺便问下 →
 * 順便問下); the conversion keeps lengths, so the cut applies to the message as written.
 */
function withoutOpener(message: string, traditional: string): string {
  const opener = traditional.match(DISCOURSE)?.[0] ?? '';
  return message.slice(opener.length).trim() || message;
}

const PRONOUN_ZH = new RegExp(`(${POINTING_OPENER}|它|佢|其|該|這個|那個|呢個|嗰個|這些|那些|嗰啲|呢啲|這項|該項|此|當中|其中|到時|屆時|那時|嗰陣|那裏|那裡|那兒|嗰度|嗰處)`, 'u');
const PRONOUN_EN = new RegExp(String.raw`\b(it|its|they|them|their|this|that|these|those|the same|of them)\b|${THERE}`, 'i');

/**
 * Whether the question points back at something said before with a pronoun (「這個排名」, 「當中」,
 * "of them"): its subject is the earlier one, in either script.
 */
export function pointsBack(question: string): boolean {
  return pointsBackTraditional(toTraditional(question));
}

function pointsBackTraditional(q: string): boolean {
  // (After a verb it points: 「推行這些措施」 is the measures just named, not 推行 renamed.)
  const pointing = q.replace(APPOSITIVE, (m, before: string, _d: string, at: number) => (LEAD_IN.test(before) || afterVerb(q.slice(0, at)) ? m : ''));
  return PRONOUN_ZH.test(pointing) || PRONOUN_EN.test(withoutBoundPossessive(q));
}
/**
 * A demonstrative after the things it names (「人工智能、量子科技這些基礎研究」, 「元朗嗰個微電子中心」, 「InnoHK 嗰啲平台」)
 * points at them, not back at the conversation; after a lead-in (「請問這個排名…」) it points back.
 */
const APPOSITIVE = /(?<=([\p{Script=Han}A-Za-z0-9]{2})\s?)(這些|那些|呢啲|嗰啲|這個|那個|呢個|嗰個|這類|呢類)/gu;
/** Whether the text ends in a verb (推行, 花咗). */
function afterVerb(text: string): boolean {
  const last = tagWords(text.replace(/[了咗過]$/u, '')).pop();
  return !!last && /^v/.test(last.tag);
}
const LEAD_IN = /^(請問|想問|問下|所以|然後|咁樣|那麼|至於|關於|有關|其實|另外|順便)$/u;
/** 「那…」, 「咁…」, 「至於…」: what opens a follow-up, before its subject or pointer. */
const LEAD_ZH = '(?:那麼|那|咁|噉|至於|而)';
/** 「那數碼港呢？」, "what about Cyberport?", "and InnoExpress?": a new subject, the same ask. */
const NEW_SUBJECT_ZH = new RegExp(String.raw`^${LEAD_ZH}?[^？?，,]{1,24}(呢|咧)[？?！!。]?$`, 'u');
/** 「那科學園幾時擴建？」: an opener, then a name; 「咁投咗幾多間公司？」 goes on with a verb, asking of the same subject. */
const OPENER = /^(那麼|那|咁|噉|至於)(?!它|佢|其|這|那|啲)(?=\p{Script=Han}{2}|[a-z])/u;
const NAME_TAG = /^(n|nr|ns|nt|nz|ng|eng|m)$/;
function opensWithNewSubject(q: string): boolean {
  const opener = q.match(OPENER)?.[0];
  if (!opener) return false;
  const first = tagWords(normalizeForMatch(q.slice(opener.length)))[0];
  // (「咁一年大概幾多間會受惠？」: a time, 一年, is no new subject.)
  return !!first && NAME_TAG.test(first.tag) && !TIME_SPAN.test(first.word);
}
const TIME_SPAN = /^(一|每|全|今|明|去|上|下|幾|兩|\d+)(年|個月|月|日|天|週|星期|季)$/u;
const NEW_SUBJECT_EN = /^\s*(and|what about|how about|same for|and what about)\b/i;
/** "what about the advanced manufacturing centre - has it opened?": a new subject named, then asked of. */
const NAMED_THEN_ASKED_EN = /^\s*(?:and )?(?:what|how) about (?!it\b|them\b|that\b|this\b|those\b|these\b)[a-z0-9&'.+-]+(?: [a-z0-9&'.+-]+){0,6}\s*[-–—,:;]\s*\S/i;
const LEADING_ZH = new RegExp(String.raw`^\s*${LEAD_ZH}`, 'u');
/** 「總金額呢？」, "and the date?": only the kind of fact asked, of the subject talked about — no new subject. */
function namesOnlyTheAsk(q: string): boolean {
  const rest = normalizeForMatch(q)
    .replace(LEADING_ZH, '')
    .replace(/^\s*(and what about|what about|how about|and)\s+(the\s+)?/i, '')
    .replace(/(呢|咧)?[？?！!。\s]*$/u, '');
  return ASK_NOUN.test(rest);
}

/** A subject and 呢 with no ask of its own (「咁元朗嗰個微電子中心呢？」). */
const SUBJECT_THEN_NE = new RegExp(String.raw`^${LEAD_ZH}?[^？?，,]{3,24}(呢|咧)[？?！!。]?$`, 'u');
const POINTER_ONLY = new RegExp(String.raw`^${LEAD_ZH}?(它|佢|其|這個|那個|呢個|嗰個|這些|那些|佢哋|它們)`, 'u');
/**
 * "…, not digital intelligence": the subject a correction sets aside, up to the next break. (Not
 * 「，唔係職位」: what a Chinese correction sets aside is as often the ask, whose words still find the passage.)
 */
const NOT_MEANT = /[,，]\s*(?:and\s+)?(?:not|rather than|instead of)\s+(?:the\s+)?[^,，.?？!！–—-]+?(?=\s*(?:[,，.?？!！–—-]|$))/giu;
/** 「唔係，我想問嘅係…」, "no, I meant …": the user corrects the subject of the last question. */
const CORRECTION =
  /^\s*(?:(?:hmm+|um+|uh+|oh|ah|oops|whoops|my bad|哦|噢|呃|啊|抱歉|不好意思|唔好意思|對不起)[，,.!！\s]+)?((不好意思|唔好意思|對不起|抱歉|sorry|搞錯(了|咗)?)[，,\s]*(我)?(其實)?(是|係)?想問(嘅|的)?(係|是)?|搞錯(了|咗)?|(其實)?我其實想問(嘅|的)?(係|是)?|其實我想問(嘅|的)?(係|是)?|唔係(呀|啊|喎)?|不是(啊|的)?|不對|唔啱|我(是|係)問|我問(的|嘅)(是|係)|我想問(嘅|的)?(係|是)|我問緊|我指(嘅|的)?(係|是)?|no\b|not that|i meant|i mean|sorry,? i meant|oops,? i meant|actually)[，,。.!！\s]*(我(想|是)?問(嘅|的)?(係|是)|我(係)?問緊|我(指|說|講)(嘅|的)?(係|是)?|(?:sorry[，,]?\s*)?(?:i meant|i mean|i was asking about))?[，,：:\s]*/iu;

/**
 * 'reference': the question asks something new about the earlier subject, with or without a pronoun
 * (「它何時啟用？」, 「資助對象是誰？」), so the earlier subject matters as much as the question.
 * 'ellipsis': it swaps in a new subject and keeps the earlier ask (「那數碼港呢？」, a correction
 * 「唔係，我問緊科學園」), so the question's own words must dominate.
 */
export type FollowUpKind = 'reference' | 'ellipsis';

export interface FollowUp {
  context: string;
  kind: FollowUpKind;
  /** What the assistant already said (markers stripped): a follow-up wants something else. */
  given: string;
  /** The earlier question: an ellipsis (「那數碼港呢？」) asks what it asked. */
  asked: string;
  /** The question points at the thing by its kind ("the research centre"): it is about that thing, never read alone. */
  definite?: boolean;
}

export interface ResolvedQuestion {
  /** The question to answer (a correction's preamble removed). */
  question: string;
  followUp: FollowUp | null;
  /** The user said it stands alone ("unrelated, but…", 「轉個話題」): never read against the conversation. */
  standsAlone?: boolean;
}

/**
 * Reads a message against the conversation: a correction (「唔係，我想問嘅係微電子研發院，佢想做到啲咩？」)
 * becomes its own question, or the earlier ask about the corrected subject; a follow-up gets the last
 * question and answer as context; anything else stands on its own.
 */
export function resolveQuestion(message: string, history: Turn[]): ResolvedQuestion {
  const hasEarlier = history.some((t) => t.role === 'user');
  // Read in HK Traditional (其实想问 → 其實想問), once; the conversion keeps lengths, so cuts apply to the message.
  const traditional = toTraditional(message);
  const correction = hasEarlier ? traditional.match(CORRECTION) : null;
  if (correction && correction[0].trim() && correction[0].length < message.length) {
    // (What the user says they did not mean, "…, not digital intelligence", is no subject of the question.)
    const rest = message.slice(correction[0].length).replace(NOT_MEANT, '').trim();
    const last = lastExchange(history);
    // With its own ask it is a new question; a bare subject ("no, the Science Park") keeps the last ask.
    // (An ask may be a noun: 「「科技人才入境計劃」的配額有效期。」)
    // (The user said what they meant: never read it against the conversation.)
    if (!last || hasQuestionWord(rest) || askedFor(normalizeForMatch(rest)).length > 0) return { question: rest, followUp: null, standsAlone: true };
    return { question: rest, followUp: { ...exchangeOf(last), kind: 'ellipsis' } };
  }
  // "Separate question - …", 「轉個話題」: the user says it stands alone, pronouns and all.
  if (TOPIC_CHANGE.test(traditional)) return { question: withoutOpener(message, traditional), followUp: null, standsAlone: true };
  // 「返返去頭先數碼港嗰個，佢…」, "back to Cyberport - …": the exchange that was about it is the context.
  const back = hasEarlier ? traditional.match(BACK_TO) : null;
  if (back) {
    // The question keeps its subject (「數碼港嗰個，佢個投資創業基金…」), without the words returning to it.
    const question = message.slice(back.indices![1]![0]).trim();
    const earlier = exchangeAbout(history, back[1]!.trim().toLowerCase());
    if (message.slice(back[0].length).trim()) return { question, followUp: earlier ? { ...earlier, kind: 'reference' } : null };
  }
  // "when's the research centre opening?": the thing named two exchanges ago, not in the last one.
  const earlier = hasEarlier ? definiteEarlier(traditional, history) : null;
  if (earlier) return { question: withoutOpener(message, traditional), followUp: { ...earlier, kind: 'reference', definite: true } };
  return { question: withoutOpener(message, traditional), followUp: followUpOf(traditional, history) };
}

/** "the research centre", "the fund": a thing the conversation has named, by its kind. */
const DEFINITE_EN = /\bthe ((?:[a-z&-]+ ){0,3}(?:centre|center|fund|scheme|programme|program|park|platform|lab|laboratory|institute|hub|office|blueprint|voucher|competition|challenge))\b/;
/** How many exchanges back a definite thing is looked for. */
const DEFINITE_EXCHANGES = 4;

/**
 * The exchange that named the thing a question points at with "the …", when the last exchange does not
 * name it (the Life and Health Innovation Research Centre, two questions before "when's the research
 * centre opening?"). Only the newest few exchanges are read.
 */
function definiteEarlier(traditional: string, history: Turn[]): Omit<FollowUp, 'kind'> | null {
  const thing = traditional.toLowerCase().match(DEFINITE_EN)?.[1];
  if (!thing) return null;
  const last = exchangeBefore(history, history.length);
  if (!last || `${last.question}\n${last.reply ?? ''}`.toLowerCase().includes(thing)) return null;
  return exchangeAbout(history, thing, last.index, DEFINITE_EXCHANGES - 1);
}


/**
 * Retrieval context for a follow-up: the last user question, plus the assistant's reply to it
 * (which names the entity a pronoun refers to). Null when the question stands on its own.
 */
export function resolveFollowUp(question: string, history: Turn[]): FollowUp | null {
  return followUpOf(toTraditional(question), history);
}

/** resolveFollowUp of a question already in HK Traditional. */
function followUpOf(traditional: string, history: Turn[]): FollowUp | null {
  if (!looksLikeFollowUp(traditional, history)) return null;
  const last = lastExchange(history);
  if (!last) return null;
  const trimmed = traditional.trim();
  const q = withoutOpener(trimmed, trimmed);
  const pronoun = pointsBackTraditional(q);
  // 「咁元朗嗰個微電子中心呢？」: a new subject however it is pointed at, unless it starts with the pointer (「那它的第二個呢？」).
  // ("what about the advanced manufacturing centre - has it opened?": the pronoun after the break is the thing just named.)
  const newSubject =
    !namesOnlyTheAsk(q) &&
    ((!pronoun && (NEW_SUBJECT_ZH.test(q) || opensWithNewSubject(q) || NEW_SUBJECT_EN.test(q))) || (SUBJECT_THEN_NE.test(q) && !POINTER_ONLY.test(q)) || NAMED_THEN_ASKED_EN.test(q));
  // "are they both being expanded?", 「兩個都會擴建嗎？」: both subjects, the last one and the one before it.
  const both = BOTH.test(q) ? withExchangeBefore(history) : null;
  const exchange = exchangeOf(both ?? last);
  const asked = newSubject && last.askedBefore ? parallelAsk(q, exchange.asked, last.askedBefore) : exchange.asked;
  return { ...exchange, asked, kind: newSubject ? 'ellipsis' : 'reference' };
}

/**
 * The question read as being about the last exchange's subject, for a question that looked standalone
 * but finds nothing on its own (「資助額最近有否調整？」 after a question on 「研究人才庫」).
 */
export function asFollowUp(history: Turn[]): FollowUp | null {
  const last = lastExchange(history);
  return last ? { ...exchangeOf(last), kind: 'reference' } : null;
}

/**
 * How much of the last exchange is read as context: a question's subject is in its first sentences,
 * an answer's in its quoted sentences. Bounded, so a long history costs what a short one does.
 */
const CONTEXT_QUESTION_CHARS = 150;
const CONTEXT_ANSWER_CHARS = 300;
/** …and of a reply without citations, read with the exchange before it: a decline says little (the longest written in the sets is 115 characters). */
const CONTEXT_DECLINE_CHARS = 150;

/** One exchange as a follow-up's context: its question and the start of its reply. */
function exchangeContext(question: string, reply: string | undefined, replyChars = CONTEXT_ANSWER_CHARS): Omit<FollowUp, 'kind'> {
  const given = reply ? stripMarkers(reply) : '';
  const asked = question.slice(0, CONTEXT_QUESTION_CHARS);
  return { context: [asked, given.slice(0, replyChars)].filter(Boolean).join('\n'), given, asked };
}

function lastExchange(history: Turn[]): (Omit<FollowUp, 'kind'> & { askedBefore?: string }) | null {
  const last = exchangeBefore(history, history.length);
  if (!last) return null;
  // A reply with no citation declined: the subject is the one of the exchange before it
  // (「數碼港喺邊？」 → "not stated" → "does it have its own fund?").
  const declined = last.reply !== undefined && markersIn(last.reply).length === 0;
  return (declined && withEarlier(history, last, CONTEXT_DECLINE_CHARS)) || exchangeContext(last.question, last.reply);
}

/** An exchange with the one before it as the start of its context; null when there is none before it. */
function withEarlier(
  history: Turn[],
  last: { question: string; reply?: string; index: number },
  replyChars = CONTEXT_ANSWER_CHARS,
): (Omit<FollowUp, 'kind'> & { askedBefore: string }) | null {
  const earlier = exchangeBefore(history, last.index);
  if (!earlier) return null;
  const exchange = exchangeContext(last.question, last.reply, replyChars);
  const before = exchangeContext(earlier.question, earlier.reply);
  return { ...exchange, context: `${before.context}\n${exchange.context}`, askedBefore: before.asked };
}

/**
 * The last exchange with the one before it as context, for a follow-up whose last exchange names no
 * subject ("how many applications have been approved?" after "what's the technology voucher thing").
 */
export function withExchangeBefore(history: Turn[]): FollowUp | null {
  const last = exchangeBefore(history, history.length);
  const both = last ? withEarlier(history, last) : null;
  return both ? { ...exchangeOf(both), kind: 'reference' } : null;
}

/** The exchange as a follow-up's context (without the question before an unanswered one). */
function exchangeOf(last: Omit<FollowUp, 'kind'> & { askedBefore?: string }): Omit<FollowUp, 'kind'> {
  return { context: last.context, given: last.given, asked: last.asked };
}

const BOTH = /\bboth\b|兩個都|兩者|二者|兩間都|兩處都|佢哋兩個|它們兩個|兩個地方/iu;

/** 「首屆」, 「第二期」: which edition of a recurring thing. */
const EDITION = /(首|第[一二三四五六七八九十\d])(屆|期)/u;

/**
 * Which earlier question an ellipsis repeats the ask of, when the last one went unanswered: the one it
 * parallels most (「那儲值支付工具牌照呢？」 after 「有幾個交易平台拿到牌照？」 and an unanswered "which two?";
 * 「那首屆創意展呢？」 after an unanswered 「第二屆何時舉行？」).
 */
function parallelAsk(question: string, last: string, before: string): string {
  const pairs = (t: string) => new Set([...toTraditional(t).matchAll(/(?=(\p{Script=Han}{2}))/gu)].map((m) => m[1]!));
  const own = pairs(question);
  // (「首屆」 parallels 「第二屆」 though they share no characters.)
  const edition = (t: string) => EDITION.test(toTraditional(t));
  const shared = (t: string) => [...pairs(t)].filter((p) => own.has(p)).length + (edition(question) && edition(t) ? 1 : 0);
  // A tie goes to the earlier one: an unanswered ask is seldom repeated of a new subject.
  return shared(before) >= shared(last) ? before : last;
}

/**
 * 「返返去頭先數碼港嗰個」, "ok and back to Cyberport -": the words that return to an earlier subject,
 * the subject (group 1) and what points at it; the question goes on after them.
 */
const BACK_TO =
  /^\s*(?:(?:ok(?:ay)?|好|咁|那|and|so)[，,\s]*)*(?:返返去|返去|講返|說回|回到|再講返?|(?:going |coming )?back to|returning to|(?:let'?s )?go back to)\s*(?:頭先|剛才|之前|前面|先前|the)?\s*([^，,。？?\-–—:：]{2,24}?)\s*(?:嗰個|那個|這個|的|嘅|果個|for a (?:sec|second|moment))?\s*(?=[，,。？?\-–—:：])[，,。\-–—:：\s]*/diu;

/**
 * The latest exchange whose question or reply names `subject` (lower-case, HK Traditional), among at
 * most `limit` exchanges before position `end`.
 */
function exchangeAbout(history: Turn[], subject: string, end = history.length, limit = Infinity): Omit<FollowUp, 'kind'> | null {
  for (let n = 0; n < limit && end > 0; n++) {
    const ex = exchangeBefore(history, end);
    if (!ex) return null;
    if (toTraditional(`${ex.question}\n${ex.reply ?? ''}`).toLowerCase().includes(subject)) return exchangeContext(ex.question, ex.reply);
    end = ex.index;
  }
  return null;
}

/** The last user question before position `end`, its index and the assistant's reply to it. */
function exchangeBefore(history: Turn[], end: number): { question: string; reply?: string; index: number } | null {
  for (let i = end - 1; i >= 0; i--) {
    if (history[i]!.role !== 'user') continue;
    const reply = history[i + 1]?.role === 'assistant' && i + 1 < end ? history[i + 1]!.content : undefined;
    return { question: history[i]!.content, reply, index: i };
  }
  return null;
}
