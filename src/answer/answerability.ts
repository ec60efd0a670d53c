/**
 * Does the retrieved text answer what this question (part) asks? Word coverage says the passages are
 * about the question's subject; these checks say whether they state what is asked: the kind of fact
 * (a date for 「何時」, a head count for 「多少人」), the names it quotes, and the years it takes for granted.
 */
import type { FollowUpKind } from '../retrieve/follow-up.js';
import { ASK_NOUN, hasQuestionWord } from '../retrieve/question/question-words.js';
import { type Ask, PEOPLE_NOUN, RULE_WORD, askedFor } from '../retrieve/question/asks.js';
import { escapeRegExp } from '../util/regexp.js';
import { quotedNames, quotedNameVariants, quotedOwnWords } from '../text/quoted-names.js';
import { BODY_SUFFIX, COUNTED_PLACES, HOME, asksInParallel, isComparison, namedEntities, otherSidePhrases, otherSides } from '../retrieve/question/entities.js';
import type { Passage } from '../ingest/types.js';
import type { RetrievalResult, ScoredPassage } from '../retrieve/retriever.js';
import { type Concept, namedIn } from '../text/analyze.js';
import { normalizeForMatch } from '../text/normalize.js';
import { hongKongPlaces, hongKongTerms } from '../text/dictionary.js';
import { descriptionSpans, within } from '../text/descriptions.js';
import { hasName, hasNoun, isPlace, mayNameThing, namesBody, segmentPrecise } from '../text/segment.js';
import { abbreviates, isKnownName, placesKnownInstitution } from './known-names.js';
import { SENTENCE_SUBJECT_ASKS, isAboutOther, subjectTerms } from './sentence-subject.js';
import { type SelectedSentence, selectSentences } from './select-sentences.js';
import { type NumberMention, passageNumbers } from './verify/numbers.js';
import { DAY_OR_MONTH, EN_ORDINALS, type PremiseVerdict, ZH_DIGITS, checkPremises } from './premise-check.js';
import { askedText, carriedInClause } from './evidence.js';
import { trimmedSentences } from '../text/sentences.js';

export type PartVerdict =
  /** The selected sentences answer the part (possibly leaving some asked-for kinds out: `missing`). */
  | {
      status: 'answered';
      sentences: SelectedSentence[];
      /** Asked-for kinds of fact no answering sentence states. */
      missing: Ask[];
      asks: Ask[];
      /** Other sides of a comparison (places, bodies, years) the answering passages say nothing about. */
      unmatched: string[];
    }
  /** Nothing retrieved is about the part; `check` names the check that found so (for tracing). */
  | { status: 'not_covered'; check?: NotCoveredCheck }
  /** The passages are about the subject but state none of what is asked. */
  | { status: 'fact_missing'; missing: Ask[] }
  /** The question assumes a year, figure, rank, place or ratio the passages about its subject do not state. */
  | PremiseVerdict;

/** Which check found nothing retrieved about a part: traced, so developers can see which check declines what. */
export type NotCoveredCheck =
  | 'low_confidence'
  | 'quoted_name'
  | 'unknown_entity'
  | 'unknown_ranking'
  | 'yes_no_unmentioned'
  | 'comparison_unmentioned'
  | 'no_sentence'
  | 'common_words_only'
  | 'comparison_sides'
  | 'repeats_earlier'
  | 'first_part_missing'
  | 'labelled_decline';

const notCovered = (check: NotCoveredCheck): PartVerdict => ({ status: 'not_covered', check });

export interface JudgeOptions {
  coverage: (concepts: Concept[], text: string) => number;
  /** How many passages of the corpus mention a term. */
  passagesMentioning: (term: string) => number;
  /** Retrieval confidence below which nothing here is about the question. */
  threshold: number;
  followUpKind?: FollowUpKind;
  /** What the conversation already said: a follow-up is not answered by repeating it. */
  given?: string;
  /** The earlier question: an ellipsis with no ask of its own (「那數碼港呢？」) asks what it asked. */
  askedBefore?: string;
  /**
   * A later part of a multi-part question: its answer must speak to what the part itself asks
   * (「當中有多少間已經上市？」 is not answered by the count of the part before).
   */
  ownWordsRequired?: boolean;
  /** The follow-up points back with a pronoun (「它何時成立？」): its subject is the earlier one. */
  pointsBack?: boolean;
  /**
   * Leave the asked-for kinds to the answer mode (LLM mode: the model reads the passages and its
   * answer is checked for them afterwards); quoted names and years are still required.
   */
  lenient?: boolean;
  /** Asks an ellipsis takes over from the earlier question (off when judging it again without them). */
  inheritAsks?: boolean;
}

const HAN = /\p{Script=Han}/u;
const YES_NO = /(有否|有沒有|有冇|是否|係咪|會否|會唔會|會不會|能不能|可不可以|可唔可以|可以唔可以|能唔能夠|係唔係|需唔需要|需不需要|駛唔駛|洗唔洗|用唔用|用不用|是不是|要不要|使唔使|得唔得|可否|能否|嗎[?？!！。]?$|^(is|are|does|do|did|can|has|have|will) (it|they|there|its|their)\b)/;
/**
 * A sentence whose subject is the last one's: it opens by pointing back (首, 該, 其, 此) or with the bare kind
 * of thing named before (「計劃的最高資助額…」, 「樓宇將…」), not with a subject of its own (「目標是…」).
 * (Not 此外 "besides" nor 其他 "other": they turn to something else.) Or it points back early on (「創新科技署向
 * 這些機構提供的資助上限…」 after the sentence naming them).
 */
const CARRIES_ON = /^(首|該|其(?![他它實餘])|此(?!外)|這|有關|上述|當中|其中|(?:計劃|基金|中心|平台|園區|項目|樓宇|大樓|工程)(?:的|將|已|會|於|在|亦|並|共|提供|預計|自|由|從)|[^，,。；]{1,12}?(?:這些|上述|此等))/u;
/** A sentence giving a target, 「目標是…」: whose target the sentence before says. */
const TARGET_OPENING = /^目標(?:是|為)/u;
/** An answering passage must be about the question nearly as much as the best one (coverage share). */
const ABOUT_RATIO = 0.5;
/** An anchor named by at most this many passages names one thing: the sentences naming it set the bar for aboutness. */
const RARE_ANCHOR_PASSAGES = 3;
/** A sentence from another passage must be about the question this much (coverage share of the sentence most about it). */
const SENTENCE_ABOUT_RATIO = 0.7;

/**
 * A passage's matching form without whitespace, and the figures it states, each computed once per
 * passage and judgement (the names, years and figures checks all read them).
 */
function passageForms() {
  const texts = new Map<string, string>();
  const numbers = new Map<string, NumberMention[]>();
  const sentenceTexts = new Map<string, string>();
  return {
    /** A sentence's matching form without whitespace (several checks read each chosen sentence). */
    sentence(s: Pick<SelectedSentence, 'text'>): string {
      let t = sentenceTexts.get(s.text);
      if (t === undefined) sentenceTexts.set(s.text, (t = normalizeForMatch(s.text).replace(/\s+/g, '')));
      return t;
    },
    compact(h: Pick<ScoredPassage, 'passage'>): string {
      let t = texts.get(h.passage.id);
      if (t === undefined) texts.set(h.passage.id, (t = normalizeForMatch(`${h.passage.section} ${h.passage.text}`).replace(/\s+/g, '')));
      return t;
    },
    figures(h: ScoredPassage): NumberMention[] {
      let n = numbers.get(h.passage.id);
      // (A day or month, 「2022 年 12 月」, counts nothing: 「12 張牌照」 is not stated by it.)
      if (n === undefined) numbers.set(h.passage.id, (n = passageNumbers([h.passage.text.replace(DAY_OR_MONTH, ' ')])));
      return n;
    },
  };
}

/** Judges one question part against its retrieval result. */
export function judgePart(part: string, retrieval: RetrievalResult, opts: JudgeOptions): PartVerdict {
  if (retrieval.hits.length === 0 || retrieval.confidence < opts.threshold) return notCovered('low_confidence');
  const normalized = normalizeForMatch(part);
  const compactQuestion = normalized.replace(/\s+/g, '');
  const own = askedFor(normalized);
  // (A yes/no question, 「那政府會不會再建多一座？」, asks whether, not the earlier question's kind of fact.)
  const inherits = opts.inheritAsks !== false && own.length === 0 && opts.followUpKind === 'ellipsis' && !!opts.askedBefore && !hasQuestionWord(normalized) && !YES_NO.test(normalized);
  const asked = inherits ? askedFor(normalizeForMatch(opts.askedBefore!)) : own;
  // ("how many patents": a noun no document renders counts a thing no sentence counts.)
  const neverCounted = (counted: string) => /^[a-z]/.test(counted) && retrieval.query.concepts.some((c) => c.absent && counted.endsWith(c.label));
  const asks = asked.map((a) => (a.counted ? { ...a, countedForms: countedForms(a.counted, retrieval.query.concepts), ...(neverCounted(a.counted) ? { unnamed: true } : {}) } : a));
  // 「紅杉呢？」 after 「阿里巴巴嗰個基金有幾大？」: the new subject's own fact answers when the sheet gives it
  // none of the earlier kind (Sequoia led the HKX platform; no sum is stated), saying which kind is missing.
  // (Not a later part of one question, 「…學生用得唔用得？」: it asks what the first part asked.)
  const softly = inherits && !opts.ownWordsRequired;
  const withoutInherited = (): PartVerdict => {
    const again = judgePart(part, retrieval, { ...opts, inheritAsks: false });
    return again.status === 'answered' ? { ...again, missing: [...asks, ...again.missing] } : { status: 'fact_missing', missing: asks };
  };
  const best = Math.max(...retrieval.hits.map((h) => h.coverage));
  const { compact, sentence: sentenceForm, figures: figuresIn } = passageForms();
  const mentions = (term: string) => opts.passagesMentioning(term) > 0;

  // Quoted names must be named by the answering passage.
  // (Not the reader's own words in quotes, “需求清单”: the glossary may render them, but they name nothing.)
  const ownQuoted = quotedOwnWords(normalized);
  const names = quotedNames(normalized).filter((n) => !ownQuoted.has(n));
  // (…whole, or shortened keeping its words in order: 《虛擬資產政策宣言》 names 《有關虛擬資產在港發展的政策宣言》.)
  // (…or as the glossary renders a reader's own words put in quotes: 「"两个园"模式」 is the 「一區兩園」.)
  // (…or in a variant way of writing it: 「从0到1」 is 「從零到一」.)
  // (Read once per name, not once per passage.)
  const renderings = names.map((n) => [...quotedNameVariants(n), ...retrieval.query.concepts.filter((c) => c.label.replace(/\s+/g, '') === n).flatMap((c) => c.alternatives.map((a) => a.replace(/\s+/g, '')))]);
  let hits = retrieval.hits.filter((h) => names.every((n, i) => renderings[i]!.some((f) => compact(h).includes(f)) || abbreviates(n, compact(h))));
  if (hits.length === 0) return notCovered('quoted_name');

  // A place, body or person the corpus never mentions: the question is about something else
  // (「新加坡有多少家金融科技公司？」), unless it is the other side of a comparison.
  // One entry per name however it was found ("Shenzhen" by its capital, "shenzhen" as the other side).
  const entities = [...new Map([...namedEntities(part, normalized), ...otherSides(normalized)].map((e) => [normalizeForMatch(e), e])).values()];
  const conceptsOf = (e: string) => {
    const n = normalizeForMatch(e);
    return retrieval.query.concepts.filter((c) => c.label.includes(n) || n.includes(c.label));
  };
  // (A body's Chinese name is rendered whole, not by a word of it: 數字 → 數碼 does not make 數字政策辦公室 known.)
  const rendering = (e: string) => (HAN.test(e) && BODY_SUFFIX.test(e) ? conceptsOf(e).filter((c) => c.label.includes(normalizeForMatch(e))) : conceptsOf(e));
  const known = (e: string) => isKnownName(e, { mentions, translations: rendering(e), passages: hits.map((h) => ({ compact: compact(h), text: h.passage.text })) });
  // (A Hong Kong district in a description, 「位於港島南區…的那個科技園區」, says where the thing is, not what about.)
  // (The question's own spans, not the retrieval's: a comparison is looked up for its home side alone. Read
  // only for a district, which few questions name.)
  const describesWhere = (e: string) => {
    const n = normalizeForMatch(e);
    const at = normalized.indexOf(n);
    return hongKongPlaces().has(n) && at >= 0 && within(descriptionSpans(normalized), at, at + n.length);
  };
  // (…and so does a place put before an institution the documents name: 「瑞士洛桑國際管理發展學院」 is IMD.)
  const placesSource = (e: string) => (!HAN.test(e) || isPlace(e)) && placesKnownInstitution(e, normalized, mentions);
  // (…or before a word of the reader's the glossary renders as a name the documents use: 「杭州電商巨頭」 is
  // 阿里巴巴, where it is from only telling it apart.)
  const placesRenderedName = (e: string) => {
    const n = normalizeForMatch(e).replace(/\s+/g, '');
    const at = compactQuestion.indexOf(n);
    if (!HAN.test(n) || !isPlace(n) || at < 0) return false;
    const rest = compactQuestion.slice(at + n.length).replace(/^(?:的|嘅)/u, '');
    return retrieval.query.concepts.some(
      (c) => c.source === 'glossary' && rest.startsWith(c.label) && !mentions(c.label) && c.alternatives.some((a) => a !== c.label && HAN.test(a) && hasName(a) && mentions(a)),
    );
  };
  // (…or after a body the documents name, to say where it sits: "the Ministry of Science and Technology in Beijing".)
  const placesNamedBody = (e: string) => {
    const n = normalizeForMatch(e);
    const at = normalized.indexOf(n);
    if (HAN.test(n) || at < 0) return false;
    const before = normalized.slice(0, at).match(/^(.*?)\s*,?\s*\b(?:in|based in|located in)\s*$/)?.[1];
    return !!before && retrieval.query.concepts.some((c) => c.label.includes(' ') && before.endsWith(c.label) && c.alternatives.some((a) => HAN.test(a) && hasName(a) && mentions(a)));
  };
  const unknown = entities.filter((e) => !known(e) && !describesWhere(e) && !placesSource(e) && !placesRenderedName(e) && !placesNamedBody(e));
  // 「香港排第 9，咁新加坡排第幾？」, "Hong Kong was 14th — where did Singapore come?": the same fact asked
  // of Hong Kong and then of a place the documents lack compares the two.
  // (…and so of a place the documents name elsewhere: "HK is 19th … where does Shenzhen come in?")
  const parallel = (e: string) => asksInParallel(normalized, normalizeForMatch(e));
  const comparison = isComparison(normalized) || (entities.some((e) => !HOME.test(normalizeForMatch(e)) && parallel(e)) && unknown.every(parallel));
  if (!comparison && unknown.length > 0) return notCovered('unknown_entity');
  // So is a ranking the documents never name (「全球大學排名」): the ranks they give are of other things.
  const rankings = [...compactQuestion.matchAll(RANKING_NAME)].map((m) => m[0].split(/[的嘅在於喺中之，,]|[嗰呢這那該][個份項張]/).pop()!).filter((r) => r.length >= 4 && !GENERIC_RANKING.test(r));
  // (…but a ranking described by its topic, 「聯合國那個機構出的創新排行榜」, is one whose rank a passage states
  // of that topic: 「在創新表現方面…全球第 14〔…〕」 — in the sentence itself, not the source it cites.)
  const rankedTopic = (r: string) => {
    const topic = r.replace(/(排名|排行榜|指數)$/u, '');
    return topic.length >= 2 && hits.some((h) => trimmedSentences(h.passage.text).some(({ text: t }) => RANK_STATED.test(t) && sentenceForm({ text: rankWithoutSource(t) }).includes(topic)));
  };
  if (asks.some((a) => a.kind === 'rank') && rankings.length && rankings.every((r) => !known(r) && !rankedTopic(r))) return notCovered('unknown_ranking');

  // What the question takes for granted (a year, a figure, a place…) must be what the passages about it state.
  const premises = checkPremises({ part, normalized, concepts: retrieval.query.concepts, editionYears: retrieval.editionYears, comparison, hits, best, compact, figures: figuresIn });
  if ('status' in premises) return premises;
  hits = premises.hits;

  const result = hits === retrieval.hits ? retrieval : { ...retrieval, hits };
  // A sentence answers only from a passage about the question (and, for a follow-up on the same
  // subject, about its context too); a new subject (「那數碼港呢？」) is judged by the ranking.
  const coverageOf = new Map(result.hits.map((h) => [h.passage.id, h.coverage]));
  // A follow-up on the same subject may find its new fact in another passage naming that subject
  // (「智方便」 in the passage with 「270 項服務」), however little of the earlier answer it repeats.
  // The first part of the same question names its subject plainly (「微電子中心喺邊度起？幾時開？」): any specific noun of it counts.
  const named = opts.ownWordsRequired ? hasNoun : hasName;
  // (A word's general-dictionary synonyms name nothing the conversation did: 「未列明」 in a decline is no 「羅列」.)
  const earlierNames = (retrieval.context?.concepts ?? []).map(ownWordOnly).filter((c) =>
    !MANNER_WORD.test(c.label) && c.alternatives.some((a) => HAN.test(a) && named(a.replace(/\s+/g, '')) && opts.passagesMentioning(a) <= ANCHOR_MAX_PASSAGES),
  );
  const namesEarlier = (p: { id: string }) => {
    const hit = result.hits.find((h) => h.passage.id === p.id);
    return !!hit && earlierNames.some((c) => namedIn(compact(hit), c));
  };
  // A passage naming the one thing the question names that only it names (「生命健康創新科研中心」, or a
  // word of two only one passage uses, 「租戶」) is about the question however little else of it (or of
  // the conversation) it shares.
  // (A word's general-dictionary synonyms, 目的 → 針對性, name nothing the question does.)
  const ownNames = (anchorOf(retrieval.query.concepts.filter(namesSomething).map(ownWordOnly), opts.passagesMentioning) ?? []).filter(
    // (…or a name of its own two passages use, 「科技券」: either of them is about it.)
    (a) => HAN.test(a) && (a.length >= 3 || opts.passagesMentioning(a) === 1) && opts.passagesMentioning(a) <= (hasName(a) && a.length >= 3 ? 2 : RESELECT_MAX_PASSAGES),
  );
  const namesOwn = (p: { id: string }) => {
    const hit = result.hits.find((h) => h.passage.id === p.id);
    return !!hit && ownNames.some((a) => compact(hit).includes(a));
  };
  // …and so is one stating everything a follow-up asks in its own words (「它們也給大學生提供實習嗎？」:
  // 「…研發中心…會為海內外 STEM 大學生提供實習機會」), however little of the conversation it repeats.
  const ownWords = retrieval.query.concepts.filter((c) => !ASK_NOUN.test(c.label) && !GOVERNMENT.test(c.label));
  const statesAllOwn = (p: { id: string }) => {
    // (Two words suffice for a yes/no question, 「會否興建第二個？」, and with a name: 「它跟深圳那边是怎么合作的？」.)
    const hit = retrieval.context && ownWords.length >= (YES_NO.test(normalized) || ownWords.some(otherName) ? 2 : 3) ? result.hits.find((h) => h.passage.id === p.id) : undefined;
    return !!hit && opts.coverage(ownWords, `${hit.passage.section} ${hit.passage.text}`) >= FULL_COVERAGE;
  };
  // A pronoun pointing at a named scheme or body (「咁佢係資助公司做啲乜嘢㗎？」 after 「科技券」) is answered
  // only by a passage naming it: another scheme that also 資助公司 is not it.
  const pointedAt = opts.followUpKind === 'reference' && opts.pointsBack && earlierNames.some((c) => c.alternatives.some((a) => namesBody(a.replace(/\s+/g, ''))));
  const about = (p: { id: string }) =>
    (!pointedAt || namesEarlier(p) || namesOwn(p)) &&
    (opts.followUpKind === 'ellipsis' ||
      (coverageOf.get(p.id) ?? 0) >= best * ABOUT_RATIO ||
      (opts.followUpKind === 'reference' && namesEarlier(p)) ||
      namesOwn(p) ||
      statesAllOwn(p));
  const select = { kind: opts.followUpKind, given: opts.given, eligible: about };
  const selectAny = () => selectSentences(result, opts.coverage, asks, select);
  // A follow-up without a pronoun must be answered by a sentence speaking to its own words (「今晚食咩好？」
  // after a question is no follow-up), and so must a yes/no question about the earlier subject however it
  // points back (「它們有否為大學生提供實習機會？」: a sentence that merely names the subject does not say yes).
  const yesNo = YES_NO.test(normalized);
  // A yes/no question about something the documents never mention (「有冇資助安老院…？」) cannot be
  // answered yes by a sentence about something else.
  // A word is mentioned in its own form or through the glossary (設備 → 設施).
  const rendered = (w: string) =>
    mentions(w) || retrieval.query.concepts.some((c) => c.label === w && c.alternatives.some((a) => mentions(a.replace(/\s+/g, ''))));
  // (`names`: what reads as a thing — a noun here, any coinage jieba lists for the common-words check below.)
  const neverMentioned = (c: Concept, names: (w: string) => boolean) =>
    HAN.test(c.label) &&
    c.label.length >= 2 &&
    names(c.label) &&
    // (「開了個」, 「搞咗個」: a verb done, which jieba's guess at an unknown run keeps whole, names nothing.)
    !/(了|咗)個$/u.test(c.label) &&
    !ASK_NOUN.test(c.label) &&
    // (「九市」: a number of cities, not a thing the documents would have to name.)
    !COUNTED_PLACES.test(c.label) &&
    // (…nor a Hong Kong district saying where the thing is: 「在薄扶林的數碼港」.)
    !(c.described && hongKongPlaces().has(c.label)) &&
    c.alternatives.every((a) => !mentions(a.replace(/\s+/g, ''))) &&
    // 網絡設備 is 網絡 and 設備, both mentioned: a new compound of known words, not an unknown thing.
    !splitsIntoMentioned(c.label, rendered) &&
    // 智能化 is 智能 made so ("-ise"), 覆蓋率 the rate of 覆蓋, 科技類 of the 科技 kind: the sheet's 智能生產線,
    // 「覆蓋…九成」, 科技行業 speak of them.
    !(c.label.length >= 3 && /[化率類]$/u.test(c.label) && rendered(c.label.slice(0, -1)));
  const unmentioned = (c: Concept) => neverMentioned(c, hasNoun);
  // (A later part of the same question is read with the first part as context: no conversation to lean on.)
  const noConversation = !retrieval.context || !!opts.ownWordsRequired;
  if (yesNo && !comparison && noConversation && retrieval.query.concepts.some(unmentioned)) return notCovered('yes_no_unmentioned');
  // So is a comparison of something the documents never mention (「多啲獨角獸公司」), whatever its sides.
  // (A word written with the other side, 「新加坡的PayNow」, is that side's.)
  const sidePhrases = otherSidePhrases(normalized);
  const side = (c: Concept) => entities.some((e) => normalizeForMatch(e) === c.label) || sidePhrases.some((p) => p.includes(c.label));
  if (comparison && !retrieval.context && retrieval.query.concepts.some((c) => unmentioned(c) && !side(c))) return notCovered('comparison_unmentioned');
  // 「投了多少家公司？」: 公司 is the kind of thing counted (its classifier checks it), not words the answer
  // must share; a specific kind ("labs" → 實驗室) still is.
  const countsKind = (c: Concept) => asks.some((a) => a.kind === 'count' && a.unit && a.counted === c.label && !a.countedForms?.length);
  // 「主要係邊啲範疇？」: the kind of thing listed (範疇, 行業) is what is asked, in the answer's own words.
  const listsKind = (c: Concept) => asks.some((a) => a.kind === 'list') && LIST_KIND.test(c.label);
  /** How many passages mention a concept in any of its forms (at least the most frequent form's count). */
  const df = (c: Concept) => Math.max(0, ...c.alternatives.map((a) => opts.passagesMentioning(a.replace(/\s+/g, ''))));
  const ownConcepts =
    opts.ownWordsRequired || (retrieval.context && (!opts.pointsBack || yesNo)) ? retrieval.query.concepts.filter((c) => !ASK_NOUN.test(c.label) && !countsKind(c) && !listsKind(c)) : [];
  // The asked-for fact must be stated about the question's subject: a sum from the passage on
  // another scheme does not answer 「科技券每個申請最多能拿到多少資助？」.
  // A common noun no retrieved passage uses (「培育項目」 for 「培育計劃」) is a paraphrase, not the subject; a name stays.
  // A follow-up pointing back (「它…」, "which companies has it put money into") is about the earlier subject.
  // A follow-up naming the subject itself (「科學園幾時擴建完？」) is not held to the earlier answer's fuller name (香港科學園).
  const ownForms = retrieval.query.concepts.flatMap((c) => c.alternatives);
  // (A facility's bare word, 「中心打算建在哪里？」, renames nothing: 中心 is in every centre's name.)
  const renamed = (c: Concept) => c.alternatives.some((a) => ownForms.some((f) => !GENERIC_SUFFIX.test(f) && (a.includes(f) || f.includes(a))));
  // The earlier question names the subject a pronoun points at (「香港金融科技周」 in "Who organises …?"); the
  // reply may name others (投資推廣署, which organises it).
  const askedBefore = opts.askedBefore ? normalizeForMatch(opts.askedBefore).replace(/\s+/g, '') : '';
  const namedInAsked = earlierNames.filter((c) => namedIn(askedBefore, c));
  const subjectNames = (namedInAsked.length ? namedInAsked : earlierNames).filter((c) => !renamed(c));
  const subjectConcepts = opts.followUpKind === 'reference' ? [...retrieval.query.concepts, ...subjectNames] : retrieval.query.concepts;
  // 「人工智能超算中心」: the facility is the subject, the field before it only says which one.
  // (…and so in English, "the AI supercomputing centre" (超算中心), unless the word before is itself a name: "InnoHK labs".)
  const facilityForm = (f: string) => FACILITY_END.test(f) && !GENERIC_SUFFIX.test(f) && opts.passagesMentioning(f) > 0;
  const englishModifier = (c: Concept, o: Concept) =>
    !HAN.test(c.label) &&
    !HAN.test(o.label) &&
    !(c.label.length > 2 && opts.passagesMentioning(c.label) > 0) &&
    o.alternatives.some((a) => HAN.test(a) && facilityForm(a.replace(/\s+/g, ''))) &&
    normalized.includes(`${c.label} ${o.label}`);
  // (…and an English word hyphened to the next, "factory-upgrade training subsidy": what kind of subsidy, not its name.)
  const hyphened = (c: Concept) => !HAN.test(c.label) && new RegExp(`\\b${escapeRegExp(c.label)}-[a-z]`).test(normalized);
  const modifies = (c: Concept) =>
    hyphened(c) || retrieval.query.concepts.some((o) => o !== c && ((facilityForm(o.label) && compactQuestion.includes(c.label + o.label)) || englishModifier(c, o)));
  // ("the microelectronics R&D institute": the institute is which one the field says; 「…設立主題研究院」 is another.)
  // (「主要瞄準哪些行業？」: the kind of thing listed is asked for, not the subject.)
  // (A general-dictionary synonym names the subject only as a noun: 問題 "issue" is no 發表 "to issue".)
  // (「startup…請咗幾多 staff？」: the people counted, named in English, are asked for; the sheet counts them as 職位, not
  // as the 員工 "staff" translates to. Named in Chinese (「幾多個研究人員」, 「幾多市民登記」) they are the sheet's own words.)
  // (「沙田那邊的科學園」, 「元朗嗰邊個中心」: the district says which one is meant; the thing after it is the subject.)
  // (…when what follows names a thing itself: 「深圳嗰個點」 is the Shenzhen one, 深圳 its only name.)
  const namesDocument = (c: Concept) => DOCUMENT_WORD.test(c.label) && new RegExp(`(這份|呢份|這|本|該|\\bthis |\\bthe )[^，,。？?]{0,12}${c.label}`, 'u').test(normalized);
  // (…and so when a description comes between: 「沙田那个聚集很多科技公司、还提供一站式支援的科学园区」.)
  const locatesOther = (c: Concept) => {
    if (!HAN.test(c.label) || !isPlace(c.label)) return false;
    const there = `${c.label}(?:那邊|嗰邊|那|嗰|呢邊|這邊|一帶)(?:個|間|座|所)?`;
    const next = [new RegExp(`${there}(?:的|嘅)?(\\p{Script=Han}{2})`, 'u'), new RegExp(`${there}[^。？?！!；;]{2,40}?(?:的|嘅)(\\p{Script=Han}{2})`, 'u')].map((r) => compactQuestion.match(r)?.[1]);
    // (…described, the thing must be named: 「将军澳那栋给厂家…的大楼」 is a building the district tells apart.)
    const names = (o: Concept, described: boolean) => namesSomething(o) && (!described || (HAN.test(o.label) && hasName(o.label)));
    return next.some((n, i) => !!n && subjectConcepts.some((o) => o !== c && o.label.startsWith(n) && names(o, i === 1)));
  };
  const countsPeople = (c: Concept) => asks.some((a) => a.kind === 'count' && !a.counted) && !HAN.test(c.label) && PEOPLE_NOUN.test(c.label);
  // (The government gives and says most things: 「香港特區政府給…的資助上限」 is about what it funds.)
  const anchorCandidates = subjectConcepts.filter((c) => namesSomething(c) && !GOVERNMENT.test(c.label) && !namesEvent(c) && !namesDocument(c) && !locatesOther(c) && !modifies(c) && !listsKind(c) && !countsPeople(c) && !MANNER_WORD.test(c.label)).map(nounSynonymsOnly);
  const specificCandidates = anchorCandidates.filter((c) => !namesBareKind(c));
  const anchorForms = anchorOf(specificCandidates.length ? specificCandidates : anchorCandidates, opts.passagesMentioning)?.filter(
    (a) => hasName(a) || result.hits.some((h) => compact(h).includes(a)),
  );
  // (…named so by the question, or translated from its English: 流動通訊, a synonym of its 手機, names no body it asked about.)
  const askedAs = (a: string) =>
    retrieval.query.concepts.some((c) => (!HAN.test(c.label) || c.label.replace(/\s+/g, '') === a) && c.alternatives.some((f) => f.replace(/\s+/g, '') === a));
  // (An English word rendered as several names, "VC fund" → 創投基金, 投資創業基金, may mean any of them.)
  const namedBody = anchorForms?.filter((a) => HAN.test(a) && namesBody(a) && askedAs(a));
  const renderingsOf = (a: string) => retrieval.query.concepts.filter((c) => !HAN.test(c.label) && c.alternatives.some((f) => f.replace(/\s+/g, '') === a));
  const sameWord = (a: string, b: string) => renderingsOf(a).some((c) => renderingsOf(b).includes(c));
  const anchorNamed = namedBody && anchorForms?.filter((a) => namedBody.some((b) => b === a || withoutHome(b) === a) || (HAN.test(a) && namedBody.some((b) => sameWord(a, b))));
  const anchor = anchorNamed?.length ? anchorNamed : anchorForms;
  const anchorNamesOwn = anchor?.filter((a) => HAN.test(a) && hasName(a));
  // A later part pointing back (「…頭三座樓幾時落成？到時會創造幾多個職位？」) is about the first part's subject: its passage must name it.
  const earlierAnchor = opts.followUpKind === 'reference' && opts.ownWordsRequired ? (anchorOf(subjectNames, opts.passagesMentioning) ?? []) : [];
  // 「…人工智能超算中心…？起成個中心要幾多錢？」: the centre is the 超算中心, not anything about 人工智能.
  const kindWords = ownForms.filter((f) => GENERIC_SUFFIX.test(f));
  const ofKind = earlierAnchor.filter((a) => kindWords.some((k) => a.endsWith(k)));
  // (…and so when it names no kind: 「人工智能超算中心打算建在哪里？大概要投资多少钱？」 asks what the 超算中心 costs,
  // which a sum for 人工智能 in general does not say.)
  const qualifiers = earlierAnchor.filter((a) => earlierAnchor.some((f) => f !== a && facilityForm(f) && askedBefore.includes(`${a}${f}`)));
  const earlierForms = ofKind.length ? ofKind : earlierAnchor.filter((a) => !qualifiers.includes(a));
  // 「第二個會起喺邊？」: the second one, which the sentence stating the fact must be about (not the first one's place).
  // (…and so is a new one: "the new InnoCell block", 「新一座創新斗室」, not the one already built.)
  const ordinalOf = (text: string) => text.match(ORDINAL_THING)?.[0] ?? englishOrdinal(text) ?? (NEW_ONE.test(text) ? '新一座' : undefined);
  // (…and so is 「嗰個」, "that one", after a question about the second one: a follow-up pointing back asks of what was asked of.)
  // (…but not "the first one", which names the one there is.)
  const ordinal =
    ordinalOf(normalized) ?? (opts.followUpKind === 'reference' && opts.askedBefore && !FIRST_ONE.test(normalized) ? ordinalOf(normalizeForMatch(opts.askedBefore)) : undefined);
  // (An English word's rendering is loose: "server farm", 數據中心, is the 數據技術中心 with a word inside.)
  const loose = new Map(
    (anchor ?? []).filter((a) => a.length >= 4 && renderingsOf(a).length > 0).map((a) => [a, new RegExp(`${escapeRegExp(a.slice(0, 2))}\\p{Script=Han}{1,2}${escapeRegExp(a.slice(2))}`, 'u')]),
  );
  const onSubject = (s: SelectedSentence) =>
    (!anchor?.length || anchor.some((a) => compact(s).includes(a) || !!loose.get(a)?.test(compact(s)))) &&
    (!earlierForms.length || earlierForms.some((a) => compact(s).includes(a)));
  // …stated in the clause naming it: 「位於將軍澳創新園的先進製造業中心已於 2022 年啟用，科技園公司正就興建第二個…」
  // says where the first one is.
  const aboutOrdinal = (s: SelectedSentence, a: Ask) =>
    !ordinal || carriedInClause(sentenceForm(s), a, normalized, (c) => c.includes(ordinal) || ANOTHER.test(c));
  // (A yes/no follow-up naming things of its own, "are they also looking at putting data centres in caverns?",
  // is answered by a sentence saying as much of them as any does, not by one the conversation's words favour.)
  // (…things few passages name: 「除咗錢仲有冇其他支援？」 names none, and its common words favour no sentence.)
  const ownCover = (p: Passage, text: string) => opts.coverage(ownConcepts, `${p.section} ${text}`);
  const namedRarely = (c: Concept) => df(c) > 0 && df(c) <= ANCHOR_MAX_PASSAGES;
  const rareOwn = yesNo && retrieval.context ? ownConcepts.filter((c) => namesSomething(c) && namedRarely(c)) : [];
  const rareCover = (p: Passage, text: string) => opts.coverage(rareOwn, `${p.section} ${text}`);
  const mostRare =
    rareOwn.length >= 2 ? Math.max(0, ...result.hits.filter((h) => about(h.passage)).flatMap((h) => trimmedSentences(h.passage.text).map((t) => rareCover(h.passage, t.text)))) : 0;
  const admissible = ownConcepts.length ? { admissible: (p: Passage, text: string) => ownCover(p, text) > 0 && (mostRare === 0 || rareCover(p, text) >= mostRare - 1e-9) } : {};
  let sentences = ownConcepts.length ? selectSentences(result, opts.coverage, asks, { ...select, ...admissible }) : selectAny();
  let firstChoice = sentences;
  // Sentences stating the asked-for kind about something else (where the 數據技術中心 is) crowd out
  // the one about the subject: choose again among the passages naming it.
  const statedOnSubject = (ss: SelectedSentence[]) => asks.filter((a) => ss.some((s) => onSubject(s) && s.carried.includes(a))).length;
  const anchorNames = anchor?.filter((a) => HAN.test(a) && (hasName(a) || opts.passagesMentioning(a) <= RESELECT_MAX_PASSAGES)) ?? [];
  if (anchorNames.length && asks.length && statedOnSubject(sentences) < asks.length) {
    const namesSubject = (p: Passage) => about(p) && anchorNames.some((a) => compact({ passage: p }).includes(a));
    const again = selectSentences(result, opts.coverage, asks, { ...select, ...admissible, eligible: namesSubject });
    if (statedOnSubject(again) > statedOnSubject(sentences)) sentences = again;
  }
  // 「政府會否再興建多一座？」, "are they planning a second one?": only a sentence about a further one
  // answers (the one already built is not it).
  // (…a further one of the thing talked about: 「興建第二個先進製造業中心」 is no second 數據技術中心, of
  // which the last exchange spoke.)
  // (The conversation's text is read only for such a question: most never need it.)
  let talkedOf: string | undefined;
  const statesFurther = (text: string) =>
    [...text.matchAll(FURTHER_G)].some((m) => {
      const thing = text.slice(m.index! + m[0].length).match(FURTHER_THING);
      talkedOf ??= normalizeForMatch(`${part} ${opts.askedBefore ?? ''} ${opts.given ?? ''} ${(retrieval.context?.concepts ?? []).flatMap((c) => c.alternatives).join(' ')}`).replace(/\s+/g, '');
      return !thing || talkedOf.includes(thing[1]!) || !new RegExp(`\\p{Script=Han}{2}${thing[2]}`, 'u').test(talkedOf);
    });
  if (ordinal && yesNo && asks.length === 0 && sentences.length && !sentences.some((s) => statesFurther(sentenceForm(s)))) {
    const further = (p: Passage, text: string) => statesFurther(normalizeForMatch(text).replace(/\s+/g, '')) && (!admissible.admissible || admissible.admissible(p, text));
    // (…from a passage naming one though it repeats nothing of the conversation: 「研究在科學園附近建造新一座
    // 「創新斗室」」 after questions on the tenants and the rent.)
    const namesFurther = (p: Passage) => about(p) || statesFurther(compact({ passage: p }));
    sentences = selectSentences(result, opts.coverage, asks, { ...select, eligible: namesFurther, admissible: further });
  }
  // A rule is said of something: 「修訂法例，新建樓宇須…」 is no cybersecurity law for critical infrastructure.
  // (…in the question's own words: "a new law" is no 「新建樓宇」.) So is a rank: 「全球第 9」 of digital
  // competitiveness is no rank of Hong Kong's universities.
  const topicsBesides = (frame: RegExp) =>
    retrieval.query.concepts.filter((c) => !frame.test(c.label) && !HOME.test(c.label) && !ASK_NOUN.test(c.label) && !GOVERNMENT.test(c.label)).map(ownWordOnly);
  const namesNoTopic = (s: Pick<SelectedSentence, 'text'>, topics: Concept[], frame: RegExp) =>
    !topics.some((c) => c.alternatives.some((f) => !frame.test(f) && sentenceForm(s).includes(f.replace(/\s+/g, ''))));
  const ruleTopics = topicsBesides(RULE_WORD);
  const ruleOfOther = (s: SelectedSentence, a: Ask) => a.kind === 'rule' && namesNoTopic(s, ruleTopics, RULE_WORD);
  const rankTopics = topicsBesides(RANK_WORD);
  const rankOfOther = (s: SelectedSentence, a: Ask) => a.kind === 'rank' && rankTopics.length > 0 && namesNoTopic(s, rankTopics, RANK_WORD);
  // A rank asked of a topic no chosen sentence ranks (「研發新科技中心的國際排名」, when the top passages give the
  // digital-competitiveness and smart-city ranks): chosen again among the sentences ranking that topic.
  const ranksTopic = (text: string) => RANK_STATED.test(text) && !namesNoTopic({ text: rankWithoutSource(text) }, rankTopics, RANK_WORD);
  const ranking = sentences.filter((s) => s.carried.some((a) => a.kind === 'rank'));
  if (rankTopics.length && ranking.length && !ranking.some((s) => ranksTopic(s.text))) {
    const ranksIn = (p: Passage) => about(p) && trimmedSentences(p.text).some((t) => ranksTopic(t.text));
    const again = selectSentences(result, opts.coverage, asks, { ...select, eligible: ranksIn, admissible: (_p, text) => ranksTopic(text) });
    // (…measured against the first choice's other sentences, not the ranks of other topics it gave.)
    if (again.length) [sentences, firstChoice] = [again, firstChoice.filter((s) => !ranking.includes(s))];
  }
  if (sentences.length === 0 && !opts.lenient) return asks.length ? (softly ? withoutInherited() : { status: 'fact_missing', missing: asks }) : notCovered('no_sentence');
  // A mode that reads the passages itself gets the best sentences even when none speaks to the question's own words.
  if (opts.lenient) return { status: 'answered', sentences: sentences.length || !ownConcepts.length ? sentences : selectAny(), missing: [], asks, unmatched: [] };
  // …and by a sentence about the question nearly as much as the one most about it: the date of the
  // 先進製造業中心 does not say when the 數據技術中心 beside it opened.
  // (Sentences chosen again among the passages naming the subject are measured against the first choice too.)
  // (A sentence carrying on from the one before it, 「首三座樓宇…將…落成」 after 「…河套地區的港深創科園的建築工程」,
  // is about what that one names, when that one was chosen too.)
  // (The people a count asks for are no subject: the sentence most about 員工 is not the one counting jobs.)
  const aboutConcepts = retrieval.query.concepts.filter((c) => !countsPeople(c));
  const aboutText = (s: SelectedSentence) => opts.coverage(aboutConcepts, `${s.passage.section} ${s.text}`);
  const chosen = [...firstChoice, ...sentences];
  // (…read with the sentence before it in its passage, chosen or not: 「全力落實…河套地區的港深創科園的建築工程。」
  // names what 「首三座樓宇…落成」 is of, the sentence itself says the asked event.)
  // (…and a target, 「目標是…吸引不少於 100 間…企業」, is of the body the sentence before names, when the question
  // names that body: it is no count of the kind of firm that sentence also mentions.)
  const carriedOn = (s: SelectedSentence) => {
    const target = TARGET_OPENING.test(sentenceForm(s));
    if (!CARRIES_ON.test(sentenceForm(s)) && !target) return 0;
    const before = trimmedSentences(s.passage.text.slice(0, s.start)).pop();
    if (!before || s.passage.text.slice(before.end, s.start).trim() !== '') return 0;
    // (A name: tagged so, or quoted, 「引進重點企業辦公室」; not a field like 人工智能 that sentence lists.)
    const beforeText = sentenceForm(before);
    if (target && !anchor?.some((a) => (hasName(a) && beforeText.includes(a)) || beforeText.includes(`「${a}」`))) return 0;
    return aboutText({ ...s, text: `${before.text}${s.text}` });
  };
  const aboutness = new Map(chosen.map((s) => [s, Math.max(aboutText(s), carriedOn(s))]));
  // (…among the sentences naming the subject, when one does: a sentence on another thing sharing the question's
  // common words, 「智方便」 with its 網上 and 數據, sets no bar for the one naming 工務工程.)
  // (A name few passages use: 項目 or 計劃, the kind counted, names no one thing.)
  const onIt = anchor?.some((a) => opts.passagesMentioning(a) <= RARE_ANCHOR_PASSAGES) ? chosen.filter(onSubject) : [];
  const most = (onIt.length ? onIt : chosen).reduce((m, s) => (aboutness.get(s)! > aboutness.get(m)! ? s : m), (onIt[0] ?? sentences[0])!);
  // (A sentence naming the subject by its own name states a figure of it however few of the words
  // describing it it repeats: 「「科技券」計劃…已批出超過 2 萬１千宗申請」 for 「政府補貼企業用科技服務的那個科技券
  // 批了多少宗」. Only a count: a sum may be another thing's the sentence names (「預留 5 億元…讓數碼港推行…」 is no
  // budget for 數碼港's expansion), and a date or place another thing's too.)
  const namesAnchor = (s: SelectedSentence, a: Ask) => a.kind === 'count' && !!anchorNamesOwn?.some((x) => sentenceForm(s).includes(x));
  const closeEnough = (s: SelectedSentence, a: Ask) =>
    s.passage.id === most?.passage.id || namesAnchor(s, a) || aboutness.get(s)! >= SENTENCE_ABOUT_RATIO * aboutness.get(most)!;
  // Where and when are said of one thing per sentence: 「InnoHK…位於香港科學園」 says where InnoHK is,
  // not where the 人工智能超算中心 its passage also plans will be.
  // (The asked things are read only when a date, place or area is asked: jieba is not free.)
  const questionText = askedText(result);
  // (…and the names few passages use that the question itself names: 創科快線 ends in no facility's word.)
  // (…and, when it names no facility, any name it gives in its own words or translated: 數碼港 for "Cyberport";
  // beside a facility a place only says where it is, 「將軍澳的數據技術中心」.)
  const facilities = asks.some((a) => SENTENCE_SUBJECT_ASKS.has(a.kind)) ? subjectTerms(questionText) : [];
  const namedForms = facilities.length ? [] : ownForms.map((f) => f.replace(/\s+/g, '')).filter((f) => HAN.test(f) && f.length >= 2 && hasName(f) && !HOME.test(f));
  const askedTerms = asks.some((a) => SENTENCE_SUBJECT_ASKS.has(a.kind)) ? [...facilities, ...ownNames, ...namedForms] : [];
  const aboutOther = (s: SelectedSentence, a: Ask) =>
    SENTENCE_SUBJECT_ASKS.has(a.kind) && askedTerms.length > 0 && isAboutOther(normalizeForMatch(s.text), askedTerms, questionText, normalized);
  // A sum the sentence puts on another name (「10 億元的香港創業者基金，紅杉資本亦牽頭成立香港 X 科技創業平台」)
  // is that name's, not the subject's the sentence also names.
  const sumOfOther = (s: SelectedSentence, a: Ask) => {
    if (a.kind !== 'money' || !anchor?.length) return false;
    const text = sentenceForm(s);
    if (!anchor.some((x) => text.includes(x))) return false;
    const bound = [...text.matchAll(BOUND_SUM)];
    const sums = text.match(SUM_G) ?? [];
    if (bound.length === 0 || bound.length < sums.length || bound.some((m) => compactQuestion.includes(m[2]!))) return false;
    // The subject named in another clause than every sum and the name it is bound to (紅杉資本, a clause
    // after 「10 億元的香港創業者基金」; 阿里巴巴集團 in the same clause launched that fund).
    const clauses = text.split(/[，,；;]/);
    const boundClauses = clauses.filter((c) => bound.some((m) => c.includes(m[0])));
    // (…a name: the words of what the fund does, 「提升道路網絡」, are no other subject.)
    return anchor.some((x) => hasName(x) && clauses.some((c) => c.includes(x) && !boundClauses.includes(c)) && !boundClauses.some((c) => c.includes(x)));
  };
  const missing = asks.filter(
    (a) =>
      !sentences.some(
        (s) => onSubject(s) && closeEnough(s, a) && s.carried.includes(a) && !aboutOther(s, a) && aboutOrdinal(s, a) && !sumOfOther(s, a) && !ruleOfOther(s, a) && !rankOfOther(s, a),
      ),
  );
  if (asks.length > 0 && missing.length === asks.length) return softly ? withoutInherited() : { status: 'fact_missing', missing };
  // Something the documents never mention, answered only by the documents' common words (政府, 政策, 香港):
  // 「香港對生成式人工智能有甚麼監管規定？」 is about a subject they lack.
  // (…and so is a later part of one question, though the first part gives it context: 「…租金水平如何？」. Not a
  // follow-up in a conversation: its colloquial verbs, 「它是干什么的？」, are words no passage uses either.)
  if (!comparison && (!retrieval.context || opts.ownWordsRequired) && retrieval.query.concepts.some((c) => neverMentioned(c, mayNameThing))) {
    // (「有甚麼支援措施」: what kind of answer is wanted — measures, schemes — says nothing of what about.)
    // (A word read through the general dictionary's synonyms, 許可 → 容許, is weaker evidence than the question's own.)
    // (…and how often, 「每年」, says nothing of what: 「香港每年有幾多宗專利申請？」 is not about a yearly grant.)
    const specific = retrieval.query.concepts.filter((c) => !ASK_NOUN.test(c.label) && !MEASURE_WORD.test(c.label) && df(c) > 0 && df(c) <= COMMON_WORD_PASSAGES && !(c.source === 'dictionary' && HAN.test(c.label)) && !HOW_OFTEN.test(c.label));
    const said = sentences.map((s) => wordStarts(sentenceForm(s)));
    const says = (t: string[], a: string) => t.some((rest) => rest.startsWith(a));
    if (!specific.some((c) => c.alternatives.some((a) => said.some((t) => says(t, a.replace(/\s+/g, '')))))) return notCovered('common_words_only');
  }
  // The other side of a comparison: named things the answering sentences do not mention (a passage on
  // start-ups that names 深圳 elsewhere says nothing of Shenzhen's start-ups).
  // (Only the sentences giving the asked fact, or the one most about the question when nothing is asked.)
  const givesAsked = (s: SelectedSentence) => asks.some((a) => s.carried.includes(a));
  const answering = sentences.filter((s) => (asks.length ? givesAsked(s) : s === most)).map(sentenceForm);
  const inAnswer = (e: string) => {
    const forms = [normalizeForMatch(e), ...conceptsOf(e).flatMap((c) => c.alternatives)];
    return answering.some((a) => forms.some((f) => a.includes(f.replace(/\s+/g, ''))));
  };
  // (One side however often named: 新加坡 and 新加坡paynow.)
  const sides = entities.filter((e) => !entities.some((o) => o !== e && normalizeForMatch(o).includes(normalizeForMatch(e))));
  // (A year is stated by the passage of a sentence giving the asked fact: 「截至 2023 年 3 月底，基金…」 gives no 2023 count of start-ups.)
  const giving = sentences.filter((s) => asks.length === 0 || givesAsked(s)).map((s) => compact(s));
  const unmatchedYears = premises.comparedYears.filter((y) => !giving.some((a) => a.includes(y)));
  const unmatched = comparison ? [...sides.filter((e) => !inAnswer(e)), ...unmatchedYears] : [];
  // Every side of the comparison is uncovered and Hong Kong is not one of them: nothing here answers it.
  if (comparison && unmatched.length > 1 && unmatched.length === sides.length + unmatchedYears.length && !namesHome(part)) {
    return notCovered('comparison_sides');
  }
  // Two places compared, neither of them Hong Kong (「深圳和上海哪个城市的研发投入更多？」): what the
  // sheet says of one of them answers nothing.
  if (comparison && !namesHome(part) && sides.length >= 2 && sides.every((e) => HAN.test(e) && isPlace(e) && !hongKongTerms().has(e)) && unmatched.length > 0) {
    return notCovered('comparison_sides');
  }
  // …and so is a comparison in one year no answering sentence states, with a side the documents lack
  // ("Hong Kong's ranking in 2015 against Singapore's that year"): Hong Kong's side is that year's too.
  if (comparison && premises.comparedYears.length === 1 && unmatchedYears.length === 1 && sides.length > 0 && sides.every((e) => !inAnswer(e))) {
    return notCovered('comparison_sides');
  }
  return { status: 'answered', sentences, missing, asks, unmatched };
}

/** An English word rendered only by such words ("funding" → 資助|資金, "centre" → 中心). */
function rendersOnly(c: Concept, words: RegExp): boolean {
  const han = c.alternatives.filter((a) => HAN.test(a)).map((a) => a.replace(/\s+/g, ''));
  return !HAN.test(c.label) && han.length > 0 && han.every((a) => words.test(a));
}

/** A concept read through the general dictionary, with only the synonyms that are nouns. */
const nounSynonymsOnly = (c: Concept): Concept =>
  c.source === 'dictionary' ? { ...c, alternatives: c.alternatives.filter((a) => a === c.label || hasNoun(a.replace(/\s+/g, ''))) } : c;

/** A concept read through the general dictionary, as its own word only: its synonyms are guesses, not names. */
const ownWordOnly = (c: Concept): Concept => (c.source === 'dictionary' ? { ...c, alternatives: [c.label] } : c);

/** A Chinese name other than Hong Kong's (深圳, 數碼港). */
const otherName = (c: Concept) => HAN.test(c.label) && hasName(c.label) && !HOME.test(c.label);

/** The government, which every rule is made by: not what a rule is about. */
const GOVERNMENT = /^(政府|government|特區政府|香港特區政府)$/u;

/** 「10 億元的香港創業者基金」: a sum bound to the name after it. */
const BOUND_SUM = /(\d[\d.,]*(?:萬|億)?(?:港元|元))(?:的「?|「)([\p{Script=Han}a-z0-9]{2,14}?(?:基金|計劃|平台|中心))/gu;
const SUM_G = /\d[\d.,]*(?:萬|億)?(?:港元|元)/gu;

/** 「第二個」, 「第三座」: one of several things of a kind, by its order. */
const ORDINAL_THING = /第(二|三|四|五|兩|2|3|4|5)(個|座|間|所|期|幢|棟)/u;
/**
 * "the new InnoCell block", "another one", 「新一座」: a further one of a kind, not the existing one.
 * ("folding the old programme into a new one" renames what there is.)
 */
const NEW_ONE =
  /(新一座|新一幢|另一座|另一幢|再起多座|再建一座|多一座|多一幢|再興建|再起一|再多建|多建一|(?<!\binto )\b(the|a) new (innocell|block|building|tower|residence|hall|dorm|dormitory|one)\b|\bnew innocell\b|\banother (one|block|building|innocell|residence|centre|center|tower)\b|\ba second (one|block|building|innocell|centre|center)\b)/u;
/** "the second advanced manufacturing centre": the ordinal as the sheet writes it (第二); a second version or place is no second thing. */
const EN_ORDINAL = /\b(?:the|a) (second|third|fourth|fifth)\b(?! (?:version|edition|phase|stage|round|batch|half|quarter|time|year|term|largest|biggest|highest|most|place)\b)/;
function englishOrdinal(normalized: string): string | undefined {
  const m = normalized.match(EN_ORDINAL);
  return m ? `第${ZH_DIGITS[EN_ORDINALS.indexOf(m[1]!) + 1]}` : undefined;
}
/** How a sentence names another one of a kind. */
const ANOTHER = /(另一|新一座|再建|另外一)/u;
/** The first or existing one of a kind (「第一個」, "the first one", "the existing one"), as against a further one. */
const FIRST_ONE = /(第一(個|座|間|所|期)|首(個|座|間|所|期)|頭(一)?個|原有|現有(嘅|的)?(嗰|那)?個|\bthe (first|original|existing|current) (one|centre|center|building|block)\b)/u;
/** A further one stated (「第二個」, 「新一座」, 「另一」)… */
const FURTHER_G = new RegExp(`${ORDINAL_THING.source}|${ANOTHER.source}`, 'gu');
/** …and the named thing it is one of (「第二個先進製造業中心」, 「新一座「創新斗室」」). */
const FURTHER_THING = /^[「『]?(\p{Script=Han}{1,10}?(中心|斗室|園|大樓|樓宇|平台|基金|研究院|學院|實驗室))/u;

/** 「幾多錢」: the kind of fact asked, not a subject. */
const MONEY_WORD = /^(錢|資金)$/u;

/** A facility's or scheme's name ends so (超算中心, 創科基金). */
const FACILITY_END = /(中心|基金|平台|計劃|園|研究院|研發院|實驗室)$/u;

/** A facility's kind as an English word renders it ("institute" → 研究院|研發院), naming no one facility. */
const BARE_KIND = /^(研究院|研發院|研究所|實驗室|中心|基金|平台|計劃|項目|園區|學院|機構)$/u;
const namesBareKind = (c: Concept) => rendersOnly(c, BARE_KIND);
/** How something is done (「專門投資科技公司嘅基金」: a fund that specialises), which jieba may tag as a noun: never the subject. */
const MANNER_WORD = /^(專門|專登|專責|特別|特意|主要)$/u;
/** Words for what happens to a thing (開業, 啟用, 落成), which jieba may tag as nouns: what is asked of a subject, never the subject. */
const EVENT_WORD = /^(開業|啟用|開幕|開張|落成|竣工|成立|推出|擴充|擴展|營運|運作)$/u;
const namesEvent = (c: Concept) => EVENT_WORD.test(c.label);
/** The fact sheet itself (「這份創新及科技概況」, "this fact sheet"): what every passage is in, never a subject. */
const DOCUMENT_WORD = /^(概況|便覽|單張|fact ?sheet|sheet|document)$/u;

/** A facility's or scheme's bare word, which many names end in. */
const GENERIC_SUFFIX_WORDS = '中心|基金|平台|計劃|園區|公司|機構|項目|學院';
const GENERIC_SUFFIX = new RegExp(`^(${GENERIC_SUFFIX_WORDS})$`, 'u');
/** A bare kind of thing (those words, and 部門, 團隊, 企業): every scheme or body is one, so it names none. */
const KIND_WORDS = `${GENERIC_SUFFIX_WORDS}|部門|政府部門|團隊|企業`;
const KIND_ONLY = new RegExp(`^(${KIND_WORDS})$`, 'u');
/** Renderings of an English word that name no subject: money, a year, a bare kind of thing. */
const UNSPECIFIC_RENDERING = new RegExp(`^(錢|資金|資助|撥款|經費|款項|年|${KIND_WORDS})$`, 'u');
/** The kind of thing a list asks for (範疇, 行業), and 主要 ("mainly"): the listing sentence need not say them. */
const LIST_KIND = /^(主要|範疇|行業|領域|產業|類型|種類|類別|方面|技術|方向)$/u;

/** A word more passages than this use is the documents' common vocabulary (政府, 發展), naming no subject. */
const COMMON_WORD_PASSAGES = 5;
/** Words naming what kind of help is asked about (measures, schemes, support), not its subject. */
const MEASURE_WORD = /^(措施|計劃|政策|方案|支援|支持|資助|項目|產業|行業|服務|申請|programmes?|programs?|schemes?|measures?|polic(y|ies)|support|services?|industry)$/u;

/** How often something happens: a word of the question's frame, not its subject. */
const HOW_OFTEN = /^(每年|每月|每日|每天|每週|每星期|每季|一年|全年)$/u;

/** Coverage of every concept (allowing for rounding). */
const FULL_COVERAGE = 0.99;

/** A subject this specific (a name, or a word this few passages use) is worth choosing the answer's sentences again for. */
const RESELECT_MAX_PASSAGES = 1;

/**
 * Whether a question names a specific subject of its own (科技券, 微電子中心): a noun few passages use.
 * 「每宗申請的資助上限是多少？」 names none; after 「「科技券」計劃批出了多少宗申請？」 it asks about 科技券.
 */
export function namesSpecificSubject(concepts: Concept[], passagesMentioning: (t: string) => number): boolean {
  return specificSubjects(concepts, passagesMentioning).length > 0;
}

/** The question's concepts that name a specific subject (see namesSpecificSubject). */
function specificSubjects(concepts: Concept[], passagesMentioning: (t: string) => number): Concept[] {
  // A name however common (數碼港), or a noun few passages or none use (回報率: something the sheet lacks),
  // or a Latin-script name few passages use (開放 API, InnoHK).
  const latinName = (a: string) => /^[a-z][a-z0-9.+-]{2,}$/.test(a) && passagesMentioning(a) > 0 && passagesMentioning(a) <= ANCHOR_MAX_PASSAGES;
  return concepts.filter(
    (c) =>
      c.alternatives.some(latinName) ||
      (namesSomething(c) &&
        !ASK_NOUN.test(c.label) &&
        // 「幾多錢」: money is what is asked, not a subject.
        !MONEY_WORD.test(c.label) &&
        // "how much funding does each centre get": English words rendered only as money or a kind name none.
        !rendersOnly(c, UNSPECIFIC_RENDERING) &&
        // 「每宗」, 「各間」: a determiner and classifier, however jieba tags them.
        !/^(每|各)./u.test(c.label) &&
        // 「每個項目」, 「哪個政府部門」: a kind of thing, which every scheme or body is, names none.
        !KIND_ONLY.test(c.label) &&
        c.alternatives.some((a) => HAN.test(a) && (hasName(a.replace(/\s+/g, '')) || passagesMentioning(a.replace(/\s+/g, '')) <= ANCHOR_MAX_PASSAGES))),
  );
}

/**
 * Whether a follow-up brings up a subject of its own the conversation has not named (「聽講仲有個微電子中心，
 * 喺邊度起㗎？」 after questions on the 先進製造業中心): a specific name or rare noun the corpus uses,
 * in none of its forms in the context.
 */
export function bringsUpNewSubject(concepts: Concept[], context: string, passagesMentioning: (t: string) => number): boolean {
  const said = normalizeForMatch(context).replace(/\s+/g, '');
  // A name, or a compound noun (微電子中心); a two-character common noun (對象 in 「資助對象是誰？」) asks about the earlier subject.
  const compact = (a: string) => a.replace(/\s+/g, '');
  return specificSubjects(concepts, passagesMentioning).some(
    (c) =>
      c.alternatives.some((a) => passagesMentioning(compact(a)) > 0 && (hasName(compact(a)) || compact(a).length >= 3)) &&
      !namedIn(said, c),
  );
}

/** Whether a word is two mentioned words of two characters or more (網絡設備 = 網絡 + 設備). */
function splitsIntoMentioned(word: string, mentioned: (t: string) => boolean): boolean {
  for (let i = 2; i + 2 <= word.length; i++) if (mentioned(word.slice(0, i)) && mentioned(word.slice(i))) return true;
  return false;
}

/** Words of ranking itself, which say nothing of what is ranked. */
const RANK_WORD = /^(排名|排第幾|排行榜|排行|名次|世界排名|全球排名|國際排名|第幾|位列|世界|全球|國際|rank|ranks|ranked|ranking|rankings|place|position|world|global|globally|internationally)$/u;
/** A ranking named in a question: words before 排名, 指數 or 排行榜 (世界數碼競爭力排名, 全球大學排名). */
const RANKING_NAME = /\p{Script=Han}{2,10}?(排名|指數|排行榜)/gu;
/** A rank stated: 「全球第 14」. */
const RANK_STATED = /第\s*\d/u;
/** A stated rank without the source in brackets after it: 「全球第 9（國際管理發展學院《…》）」 ranks no 國際. */
const rankWithoutSource = (sentence: string) => sentence.split(/[（〔(]/u)[0]!;
/**
 * Where a rank is (全球排名, 亞太區排名) or of what (「香港個市場排名」: a market's), not which ranking; nor is a
 * kind of ranking (「金融中心類指數」), which describes the one the documents name.
 */
const GENERIC_RANKING = /^(香港|本港)?個?(全球|世界|國際|亞太區|亞太|整體|最新|目前|現時|最近|市場)?(排名|排行榜)$|類(排名|指數|排行榜)$/u;

/** A concept this few passages mention names the question's subject (泊車位, InnoHK), not its topic. */
const ANCHOR_MAX_PASSAGES = 4;

/**
 * Whether a concept can name a subject: one of its Chinese forms has a noun (樓宇, 科技券), unlike
 * the verbs and adverbs English words are rendered by ("start" → 啟動, "fully" → 全力).
 */
function namesSomething(c: Concept): boolean {
  // A Chinese word the corpus never uses names a subject only if it is a noun itself: its
  // dictionary synonyms stand in for it (人員 → 員工), but 「哪一方」 names nothing (一方 → 區域).
  // An English word read through the general dictionary is everyday vocabulary ("new" → 新建), not a
  // name: the glossary renders English names (InnoCell → 創新斗室).
  if (c.source === 'dictionary') return HAN.test(c.label) && hasNoun(c.label);
  return c.alternatives.some((a) => HAN.test(a) && hasNoun(a.replace(/\s+/g, '')));
}

/**
 * The forms a passage may name the same thing by: the short form the sheet defines without the home
 * region (「香港科技園公司（科技園公司）」; 香港科學院 is no 中國科學院), or, for a bare kind, its near kind
 * (the 項目 a reader describes is a 計劃).
 */
function shortForms(form: string, passagesMentioning: (t: string) => number): string[] {
  const bare = withoutHome(form);
  const defined = bare !== form && passagesMentioning(`${form}（${bare}）`) > 0;
  return [...(defined ? [bare] : []), ...(KIND_KIN[form] ?? []).filter((f) => passagesMentioning(f) > 0)];
}
const KIND_KIN: Record<string, string[]> = { 項目: ['計劃'], 計劃: ['項目'] };
const withoutHome = (form: string) => form.replace(/^(?:香港|本港)(?=\p{Script=Han}{3})/u, '');

/**
 * The forms of the question's specific concepts (those few passages mention): an answering
 * sentence's passage must mention one of them. None when every concept is common.
 */
function anchorOf(concepts: Concept[], passagesMentioning: (t: string) => number): string[] | undefined {
  const forms: string[] = [];
  for (const c of concepts) {
    // (「全港」, the home region, is what every passage is about, however few write it so.)
    if (ASK_NOUN.test(c.label) || HOME.test(c.label)) continue;
    // 科學院 inside 香港科學院: the longer name the corpus uses is the subject (中國科學院 is another).
    if (concepts.some((o) => o !== c && o.label.length > c.label.length && o.label.includes(c.label) && passagesMentioning(o.label) > 0)) continue;
    const own = c.alternatives.map((a) => a.replace(/\s+/g, '')).filter((a) => a.length >= 2);
    const dfs = own.map(passagesMentioning);
    // Passages mentioning any form: at least the most frequent form's count.
    const df = Math.max(0, ...dfs);
    if (df > 0 && df <= ANCHOR_MAX_PASSAGES) forms.push(...own.filter((_, i) => dfs[i]! > 0), ...own.flatMap((a) => shortForms(a, passagesMentioning)));
  }
  return forms.length ? forms : undefined;
}



/**
 * What a count question counts, in every form a passage may use (itself and its translations), when
 * it is specific enough to look for: 智慧燈柱 or 實驗室, not 公司 (part of 科技園公司).
 */
function countedForms(counted: string, concepts: Concept[]): string[] {
  // An English phrase counts its last word, as translated ("tech voucher applications" counts 申請, not
  // 科技券); when that has no translation ("AI patents"), what qualifies it is looked for instead.
  // (…or a phrase the glossary renders starting with that word: "FPS accounts registered" → 帳户登記.)
  if (/^[a-z]/.test(counted)) {
    const last = counted.split(/\s+/).pop()!;
    const head = concepts.filter((c) => counted.endsWith(c.label) || c.label.startsWith(`${last} `)).flatMap((c) => c.alternatives.filter((a) => HAN.test(a) && a.length >= 2));
    if (head.length) return [...new Set(head)];
  }
  const forms = new Set<string>([counted]);
  for (const c of concepts) {
    if (counted.includes(c.label)) for (const a of c.alternatives) forms.add(a);
  }
  return [...forms].filter((f) => HAN.test(f) && f.length >= 3);
}

/** Does the question name the home region itself (香港, Hong Kong)? */
function namesHome(part: string): boolean {
  return /(香港|本港|全港|hong kong|\bhk\b)/i.test(normalizeForMatch(part));
}

/** The text from each word's start on (銀行業 has no word starting 行業; 擴建工程 starts with 擴建). */
function wordStarts(text: string): string[] {
  const starts: string[] = [];
  let at = 0;
  for (const w of segmentPrecise(text)) {
    starts.push(text.slice(at));
    at += w.length;
  }
  return starts;
}
