/**
 * Where a question describes a thing instead of naming it: 「位於港島南區、定位為數碼社區的那個科技園區」,
 * 「嗰個幫中小企用科技嘅資助」. A description is the reader's own knowledge of the thing (where it is, what
 * it is like), which the sheet need not state: a word of it no passage uses says less about whether the
 * sheet covers the question than such a word in what is asked.
 */
import { hongKongPlaces } from './dictionary.js';

/** A demonstrative and classifier: 那個, 嗰間, 這項, 呢啲 (matching form is Traditional). */
const CLASSIFIER = '(?:個|間|家|所|項|份|條|座|幢|棟|種|批|位|套|筆|隻|部|類|些|啲|幾個|幾間|幾項)';
const DEMONSTRATIVE = `(?:那|嗰|這|呢|該)${CLASSIFIER}`;
/** Where a clause ends: a description does not reach across a sentence or a question. */
const CLAUSE_END = /[。？?！!；;]/u;

/**
 * 「…的那個X」: the text from the sentence's start to 的/嘅 before a demonstrative (its earlier clauses,
 * joined by commas or 、, describe too: 「位於港島南區、定位為數碼社區的那個」).
 */
const DESCRIPTION_BEFORE = new RegExp(`(?:的|嘅)(?=${DEMONSTRATIVE})`, 'gu');
/** 「政府幫公司出錢用科技做生意嗰啲券」: Cantonese drops the 嘅 before 嗰; a longer clause is then still a description. */
const DESCRIPTION_BEFORE_BARE = new RegExp(`(?<![的嘅])(?=嗰${CLASSIFIER})`, 'gu');
/** The shortest clause read as a description without 嘅 (「數碼港嗰個基金」 names its subject). */
const BARE_MIN_LENGTH = 6;
/** 「那個幫公司買科技服務的資助計劃」: from the demonstrative to 的/嘅 before the thing described. */
const DESCRIPTION_AFTER = new RegExp(`${DEMONSTRATIVE}([^。？?！!；;]{3,40}?)(?:的|嘅)`, 'gu');

/**
 * "the scheme where the government chips in when …", "that famous tech university near Boston": a kind
 * of thing and what the reader knows of it, up to the clause's end.
 */
const DESCRIPTION_EN =
  /\b(?:the|that|this|a|an)\s+(?:[a-z-]+\s+){0,3}?(?:scheme|fund|programme|program|platform|app|body|agency|centre|center|park|project|initiative|plan|institute|company|organisation|organization|group|office|lab|hub|building|school|university|college|thing|one|place|event|festival|ranking|index|system|network|service|website|site)s?\s+(?:that|which|where|who|whose|for|near|run by|set up|built|based|behind|meant|aimed|with)\b(?:(?!\s-\s)[^,;:?!.—–]){3,80}/gu;

/**
 * 「位於大埔白石角的香港科學園」, 「喺沙田嘅科學園」: where the thing is, said before it — read as a description
 * only when it names a Hong Kong district (「在 2022 年的調查」 is no place).
 */
const LOCATED = /(?:位於|坐落於|坐落在|座落於|地處|位處|設於|在|喺|於)([^。？?！!；;，,、的嘅]{2,12})(?:的|嘅)/gu;

/** Spans [start, end) of `normalized` (a question in matching form) that describe a thing. */
export function descriptionSpans(normalized: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // From the sentence's start to where the description ends.
  const before = (pattern: RegExp, minLength: number) => {
    for (const m of normalized.matchAll(pattern)) {
      const end = m.index!;
      let start = end;
      while (start > 0 && !CLAUSE_END.test(normalized[start - 1]!)) start--;
      if (end - start >= minLength) spans.push([start, end]);
    }
  };
  before(DESCRIPTION_BEFORE, 3);
  before(DESCRIPTION_BEFORE_BARE, BARE_MIN_LENGTH);
  for (const m of normalized.matchAll(DESCRIPTION_AFTER)) {
    const start = m.index! + m[0].length - m[1]!.length - 1;
    spans.push([start, start + m[1]!.length]);
  }
  for (const m of normalized.matchAll(DESCRIPTION_EN)) spans.push([m.index!, m.index! + m[0].length]);
  for (const m of normalized.matchAll(LOCATED)) {
    const place = m[1]!;
    const start = m.index! + m[0].length - place.length - 1;
    if ([...hongKongPlaces()].some((p) => place.includes(p))) spans.push([start, start + place.length]);
  }
  return spans;
}

/** Whether [start, end) lies inside one of the spans. */
export function within(spans: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  return spans.some(([s, e]) => start >= s && end <= e);
}
