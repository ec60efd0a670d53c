import fs from 'node:fs';
import path from 'node:path';
import { lastUserMessage } from '../../contract/chat.js';
import { type QuestionSetItem, parseQuestionSet } from '../../contract/question-set.js';
import type { Passage } from '../../ingest/types.js';
import { normalizeForMatch } from '../../text/normalize.js';
import { hasName, segmentPrecise } from '../../text/segment.js';
import { type AskKind, askedFor } from '../question/asks.js';
import { type Steps, drain } from '../../util/cooperative.js';
import { type GoldSpan, locatingGolds, placesOf } from './gold-locator.js';
import { type NgramTables, NgramSimilarity, compactQuestion, gramCounts } from './ngram-similarity.js';

export type { GoldSpan };

export interface Exemplar {
  id: string;
  /** The question set (file name without `.jsonl`) it came from. */
  source: string;
  question: string;
  answerable: boolean;
  expect: QuestionSetItem['expect'];
  /** For a partial exemplar: the parts its label says the corpus does not cover, in its language. */
  uncovered: string[];
  /** For an answerable exemplar: where each of its gold strings is in the corpus (up to three places each). */
  spans: GoldSpan[][];
  /** The question's character n-grams (`gramCounts`), counted once. */
  grams: ReadonlyMap<string, number>;
  /** For a follow-up: the user's message before it in its conversation, and that message's n-grams. */
  previous?: { question: string; grams: ReadonlyMap<string, number> };
}

export interface ExemplarMatch {
  exemplar: Exemplar;
  similarity: number;
}

/** How the labelled questions most like one were labelled (the answer gate weighs it). */
export interface Neighbourhood {
  /** Similarity of the most similar labelled question the sheet answers, and of the most similar it does not (0 when none). */
  answerable: number;
  unanswerable: number;
  /** Share of the neighbours' weight (similarity⁴) on answerable labels; 0.5 with no neighbours. */
  vote: number;
  /** Neighbours counted (at most `NEIGHBOURS`). */
  count: number;
}

/** The nearest labelled questions a neighbourhood counts, and the similarity from which one counts. */
const NEIGHBOURS = 10;
const NEIGHBOUR_FLOOR = 0.25;
/**
 * Characters of a message read for its neighbourhood: labelled questions are short, and a message of a
 * thousand characters would cost a search of thousands of n-grams for neighbours it cannot have.
 */
const NEIGHBOUR_TEXT = 300;

export interface ExemplarSettings {
  /** Cosine similarity from which a labelled question is the same question reworded. */
  similarity: number;
  /** Every labelled question this much less similar must carry the same label. */
  agreementMargin: number;
  /** For a follow-up: the similarity both it and the message before it must reach with a labelled follow-up's. */
  followUpSimilarity: number;
}

export interface ExemplarLoadReport {
  files: number;
  /** Questions kept (single-turn and follow-ups). */
  exemplars: number;
  /** Of those, follow-ups. */
  followUps: number;
  /** Lines that are not valid question-set rows (file:line: why). */
  invalid: string[];
  /** Answerable questions none of whose gold strings the corpus contains (written for another corpus). */
  unlocated: number;
}

/**
 * Kinds of fact by what answers them. Reading the kind asked is approximate (「規模有多大」 reads as a
 * size, 「資金規模」 as money), so questions differ in what they ask only across these families.
 */
const ASK_FAMILY: Record<AskKind, string> = {
  date: 'time',
  duration: 'time',
  percent: 'figure',
  money: 'figure',
  count: 'figure',
  size: 'figure',
  area: 'figure',
  rank: 'figure',
  place: 'place',
  who: 'agent',
  person: 'agent',
  list: 'agent',
  rule: 'description',
  activity: 'description',
};

/** Which one of a kind a question asks of: the second InnoCell is not the one built. */
const ORDINAL_G = /第[二三四五兩]|second|third|another|新一[座個間幢棟]|再建|再起/gu;

/** The names (jieba's nr/ns/nt/nz: 數碼港, 科技券), figures and ordinals a question states, and the families of fact it asks. */
function detailsOf(question: string): { compact: string; details: string[]; asks: Set<string> } {
  const compact = compactQuestion(question);
  const names = segmentPrecise(compact).filter((w) => w.length >= 2 && hasName(w));
  const asks = new Set(askedFor(normalizeForMatch(question)).map((a) => ASK_FAMILY[a.kind]));
  return { compact, details: [...names, ...(compact.match(/\d+(?:\.\d+)?/g) ?? []), ...(compact.match(ORDINAL_G) ?? [])], asks };
}

/**
 * Two questions alike in their n-grams are the same question only if what they ask can be the same
 * ("how much is in the fund" is not "when did it launch the fund") and neither states a name or figure
 * the other lacks: 「數碼港啲初創公司請咗幾多人？」 is not 「香港啲初創公司請咗幾多人？」, nor is 2021 2022, nor
 * "the second InnoCell" InnoCell.
 */
export function sameQuestion(a: string, b: string): boolean {
  const x = detailsOf(a);
  const y = detailsOf(b);
  const asksApart = x.asks.size > 0 && y.asks.size > 0 && ![...x.asks].some((f) => y.asks.has(f));
  return !asksApart && x.details.every((d) => y.compact.includes(d)) && y.details.every((d) => x.compact.includes(d));
}

/**
 * Whether a labelled question's label can be that of a question (`asking`: whether it asks a particular
 * fact, read once for all the exemplars a search weighs): a decline for a fact the sheet lacks ("When
 * will the Microelectronics R&D Institute be set up?") is about that fact, and says nothing of a question
 * asking no particular fact about the same thing ("What is the Microelectronics R&D Institute for?").
 */
function labelApplies(asking: boolean, e: Exemplar): boolean {
  return e.answerable || asking || exemplarAsked(e).kinds.size === 0;
}

/** What a question asks for and the years it names: what a labelled decline was about. */
interface Asked {
  kinds: Set<string>;
  years: string[];
}
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;
function askedIn(question: string): Asked {
  return { kinds: new Set(askedFor(normalizeForMatch(question)).map((a) => a.kind)), years: question.match(YEAR) ?? [] };
}
const asksAFact = (question: string) => askedIn(question).kinds.size > 0;
const exemplarAsks = new WeakMap<Exemplar, Asked>();
/** What a labelled question asks (read once per exemplar). */
function exemplarAsked(e: Exemplar): Asked {
  let asked = exemplarAsks.get(e);
  if (asked === undefined) exemplarAsks.set(e, (asked = askedIn(e.question)));
  return asked;
}

/**
 * Whether a labelled decline can say something of a question as its neighbour: one for another kind of
 * fact ("how many companies has Alibaba's fund invested in?", no count given) says nothing of the sum the
 * question asks; one naming only other years ("What did MIT open in Hong Kong back in 2018?") was declined
 * for its year, which says nothing of the question's own ("…in 2016?").
 */
function declineApplies(question: Asked, e: Exemplar): boolean {
  if (e.answerable) return true;
  const own = exemplarAsked(e);
  if (question.kinds.size > 0 && own.kinds.size > 0 && ![...own.kinds].some((k) => question.kinds.has(k))) return false;
  return question.years.length === 0 || own.years.length === 0 || own.years.some((y) => question.years.includes(y));
}

/**
 * Labelled questions written from the corpus (`exemplars/*.jsonl`, the question-set format): a new
 * question that is one of them reworded — the same words in nearly the same order — takes its label.
 * The rules read what a question asks; a labelled question says what the sheet answers, including
 * adjacent questions the rules cannot tell from answerable ones. A follow-up's meaning is in its
 * conversation: a labelled follow-up is matched together with the message before it.
 */
export class ExemplarBank {
  /** Single-turn exemplars, and follow-ups (those with `previous`). */
  readonly singleTurn: readonly Exemplar[];
  readonly followUps: readonly Exemplar[];
  private readonly similarityIndex: NgramSimilarity;
  private readonly followUpIndex: NgramSimilarity;
  private readonly previousIndex: NgramSimilarity;
  /** Documents the exemplars' answers were located in: the corpus they were written against. */
  readonly documents: ReadonlySet<string>;

  /** `tables`: the three similarity indexes' tables when already built (`loading` builds them in steps), else built here. */
  constructor(
    readonly exemplars: readonly Exemplar[],
    readonly settings: ExemplarSettings,
    tables?: readonly [NgramTables, NgramTables, NgramTables],
  ) {
    this.singleTurn = exemplars.filter((e) => !e.previous);
    this.followUps = exemplars.filter((e) => e.previous);
    const [single, followUp, previous] = tables ?? drain(ExemplarBank.indexing(this.singleTurn, this.followUps));
    this.similarityIndex = new NgramSimilarity([], single);
    this.followUpIndex = new NgramSimilarity([], followUp);
    this.previousIndex = new NgramSimilarity([], previous);
    this.documents = new Set(exemplars.flatMap((e) => e.spans.flat().map((s) => s.passage.docId)));
  }

  private static *indexing(singleTurn: readonly Exemplar[], followUps: readonly Exemplar[]): Steps<[NgramTables, NgramTables, NgramTables]> {
    return [
      yield* NgramSimilarity.tables(singleTurn.map((e) => e.grams)),
      yield* NgramSimilarity.tables(followUps.map((e) => e.grams)),
      yield* NgramSimilarity.tables(followUps.map((e) => e.previous!.grams)),
    ];
  }

  static empty(settings: ExemplarSettings): ExemplarBank {
    return new ExemplarBank([], settings);
  }

  /** Reads every `*.jsonl` in `dir`; invalid lines and answers the corpus lacks are reported, not fatal. */
  static load(dir: string, passages: Iterable<Passage>, settings: ExemplarSettings): { bank: ExemplarBank; report: ExemplarLoadReport } {
    return drain(ExemplarBank.loading(dir, passages, settings));
  }

  /** `load` as steps (a file, a passage, an exemplar at a time), for a server that keeps answering its probes meanwhile. */
  static *loading(dir: string, passages: Iterable<Passage>, settings: ExemplarSettings): Steps<{ bank: ExemplarBank; report: ExemplarLoadReport }> {
    const report: ExemplarLoadReport = { files: 0, exemplars: 0, followUps: 0, invalid: [], unlocated: 0 };
    if (!fs.existsSync(dir)) return { bank: ExemplarBank.empty(settings), report };
    if (!fs.statSync(dir).isDirectory()) {
      report.invalid.push(`${dir}: not a folder`);
      return { bank: ExemplarBank.empty(settings), report };
    }
    const rows: Array<{ item: QuestionSetItem; source: string }> = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
      let text: string;
      try {
        text = fs.readFileSync(path.join(dir, file), 'utf8');
      } catch (err) {
        report.invalid.push(`${file}: unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
        continue;
      }
      report.files++;
      yield;
      const { items, errors } = parseQuestionSet(text, file);
      report.invalid.push(...errors);
      for (const item of items) rows.push({ item, source: file.replace(/\.jsonl$/, '') });
    }
    const found = yield* locatingGolds(
      rows.flatMap((r) => (r.item.answerable ? r.item.gold : [])),
      passages,
    );
    const exemplars: Exemplar[] = [];
    for (const { item, source } of rows) {
      yield;
      const spans = item.answerable ? item.gold.map((g) => placesOf(found, g)).filter((places) => places.length > 0) : [];
      if (item.answerable && spans.length === 0) {
        report.unlocated++;
        continue;
      }
      const previous = lastUserMessage(item.history);
      exemplars.push({
        id: item.id,
        source,
        question: item.question,
        answerable: item.answerable,
        expect: item.expect,
        uncovered: item.expect === 'partial' ? item.uncovered : [],
        spans,
        grams: gramCounts(item.question),
        ...(previous === undefined ? {} : { previous: { question: previous, grams: gramCounts(previous) } }),
      });
    }
    report.exemplars = exemplars.length;
    const followUps = exemplars.filter((e) => e.previous);
    report.followUps = followUps.length;
    const tables = yield* ExemplarBank.indexing(
      exemplars.filter((e) => !e.previous),
      followUps,
    );
    return { bank: new ExemplarBank(exemplars, settings, tables), report };
  }

  get size(): number {
    return this.exemplars.length;
  }

  /** The bank without one question set's exemplars (evaluation holds a set's own questions out). */
  without(source: string): ExemplarBank {
    if (!this.exemplars.some((e) => e.source === source)) return this;
    return new ExemplarBank(
      this.exemplars.filter((e) => e.source !== source),
      this.settings,
    );
  }

  /**
   * The labelled question this one rewords: the most similar one, similar enough, that asks the same
   * kinds of fact and states the same names and figures, when every labelled question nearly as similar
   * agrees on whether the corpus answers it (near neighbours that disagree mean the difference is in a
   * detail — a year, a place — that n-grams do not weigh).
   */
  match(question: string): ExemplarMatch | null {
    const { similarity, agreementMargin } = this.settings;
    const near = this.similarityIndex.search(question, similarity - agreementMargin);
    const asking = asksAFact(question);
    return chosen(near, this.singleTurn, similarity, (e) => sameQuestion(question, e.question) && labelApplies(asking, e));
  }

  /**
   * The labelled follow-up this one rewords, asked after a reworded previous message: both must be
   * alike (a follow-up's similarity is the lower of the two), with the same agreement and guards as
   * `match` on each — 「那數碼港呢？」 after "how many companies" is not the same after "when did it open".
   */
  matchFollowUp(question: string, previous: string): ExemplarMatch | null {
    // A previous message this long rewords no labelled one (those are short), and searching its
    // thousands of n-grams was a fifth of a long conversation's cost.
    if (previous.length > NEIGHBOUR_TEXT) return null;
    const { followUpSimilarity: similarity, agreementMargin } = this.settings;
    const near = this.followUpsNear(question, previous, similarity - agreementMargin);
    const asking = asksAFact(question);
    return chosen(near, this.followUps, similarity, (e) => sameQuestion(question, e.question) && sameQuestion(previous, e.previous!.question) && labelApplies(asking, e));
  }

  /**
   * Labelled follow-ups at least `floor` similar both as a follow-up and in the message before it, each as
   * similar as the lower of the two, most similar first.
   */
  private followUpsNear(question: string, previous: string, floor: number): Array<{ doc: number; similarity: number }> {
    const asked = new Map(this.followUpIndex.search(question, floor).map((n) => [n.doc, n.similarity]));
    if (asked.size === 0) return [];
    return this.previousIndex
      .search(previous, floor)
      .flatMap((n) => (asked.has(n.doc) ? [{ doc: n.doc, similarity: Math.min(n.similarity, asked.get(n.doc)!) }] : []))
      .sort((a, b) => b.similarity - a.similarity);
  }

  /**
   * How the labelled questions most like this one were labelled — like enough to say what kind of
   * question it is, not to be it reworded. A follow-up's neighbours are labelled follow-ups, each as
   * similar as the lower of its two similarities (the follow-up's and the previous message's).
   */
  neighbourhood(fullQuestion: string, fullPrevious?: string): Neighbourhood {
    const question = fullQuestion.slice(0, NEIGHBOUR_TEXT);
    const previous = fullPrevious?.slice(0, NEIGHBOUR_TEXT);
    const near = previous === undefined ? this.similarityIndex.search(question, NEIGHBOUR_FLOOR) : this.followUpsNear(question, previous, NEIGHBOUR_FLOOR);
    const pool = previous === undefined ? this.singleTurn : this.followUps;
    // (A decline for a particular fact says nothing of a question asking none, nor of one asking another
    // kind of fact or of another year: see labelApplies and declineApplies.)
    const asked = askedIn(question);
    const top = near.filter((n) => labelApplies(asked.kinds.size > 0, pool[n.doc]!) && declineApplies(asked, pool[n.doc]!)).slice(0, NEIGHBOURS);
    let answerable = 0;
    let unanswerable = 0;
    let yes = 0;
    let no = 0;
    for (const n of top) {
      const w = n.similarity ** 4;
      if (pool[n.doc]!.answerable) (answerable = Math.max(answerable, n.similarity)), (yes += w);
      else (unanswerable = Math.max(unanswerable, n.similarity)), (no += w);
    }
    return { answerable, unanswerable, vote: yes + no > 0 ? yes / (yes + no) : 0.5, count: top.length };
  }
}

/**
 * Of near labelled questions (most similar first, the first at least `similarity`), the most similar
 * one at least `similarity` that `isSame` accepts — a likelier one may differ in a name or figure —
 * when all of them agree on whether the corpus answers it.
 */
function chosen(
  near: ReadonlyArray<{ doc: number; similarity: number }>,
  pool: readonly Exemplar[],
  similarity: number,
  isSame: (e: Exemplar) => boolean,
): ExemplarMatch | null {
  if (near.some((n) => pool[n.doc]!.answerable !== pool[near[0]!.doc]!.answerable)) return null;
  const same = near.find((n) => n.similarity >= similarity && isSame(pool[n.doc]!));
  return same ? { exemplar: pool[same.doc]!, similarity: same.similarity } : null;
}
