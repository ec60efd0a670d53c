/**
 * What a sentence is about: the facilities, funds and bodies it names. A passage often describes
 * several things; a date or place in one sentence is said of the thing that sentence names.
 */
import type { Ask } from '../retrieve/question/asks.js';
import { segmentPrecise } from '../text/segment.js';
import { withoutDistrict } from './evidence.js';
import { abbreviates } from './known-names.js';

/** Asked-for kinds stated of one thing per sentence. */
export const SENTENCE_SUBJECT_ASKS = new Set<Ask['kind']>(['date', 'place', 'area', 'size']);
/** Things a sentence is about: a named facility, scheme, fund, platform or body. */
const SUBJECT_SUFFIX = /(中心|基金|平台|研究院|研發院|科學院|學院|創新園|科技園|科學園|創科園|公司)$/u;
const SUFFIX_ONLY = /^(中心|基金|平台|研究院|學院|公司)$/u;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;
/** Two characters of the documents' own topic, in the names of most things they describe. */
const GENERIC_PAIRS = new Set(['科技', '創新', '創科', '香港', '發展', '研發']);

/**
 * The things a text names: a quoted name, or a word ending in a facility's or body's word with the
 * word before it (創新平台, 微電子中心, 超算中心), as jieba cuts them; without the home region.
 */
export function subjectTerms(text: string): string[] {
  const terms: string[] = [];
  // (…and a document's title, 《…的安排》: the agreement, not the centre it speaks of.)
  for (const m of text.matchAll(/「([^」]{2,20})」|《([^》]{2,40})》/gu)) terms.push((m[1] ?? m[2]!).replace(/\s+/g, ''));
  // (A space parts words: 「企業 公司」, two of a question's expansions, are no 企業公司.)
  const words = segmentPrecise(text.replace(/「[^」]*」|《[^》]*》/gu, '，'));
  words.forEach((w, i) => {
    if (!SUBJECT_SUFFIX.test(w)) return;
    const prev = words[i - 1] ?? '';
    // (A bare 「中心」 with no word before it names no one centre.)
    if (SUFFIX_ONLY.test(w) && !HAN_WORD.test(prev)) return;
    terms.push(w.length > 2 && !SUFFIX_ONLY.test(w) ? w : HAN_WORD.test(prev) ? prev + w : w);
  });
  return terms.map((t) => t.replace(/^(香港|本港)/, '')).filter((t) => t.length >= 2);
}

/**
 * Whether a sentence names a thing other than as the place where something else is: 「…於 2016年在香港科學園
 * 設立研究中心」 says when the research centre was set up, not when the 科學園 opened.
 */
function namedNotAsPlace(sentence: string, term: string): boolean {
  for (let i = sentence.indexOf(term); i >= 0; i = sentence.indexOf(term, i + 1)) {
    if (!AS_PLACE.test(sentence.slice(Math.max(0, i - 6), i)) && !BESIDE.test(sentence.slice(i + term.length))) return true;
  }
  return false;
}
/** Words putting what follows as the place of another thing: 在, 於, 位於, 喺 (with the home region between). */
const AS_PLACE = /(在|於|喺|位於)(香港)?$/u;
/**
 * …and after it, what is beside or near it: 「科學園旁邊的創新斗室」 asks of the InnoCell, not of the park;
 * or the one there (「元朗那個做微電子的中心」 asks of the centre in Yuen Long).
 */
const BESIDE = /^(旁邊|旁|附近|隔籬|對面|周邊|(那|嗰)(個|間|座|所|邊))/u;

/**
 * Whether a sentence is about another thing than the one asked about: it names none of the asked
 * things (nor the end of their distinctive part, 微電子 of 「那個微電子中心」) and every thing it
 * names shares no two characters with the question.
 */
export function isAboutOther(sentence: string, askedTerms: string[], asked: string, question = ''): boolean {
  const compactSentence = sentence.replace(/\s+/g, '');
  const namesAsked = (t: string) => {
    const distinctive = t.replace(SUBJECT_SUFFIX, '');
    if (namedNotAsPlace(compactSentence, t)) return true;
    for (let n = 3; n <= distinctive.length; n++) if (compactSentence.includes(distinctive.slice(-n))) return true;
    return false;
  };
  if (askedTerms.some(namesAsked)) return false;
  const compactAsked = asked.replace(/\s+/g, '');
  // The thing the question itself names, named here only as the place of another (「在香港科學園旁興建的
  // 創新斗室…於 2021 年…入住」 says nothing of when 科學園 opened).
  const ownQuestion = question.replace(/\s+/g, '');
  if (askedTerms.some((t) => compactSentence.includes(t) && namedNotAsPlace(ownQuestion, t))) return true;
  const own = subjectTerms(sentence).filter((term) => namedNotAsPlace(compactSentence, term));
  return (
    own.length > 0 &&
    own.every((term) => {
      // A short form of the asked thing (超算中心 for 超級運算中心) is the asked thing.
      if (abbreviates(term, compactAsked)) return false;
      // The facility's word itself (中心, 平台) is shared by many things: only the rest tells them apart.
      // So is its district (將軍澳創新園 and 元朗創新園 are told apart by the district alone).
      const rest = withoutDistrict(term).replace(SUBJECT_SUFFIX, '');
      // Words every thing in the documents shares (科技 of 科技園公司 and of 數據科技) tell nothing apart.
      for (let i = 0; i + 1 < rest.length; i++) {
        const pair = rest.slice(i, i + 2);
        // (Two Chinese characters: Latin letters, "ai" of AIR@InnoHK, spell no shared word.)
        if (HAN_WORD.test(pair) && !GENERIC_PAIRS.has(pair) && compactAsked.includes(pair)) return false;
      }
      return true;
    })
  );
}
