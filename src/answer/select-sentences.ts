import type { Passage } from '../ingest/types.js';
import type { FollowUpKind } from '../retrieve/follow-up.js';
import type { Ask } from '../retrieve/question/asks.js';
import type { RetrievalResult } from '../retrieve/retriever.js';
import type { Concept } from '../text/analyze.js';
import { normalizeForMatch } from '../text/normalize.js';
import { trimmedSentences } from '../text/sentences.js';
import { askedText, carries } from './evidence.js';
import { escapeRegExp } from '../util/regexp.js';
import { extractNumbers } from './verify/numbers.js';

const compactForm = (s: string) => normalizeForMatch(s).replace(/[\s。；;，,！？!?]+/g, '');

export interface SelectedSentence {
  passage: Passage;
  /** Rank of the passage in the retrieval result (0 = best). */
  rank: number;
  /** Sentence offsets within the passage text. */
  start: number;
  end: number;
  text: string;
  score: number;
  /** The asked-for kinds of fact this sentence states. */
  carried: Ask[];
}

type Coverage = (concepts: Concept[], text: string) => number;

/**
 * A pronoun follow-up (「它…」) is about the earlier subject, but asks something new of it: its sentence
 * speaks to the question's own words first (「科技券資助啲咩？」: what it funds, not the approvals already told).
 */
const SENTENCE_WEIGHTS = {
  standalone: { question: 1, context: 0 },
  ellipsis: { question: 1, context: 0.2 },
  reference: { question: 0.8, context: 0.4 },
} as const;

/** Passages whose sentences are candidates for the answer. */
const SOURCE_PASSAGES = 3;
/** …and where a sentence stating an asked-for kind the top ones lack may come from. */
const STATING_SOURCE_PASSAGES = 5;
const MAX_SENTENCES = 3;
/** A further sentence must score this share of the best one to be worth reading. */
const KEEP_RATIO = 0.7;
/** A sentence of another passage stating an asked-for kind the chosen ones lack must score this share of the best. */
const STATING_KEEP_RATIO = 0.5;
/** A sentence the conversation already gave keeps this share of its score. */
const REPEAT_PENALTY = 0.5;
/**
 * Share of a sentence's character pairs a reply must hold to have said it in other words: an LLM's
 * reply, or a bot's, restates the sentence it quotes (「首三座樓宇已經開始興建，按計劃由…落成」).
 */
const SAID_SHARE = 0.7;

/** Adjacent pairs of the letters, digits and Han characters of a text, punctuation left out. */
function pairsOf(text: string): string[] {
  const chars = text.replace(/[^\p{L}\p{N}]/gu, '');
  return Array.from({ length: Math.max(0, chars.length - 1) }, (_, i) => chars.slice(i, i + 2));
}

/**
 * Whether a reply (compact form) already says a sentence (compact form), word for word or restated
 * with every figure of it (a reply giving 「投資約2.07億元」 has not said 「…並吸引超過 21 億元私人投資」).
 */
function alreadySaid(said: string, saidPairs: ReadonlySet<string>, sentence: string): boolean {
  if (said.includes(sentence)) return true;
  const pairs = pairsOf(sentence);
  if (pairs.length < 8 || pairs.filter((p) => saidPairs.has(p)).length < SAID_SHARE * pairs.length) return false;
  return (sentence.match(/\d+(?:\.\d+)?/g) ?? []).every((n) => said.includes(n));
}
/** Score for stating each kind of fact the question asks for (a date for 何時, a number for 多少). */
const ASK_BONUS = 0.15;

/**
 * Picks the 1–3 sentences of the top passages that best answer the question: coverage of the
 * question's concepts in the sentence (and its passage), the passage's rank, and whether the
 * sentence states the kinds of fact asked for.
 */
export interface SelectOptions {
  kind?: FollowUpKind | 'standalone';
  /** Text the conversation already gave: its sentences are not an answer to a follow-up. */
  given?: string;
  /** Passages an answer may come from (default: all retrieved). */
  eligible?: (passage: Passage) => boolean;
  /** Sentences that may answer (default: all): one that does not speak to the question's own words may not. */
  admissible?: (passage: Passage, sentence: string) => boolean;
}

/** 「X是做甚麼的？」, 「X係咩嚟？」, "what is X", "what does X do": what the thing is. */
const DEFINITION_ASKED =
  /((是|係|為)(做)?(甚麼|什麼|咩|乜嘢?)(的|嘅)?(機構|地方|組織|嚟|來)?[？?]?$|做(甚麼|什麼|咩|乜嘢?)(的|嘅|㗎)[？?]?$|\bwhat (is|are) (the )?[a-z0-9 '-]{2,40}\??$|\bwhat does [a-z0-9 '-]{2,40} do\b)/u;
/** A sentence opening with a question's concept followed by 是/為 and what it is (「數碼港是一個深具創意的數碼社區」). */
function definesConcept(sentence: string, concepts: Concept[]): boolean {
  const m = sentence.replace(/\s+/g, '').match(/^「?([^，。；「」]{2,16}?)」?(是|為|係)(一個|一所|一家|一間|一項|香港|全港|本港|由)/u);
  return !!m && concepts.some((c) => c.alternatives.some((a) => a.replace(/\s+/g, '').length >= 2 && m[1]!.includes(a.replace(/\s+/g, ''))));
}

/** A word the question points back at with a demonstrative (「呢個排名」, 「該計劃」, "that ranking", "ranking is that"). */
const DEMONSTRATIVE_ZH = '(?:呢個|這個|那個|嗰個|呢項|這項|那項|嗰項|呢份|這份|那份|嗰份|該)';
function pointedAt(normalizedQuestion: string, label: string): boolean {
  const w = escapeRegExp(label);
  return new RegExp(`${DEMONSTRATIVE_ZH}\\s*${w}|\\b(?:that|this|the same)\\s+${w}\\b|\\b${w}\\s+is\\s+(?:that|this)\\b`, 'u').test(normalizedQuestion);
}

/**
 * Sums the question gives (「50億嘅基金」, "the $2 billion fund"): a thing described by its size is the one a
 * sentence puts that sum on. (Money, or a figure of ten thousand or more that is no year.)
 */
function givenSums(normalizedQuestion: string): number[] {
  return extractNumbers(normalizedQuestion)
    .filter((n) => n.kind === 'money' || (n.kind === 'count' && n.value >= 10_000))
    .map((n) => n.value);
}

export function selectSentences(result: RetrievalResult, coverage: Coverage, asks: Ask[], opts: SelectOptions = {}): SelectedSentence[] {
  const { kind = 'standalone', given = '', eligible = () => true, admissible = () => true } = opts;
  const said = compactForm(given);
  const saidPairs = new Set(pairsOf(said));
  const asked = askedText(result);
  // 「呢個排名係邊個機構出嘅？」, "whose ranking is that?": the thing pointed back at is the conversation's,
  // not a word of the question's own that another sentence (another ranking's) may share.
  const concepts = kind === 'reference' ? result.query.concepts.filter((c) => !pointedAt(result.query.normalized, c.label)) : result.query.concepts;
  const contextConcepts = result.context?.concepts ?? [];
  const w = SENTENCE_WEIGHTS[kind];
  const definitional = DEFINITION_ASKED.test(result.query.normalized);
  const candidates: SelectedSentence[] = [];
  const defining = new Set<SelectedSentence>();
  // Passages below the top few are read only for a sentence stating an asked-for kind the top ones lack.
  // (Only when no figure is asked: 「嗰 100 億會點分？」 asks how a sum splits, which a sentence restating it does not say.)
  const sums = asks.length ? [] : givenSums(result.query.normalized);
  const reach = asks.length || definitional || sums.length ? STATING_SOURCE_PASSAGES : SOURCE_PASSAGES;
  const statesSum = new Set<SelectedSentence>();
  // Ranks count the passages that may answer: the top ones of those are read in full.
  result.hits.filter((h) => eligible(h.passage)).slice(0, reach).forEach((hit, rank) => {
    const passageCov = coverage(concepts, hit.passage.text);
    for (const { start, end, text } of trimmedSentences(hit.passage.text)) {
      if (text.length < 4 || !admissible(hit.passage, text)) continue;
      // Already said: a follow-up wants something else, unless nothing else on the subject answers it.
      const repeated = said !== '' && alreadySaid(said, saidPairs, compactForm(text));
      const matchText = normalizeForMatch(text);
      const carried = asks.filter((a) => carries(matchText, a, asked));
      let score = w.question * coverage(concepts, text) + 0.3 * passageCov + 0.3 / (rank + 1) + ASK_BONUS * carried.length;
      // 「數碼港是做甚麼的？」: the sentence saying what it is (「數碼港是一個…數碼社區」) answers it.
      const defines = definitional && definesConcept(matchText, concepts);
      if (defines) score += ASK_BONUS;
      if (contextConcepts.length) score += w.context * coverage(contextConcepts, text);
      // (Below the top passages only: among them a sentence restating the sum, 「預留 100 億元…」, is no better than one splitting it.)
      const sized = rank >= SOURCE_PASSAGES && sums.length > 0 && extractNumbers(matchText).some((n) => sums.includes(n.value));
      if (sized) score += ASK_BONUS;
      if (repeated) score *= REPEAT_PENALTY;
      candidates.push({ passage: hit.passage, rank, start, end, text, score, carried });
      if (defines) defining.add(candidates.at(-1)!);
      if (sized) statesSum.add(candidates.at(-1)!);
    }
  });
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => b.score - a.score);
  // (…a sentence putting the sum the question gives on its thing may come from a passage below them.)
  const top = candidates.filter((c) => c.rank < SOURCE_PASSAGES || statesSum.has(c));
  if (top.length === 0) return [];
  const best = top[0]!.score;
  const chosen = top.filter((c) => c.score >= best * KEEP_RATIO).slice(0, MAX_SENTENCES);
  // A sentence of a chosen passage that states an asked-for kind the chosen ones lack joins them
  // (「自 2023 年 4 月起增加資助」 after the sentence naming 「研究人才庫」).
  for (const ask of asks) {
    if (chosen.some((c) => c.carried.includes(ask))) continue;
    const stating =
      candidates.find((c) => c.carried.includes(ask) && chosen.some((k) => k.passage.id === c.passage.id)) ??
      candidates.find((c) => c.carried.includes(ask) && c.score >= best * STATING_KEEP_RATIO);
    if (stating && chosen.length < MAX_SENTENCES) chosen.push(stating);
  }
  // …and so does the sentence saying what the thing asked about is.
  if (defining.size && !chosen.some((c) => defining.has(c))) {
    const def = candidates.find((c) => defining.has(c) && c.score >= best * STATING_KEEP_RATIO);
    if (def) chosen.splice(Math.min(chosen.length, MAX_SENTENCES - 1), chosen.length, def);
  }
  // Reading order: by passage rank, then by position inside the passage.
  return chosen.sort((a, b) => a.rank - b.rank || a.start - b.start);
}
