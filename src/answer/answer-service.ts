import type { Logger } from 'pino';
import { type ChatAnswer, type Language, type Turn, lastUserMessage } from '../contract/chat.js';
import type { DocumentMeta } from '../ingest/types.js';
import { type FollowUp, type FollowUpKind, asFollowUp, pointsBack, resolveQuestion, withExchangeBefore } from '../retrieve/follow-up.js';
import type { AskKind } from '../retrieve/question/asks.js';
import { homeSide, otherSides } from '../retrieve/question/entities.js';
import { absoluteYears } from '../retrieve/question/premises.js';
import { asksOwnQuestion, namesNoSubject, splitQuestion } from '../retrieve/question/parts.js';
import type { RetrievalResult, Retriever } from '../retrieve/retriever.js';
import { detectLanguage } from '../text/language.js';
import { normalizeForMatch } from '../text/normalize.js';
import { ASK_NOUN, hasQuestionWord } from '../retrieve/question/question-words.js';
import { quotedNames } from '../text/quoted-names.js';
import { recentHistory } from './history.js';
import { type NotCoveredCheck, type PartVerdict, bringsUpNewSubject, judgePart, namesSpecificSubject } from './answerability.js';
import { ASK_LABELS } from './evidence.js';
import { extractNumbers } from './verify/numbers.js';
import { type ServiceIdentity, aboutLabel, declineMessage, factMissingMessage, premiseMessage } from './messages.js';
import type { ExtractiveMode } from './modes/extractive.js';
import { errorLine } from './llm-errors.js';
import type { AnswerMode, AnswerRequest } from './modes/mode.js';
import { type DeclineReason, outOfScopeReason } from './scope.js';
import type { ExemplarBank, ExemplarMatch, GoldSpan } from '../retrieve/exemplars/exemplar-bank.js';
import type { SelectedSentence } from './select-sentences.js';
import { exemplarSentences, exemplarUncovered } from './exemplar-answer.js';
import { describedName } from './described-name.js';
import { type AnswerGate, type GateSignals, gateFeatures, rescueFeatures } from './answer-gate.js';

export interface AnswerServiceOptions {
  documents: ReadonlyMap<string, { meta: DocumentMeta }>;
  retriever: Retriever;
  /** Retrieval confidence below which the service declines (calibrated with `npm run eval`). */
  threshold: number;
  /** The lower gate for modes that read the passages themselves (LLM). */
  readerThreshold: number;
  topK: number;
  /** The configured answer mode. */
  mode: AnswerMode;
  /** What answers when the mode cannot (and the mode itself when it is extractive). */
  fallback: ExtractiveMode;
  logger: Logger;
  /** What the service says it covers when it declines (configuration, not a corpus file). */
  identity: ServiceIdentity;
  /** Labelled questions (and follow-ups) a message may reword (its label then decides). */
  exemplars: ExemplarBank;
  /** Declines answers unlike those to questions the sheet answers (`npm run train:gate`); null: off. */
  gate: AnswerGate | null;
}

export interface AnswerTrace {
  confidence: number;
  passageIds: string[];
  declineReason?: DeclineReason | 'fact_missing' | 'premise' | 'unlikely';
  /** Which check found the question not covered, when one did. */
  declineCheck?: NotCoveredCheck;
  /** The kinds of fact asked that no passage about the subject states, when that declined it. */
  declineMissing?: AskKind[];
  /** Why the mode's answer was replaced by the extractive one. */
  fallbackReason?: string;
  followUp?: FollowUp['kind'];
  /** Question parts, and how many were found uncovered. */
  parts?: number;
  uncovered?: number;
  /** The labelled question this one rewords, when its label overruled the checks' verdict. */
  exemplar?: { id: string; similarity: number };
  /** The answer gate's reading of a checked answer: its features and the probability that the sheet answers the question. */
  gate?: { features: number[]; probability: number | null };
  /** The rescue's reading of a question the checks declined: its features and the probability that the best sentences answer it. */
  rescue?: { features: number[]; probability: number; passageIds: string[] };
}

/** Top passages this alike in coverage do not tell the question's subject. */
const FLAT_COVERAGE = 0.01;

export interface JudgedPart {
  part: string;
  retrieval: RetrievalResult;
  /** The verdict for quoting (extractive): the passages must state what is asked. */
  strict: PartVerdict;
  /** The verdict for a mode that reads the passages itself. */
  lenient: PartVerdict;
  /** That verdict, computed on demand in a mode that quotes (the answer rescue's reading). */
  readLeniently: () => PartVerdict;
}

type Plan = { kind: 'decline'; answer: (language: Language) => ChatAnswer; reason: AnswerTrace['declineReason']; check?: NotCoveredCheck; missing?: AskKind[] } | { kind: 'answer'; request: AnswerRequest };

/** How few passages may mention a concept for it to count as rare (the answer gate's signal). */
const RARE_MENTIONS = 3;

/**
 * Orchestrates one answer: scope rules → follow-up → question parts → retrieval and answerability
 * per part → the answer mode (with the parts the documents do not cover), or a decline saying why.
 */
export class AnswerService {
  private exemplars: ExemplarBank;
  private answerGate: AnswerGate | null;

  constructor(private readonly opts: AnswerServiceOptions) {
    this.exemplars = opts.exemplars;
    this.answerGate = opts.gate;
  }

  get gate(): AnswerGate | null {
    return this.answerGate;
  }

  /** Swaps the answer gate (evaluation answers a labelled set with the gate that never learned from it). */
  useGate(gate: AnswerGate | null): void {
    this.answerGate = gate;
  }

  get exemplarCount(): number {
    return this.exemplars.size;
  }

  /** Swaps the exemplar bank (evaluation holds each question set's own exemplars out). */
  useExemplars(bank: ExemplarBank): void {
    this.exemplars = bank;
  }

  get mode(): AnswerMode {
    return this.opts.mode;
  }

  private decline(reason: DeclineReason, language: Language, because?: string): ChatAnswer {
    return {
      answer: declineMessage(reason, language, this.opts.identity, because),
      answerable: false,
      citations: [],
      uncovered: [],
      mode: this.mode.name,
      language,
    };
  }

  /** How many passages of the corpus mention a term. */
  private readonly mentions = (term: string): number => this.opts.retriever.passagesMentioning(term);

  private async judgeOne(part: string, followUp: FollowUp | null, laterPart = false): Promise<JudgedPart> {
    // A comparison is looked up for its home side: a passage naming the other side (深圳) is about
    // something else, and the other side is named as uncovered unless the answer states it.
    const retrieval = await this.opts.retriever.retrieve(homeSide(part), { k: this.opts.topK, followUp });
    const base = {
      coverage: this.opts.retriever.coverageOf.bind(this.opts.retriever),
      passagesMentioning: this.mentions,
      followUpKind: followUp?.kind,
      given: followUp?.given,
      askedBefore: followUp?.asked,
      pointsBack: pointsBack(part),
      ownWordsRequired: laterPart,
    };
    const strict = judgePart(part, retrieval, { ...base, threshold: this.opts.threshold });
    const readLeniently = () => judgePart(part, retrieval, { ...base, threshold: this.opts.readerThreshold, lenient: true });
    const lenient = this.mode.readsPassages ? readLeniently() : strict;
    return { part, retrieval, strict, lenient, readLeniently };
  }

  /** A later part of a question, read with the first part as its context. */
  private async judgeLaterPart(part: string, first: string): Promise<JudgedPart> {
    const context = (kind: FollowUpKind): FollowUp => ({ context: first, kind, given: '', asked: first });
    if (pointsBack(part) || namesNoSubject(part)) return this.judgeOne(part, context('reference'), true);
    const own = await this.judgeOne(part, context('ellipsis'), true);
    if (namesSpecificSubject(own.retrieval.query.concepts, this.mentions)) return own;
    return this.judgeOne(part, context('reference'), true);
  }

  /** Each part of the question judged on its own; the whole question when no part is answered alone. */
  private async judge(question: string, followUp: FollowUp | null): Promise<JudgedPart[]> {
    // 「前一年呢？」 counts from the year the first part or the last exchange named.
    const split = splitQuestion(question);
    const parts = split.map((part, i) => absoluteYears(part, i > 0 ? split[0]! : (followUp?.context ?? '')));
    const judged = await Promise.all(
      parts.map((part, i) =>
        i === 0
          ? this.judgeOne(part, followUp)
          : // A later part is read with the first as context: with a pronoun (「當中有多少間…」, "how many
            // of them") it is about the first part's subject; otherwise its own words lead (an ellipsis).
            // A part naming nothing (「預計何時成立？」) or nothing specific (「每宗申請的資助上限是多少？」)
            // is about the first part's subject too.
            this.judgeLaterPart(part, parts[0]!),
      ),
    );
    // "How many new cables are due, and when?": a part with no words of its own asks of the first part's
    // answer; when the documents lack what that asks, they lack this too.
    // (A mode reading the passages keeps its answer when it found the first part's.)
    if (judged[0]!.strict.status === 'fact_missing') {
      const firstRead = judged[0]!.lenient.status === 'answered';
      for (const [i, j] of judged.entries()) {
        if (i === 0 || j.retrieval.query.concepts.length > 0) continue;
        const notCovered = () => ({ status: 'not_covered', check: 'first_part_missing' }) as const;
        judged[i] = { ...j, strict: notCovered(), lenient: firstRead ? j.lenient : notCovered(), readLeniently: firstRead ? j.readLeniently : notCovered };
      }
    }
    const answered = (j: JudgedPart) => j.strict.status === 'answered' || j.lenient.status === 'answered';
    // A first question describing a thing it does not name, whose fact no passage its words find states:
    // read again under the name of the thing the best sentence describes (a premise stays declined).
    const first = judged[0]!;
    if (!followUp && !answered(first) && first.strict.status !== 'premise' && first.retrieval.query.descriptions.length > 0) {
      const name = describedName(parts[0]!, first.retrieval, this.opts.retriever.coverageOf.bind(this.opts.retriever));
      if (name) {
        const named = await this.judgeOne(`「${name}」${parts[0]}`, null);
        if (answered(named)) judged[0] = { ...named, part: first.part };
      }
    }
    if (parts.length > 1 && !judged.some(answered)) {
      const whole = await this.judgeOne(question, followUp);
      if (answered(whole)) return [whole];
    }
    return judged;
  }

  /** What to do with the judged parts: decline (saying why) or answer the covered parts. */
  private plan(judged: JudgedPart[], verdictOf: (j: JudgedPart) => PartVerdict, question: string, language: Language, signal?: AbortSignal): Plan {
    const verdicts = repeatsEarlier(judged.map(verdictOf), judged);
    const answered = judged.filter((_, i) => verdicts[i]!.status === 'answered');
    if (answered.length === 0) {
      const premise = verdicts.find((v) => v.status === 'premise');
      if (premise?.status === 'premise') {
        const because = premiseMessage(premise, language);
        return { kind: 'decline', reason: 'premise', answer: (l) => this.decline('not_covered', l, because) };
      }
      const factMissing = verdicts.find((v) => v.status === 'fact_missing');
      if (factMissing?.status === 'fact_missing') {
        const because = factMissingMessage(factMissing.missing.map((a) => ASK_LABELS[a.kind][language]), language);
        return { kind: 'decline', reason: 'fact_missing', missing: factMissing.missing.map((a) => a.kind), answer: (l) => this.decline('not_covered', l, because) };
      }
      const check = verdicts.flatMap((v) => (v.status === 'not_covered' && v.check ? [v.check] : []))[0];
      return { kind: 'decline', reason: 'not_covered', check, answer: (l) => this.decline('not_covered', l) };
    }
    const uncovered = judged.flatMap((j, i) => {
      const v = verdicts[i]!;
      if (v.status !== 'answered') return [j.part.trim()];
      return [...v.missing.map((a) => ASK_LABELS[a.kind][language]), ...v.unmatched.map((e) => aboutLabel(e, language))];
    });
    const covered = verdicts.filter((v) => v.status === 'answered');
    return {
      kind: 'answer',
      request: {
        question,
        language,
        retrieval: mergeRetrievals(answered.map((j) => j.retrieval)),
        sentences: dedupeSentences(covered.flatMap((v) => v.sentences)),
        uncovered,
        asks: covered.flatMap((v) => v.asks.filter((a) => !v.missing.includes(a))),
        signal,
      },
    };
  }

  /** The question judged part by part, leaning on the conversation when it finds nothing alone. */
  private async read(question: string, followUp: FollowUp | null, history: Turn[]): Promise<{ judged: JudgedPart[]; followUp: FollowUp | null }> {
    const judged = await this.judge(question, followUp);
    // A question that looked standalone but finds nothing alone may lean on the conversation; so may one
    // whose words fit many passages alike (「did the funding go up recently?」 names no subject).
    const top = judged[0]!.retrieval.hits.slice(0, 3).map((h) => h.coverage);
    const flat = top.length === 3 && Math.max(...top) - Math.min(...top) < FLAT_COVERAGE;
    const unanswered = !judged.some((j) => j.lenient.status === 'answered');
    // A short question read as a follow-up may name its own subject (「全港有幾多個 Wi-Fi.HK 熱點？」 after
    // a question on another): when the follow-up reading finds nothing, it is read on its own.
    // So is one bringing up a subject the conversation has not named, with no pronoun pointing back.
    const concepts = judged[0]!.retrieval.query.concepts;
    const specific = () => namesSpecificSubject(concepts, this.mentions);
    const newSubject = () => bringsUpNewSubject(concepts, followUp!.context, this.mentions);
    if (followUp && followUp.kind === 'reference' && !followUp.definite && !pointsBack(question) && !namesNoSubject(question) && ((unanswered && specific()) || newSubject())) {
      const alone = await this.judge(question, null);
      if (alone.some((j) => j.lenient.status === 'answered')) return { judged: alone, followUp: null };
    }
    // 「好的。那數碼港的擴建工程預計何時完成？」: an ellipsis asking its own question of a subject it names is read on
    // its own when the conversation's reading answers nothing (the earlier fund's words outweigh the expansion's).
    if (followUp?.kind === 'ellipsis' && !judged.some((j) => j.strict.status === 'answered') && hasQuestionWord(normalizeForMatch(question)) && specific()) {
      const alone = await this.judge(question, null);
      if (alone.some((j) => j.strict.status === 'answered')) return { judged: alone, followUp: null };
    }
    // 「每家企業最多能拿多少？」 after a question on a scheme names nothing specific of its own: it is
    // about the conversation's subject, whatever another scheme's passage says.
    // (Only with a conversation to lean on: a first question pays for no subject test.)
    const earlier = followUp ? null : asFollowUp(history);
    const subjectless = !!earlier && quotedNames(normalizeForMatch(question)).length === 0 && !specific();
    if (subjectless) return { judged: await this.judge(question, earlier), followUp: earlier };
    // A follow-up on a last exchange naming no subject is about the one named before it.
    const context = judged[0]!.retrieval.context?.concepts;
    if (followUp?.kind === 'reference' && !followUp.definite && context && !namesSpecificSubject(context, this.mentions) && !specific()) {
      const wider = withExchangeBefore(history);
      if (wider) {
        const again = await this.judge(question, wider);
        if (namesSpecificSubject(again[0]!.retrieval.context?.concepts ?? [], this.mentions)) return { judged: again, followUp: wider };
      }
    }
    const leaning = unanswered || flat ? earlier : null;
    if (leaning) {
      const again = await this.judge(question, leaning);
      if (!unanswered && !(again[0]!.retrieval.confidence > judged[0]!.retrieval.confidence)) return { judged, followUp };
      // Only when the answer speaks to the question's own words: 「今晚食咩好？」 is no follow-up.
      const own = judged[0]!.retrieval.query.concepts;
      const speaksTo = (j: JudgedPart) =>
        j.lenient.status === 'answered' && j.lenient.sentences.some((s) => this.opts.retriever.coverageOf(own, s.passage.text) > 0);
      if (again.some(speaksTo)) return { judged: again, followUp: leaning };
    }
    return { judged, followUp };
  }

  /**
   * How the service reads a message, for developer tools (`scripts/explain.ts`): the question after
   * corrections and openers, the follow-up reading, and each part's retrieval and verdicts. No answer
   * mode runs (no LLM call, no condensing).
   */
  async inspect(
    message: string,
    fullHistory: Turn[],
  ): Promise<{ question: string; followUp: FollowUp | null; parts: JudgedPart[]; exemplar: ExemplarMatch | null }> {
    const history = recentHistory(fullHistory);
    const resolved = resolveQuestion(message, history);
    const { judged, followUp } = await this.read(resolved.question, resolved.followUp, resolved.standsAlone ? [] : history);
    return { question: resolved.question, followUp, parts: judged, exemplar: this.rewords(message, fullHistory) };
  }

  async answer(message: string, fullHistory: Turn[], signal?: AbortSignal): Promise<{ result: ChatAnswer; trace: AnswerTrace }> {
    const history = recentHistory(fullHistory);
    const language = detectLanguage(message);
    const mode = this.opts.mode;
    const scope = outOfScopeReason(message);
    // (A person asked in one part of several, "How many labs run, and who heads Health@InnoHK?", leaves
    // the other parts to answer: the part asking who is declined by the fact check as any part is. Not
    // when the other part only describes whose, 「負責…的那個委員會，主席是誰？」.)
    const personInPart = scope === 'person' && splitQuestion(message).some((p) => !outOfScopeReason(p) && asksOwnQuestion(p));
    if (scope && !personInPart) return { result: this.decline(scope, language), trace: { confidence: 0, passageIds: [], declineReason: scope } };

    const resolved = resolveQuestion(message, history);
    let { question, followUp } = resolved;
    let fallbackReason: string | undefined;
    // One deadline for every call the mode makes for this request (condense + answer), not one per call.
    const modeSignal = mode.timeoutMs
      ? AbortSignal.any([AbortSignal.timeout(mode.timeoutMs), ...(signal ? [signal] : [])])
      : signal;
    if (followUp && mode.condense) {
      try {
        question = await mode.condense(question, history, modeSignal);
        followUp = null;
      } catch (err) {
        fallbackReason = `condense failed: ${errorLine(err)}`;
      }
      // The rewrite is new text: the scope rules apply to it as they did to the message.
      const condensedScope = question === message ? null : outOfScopeReason(question);
      if (condensedScope) {
        return { result: this.decline(condensedScope, language), trace: { confidence: 0, passageIds: [], declineReason: condensedScope } };
      }
    }
    const read = await this.read(question, followUp, resolved.standsAlone ? [] : history);
    const judged = read.judged;
    followUp = read.followUp;
    const first = judged[0]!.retrieval;
    const trace: AnswerTrace = {
      confidence: first.confidence,
      passageIds: first.hits.map((h) => h.passage.id),
      followUp: followUp?.kind,
      fallbackReason,
      parts: judged.length,
    };

    // A declined plan's answer, with its reason and the check that found nothing (if one did) traced.
    const declined = (p: Extract<Plan, { kind: 'decline' }>) => ({ result: p.answer(language), trace: { ...trace, declineReason: p.reason, ...(p.check ? { declineCheck: p.check } : {}), ...(p.missing ? { declineMissing: p.missing } : {}) } });
    let plan = this.plan(judged, (j) => j.lenient, question, language, modeSignal);
    // A question rewording a labelled one (a follow-up: a labelled follow-up, after a like message) takes its label where the checks read it otherwise.
    const known = this.rewords(message, fullHistory);
    const overruled = known ? this.overrule(plan, known, judged, question, language, modeSignal) : null;
    if (overruled) {
      plan = overruled;
      trace.exemplar = { id: known!.exemplar.id, similarity: Number(known!.similarity.toFixed(3)) };
    } else if (!mode.readsPassages) {
      // (Not in a mode reading the passages, whose model says NOT_IN_SOURCES itself.)
      const weighed = this.weigh(plan, { message, fullHistory, judged, question, language, signal: modeSignal });
      plan = weighed.plan;
      if (weighed.gate) trace.gate = weighed.gate;
      if (weighed.rescue) trace.rescue = weighed.rescue;
    }
    if (plan.kind === 'decline') return declined(plan);
    trace.uncovered = plan.request.uncovered.length;
    const outcome = await mode.answer(mode.readsPassages ? plan.request : await this.withRestatements(plan.request));
    if (outcome.kind === 'answer') return { result: outcome.answer, trace };
    if (outcome.kind === 'decline') return { result: this.decline('not_covered', language), trace: { ...trace, declineReason: 'not_covered' } };
    trace.fallbackReason = outcome.reason;
    this.opts.logger.warn({ reason: trace.fallbackReason }, 'answer mode fell back to the extractive answer');
    // The extractive answer quotes the passages, so it must pass the strict checks.
    // (An exemplar's gold sentence is quoted as it stands: the labelled answer needs no checks.)
    const strict = mode.readsPassages && overruled?.kind !== 'answer' ? this.plan(judged, (j) => j.strict, question, language, modeSignal) : plan;
    if (strict.kind === 'decline') return declined(strict);
    trace.uncovered = strict.request.uncovered.length;
    return { result: this.opts.fallback.compose(await this.withRestatements(strict.request)), trace };
  }

  /** Whether every passage an answer quotes (or its best passage) is in a document the labels were written against. */
  private fromLabelledDocuments(plan: Extract<Plan, { kind: 'answer' }>): boolean {
    const { sentences, retrieval } = plan.request;
    const sources = sentences.length ? sentences.map((s) => s.passage) : retrieval.hits.slice(0, 1).map((h) => h.passage);
    return sources.every((p) => this.exemplars.documents.has(p.docId));
  }

  /**
   * The answer gate's say on the checks' plan, for answers from the documents the labels were written
   * against (what it learned is of the sheet's questions): a checked answer unlike the answers to
   * questions the sheet answers is declined; a question the checks declined whose best sentences look
   * like a right answer is answered with them.
   */
  private weigh(
    plan: Plan,
    c: { message: string; fullHistory: Turn[]; judged: JudgedPart[]; question: string; language: Language; signal?: AbortSignal },
  ): { plan: Plan; gate?: AnswerTrace['gate']; rescue?: AnswerTrace['rescue'] } {
    const gate = this.answerGate;
    const judging = gate !== null && gate.judges(this.exemplars.size);
    if (plan.kind === 'answer') {
      if (!this.fromLabelledDocuments(plan)) return { plan };
      // A question answered in part is weighed by the parts answered: its uncovered part
      // (「數碼港元幾時推出？」) reads as the unanswerable question it is, and would decline the rest with it.
      const covered = c.judged.filter((j) => j.lenient.status === 'answered');
      const weighed = covered.length > 0 && covered.length < c.judged.length ? covered : c.judged;
      const text = weighed === c.judged ? c.message : weighed.map((j) => j.part).join(' ');
      const features = gateFeatures(this.gateSignals(text, c.fullHistory, weighed, plan.request.uncovered.length, c.language, c.judged.length));
      const probability = gate ? gate.probability(features) : null;
      const traced = { features, probability: probability === null ? null : Number(probability.toFixed(4)) };
      if (judging && probability! < gate.threshold) return { plan: { kind: 'decline', reason: 'unlikely', answer: (l) => this.decline('not_covered', l) }, gate: traced };
      return { plan, gate: traced };
    }
    if (!judging || (plan.reason !== 'not_covered' && plan.reason !== 'fact_missing')) return { plan };
    // The best sentences, chosen as for a mode that reads the passages itself, from the passages already
    // found; one part only (what a multi-part question leaves uncovered is the checks' to say).
    const only = c.judged.length === 1 ? c.judged[0]! : null;
    const verdict = only?.readLeniently();
    if (!only || verdict?.status !== 'answered' || verdict.sentences.length === 0) return { plan };
    const { sentences, asks } = verdict;
    // A comparison's other side the quoted sentences say nothing of is named as uncovered, as the checks name it.
    const quoted = normalizeForMatch(sentences.map((s) => s.text).join(' '));
    const uncovered = otherSides(normalizeForMatch(c.question))
      .filter((side) => !quoted.includes(normalizeForMatch(side)))
      .map((side) => aboutLabel(side, c.language));
    const candidate: Plan = { kind: 'answer', request: { question: c.question, language: c.language, retrieval: only.retrieval, sentences, uncovered, asks, signal: c.signal } };
    if (!this.fromLabelledDocuments(candidate)) return { plan };
    const features = rescueFeatures(this.gateSignals(c.message, c.fullHistory, [{ ...only, lenient: verdict }], 0, c.language), plan.reason);
    const probability = gate.rescueProbability(features);
    const rescue = { features, probability: Number(probability.toFixed(4)), passageIds: [...new Set(sentences.map((s) => s.passage.id))] };
    return probability >= gate.rescueThreshold ? { plan: candidate, rescue } : { plan, rescue };
  }

  /** What the answer gate weighs of a reading: the first part's, the question's parts and the plan's uncovered count, the labelled neighbourhood. */
  private gateSignals(message: string, fullHistory: Turn[], judged: JudgedPart[], uncovered: number, language: Language, parts = judged.length): GateSignals {
    const first = judged[0]!;
    const counts = first.retrieval.query.concepts.map((c) => Math.max(0, ...(c.absent ? [] : c.alternatives.map((a) => this.mentions(normalizeForMatch(a))))));
    const previous = lastUserMessage(fullHistory);
    return {
      language,
      followUp: previous !== undefined,
      question: message,
      retrieval: first.retrieval,
      verdict: first.lenient,
      parts,
      uncovered,
      absentConcepts: counts.filter((n) => n === 0).length,
      rareConcepts: counts.filter((n) => n > 0 && n <= RARE_MENTIONS).length,
      neighbourhood: this.exemplars.neighbourhood(message, previous),
    };
  }

  /** The labelled question a message rewords; a follow-up's, asked after the same previous message. */
  private rewords(message: string, fullHistory: Turn[]): ExemplarMatch | null {
    const previous = lastUserMessage(fullHistory);
    return previous === undefined ? this.exemplars.match(message) : this.exemplars.matchFollowUp(message, previous);
  }

  /**
   * The plan a matching exemplar's label makes of the checks' plan: declined when its question was
   * labelled unanswerable or as stating what the sheet contradicts; answered from its gold sentences
   * (with what a partial label leaves uncovered) when the checks declined or quoted not all of them.
   * Only where the checks' answer comes from the documents the labels were written against: a document
   * added since may answer it.
   */
  private overrule(
    plan: Plan,
    known: ExemplarMatch,
    judged: JudgedPart[],
    question: string,
    language: Language,
    signal?: AbortSignal,
  ): Plan | null {
    const retrieval = judged[0]!.retrieval;
    const { exemplar } = known;
    // A label is for the whole question: one asking two things is not one asking one of them.
    if (splitQuestion(question).length !== splitQuestion(exemplar.question).length) return null;
    // The label is for the documents it was written against: one added since may answer it.
    if (plan.kind === 'answer' && !this.fromLabelledDocuments(plan)) return null;
    // (A question labelled as stating what the sheet contradicts is declined: declining it is right.)
    if (plan.kind === 'answer' && (exemplar.expect === 'decline' || exemplar.expect === 'correct_premise')) {
      return { kind: 'decline', reason: 'not_covered', check: 'labelled_decline', answer: (l) => this.decline('not_covered', l) };
    }
    if (exemplar.expect !== 'answer' && exemplar.expect !== 'partial') return null;
    // A partial label says what the sheet leaves open, in the labelled question's language.
    const uncovered = exemplar.expect === 'partial' ? exemplarUncovered(exemplar, question, language) : [];
    if (!uncovered) return null;
    // A contradicted premise is a finding, not a miss: the question is not the labelled one in a detail.
    // An answer missing a labelled answer's sentences answered something else (the last answer's
    // sentence again, a neighbour's figure) or less (one part of two the label answers): the labelled
    // sentences replace it; so does one saying nothing is uncovered where the label says a part is.
    const missed =
      plan.kind === 'decline'
        ? plan.reason !== 'premise'
        : !quotesAll(plan.request.sentences, exemplar.spans) || (uncovered.length > 0 && plan.request.uncovered.length === 0);
    if (!missed) return null;
    const { sentences, hits } = exemplarSentences(exemplar.spans, retrieval);
    if (sentences.length === 0) return null;
    return { kind: 'answer', request: { question, language, retrieval: { ...retrieval, hits }, sentences, uncovered, asks: [], signal } };
  }

  /** The request with the other passages stating its quoted sentences again (cited as related). */
  private async withRestatements(request: AnswerRequest): Promise<AnswerRequest> {
    const quoted = new Set(request.sentences.map((s) => s.passage.id));
    const restated = (await Promise.all(request.sentences.map((s) => this.opts.retriever.restatements({ text: s.text, docId: s.passage.docId }, quoted)))).flat();
    return restated.length ? { ...request, restated } : request;
  }
}

/** Whether the quoted sentences hold every gold string of a labelled answer (at one of its places). */
function quotesAll(quoted: readonly SelectedSentence[], spans: readonly GoldSpan[][]): boolean {
  return spans.every((places) => places.some((g) => quoted.some((q) => q.passage.id === g.passage.id && q.start < g.end && g.start < q.end)));
}

/** A word of the question's own (two or more Han characters): a thing a sentence must name to speak of it. */
const OWN_THING = /^\p{Script=Han}{2,}$/u;

/** The parts' passages in one list (first part's first), each passage once. */
function mergeRetrievals(results: RetrievalResult[]): RetrievalResult {
  const seen = new Set<string>();
  const hits = results.flatMap((r) => r.hits).filter((h) => !seen.has(h.passage.id) && seen.add(h.passage.id));
  return { ...results[0]!, hits };
}

function dedupeSentences<T extends { passage: { id: string }; start: number }>(sentences: T[]): T[] {
  const seen = new Set<string>();
  return sentences.filter((s) => {
    const key = `${s.passage.id}:${s.start}`;
    return !seen.has(key) && seen.add(key);
  });
}

/** Asked-for kinds stated by a figure. */
const FIGURE_ASKS = new Set<AskKind>(['money', 'size', 'count', 'percent', 'area']);

/**
 * A later part asking no kind of fact, answered only by what an earlier part's answer already said
 * ("…, and what returns has it made?" after the sentence on what the fund invested), says nothing of its own;
 * nor does a figure an earlier part's answer already gave answer a later part's ask.
 */
function repeatsEarlier(verdicts: PartVerdict[], judged: JudgedPart[]): PartVerdict[] {
  const said = new Set<string>();
  // (…or asking a kind of fact about a thing of its own those sentences never name: 「啲投資回報係幾多？」
  // after the sentence on what the fund invested.)
  const ownThingUnsaid = (v: Extract<PartVerdict, { status: 'answered' }>, i: number) => {
    const texts = v.sentences.map((s) => normalizeForMatch(s.text));
    return judged[i]!.retrieval.query.concepts.some(
      (c) => OWN_THING.test(c.label) && !ASK_NOUN.test(c.label) && !texts.some((t) => c.alternatives.some((a) => t.includes(a))),
    );
  };
  // A sentence stating one figure answers one part: the fund's 50 億元 asked as its size is not also
  // what it has invested ("How big is X and how much has it invested so far?").
  const figureGiven = new Set<string>();
  const oneFigure = (text: string) => extractNumbers(text).filter((n) => n.kind !== 'fiscal-year' && n.kind !== 'ordinal').length === 1;
  return verdicts.map((v, i) => {
    if (v.status !== 'answered') return v;
    const repeats = i > 0 && v.sentences.length > 0 && v.sentences.every((s) => said.has(s.text)) && (v.asks.length === 0 || ownThingUnsaid(v, i));
    for (const s of v.sentences) said.add(s.text);
    if (repeats) return { status: 'not_covered', check: 'repeats_earlier' };
    const stated = v.asks.filter((a) => FIGURE_ASKS.has(a.kind) && !v.missing.includes(a));
    // (A mode reading the passages itself is handed asks no sentence carries: those are its to answer.)
    const again = stated.filter((a) => {
      const stating = v.sentences.filter((s) => s.carried.includes(a));
      return stating.length > 0 && stating.every((s) => figureGiven.has(s.text));
    });
    for (const s of v.sentences) if (s.carried.some((a) => FIGURE_ASKS.has(a.kind)) && oneFigure(s.text)) figureGiven.add(s.text);
    if (again.length === 0) return v;
    const missing = [...v.missing, ...again];
    return missing.length === v.asks.length ? { status: 'fact_missing', missing } : { ...v, missing };
  });
}
