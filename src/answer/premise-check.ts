/**
 * What a question takes for granted — a year, a figure, a rank, an edition, a version, a place, a ratio,
 * a sum put on a name — must be what the passages about it state: 「2020 年的調查」 when the sheet has
 * 2022's, 「100 億元的「策略性創科基金」」 when it says 50 億元, 「喺數碼港嗰個研究中心」 when it is in
 * 科學園. A contradicted premise is declined, saying what the sheet gives instead.
 */
import { HOME } from '../retrieve/question/entities.js';
import { missingYears, questionYears } from '../retrieve/question/premises.js';
import type { ScoredPassage } from '../retrieve/retriever.js';
import { type Concept, namedIn } from '../text/analyze.js';
import { hasName, namesBody } from '../text/segment.js';
import { normalizeForMatch } from '../text/normalize.js';
import { PLACE_NAME } from './evidence.js';
import { type NumberMention, extractNumbers, isStated } from './verify/numbers.js';
import { escapeRegExp } from '../util/regexp.js';

/** The question assumes a year, figure, place or doer the passages about its subject do not state. */
export type PremiseVerdict = { status: 'premise'; kind: 'year' | 'figure' | 'place' | 'actor'; asked: string[]; given: string[] };

export interface PremiseInput {
  part: string;
  /** The part in matching form. */
  normalized: string;
  concepts: Concept[];
  /** Years that name an edition of a document (「2022年版」): stated by that edition's date. */
  editionYears?: string[];
  comparison: boolean;
  /** The passages still standing, and the best coverage among all retrieved. */
  hits: ScoredPassage[];
  best: number;
  compact: (h: Pick<ScoredPassage, 'passage'>) => string;
  figures: (h: ScoredPassage) => NumberMention[];
}

const HAN = /\p{Script=Han}/u;
const YEAR_IN_TEXT = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;
/** 「2019年3月」 in matching form (no spaces): a year and its month. */
const YEAR_MONTH = /(?<!\d)((?:19|20)\d{2})年(0?[1-9]|1[0-2])月/gu;
/** The years-and-months a text states, each once, written alike (「2019年03月」 → 2019年3月). */
function monthsIn(text: string): string[] {
  return [...new Set([...text.matchAll(YEAR_MONTH)].map((m) => `${m[1]}年${Number(m[2])}月`))];
}
/** A passage stating the question's year must be about the question this much (coverage share of the best). */
const PREMISE_RATIO = 0.85;

/**
 * The passages that state what the question takes for granted (and, in a comparison, the years no
 * passage states: the uncovered side), or the premise the passages contradict.
 */
export function checkPremises(input: PremiseInput): PremiseVerdict | { hits: ScoredPassage[]; comparedYears: string[] } {
  const { part, normalized, comparison, best, compact } = input;
  const figuresIn = input.figures;
  let hits = input.hits;
  // A passage about the question nearly as much as the best one: only it can state or contradict a premise.
  const aboutQuestion = (h: ScoredPassage) => h.coverage >= best * PREMISE_RATIO;
  // Years the question takes for granted must be stated by a passage that is about the question.
  // A year that names an edition (「2022年版」) is stated by that edition's date (src/retrieve/editions.ts).
  let years = questionYears(normalized).filter((y) => !input.editionYears?.includes(y));
  // A comparison's years (「2023年…比2022年」, 「比起2021年」) are its sides, not premises: a year the
  // answer does not state is the uncovered side (read from the answer itself).
  // (…unless the sides are two or more years none of which a passage about the question states: "How did the
  // rank in 2018 compare with 2015?" is not answered by 2022's, and is read as the years it takes for granted.)
  let comparedYears: string[] = [];
  const yearsOnly = comparison && years.length >= 2 && !hits.some((h) => aboutQuestion(h) && years.some((y) => compact(h).includes(y)));
  if (comparison && years.length && !yearsOnly) {
    comparedYears = years;
    years = [];
  }
  // A year put on a named ranking or survey (「2022年全球智慧城市指數」) must be its year in the passages
  // (《2023 年智慧城市指數》), though other passages give 2022 for another ranking.
  // (In a comparison the years are its sides.)
  // (…and one the passages give it is stated: "the 2022 Global Innovation Index and IMD's 2023 smart city index"
  // need no one passage giving both years.)
  const statedBound: string[] = [];
  for (const b of comparison ? [] : [...boundYears(normalized), ...englishBoundYears(normalized, input.concepts)]) {
    // (The ranking's own name is specific enough to look for in any passage found.)
    const given = yearsOn(b.thing, hits.map(compact));
    if (given.length && !given.includes(b.year)) return { status: 'premise', kind: 'year', asked: [b.year], given };
    if (given.includes(b.year)) statedBound.push(b.year);
  }
  years = years.filter((y) => !statedBound.includes(y));
  if (years.length) {
    // (…and naming what the question names that the best passage names: 「麻省理工學院2019年…」 is not stated by
    // a passage on 科技部's 2019 scheme however many of its words that passage shares.)
    const top = compact(hits[0]!);
    const names = input.concepts.filter((c) => HAN.test(c.label) && !HOME.test(c.label) && hasName(c.label) && namedIn(top, c));
    const stating = hits.filter((h) => aboutQuestion(h) && names.every((c) => namedIn(compact(h), c)) && missingYears(years, compact(h)).length === 0);
    if (stating.length === 0) {
      const given = [...new Set([...top.matchAll(YEAR_IN_TEXT)].map((m) => m[0]))];
      return { status: 'premise', kind: 'year', asked: missingYears(years, top), given };
    }
    hits = stating;
  }
  // A month put on the year (「2019年3月…簽的安排」) must be stated with it: a passage giving 2019 年 4 月
  // for one thing and 2023 年 3 月 for the asked one does not state it.
  const months = comparison ? [] : monthsIn(normalized);
  if (months.length) {
    const states = (h: ScoredPassage) => months.every((d) => compact(h).includes(d));
    const stating = hits.filter((h) => aboutQuestion(h) && states(h));
    if (stating.length === 0 && hits.some(aboutQuestion)) {
      const given = [...new Set(hits.filter(aboutQuestion).flatMap((h) => monthsIn(compact(h))))];
      return { status: 'premise', kind: 'year', asked: months, given };
    }
    if (stating.length) hits = stating;
  }

  // So must the figures, ranks, editions and versions it takes for granted, each checked in turn
  // against the passages still standing; all but versions only by a passage about the question.
  // (「50億嘅基金」: a sum describing a kind of thing, a fund of 5 billion, is stated by any passage found putting
  // that sum on a fund, however little else of the question it shares.)
  const compactQuestion = normalized.replace(/\s+/g, '');
  const describedBySum = (f: NumberMention) => {
    const text = f.text.replace(/\s+/g, '');
    const at = compactQuestion.indexOf(text);
    const kind = at >= 0 ? compactQuestion.slice(at + text.length).match(SUM_OF_KIND)?.[1] : undefined;
    return !!kind && hits.some((h) => new RegExp(`${escapeRegExp(text)}(?:元|港元)?(?:的|之)?「?[^，。；」]{0,10}?${kind}`, 'u').test(compact(h)));
  };
  const figures = premiseFigures(part).filter((f) => !describedBySum(f));
  // "about 4,000 start-ups" is stated by 3,985: a figure the question gives roughly is stated by one near it.
  const roughly = (f: NumberMention) => givenRoughly(normalized, normalized.indexOf(f.text.toLowerCase()), f.text.length, 16);
  // 「一億多元」 is stated by 1.1 億: the range each figure given as a sum or count and more covers, read once.
  const andMore = figures.map((f) => sumAndMore(normalized, f));
  // …figures compared by value (「逾 5,000 家公司」, "has 30 labs") and in the direction the question
  // takes for granted: a 10% rise is no 10% cut.
  const against = opposite(normalized);
  // 「全球第 9 吧？」 when the sheet says 第 19.
  // …written in Chinese numerals too (「位列全球第一」), or as an English ordinal ("slip to 30th place").
  const ranks = ranksIn(normalized);
  // 「第二屆何時舉行？」 when the sheet has only the 首屆; 第二版 is version 2.0 (「智慧城市藍圖 2.0」).
  // (「第一期」, the first phase, is what anything built in phases has: no premise.)
  const editions = [...normalized.matchAll(EDITION)].map((m) => ({ text: m[0], n: m[1]!, unit: m[2]! })).filter((e) => !(numeral(e.n) === 1 && e.unit === '期'));
  const statesEdition = (h: ScoredPassage, e: { n: string; unit: string }) =>
    compact(h).includes(`第${e.n}${e.unit}`) ||
    (e.unit === '版' && compact(h).includes(`${numeral(e.n)}.0`)) ||
    (numeral(e.n) === 1 && new RegExp(`(首|第一)${e.unit}`).test(compact(h)));
  // 「藍圖 3.0」 must be the version the passage names.
  const versions = [...normalized.matchAll(VERSION)].map((m) => m[1]!);
  // (Against an earlier year it is a premise; against another place, a comparison's other side.)
  const doubled = comparison && !/(比|較|\bsince\b|\bfrom\b)\s*(19|20)\d{2}/u.test(normalized) ? undefined : normalized.match(DOUBLED)?.[0];
  const premises: Array<{ asked: string[]; states: (h: ScoredPassage) => boolean; anyPassage?: boolean }> = [
    {
      asked: figures.map((f) => f.text),
      states: (h) =>
        figures.every((f, i) => isStated(f, figuresIn(h)) || (roughly(f) && figuresIn(h).some((p) => near(f, p))) || figuresIn(h).some((p) => inRange(p, andMore[i], compact(h)))) &&
        !(against && against.test(compact(h))),
    },
    {
      asked: ranks.map((r) => `第 ${r.rank}`),
      states: (h) => ranks.every((r) => new RegExp(`${r.global ? '(全球|世界)' : ''}第(${r.rank}(?!\\d)|${ZH_DIGITS[Number(r.rank)] ?? r.rank}(?![一二三四五六七八九十]))`).test(compact(h))),
    },
    { asked: editions.map((e) => e.text), states: (h) => editions.every((e) => statesEdition(h, e)) },
    { asked: versions, states: (h) => versions.every((v) => compact(h).includes(v)), anyPassage: true },
    // 「比 2018 年翻了一倍」 when the sheet says 「較 2018 年增加 52%」: a doubling must be stated as one.
    { asked: doubled ? [doubled] : [], states: (h) => DOUBLE_STATED.test(compact(h)) },
  ];
  // A place the question puts its subject in (「卡羅琳醫學院喺數碼港嗰個研究中心」) must be where the
  // passages about it put it: one locating it elsewhere (「在香港科學園設立」) contradicts it.
  const places = [...placesAsserted(normalized), ...englishPlacesAsserted(normalized, input.concepts)];
  if (places.length) {
    // (A follow-up's coverage counts its context too: a passage naming every concept of the question's
    // own, 「元朗」 and 「微電子中心」 of 「元朗的微電子中心呢？」, is about it however the last answer's subject ranks.)
    const namesAll = (h: ScoredPassage) =>
      input.concepts.length > 0 && input.concepts.every((c) => namedIn(compact(h), c));
    const about = hits.filter((h) => aboutQuestion(h) || namesAll(h));
    // Where a passage describes several things, only its sentences naming the subject place it
    // (「位於將軍澳創新園的先進製造業中心…」 does not put the 微電子中心 in 將軍澳).
    const subject = subjectForms(input.concepts, places, about.map(compact));
    const placing = (h: ScoredPassage) => compact(h).split('。').filter((t) => !subject.length || subject.some((f) => t.includes(f)));
    // (…and a sentence anywhere putting the thing the question places where it does settles it: 「將軍澳的先進製造業中心
    // 和元朗的微電子中心」, each placed right, though the passage most about the question names only one. Read only
    // when the passages about the question place it nowhere the question does.)
    const everyPlacedRightly = () => {
      const found = hits.flatMap((h) => compact(h).split('。'));
      const named = subjectForms(input.concepts, places, hits.map(compact));
      return places.every((p) => {
        const at = compactQuestion.indexOf(p);
        return (
          at >= 0 &&
          named.some((f) => {
            const thing = compactQuestion.indexOf(f, at + p.length);
            return thing >= 0 && thing - at - p.length <= PLACE_TO_THING && found.some((t) => t.includes(p) && t.includes(f));
          })
        );
      });
    };
    if (about.length && !about.some((h) => placing(h).some((t) => places.some((p) => t.includes(p)))) && !everyPlacedRightly()) {
      // (…the passage most about it: 「將軍澳創新園」 in a passage on another centre does not place the
      // 「沙田那個聚集了過千家科技企業的園區」 the best passage describes without saying where it is.)
      const elsewhere = placing(about[0]!).flatMap(locatedAt);
      if (elsewhere.length) return { status: 'premise', kind: 'place', asked: places, given: [...new Set(elsewhere)] };
    }
  }
  // So must the body it says did something (「資助易是數碼港推出的吧？」 when the sheet says 生產力促進局 launched it).
  for (const a of [...actorsAsserted(normalized), ...englishActorsAsserted(normalized, input.concepts)]) {
    const subject = input.concepts
      .flatMap((c) => c.alternatives.map((f) => f.replace(/\s+/g, '')))
      .filter((f) => HAN.test(f) && f.length >= 3 && !a.actor.includes(f) && !f.includes(a.actor) && !ACTOR_VERB_WORD.test(f));
    const doing = hits
      .filter(aboutQuestion)
      .flatMap((h) => compact(h).split('。'))
      .filter((t) => ACTOR_VERB_WORD.test(t) && subject.some((f) => t.includes(f)));
    if (doing.length === 0 || doing.some((t) => t.includes(a.actor))) continue;
    const given = [...new Set(doing.flatMap((t) => [...t.matchAll(DOER_G)].map((m) => m[1]!)).filter((d) => !subject.some((f) => d.includes(f))))];
    if (given.length) return { status: 'premise', kind: 'actor', asked: [a.said ?? a.actor], given };
  }
  // So must a ratio it takes for granted (「以一比一配對形式資助」 when the sheet says 「2（政府）：1（企業）」).
  const askedRatios = ratiosIn(normalized);
  if (askedRatios.length) {
    const given = [...new Set(hits.filter(aboutQuestion).flatMap((h) => ratiosIn(compact(h))))];
    if (given.length && askedRatios.every((r) => !given.includes(r))) return { status: 'premise', kind: 'figure', asked: askedRatios, given };
  }
  // A sum the question puts on a name (「100 億元的「策略性創科基金」」) must be the sum the passages put on it.
  for (const b of [...boundSums(normalized), ...englishBoundSums(normalized, input.concepts)]) {
    const onName = new RegExp(`(\\d[\\d.]*(?:萬|億)?(?:元|港元))(?:的)?「?${escapeRegExp(b.name)}`, 'gu');
    const given = [...new Set(hits.flatMap((h) => [...compact(h).matchAll(onName)].map((m) => m[1]!)))];
    if (given.length && !given.some((g) => isStated(b.sum, extractNumbers(g)))) return { status: 'premise', kind: 'figure', asked: [b.sum.text], given };
  }
  // So must a count it puts on a kind of thing (「香港得六所國家重點實驗室」 when the sheet has 16 所).
  for (const b of boundCounts(normalized)) {
    const given = countsOf(b, hits.filter(aboutQuestion).map(compact));
    // (The sheet's count is quoted with its own classifier: 8 個, not the question's 張; one given roughly, 「大約
    // 4,000 間」, is stated by one within 5%.)
    const rough = givenRoughly(compactQuestion, compactQuestion.indexOf(b.text), b.text.length, 8);
    if (given.length && !given.some((g) => g.value === b.value || (rough && roughlyEqual(b.value, g.value)))) return { status: 'premise', kind: 'figure', asked: [b.text], given: given.map((g) => `${g.value} ${g.classifier}${b.thing}`) };
  }
  // "Why was the cap halved?" when the passages about it say it doubled (倍增): the change the question
  // asks the reason for is not the one the sheet states. (With a figure, the figure's check above has it.)
  if (against && figures.length === 0 && (WHY.test(normalized) || HOW_MUCH.test(normalized))) {
    const askedDirection = against === UP ? DOWN : UP;
    const about = hits.filter(aboutQuestion).map(compact);
    const asked = normalized.match(new RegExp(`${askedDirection.source}[a-z]*`))?.[0];
    const given = [...new Set(about.flatMap((t) => [...t.matchAll(new RegExp(against.source, 'g'))].map((m) => m[0])))];
    if (asked && given.length && !about.some((t) => askedDirection.test(t))) return { status: 'premise', kind: 'figure', asked: [asked], given };
  }
  for (const premise of premises.filter((p) => p.asked.length)) {
    const stating = hits.filter((h) => (premise.anyPassage || aboutQuestion(h)) && premise.states(h));
    if (stating.length === 0) return { status: 'premise', kind: 'figure', asked: premise.asked, given: [] };
    hits = stating;
  }
  return { hits, comparedYears };
}

/** Words giving a figure roughly: "about 4,000", 「大約 4,000 間」, 「4,000 間左右」. */
const ROUGHLY_BEFORE = /(about|around|roughly|approximately|nearly|almost|some|close to|大約|約|大概|差不多|接近|將近|近)\s*(hk\$|\$|us\$)?\s*$/u;
const ROUGHLY_AFTER = /^\s*[^\s，,。？?]{0,4}?(左右|上下)/u;
/** Whether the figure at `at` in `text` is given roughly, reading `reach` characters before it for the word that says so. */
function givenRoughly(text: string, at: number, length: number, reach: number): boolean {
  return at >= 0 && (ROUGHLY_BEFORE.test(text.slice(Math.max(0, at - reach), at)) || ROUGHLY_AFTER.test(text.slice(at + length, at + length + 12)));
}
/**
 * 「一億多元」, 「兩千多萬元」: a sum and more, short of the next step of its last place — 1.1 億 is
 * 「一億多」, 2 億 is not; so 「十多間實驗室」 is stated by 16 所. The range [from, to) of sums or counts it
 * covers, and of which kind, or undefined for any other figure.
 */
function sumAndMore(text: string, asked: NumberMention): AndMore | undefined {
  const at = text.indexOf(asked.text.toLowerCase());
  if (at < 0 || asked.value <= 0) return undefined;
  let step = 10 ** Math.floor(Math.log10(asked.value));
  while (step > 1 && (asked.value / step) % 1 !== 0) step /= 10;
  const range = { from: asked.value, to: asked.value + step };
  // (「一億多元」 is a sum, though the figure's reader stops at 多.)
  const after = text.slice(at + asked.text.length);
  if (/^\s*(多|餘)\s*(元|港元|美元)/u.test(after)) return { ...range, kind: 'money' };
  // A count only below a hundred, and of what the question counts: 「二十多個經濟體」 is not stated by 28
  // 間實驗室 (「一萬多家」 is not stated by 14,932 jobs either).
  const counted = asked.kind === 'count' && asked.value < 100 ? after.match(/^(?:多|幾|餘)(?!少)\s*[個間家所項名位隊宗條座幢部台架款種類]?\s*(\p{Script=Han}{2})/u)?.[1] : undefined;
  return counted ? { ...range, kind: 'count', counted } : undefined;
}
type AndMore = { from: number; to: number; kind: 'money' | 'count'; counted?: string };
/** Whether a figure of the passage (compact form) falls in the range, counting what the question counts. */
const inRange = (given: NumberMention, range: AndMore | undefined, passage: string) =>
  !!range &&
  given.kind === range.kind &&
  given.value >= range.from &&
  given.value < range.to &&
  (!range.counted || new RegExp(`${escapeRegExp(given.text.replace(/\s+/g, ''))}.{0,12}?${range.counted}`, 'u').test(passage));
/** A value within 5% of one given roughly. */
const roughlyEqual = (asked: number, given: number) => Math.abs(given - asked) <= 0.05 * asked;
/** …a figure of the same kind. */
const near = (asked: NumberMention, given: NumberMention) => asked.kind === given.kind && roughlyEqual(asked.value, given.value);
/** A doubling the question takes for granted, and one the sheet states (倍增, 增加一倍). */
const DOUBLED = /(翻了?一倍|翻咗一倍|翻倍|增加了?一倍|增加咗一倍|多了一倍|多咗一倍|\bdoubled\b)/u;
const DOUBLE_STATED = /(倍增|一倍|翻倍|兩倍|雙倍)/u;
/** Verbs of doing a thing is said to be done by someone: launching, running, organising it. */
const ACTOR_VERBS = '推出|營運|負責|管理|舉辦|主辦|成立|設立|開發|推行|搞|發起|牽頭|設計';
const ACTOR_VERB_WORD = new RegExp(`(${ACTOR_VERBS})`, 'u');
/** 「是數碼港推出的吧」, 「係數碼港搞嘅，係咪？」, 「由數碼港負責的嗎」: a body the question says did it. */
const ACTOR_ASSERTED = new RegExp(`(?:是|係|由)(\\p{Script=Han}{2,10}?)(?:${ACTOR_VERBS})(?:的|嘅)`, 'gu');
/** …asked as a yes/no question, not 「是誰推出的」. */
const CONFIRMING = /(吧|嗎|嘛|係咪|是不是|是否|對嗎|對不對|啱唔啱|right|correct|isn't it|wasn't it|didn't they)/u;
/** 「數碼港 2022 年推出嘅「資助易」…」: the body the question opens with, said to have done the named thing. */
const ACTOR_ATTRIBUTED = new RegExp(`^(?:聽講|聽說|據說|據聞)?(\\p{Script=Han}{2,10}?)(?:(?:19|20)\\d{2}年)?(?:${ACTOR_VERBS})(?:的|嘅)「`, 'u');
/** A body the question says did it, in the sheet's form, and as the user named it when in English. */
type AssertedActor = { actor: string; said?: string };
function actorsAsserted(normalizedQuestion: string): AssertedActor[] {
  const q = normalizedQuestion.replace(/\s+/g, '');
  const attributed = q.match(ACTOR_ATTRIBUTED)?.[1];
  const asserted = CONFIRMING.test(q) ? [...q.matchAll(ACTOR_ASSERTED)].map((m) => m[1]!) : [];
  return [...asserted, ...(attributed ? [attributed] : [])].filter((a) => namesBody(a) || hasName(a)).map((actor) => ({ actor }));
}
/** "Cyberport launched it, right?", "it's run by Cyberport, isn't it?": the doer, as the glossary renders it. */
function englishActorsAsserted(normalizedQuestion: string, concepts: Concept[]): AssertedActor[] {
  if (HAN.test(normalizedQuestion) || !CONFIRMING.test(normalizedQuestion)) return [];
  return concepts.flatMap((c) => {
    if (HAN.test(c.label)) return [];
    const label = escapeRegExp(c.label);
    const said = new RegExp(`\\b(?:launched|run|operated|organi[sz]ed|set up|started|managed|developed|built) by (?:the )?${label}\\b|\\b${label} (?:launched|runs|ran|operates|organi[sz]es|organi[sz]ed|set up|started|manages|developed)\\b`);
    const actor = c.alternatives.find((a) => HAN.test(a) && (namesBody(a.replace(/\s+/g, '')) || hasName(a.replace(/\s+/g, ''))));
    // (Named back to the user in their own words: "Cyberport".)
    return said.test(normalizedQuestion) && actor ? [{ actor: actor.replace(/\s+/g, ''), said: c.label.replace(/\b[a-z]/g, (x) => x.toUpperCase()) }] : [];
  });
}
/** The doer a sentence names before the verb: 「香港生產力促進局於 2022 年 9 月推出」, 「由科技園公司營運」. */
const DOER_G = new RegExp(`((?:香港)?\\p{Script=Han}{2,12}?(?:局|署|公司|委員會|辦公室|管理局|數碼港|科技園|政府|中心|基金會|研究院))(?:[^，。；]{0,14}?)(?:${ACTOR_VERBS})`, 'gu');

/** 「50億嘅基金」, 「2億元的計劃」: a sum before the kind of thing it is the size of. */
const SUM_OF_KIND = /^(?:元|港元|蚊)?(?:嘅|的|之)?(基金|計劃|項目)/u;
/** Characters between a place and the thing the question puts there: 「將軍澳的」, 「喺數碼港嗰個」. */
const PLACE_TO_THING = 4;
/** 「喺數碼港嗰個」, 「在科學園的」, 「喺數碼港開嘅」: a place the question takes for granted, before what it holds. */
const ASSERTED_PLACE = new RegExp(`(?:^|喺|在|位於|於)((?:${PLACE_NAME.source})+)(?:(?:開設|設立|成立|開|設)(?=嘅|的)|)(?:嗰個|嗰間|那個|那間|那座|(?:那|嗰)邊(?:的|嘅)|嘅|的|裏的|內的|入面嘅|個(?!月|年))`, 'gu');
function placesAsserted(normalizedQuestion: string): string[] {
  // (「內地大灣區」 is the Greater Bay Area's mainland part: the sheet's 大灣區, not another place.)
  return [...normalizedQuestion.replace(/\s+/g, '').matchAll(ASSERTED_PLACE)].map((m) => m[1]!.replace(/^(內地|國內)(?=\p{Script=Han}{2})/u, '')).filter((p) => !HOME_PLACE.test(p));
}
const HOME_PLACE = /^(香港|本港|全港)/u;
/** A word that is a place and nothing else (將軍澳, 數碼港, 元朗創新園). */
const WHOLE_PLACE = new RegExp(`^(${PLACE_NAME.source})+$`, 'u');
/** 「在香港科學園」, 「位於將軍澳」: a place something is put at. */
const LOCATED_AT = new RegExp(`(?:在|於|位於|設於)(?:香港)?((?:${PLACE_NAME.source})+)`, 'gu');
/** "… its centre at Cyberport": an English place after at/in, as the glossary renders it (數碼港). */
function englishPlacesAsserted(normalizedQuestion: string, concepts: Concept[]): string[] {
  if (HAN.test(normalizedQuestion) || /^\s*where\b/.test(normalizedQuestion)) return [];
  return concepts.flatMap((c) => {
    if (HAN.test(c.label) || !new RegExp(`\\b(at|in) (the )?${c.label}\\b`).test(normalizedQuestion)) return [];
    const place = c.alternatives.find((a) => WHOLE_PLACE.test(a.replace(/\s+/g, '')));
    return place && !HOME_PLACE.test(place) ? [place.replace(/\s+/g, '')] : [];
  });
}
/**
 * The forms the question names its placed subject by (微電子中心): specific words of three characters
 * or more the passages use, other than the places.
 */
function subjectForms(concepts: Concept[], places: string[], passages: string[]): string[] {
  return concepts
    .flatMap((c) => c.alternatives.map((a) => a.replace(/\s+/g, '')))
    .filter((f) => HAN.test(f) && f.length >= 3 && !places.some((p) => p.includes(f) || f.includes(p)) && !WHOLE_PLACE.test(f))
    .filter((f) => passages.some((t) => t.includes(f)));
}
/** Places a passage locates something at (「在香港科學園設立」, 「位於將軍澳」). */
function locatedAt(compactText: string): string[] {
  return [...compactText.matchAll(LOCATED_AT)].map((m) => m[1]!).filter((p) => !HOME_PLACE.test(p));
}

/** A ratio: 「二比一」, 「1:1」, 「2（政府）：1（企業）」, 「一對一的配對」, as "2:1". */
const RATIO = /([一二兩三四五六七八九十]|\d+)\s*(?:[（(][^）)]{1,6}[）)])?\s*(?:比|[:：]|對)\s*([一二兩三四五六七八九十]|\d+)(?!\s*[\d年月日號時])/gu;
function ratiosIn(text: string): string[] {
  const n = (x: string) => (/^\d+$/.test(x) ? x : String(numeral(x)));
  return [...text.matchAll(RATIO)]
    // 「一對一」 is a matching ratio only where it pairs (配對, 資助); 「二對一」 alike.
    .filter((m) => !m[0].includes('對') || /(配對|資助|出資)/u.test(text.slice(m.index!, m.index! + m[0].length + 8)))
    .map((m) => `${n(m[1]!)}:${n(m[2]!)}`);
}

/** A sum of money before a quoted name, or a fund or scheme named bare: 「100億元的「策略性創科基金」」, 「100億嘅策略性創科基金」. */
const BOUND_SUM = /(\d[\d.]*\s*(?:萬|億)?\s*(?:元|港元)|\d[\d.]*\s*(?:萬|億))\s*(?:的|嘅)?\s*(?:「([^」]{2,20})」|(\p{Script=Han}{2,12}?(?:基金|計劃)))/gu;

/** A sum as money: 「100 億」 said bare is 100 億元. */
const asSum = (text: string) => (/元$/u.test(text) ? text : `${text}元`);

/** The sums a question puts on quoted names, each with its name. */
function boundSums(normalizedQuestion: string): Array<{ sum: NumberMention; name: string }> {
  // (「個 100 億嘅策略性創科基金」: a bare 億 is a sum of money, and a fund's name needs no quotes.)
  const before = [...normalizedQuestion.matchAll(BOUND_SUM)].map((m) => ({ sum: asSum(m[1]!), name: m[2] ?? m[3]! }));
  // 「「策略性創科基金」有 100 億咁多」: the sum after the name it is put on (a bare 億 is a sum of money).
  const after = [...normalizedQuestion.matchAll(NAME_HAS_SUM)].map((m) => ({ sum: asSum(m[3]!), name: m[1] ?? m[2]! }));
  return [...before, ...after].flatMap((b) => {
    const sum = extractNumbers(b.sum).find((n) => n.kind === 'money');
    return sum ? [{ sum, name: b.name.replace(/\s+/g, '') }] : [];
  });
}
/**
 * A count before a classifier, in digits or Chinese numerals, not inside an ordinal (「第二個」, 「首三座」,
 * 「頭兩個」) or a larger number.
 */
const COUNT_BEFORE_CLASSIFIER = String.raw`(?<![第首頭\d.])(\d+|[一二兩三四五六七八九十]+)\s*(所|間|家|座|條|項|名|個|張)`;
/** 「六所國家重點實驗室」: a count the question puts on a kind of thing. */
const BOUND_COUNT = new RegExp(`${COUNT_BEFORE_CLASSIFIER}(\\p{Script=Han}{3,12})`, 'gu');
function boundCounts(normalizedQuestion: string): Array<{ text: string; value: number; classifier: string; thing: string }> {
  return [...normalizedQuestion.replace(/\s+/g, '').matchAll(BOUND_COUNT)]
    // (Numerals of two characters, 十六, read as NaN, are left unchecked.)
    .map((m) => ({ text: m[0], value: numeral(m[1]!), classifier: m[2]!, thing: m[3]! }))
    .filter((b) => Number.isFinite(b.value) && b.value > 0);
}
/**
 * The counts passages put on the same kind of thing, by any classifier (16 間 or 16 所): the longest
 * start of the question's noun (three characters or more) they count.
 */
function countsOf(b: { thing: string }, passages: string[]): Array<{ value: number; classifier: string }> {
  for (let n = b.thing.length; n >= 3; n--) {
    const counted = new RegExp(`${COUNT_BEFORE_CLASSIFIER}${escapeRegExp(b.thing.slice(0, n))}`, 'gu');
    const found = passages.flatMap((t) => [...t.matchAll(counted)].map((m) => ({ value: numeral(m[1]!), classifier: m[2]! })));
    if (found.length) return [...new Map(found.filter((f) => Number.isFinite(f.value)).map((f) => [f.value, f])).values()];
  }
  return [];
}
/** 「2022年全球智慧城市指數」: a year put on a named ranking, index, survey or report (its 全球 left out). */
const BOUND_YEAR = /((?:19|20)\d{2})\s*年(?:的|嘅|度|版)?[《「]?(\p{Script=Han}{2,12}?(?:指數|排名|調查|報告|概覽))/gu;
function boundYears(normalizedQuestion: string): Array<{ year: string; thing: string }> {
  return [...normalizedQuestion.replace(/\s+/g, '').matchAll(BOUND_YEAR)].map((m) => ({ year: m[1]!, thing: m[2]!.replace(/^(全球|世界|國際)/u, '') }));
}
/** "the 2023 Global Innovation Index": a year put on a ranking or survey named in English, in the name's Chinese. */
const EN_BOUND_YEAR = /\b((?:19|20)\d{2})\s+([a-z][a-z' &-]{2,60}?\b(?:index|rankings?|report|survey|yearbook))\b/g;
const RANKING_FORM = /(指數|排名|報告|調查|年報)$/u;
function englishBoundYears(normalizedQuestion: string, concepts: Concept[]): Array<{ year: string; thing: string }> {
  return [...normalizedQuestion.matchAll(EN_BOUND_YEAR)].flatMap((m) => {
    const named = concepts.filter((c) => m[2]!.includes(c.label));
    // "the 2021 start-up survey": the words before the kind name it with it (初創企業 + 調查 = 初創企業調查).
    const inOrder = [...named].sort((a, b) => m[2]!.indexOf(a.label) - m[2]!.indexOf(b.label));
    const joined = inOrder.map((c) => c.alternatives.find((a) => HAN.test(a)) ?? '').join('');
    const things = [...named.flatMap((c) => c.alternatives.filter((a) => HAN.test(a) && RANKING_FORM.test(a))), ...(RANKING_FORM.test(joined) ? [joined] : [])];
    return things.map((thing) => ({ year: m[1]!, thing: thing.replace(/\s+/g, '').replace(/^(全球|世界|國際)/u, '') }));
  });
}
/** The years passages put on that ranking (「《2023 年智慧城市指數》」). */
function yearsOn(thing: string, passages: string[]): string[] {
  if (thing.length < 4) return [];
  // (「於 2022 年進行的初創企業調查」: the year the survey was made.)
  const on = new RegExp(`((?:19|20)\\d{2})年(?:的|度|版|進行的)?[《「]?(?:全球|世界|國際)?${escapeRegExp(thing)}`, 'gu');
  return [...new Set(passages.flatMap((t) => [...t.matchAll(on)].map((m) => m[1]!)))];
}
/** "HK$10 billion", "$500 million": a sum of money in English (a bare "10 billion" may count anything). */
const EN_SUM = String.raw`((?:hk|us)?\$\s*\d[\d.,]*\s*(?:billion|million|bn|m)?)\b`;
/**
 * "The Strategic Tech Fund is HK$10 billion", "the HK$10 billion strategic tech fund": a sum an English
 * question puts on a name the glossary renders (策略性創科基金).
 */
function englishBoundSums(normalizedQuestion: string, concepts: Concept[]): Array<{ sum: NumberMention; name: string }> {
  if (HAN.test(normalizedQuestion)) return [];
  return concepts.flatMap((c) => {
    const name = c.alternatives.find((a) => HAN.test(a) && /(基金|計劃)$/u.test(a.replace(/\s+/g, '')));
    if (HAN.test(c.label) || !name) return [];
    const label = escapeRegExp(c.label);
    const after = new RegExp(`\\b${label}\\s+(?:is|was|has|had|of|worth|with|at)\\s+(?:(?:only|just|about|around|roughly|a|an|over|nearly)\\s+)?${EN_SUM}`);
    const before = new RegExp(`${EN_SUM}\\s+(?:hk\\s+)?${label}\\b`);
    const m = normalizedQuestion.match(after) ?? normalizedQuestion.match(before);
    const sum = m ? extractNumbers(m[1]!).find((n) => n.kind === 'money') : undefined;
    return sum ? [{ sum, name: name.replace(/\s+/g, '') }] : [];
  });
}
const NAME_HAS_SUM = /(?:「([^」]{2,20})」|(\p{Script=Han}{2,12}?(?:基金|計劃)))\s*(?:有|係|是|為|共有|總共有|規模為|規模有)\s*(\d[\d.]*\s*(?:萬|億)\s*(?:元|港元)?)/gu;


/**
 * Ranks a question states: 第 9, 第一 (before a rank's word, not an edition's), "30th place", "came 5th
 * worldwide", "first in the world"; global when the question says so (全球第 5, "worldwide"), which
 * only a 全球 rank states (the sheet's 東南亞和大洋洲區第 5 is no 5th in the world).
 */
function ranksIn(normalizedQuestion: string): { rank: string; global: boolean }[] {
  const q = normalizedQuestion;
  const out: { rank: string; global: boolean }[] = [];
  const zhGlobal = (i: number) => /(全球|世界)(排名|排|位列|名列)?\s*$/u.test(q.slice(Math.max(0, i - 6), i));
  for (const m of q.matchAll(/第\s*(\d+)(?!\d)/g)) out.push({ rank: m[1]!, global: zhGlobal(m.index!) });
  const ranked = /(排名|位列|排(?:全球|世界)?第|排行|名列|\brank|\bplace\b|\bposition\b)/.test(q);
  if (ranked) {
    for (const m of q.matchAll(/第([一二三四五六七八九十]{1,3})(?![屆版期輪個次座間所條項年季])/gu)) {
      const n = numeral(m[1]!);
      if (!Number.isNaN(n)) out.push({ rank: String(n), global: zhGlobal(m.index!) });
    }
  }
  for (const m of q.matchAll(/\b(\d{1,3})(?:st|nd|rd|th)\s+(?:place|position|spot|rank)\b|\branked\s+(?:no\.?\s*)?(\d{1,3})\b/g)) out.push({ rank: (m[1] ?? m[2])!, global: false });
  // "came 5th worldwide", "was first in the world", "number one globally".
  for (const m of q.matchAll(EN_GLOBAL_RANK)) {
    const word = m[1]!.replace(/^(\d+)(st|nd|rd|th)$/, '$1');
    const n = /^\d+$/.test(word) ? Number(word) : word === 'one' || word === 'top' ? 1 : EN_ORDINALS.indexOf(word) + 1;
    if (n > 0) out.push({ rank: String(n), global: true });
  }
  return [...new Map(out.map((r) => [`${r.rank}:${r.global}`, r])).values()];
}
export const EN_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const EN_GLOBAL_RANK =
  /\b(?:came|come|comes|ranked|ranks|rank|placed|finished|was|is|were|at|number)\s+(?:no\.?\s*)?(\d{1,3}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|one|top)\s+(?:place\s+|position\s+|spot\s+)?(?:worldwide|globally|in the world|in the globe|of all (?:economies|countries))\b/g;

/** An edition or round: 第二屆, 第一版, 第3期. */
const EDITION = /第([一二三四五六七八九十]+|\d+)(屆|版|期|輪)/gu;
export const ZH_DIGITS = '零一二三四五六七八九十';
/** 二 → 2, 兩 → 2, 十 → 10, 3 → 3 (small numbers: editions, counts, ratios); NaN for 十六. */
function numeral(n: string): number {
  return /^\d+$/.test(n) ? Number(n) : n === '兩' ? 2 : n.length === 1 ? ZH_DIGITS.indexOf(n) : NaN;
}

/** A version number in a name: a decimal with no unit after it (「藍圖 3.0」, "Blueprint 2.0"). */
const VERSION = /(?<![\d.])(\d+\.\d+)(?![\d.]|\s*(萬|億|千|百|元|港元|美元|%|％|倍|年|個|間|家|項|\s*(million|billion|bn|m|percent|per|times|years?)\b))/g;
const DOWN = /(削減|減少|(?<!多)少(?:了|咗)|下調|調低|減低|下降|降低|縮減|減半|下跌|跌(?:了|咗)|砍|\bdeclin|\bhalv|\bshr[iu]nk|\bscal(?:ed|e|ing) back|\btrimm|\bcut\b|\breduc|\bdecreas|\blower(ed)?\b|\bslash|\bdrop|\bfell\b|\bfall)/;
const UP = /(增加|上調|調升|調高|提高|增撥|增長|上升|倍增|翻倍|增至|\braise|\bincreas|\bboost|\bdoubl|\bgrow|\bgrew\b|\brose\b|\brise\b)/;

/**
 * What a passage must not say when the question takes a change's direction for granted: a passage
 * saying 「增加」 contradicts "why was it cut". Undefined when the question names no direction or both.
 */
function opposite(normalizedQuestion: string): RegExp | undefined {
  const down = DOWN.test(normalizedQuestion);
  const up = UP.test(normalizedQuestion);
  if (down === up) return undefined;
  return down ? UP : DOWN;
}
/** The question asks the reason for something (「為甚麼」, 「點解」, "why"). */
const WHY = /(為甚麼|為什麼|為何|點解|何以|\bwhy\b|what (?:led|caused)|原因)/;
/** "by how much did it drop?", 「跌咗幾多」: the size of a change, whose direction the question takes for granted. */
const HOW_MUCH = /(\bhow much\b|\bby how\b|幾多|多少|幾何)/;

/**
 * Figures a question states as facts: amounts and counts of 10 or more, not years, ordinals or the
 * digits of names (5G, 藍圖 2.0, 產學研 1+計劃).
 */
function premiseFigures(part: string): NumberMention[] {
  // (「截至2022年12月」, "by December 2022": a day or month is no count the question states.)
  const figures = extractNumbers(part.replace(DAY_OR_MONTH, ' ')).filter(
    (n) =>
      (n.kind === 'count' || n.kind === 'money' || n.kind === 'percent') &&
      !EN_MONTH_WORD.test(n.text) &&
      n.value >= 10 &&
      // (「兩千家」 is a count: a year is written in digits.)
      !(Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100 && /\d/.test(n.text) && !countNotYear(part, n.value)),
  );
  // A small count is a premise only as a limit (「最多聘請六名」, "up to 6 researchers") or said to be all there
  // is (「只有八個海底電纜系統」, "only three licences"; not 「只有一個構思」): elsewhere 一個, 兩間 are mere wording.
  for (const m of normalizeForMatch(part).replace(/\s+/g, ' ').matchAll(LIMITED_SMALL_COUNT)) {
    const value = EN_NUMERALS.includes(m[2]!) ? EN_NUMERALS.indexOf(m[2]!) : numeral(m[2]!);
    if (ONLY.test(m[1]!) && value < 2) continue;
    if (value > 0 && value < 10 && !figures.some((f) => f.value === value)) figures.push({ text: m[2]!, value, kind: 'count' });
  }
  return figures;
}
/** 「2022 年 12 月」, 「4 日」: a day or month, which counts nothing. */
export const DAY_OR_MONTH = /(?<![\d.,])\d{1,2}\s*(月|日|號)/gu;
const EN_MONTH_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/i;

/** 「超過 2,000 間公司」, 「2000多家」: a figure in a year's range written with a thousands comma or before a classifier counts. */
function countNotYear(part: string, value: number): boolean {
  const v = String(value);
  return new RegExp(`${v[0]},${v.slice(1)}|${v}\\s*(?:多|餘)?\\s*(間|家|個|項|宗|名|位|人|所|隊|條|座|萬|億|元|companies|firms|people|start-?ups)`, 'u').test(part);
}
const EN_NUMERALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/** "Only": all there is, 「只有」, 「僅有」. */
const ONLY = /^(只有|只得|僅有|only)$/u;
/**
 * 「最多聘請六名」, 「不少於三間」, 「只有八個」, "up to 6 researchers": a small count stated as a limit, before its classifier.
 * (「最多替一間公司補貼幾個」: the one it is done for is no limited count.)
 */
const LIMITED_SMALL_COUNT =
  /(最多|最少|至少|不少於|不多於|上限(?:為|是|係)?|只有|只得|僅有|\bonly|\bup to|\bat most|\bat least|\ba maximum of|\bno more than)\s*(?:(?![哪邊幾每這那第從替幫給向對同跟])\p{Script=Han}){0,3}?\s*([一二兩三四五六七八九]|\d|\b(?:one|two|three|four|five|six|seven|eight|nine)\b)(?!\d)\s*(名|個|間|家|所|位|支|隊|項|\s*(researchers?|people|staff|companies|firms|teams|projects)\b)/gu;
