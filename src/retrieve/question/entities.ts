/**
 * Places, bodies and people a question names, and whether it compares things. A question about
 * something the documents never mention (新加坡, "Octopus cards") is not answered by the nearest
 * fact about Hong Kong; a comparison with it gets the Hong Kong side and says the other is not covered.
 */
import { normalizeForMatch } from '../../text/normalize.js';
import { tagWords } from '../../text/segment.js';
import { stopWords } from '../../text/stopwords.js';
import { loadSynonyms } from '../../text/synonyms.js';
import { ENGLISH_MONTHS } from '../../text/months.js';

/** The region every document is about: naming it distinguishes nothing. */
export const HOME = /^(香港|本港|全港|全香港|香港地區|香港境內|香港特區|香港特別行政區|hong kong|hk|hksar)$/i;
/** Tagged as places by jieba, but ordinary words. */
/** Capitalised English words that name no place or body. */
// (「Kong」 is the half of "Hong Kong" a question starting with it leaves after the capitalised first word.)
const NOT_NAMES =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|hongkongers?|hong kongers?|kong|chinese|english|cantonese|mandarin|mainland|government|central government|central authorities|i&t)$/i;
/** 「九市」, 「兩地」: a number of cities or places, no place's name. */
export const COUNTED_PLACES = /^[一二兩三四五六七八九十百千多各數幾]+[市城區省地國]$/u;
const GENERIC = new Set(['城市', '地區', '國家', '全球', '世界', '全世界', '全球各地', '內地', '海外', '外國', '外地', '境外', '國外', '亞太區', '亞太地區', '亞太', '亞洲', '中央', '中央政府', '中央人民政府', '全國', '祖國', '中港', '大中華', '大中華區', '周邊地區', '鄰近地區', '其他地區', '其他城市', '其他國家', '國際', '本地', '當地', '各地', '社區', '地方']);

/** A capitalised word of a name: "Grand", or I&T inside one. */
const NAME_WORD = String.raw`(?:[A-Z]&[A-Z]|[A-Z][A-Za-z]+)`;
/** Capitalised words after a sentence's first word, joined by hyphens, spaces, "of" or "for (the)". */
const CAPITALISED_RUN = new RegExp(String.raw`(?<=[a-z0-9,'’]\s+|\bthe\s+|\bor\s+|\band\s+|\()(${NAME_WORD}(?:(?:[-\s]+|\s+(?:of|for)\s+(?:the\s+)?)${NAME_WORD})*)`, 'g');
/** A body's full name: a few characters before a legal or institutional suffix. */
const ORG_NAME = /\p{Script=Han}{3,10}(有限公司|集團|控股)/gu;
const FORMAL_NAME = /\p{Script=Han}{2,8}(?<!以)及\p{Script=Han}{2,6}?(基金|局|署|委員會|研究院|研發院|中心|計劃)/gu;

const COMPARISON =
  /(較\s*(19|20)\d\d|\b(gone|went|moved|climbed|slipped|dropped|risen|fallen|improved|changed)\b.*\bsince (19|20)\d\d\b|\bup or down\b|相比|比較|對比|比起|孰多|孰少|孰高|孰低|(哪|邊)(個|一個|一方|度)[^，,。？?]{0,10}(更|較|多啲|高啲|大啲|多過|高過)|(誰|邊個)[^，,。？?]{0,10}(更|較|多啲|高啲|大啲|前啲)|(誰|邊個|邊度|邊間|哪個|哪一個)[^，,。？?]{1,10}(啲|一些|一點)(?=[？?！!。]|$)|夠唔夠[^，,。？?]{1,12}(多|高|大)(?!少)|(有冇|有沒有|有否)[^，,。？?]{1,12}(咁|那麼|一樣)(多|高|大)|\bas (many|much|high|big)\b[^?.,]{0,40}?\bas\b|\bas (good|fast|well|strong|large|advanced|cheap|low|far) as\b|\b(above|below) or (above|below)\b|(?<!不)(高於|低於|優於|遜於|快於|慢於)|(同|與|和|跟)[^，,。？?]{1,12}(比(?![例率賽較重])|一樣|差距|差幾遠)|比(?![例率賽較重])|多過|高過|低過|少過|勝過|好過|大過|平過|貴過|\bcompared?\b|\bcomparison\b|\bversus\b|\bvs\.?\b|\bthan\b|\bstacks? up\b|\bagainst\b|\b(beat|beats|outrank(s|ed)?|outperform(s|ed)?|ahead of|behind)\b|\b(rank(s|ed)?|placed|comes?|came|sits?)\s+(above|below)\b|\bwhich (has|have|had|is|are|was) (more|fewer|less|higher|lower|bigger|larger|better)\b|\b(who|which)\b(?=[^?]*\b(hong kong|hk)\b)[^?.]{0,50}\b(more|fewer|less|higher|lower|bigger|larger|better|worse)\b[^?.]{0,60}\bor\b|\b(caught|catch(es|ing)?) up with\b|\bon (a )?par with\b|\banywhere near\b|(同|與|和|跟)[^，,。？?]{1,12}(的|嘅)[^，,。？?]{0,12}分別|(香港|本港)(同|與|和|跟)[^，,。？?]{1,12}分別)/i;

/** A ratio (「二比一」, 「1:1」) shares a cost between two; it compares nothing. */
const RATIO = /[\d一二兩三四五六七八九十]\s*[比:：]\s*[\d一二兩三四五六七八九十]/gu;

export function isComparison(normalizedQuestion: string): boolean {
  return COMPARISON.test(normalizedQuestion.replace(RATIO, ' '));
}

/**
 * Named places, organisations and people in a question: jieba's place/organisation/person tags on
 * the matching form, and capitalised English words that do not start the sentence (from the original).
 */
export function namedEntities(question: string, normalizedQuestion: string): string[] {
  const tagged = tagWords(normalizedQuestion);
  const zh = tagged
    // jieba tags many two-character words as people or bodies (從政/nr, 新設/nt); places of two (深圳) are real.
    // (「東西」, tagged a place, is "thing": a stop word names nothing.)
    .filter((t) => /^n[srt]$/.test(t.tag) && [...t.word].length >= (t.tag === 'ns' ? 2 : 3) && /\p{Script=Han}/u.test(t.word) && !stopWords().has(t.word) && !COUNTED_PLACES.test(t.word))
    .map((t) => t.word);
  // "Singapore", "Octopus", "Hsinchu Science Park": capitalised words after the first word of a sentence.
  // ("the Office of the Government Chief Information Officer": a name's small words join its capitalised ones.)
  // ("City I&T Grand Challenge": I&T is a word of the name; "(Innovation and Technology Scholarship)" a name in brackets.)
  const en = joinedByAnd(question, [...question.matchAll(CAPITALISED_RUN)])
    .map((m) => m.replace(/[’']s$/, ''))
    // ("APIs", "SMEs": an acronym's plural names what the acronym does.)
    .map((m) => m.replace(/^([A-Z]{2,})s$/, '$1'))
    .filter((e) => e.length >= 3 && !NOT_NAMES.test(e) && !(e.toLowerCase() in ENGLISH_MONTHS));
  // 「香港投資管理有限公司」: a company's or body's full name, which jieba cuts into common words.
  const orgs = [...normalizedQuestion.matchAll(ORG_NAME)].map((m) => m[0]);
  // 「創新及科技基金」: a formal name joining two fields with 及, which jieba cuts into common words.
  const formal = [...normalizedQuestion.matchAll(FORMAL_NAME)]
    // (「咁再工業化及科技培訓計劃又係…」: an opening particle is no part of the name.)
    .map((m) => m[0].split(/[的嘅對為向在於之同與和跟係是有]/u).pop()!.replace(/^(咁|噉|那麼|那|至於|而|即係|所以)/u, '').replace(/^(香港|本港)/u, ''))
    .filter((n) => /^\p{Script=Han}{2,}及/u.test(n));
  return [...new Set([...zh, ...bodies(tagged), ...orgs, ...formal, ...en])].filter((e) => !HOME.test(e) && !GENERIC.has(e));
}

/**
 * Capitalised runs, joined across "and" where the glossary has a name so joined ("Innovation and
 * Technology Scholarship": 創新科技獎學金, not "Innovation" and "Technology Scholarship"); "Singapore and
 * Shenzhen" stay two.
 */
function joinedByAnd(question: string, runs: RegExpMatchArray[]): string[] {
  const out: string[] = [];
  let end = -1;
  for (const m of runs) {
    const start = m.index! + m[0].length - m[1]!.length;
    const prev = out.at(-1);
    const joined = prev !== undefined && /^\s+and\s+$/.test(question.slice(end, start)) ? `${prev} and ${m[1]}` : undefined;
    const head = joined?.toLowerCase().split(/\s+/).slice(0, prev!.split(/\s+/).length + 2).join(' ');
    if (joined && loadSynonyms().some((e) => e.latin && e.term.startsWith(head!))) out[out.length - 1] = joined;
    else out.push(m[1]!);
    end = start + m[1]!.length;
  }
  return out;
}

/** A government body's institutional suffix (研資局, 運輸署, 數字政策辦公室), which jieba seldom tags as a name. */
export const BODY_SUFFIX = /(局|署|辦公室|委員會|理事會)$/u;
/** Words ending so that name no body: the authorities, the overall situation, signing, deploying. */
const NOT_BODY = /^(當局|大局|格局|結局|佈局|布局|部署|簽署|各局|出局|開局|騙局|飯局|時局|全局|政局)$/u;
/** Words that may make up a body's name before its suffix. */
const NAME_PART_TAG = /^(n|nz|nt|vn|j|l)$/;
const BODY_NAME_MAX = 8;

/** Bodies named by their suffix: the suffix word with the nouns before it (數字/政策/辦公室 → 數字政策辦公室). */
function bodies(tagged: Array<{ word: string; tag: string }>): string[] {
  const out: string[] = [];
  tagged.forEach((t, i) => {
    if (!BODY_SUFFIX.test(t.word) || NOT_BODY.test(t.word) || !/^(n|x|j|ng)/.test(t.tag) || !/^\p{Script=Han}+$/u.test(t.word)) return;
    let name = t.word;
    for (let j = i - 1; j >= 0 && NAME_PART_TAG.test(tagged[j]!.tag) && /^\p{Script=Han}+$/u.test(tagged[j]!.word) && name.length + tagged[j]!.word.length <= BODY_NAME_MAX; j--) {
      name = tagged[j]!.word + name;
    }
    // (A bare suffix, 「局」, names nothing; nor does 辦公室 alone.)
    if (name.length >= 3 && name.length > t.word.match(BODY_SUFFIX)![0].length + 1) out.push(name);
  });
  return out;
}

/** A count or a time (「十年前」, 「三間」): what no side of a comparison starts with. */
const NOT_A_COUNT = String.raw`(?![一二兩三四五六七八九十]+(?:年|個|月|日|天|週|周|成|倍|間|家|所|項|多|幾|百|千|萬|億))`;
/**
 * 「與深圳相比」, 「同新加坡比」, 「和支付寶比起來」, 「同南韓邊個排高啲」: the other side of a Chinese comparison
 * (which may start with a numeral, 「與八達通比較」, but not with a count or time: 「與十年前相比」).
 */
const OTHER_SIDE_ZH =
  new RegExp(String.raw`(?:同|與|和|跟|對比)(${NOT_A_COUNT}[^，,。？?、\s\d]{1,12}?)(?:相比|比較|對比|比起來|比(?![例率賽較重\d一二兩三四五六七八九十])|一樣|差距|差幾遠|嘅分別|的分別|[，,]?\s*(?=(?:哪|邊)(?:個|一個|一方|度)|誰))`, 'gu');
/** 「比南韓高」, 「比深圳多」: the other side between 比 and the comparative (not a time, 「比去年多」). */
const OTHER_SIDE_BI =
  new RegExp(String.raw`(?<![對相])比(?![例率賽較重])(?!(?:去年|今年|以前|之前|往年|過去|上年|舊年|前年|當年|同期))(${NOT_A_COUNT}[^，,。？?、\s\d係是咪定還邊哪多少高低大細小好差起下]{2,6}?)(?:更|還|仲|較)?(?:高|低|多|少|大|細|小|好|快|慢|前|後|強|弱|領先|落後)`, 'gu');
/** "compared with Singapore", "than London", "against Singapore's": the other side in English. */
const OTHER_SIDE_EN = /\b(?:compared? (?:with|to)|compare with|than(?: in| that of)?|versus|vs\.?|against|beat|beats|outrank(?:s|ed)?|outperform(?:s|ed)?|ahead of|behind|(?:rank(?:s|ed)?|placed|comes?|came|sits?)\s+(?:above|below)|(?:hong kong|hk) or)\s+(?:the\s+)?([a-z][a-z0-9'’ .-]{1,40}?)(?:['’]s)?\s*(?=[?.,!]|\s-\s|$|\b(?:in|on|for|at|by|when|and|since|as)\b)/gi;

/**
 * What a comparison compares the home region with (深圳, "Singapore"): the side the answer must not
 * borrow from another passage. Years and the home region itself are not other sides.
 */
export function otherSides(normalizedQuestion: string): string[] {
  return sidesOf(otherSidePhrases(normalizedQuestion));
}

/** The other sides named by their phrases. */
function sidesOf(phrases: string[]): string[] {
  const sides = phrases
    // 「和新加坡的虛擬銀行數量相比」: the side is 新加坡, what follows 的 is what is compared.
    // (…and so what follows 在/喺: 「香港和上海在智慧城市指數上誰排得前」 compares them on the index.)
    .map((p) => p.replace(/(的|嘅|啲|在|喺|['’]s\b).*$/, '').trim())
    .filter((x) => x.length >= 2 && !HOME.test(x) && !/\d/.test(x) && !GENERIC.has(x));
  return [...new Set(sides)];
}

/**
 * The other sides as the question writes them, with what it names of them (「新加坡的PayNow」): a word
 * there belongs to the side the documents say nothing of, not to the home side asked about.
 */
export function otherSidePhrases(normalizedQuestion: string): string[] {
  if (!isComparison(normalizedQuestion)) return [];
  return [...normalizedQuestion.matchAll(OTHER_SIDE_ZH), ...normalizedQuestion.matchAll(OTHER_SIDE_BI), ...normalizedQuestion.matchAll(OTHER_SIDE_EN)]
    .map((m) => m[1]!.replace(/^(香港|本港)?(的|嘅)?/, '').trim())
    .filter((x) => x.length >= 2 && !HOME.test(x));
}

/**
 * The question without the other side of its comparison: what to look up for the home side. A
 * question with no other side is returned as written (its capitals tell IT from "it").
 */
export function homeSide(question: string): string {
  const normalized = normalizeForMatch(question);
  const phrases = otherSidePhrases(normalized);
  const sides = sidesOf(phrases);
  // A year compared with (「比起2021年」, "since 2021") and the direction asked (「上升還是下跌」) are no
  // words of what the sheet states: looked up, they only dilute the question.
  // (Only when the direction is asked: 「同2018年比，升咗幾多？」 asks the sheet's own 較 2018 年增加.)
  const years = isComparison(normalized) && normalized.search(DIRECTION) >= 0 ? normalized.replace(YEAR_SIDE, ' ').replace(DIRECTION, ' ') : normalized;
  if (sides.length === 0 && years === normalized) return question;
  let q = years;
  // (What an English question names of a side goes with it, "Singapore's Block71"; in Chinese what follows
  // 的 is what is compared, 「新加坡的虛擬銀行數量」, which the home side keeps.)
  const english = phrases.filter((p) => /^[a-z]/.test(p));
  for (const side of [...english, ...sides]) q = q.split(side).join(' ');
  return q;
}

/** 「比起2021年」, 「跟2021年比」, "than in 2021", "since 2021": the year a comparison is with. */
const YEAR_SIDE = /(?:比起|跟|同|與|和|較|比)\s*(?:19|20)\d{2}\s*年?\s*(?:相比|比較|比起來|比)?|\b(?:than|since|compared (?:with|to)|versus|vs\.?)\s+(?:in\s+)?(?:19|20)\d{2}\b/gu;
/** Which way it went: 「上升還是下跌」, 「升定跌」, "gone up". */
const DIRECTION =
  /(?:是?上升還是下跌|上升定下跌|升定跌|升咗定跌咗|升(了|咗)還是(降|跌)(了|咗)?|多(了|咗)還是少(了|咗)|多咗定少咗|\b(gone|went|go|gotten) (up|down)(\s+or\s+(up|down))?\b|\brisen or fallen\b|\bimproved or (worsened|slipped)\b)/gu;

/**
 * Whether the question asks of `side` what it asked of Hong Kong in an earlier clause: 「香港…排第 9，咁新加坡
 * 排第幾？」, 「香港發了幾張…？新加坡又發了幾張…？」, "Hong Kong was 14th — where did Singapore come?".
 */
export function asksInParallel(question: string, side: string): boolean {
  const at = question.indexOf(side);
  const home = question.search(HOME_NAMED);
  if (at < 0 || home < 0 || home >= at) return false;
  const between = question.slice(home, at);
  if (!CLAUSE_BREAK.test(between)) return false;
  const before = question.slice(Math.max(0, at - 14), at);
  const after = question.slice(at + side.length, at + side.length + 10);
  return PARALLEL_BEFORE.test(before) || PARALLEL_AFTER.test(after);
}
const HOME_NAMED = /(香港|本港|hong kong|\bhk\b)/u;
const CLAUSE_BREAK = /[，,？?；;—–]|\s-\s/u;
const PARALLEL_BEFORE = /(咁|那麼|那|而|至於|\bwhat about|\bhow about|\bwhere did|\bwhere does|\bwhat did|\bhow did|\band)\s*(the\s+)?$/u;
const PARALLEL_AFTER = /^(\s*)(又|呢|排第|排名|嘅排名|的排名|有幾|有多少|come|rank|place|do|have|get|score)/u;
