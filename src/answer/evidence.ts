/**
 * Does a sentence carry the kind of fact a question asks for? A date for 「何時」, a number with
 * the right classifier for 「多少人」, an amount of money for "how much funding", a place for
 * 「喺邊度」… Used to tell an answer from a sentence that is merely about the same subject.
 * Sentences are in matching form (normalizeForMatch).
 */
import { type Ask, type AskKind, EACH_ONE } from '../retrieve/question/asks.js';
// The region every passage is about: naming it locates nothing.
import { HOME } from '../retrieve/question/entities.js';
import type { RetrievalResult } from '../retrieve/retriever.js';
import { tagWords } from '../text/segment.js';

const ZH_NUMERAL = '零〇一二兩三四五六七八九十百千萬億';
/** A figure: digits (decimals, separators removed by normalisation) or a Chinese numeral run. */
const FIGURE = new RegExp(`(\\d+(?:\\.\\d+)?|[${ZH_NUMERAL}]{1,6})`, 'u');
const FIGURE_G = new RegExp(FIGURE.source, 'gu');
/** Chinese numeral runs that are words, not figures (一站式, 進一步, 十四五…). */
const NOT_A_FIGURE = /(一站式|進一步|之一|唯一|統一|一系列|一直|一些|一同|一帶|一國兩制|十四五|第一時間|一方面|同一|單一|萬事達|九龍|一般|一起|一定|一致|一體)/gu;

/** Figures that count things: not years or dates, not amounts of money, not percentages or ranks. */
function counts(sentence: string): Array<{ text: string; after: string; clause: string; first: boolean }> {
  const s = sentence.replace(NOT_A_FIGURE, (m) => '□'.repeat(m.length));
  const out: Array<{ text: string; after: string; clause: string; first: boolean }> = [];
  for (const m of s.matchAll(FIGURE_G)) {
    const i = m.index ?? 0;
    const rest = s.slice(i + m[0].length);
    const after = rest.slice(0, 6);
    const before = s.slice(Math.max(0, i - 2), i);
    // 5G, Web3: a figure inside a name counts nothing; nor do 九成 (a share), 第 9 (a rank) or the
    // article 一 (「一個數碼社區」 is "a community", not a count).
    if (/^[a-z]/.test(after) || /^\s*成(?![立功員為])/.test(after) || m[0] === '一') continue;
    // A year (2016 年, 2022/23) counts nothing; a bare 1,900 does.
    if (/^\s*(年|月|日|\/\d)/.test(after) || (/^(19|20)\d{2}$/.test(m[0]) && /(於|在)\s*$/.test(before))) continue;
    // …nor does a stretch of time (「未來三個學年」, 「五個月」): how long, not how many things.
    if (/^\s*個\s*(學年|財政年度|年度|月|星期|小時|年頭)/.test(after)) continue;
    if (/^\s*(萬|億|千|百)?\s*(元|港元|美元|人民幣|%|％)/.test(after) || /第\s*$/.test(before) || /\$\s*$/.test(before)) continue;
    // A decimal with no unit after it is a version (「工業 4.0」, 「藍圖 2.0」), not a count.
    if (m[0].includes('.') && !/^\s*[萬億千百倍\p{Script=Han}]/u.test(after.replace(/^[」』》]/, '□'))) continue;
    // A ratio (「2（政府）：1（企業）」, 「二比一」) shares a cost; it counts nothing.
    if (/^\s*([（(][^）)]{1,6}[）)])?\s*[:：比]\s*(\d|[一二兩三四五六七八九十])/.test(rest.slice(0, 12)) || /[:：比]\s*$/.test(before)) continue;
    // What the figure counts: its clause, up to the clause breaks around it (「270 項…服務」,
    // 「智能生產線在五年間增加至超過 130 條」).
    const stop = rest.search(/[，,。；;、)）]/);
    const head = s.slice(0, i);
    const breakBefore = (end: number) => Math.max(...[...'，,。；;、(（'].map((c) => head.lastIndexOf(c, end - 1))) + 1;
    let from = breakBefore(head.length);
    // A part of the figure before it (「目標是…吸引 100 間…，包括至少 20 間龍頭企業」) shares that clause's target.
    if (from > 0 && /^\s*(包括|其中|當中)/u.test(head.slice(from))) from = breakBefore(from - 1);
    // A figure in brackets is said of what they follow (「轉數快」（…已錄得超過 1,193 萬個帳戶登記）.
    else if (from > 0 && /[(（]/.test(head[from - 1]!)) from = breakBefore(from - 1);
    // (「首三座樓宇」: the first few of them, not how many there will be.)
    out.push({ text: m[0], after, clause: head.slice(from) + m[0] + (stop < 0 ? rest : rest.slice(0, stop)), first: /[首頭]\s*$/u.test(before) });
  }
  return out;
}

const AS_OF = /(截至|截止|直至|as of|as at)[^，,。；]{0,14}/gu;
const YEAR = /((19|20)\d{2}\s*(年|\/\d{2}|-\d{2})|(19|20)\d{2}(?!\d)|\d{1,2}\s*月|年底|年初|年中|年內|上半年|下半年|首季|今年|明年|去年|同年|當年)/;
const DURATION = /(\d+(?:\.\d+)?|[一二兩三四五六七八九十]+)\s*(至\s*(\d+|[一二兩三四五六七八九十]+)\s*)?(個(?:學|財政)?)?(年|月|星期|週|周|日|天)(?!\d)|年期|期限|為期/;
const PERCENT = /(%|％|百分之|一半|半數|[一二三四五]分之[一二三四]|[一二兩]比[一二兩]|[一二三四五六七八九十\d]\s*成(?![立功員為])|倍|\d\s*[（(][^）)]{1,6}[）)]\s*[:：比]\s*\d|\d\s*[:：比]\s*\d)/;
const MONEY = /((\d+(?:\.\d+)?|[零〇一二兩三四五六七八九十百千]+)\s*(萬|億|千|百)?\s*(元|港元|港幣|美元|人民幣|歐元)|hk\$|us\$|rmb|\$\s*\d)/;
const SIZE = /(平方米|平方呎|平方英尺|公頃|畝|呎|\d+(?:\.\d+)?\s*(萬|億)?\s*(元|港元|個|間|家|座|層))/;
const AREA = /(平方米|平方呎|平方英尺|公頃|畝|\d\s*(萬\s*)?(米|呎)(?![\p{Script=Han}]))/u;
const RANK = /(第\s*\d+|第[一二三四五六七八九十]+|首位|榜首|之首|排名|前列|名列|最(高|低|大|多|少|佳|快|強|具)(?!資助|額|可|為|達|\d))/;
/** Countries and regions a thing may come from. */
const COUNTRY_G = /(美國|英國|瑞典|德國|法國|日本|南韓|韓國|新加坡|加拿大|澳洲|澳大利亞|意大利|荷蘭|瑞士|以色列|丹麥|芬蘭|挪威|比利時|奧地利|愛爾蘭|西班牙|印度|泰國|馬來西亞|越南|台灣|澳門|內地|中國)/gu;
/** Where something is: a locating verb, or a district, landmark or city (the home region itself says nothing). */
const PLACE_VERB = /(位於|設於|設在|坐落|座落|選址|在(?!香港|本港)[^，。；、\d]{2,12}(內|中|旁|附近)?(設立|設置|興建|建立|成立|開設))/;
const PLACE_VERB_G = new RegExp(PLACE_VERB.source, 'gu');
/**
 * 「位於香港科學園」 after a locating verb names where something else is when the place is the
 * question's own subject: it does not say where 香港科學園 is.
 */
function locatesQuestionSubject(verb: string, after: string, question: string): boolean {
  // 「在科學園設立」 holds its place; 「位於香港科學園」 is followed by it.
  const place = verb.startsWith('在')
    ? verb.slice(1).replace(/(內|中|旁|附近)?(設立|設置|興建|建立|成立|開設)$/u, '')
    : (after.replace(/^[\s「『]+/u, '').split(/[，,。；;、的」』\s]/u)[0] ?? '');
  return place.length >= 2 && question.replace(/\s+/g, '').includes(place);
}
/** "Where do departments post their wish lists?", 「喺邊度申請」: asked where online something is done… */
const ONLINE_ASKED = /(\b(post|posts|posted|list|lists|listed|publish|published|apply|submit|register|look up|find out)\b|申請|查閱|查詢|登記|上載|刊登|羅列|搵資料|找資料)/u;
/** …which a platform or website answers. */
const ONLINE_STATED = /(網上平台|網站|網頁|入門網站|流動應用程式|平台)/u;
/** 「搬到哪裏」, "where is it being moved": where something moves to… */
const MOVE_ASKED = /(搬|遷|\brelocat|\bmov(e|ed|es|ing)\b)/u;
/** …which the move itself says (「遷入岩洞」, 「遷往…」). */
const MOVE_STATED = /(遷入|遷往|遷至|遷到|搬到|搬往|搬入|搬遷至)/u;
/** Districts and cities; a facility's name may begin with one (將軍澳創新園). */
const DISTRICTS = '香港島|九龍|新界|將軍澳|元朗|沙田|大埔|屯門|荃灣|觀塘|河套|落馬洲|新田|深圳|廣州|北京|上海|前海|南沙|橫琴|大灣區';
/** Land asked of: 「土地」, 「用地」, "land", "sites". */
const LAND_ASKED = /土地|用地|地皮|\bland\b|\bsites?\b/u;
export const PLACE_NAME = new RegExp(`(${DISTRICTS}|數碼港|科學園|創新園|創科園|科技園|工業邨|北部都會區|[\\p{Script=Han}]{1,4}(?<![地社園專]|亞太)(區|島|省))`, 'gu');
/** What is left of a facility's name without its district names the facility. */
const DISTRICT_PREFIX = new RegExp(`^(${DISTRICTS})`, 'u');
export function withoutDistrict(name: string): string {
  return name.replace(DISTRICT_PREFIX, '');
}
/** Words placing what follows (「於」, 「在」, 「喺」, 「落戶」, 「遷往」) just before a place's name. */
const LOCATING = /(在|於|喺|往|到|至|落戶|位處|進駐|為|將|透過|從|由)[「\p{Script=Han}]{0,2}$/u;
/** …or words after it that place something there (「新田一帶」, 「科學園附近」, 「馬料水填海」). */
const LOCATED = /^(一帶|附近|旁|內|周邊|填海)/u;
/** Two industries joined by 和/及/與 (「數據科技和電訊服務業」), for a question asking which industries. */
const TWO_KINDS = /\p{Script=Han}{2,}(和|及|與|以及)\p{Script=Han}{1,8}?業/u;
const INDUSTRIES = /(行業|產業|\bindustr|\bsectors?\b)/;
/** Asking what kind of thing (「甚麼類型」, "what kind of"). */
const KINDS_OF = /(類型|種類|類別|範疇|領域|\bkinds? of\b|\btypes? of\b|\bsorts? of\b)/;
/** Kinds of sum a question may ask for by name, and how a sentence states one of that kind. */
const PRICED: Array<{ asked: RegExp; stated: RegExp }> = [
  { asked: /(租金|月租|\brents?\b)/, stated: /(租金|月租|租)/ },
  { asked: /(薪金|薪酬|薪水|人工(?!智能)|工資|月薪|年薪|\b(salary|salaries|wages?)\b)/, stated: /(薪|人工(?!智能)|工資)/ },
  { asked: /(收費|學費|手續費|免費|\bfees?\b|\bfree\b|\bcharged?\b)/, stated: /(費)/ },
  // Spending and earnings are sums of their own kind too: a grant or a fund's size is neither.
  // (…spending as a whole, "total R&D spending", "how much does HK spend on research"; what is spent on one
  // thing, "how much are they spending to upgrade it?", is the sum set aside for it.)
  {
    asked: /(開支|支出|\bexpenditure\b|\b(?:total|annual|gross|overall|public|r&d|research)\s+(?:[a-z&]+\s+)?spending\b|\bspend(?:s|ing)?\s+(?:[a-z]+\s+){0,2}?on\s+(?:r&d|research)\b)/,
    stated: /(開支|支出)/,
  },
  { asked: /(收入|營業額|盈利|利潤|\brevenues?\b|\bturnover\b|\bprofits?\b|\bearnings\b|\breturns\b)/, stated: /(收入|營業額|盈利|利潤|回報)/ },
];
/** How much something rose or fell (「提高了多少」, "how much did it go up"). */
const RISE_ASKED = /(提高|提升|增加|上升|增長|調高|上調|調升|加幅|加咗|加了|減少|下降|\bincrease|\brise\b|\brose\b|\bgo(ne)? up\b|\bwent up\b|\braised?\b)/u;
/** A stated limit: a cap, a floor or a ceiling (「最高資助額」, 「不少於 100 支」, 「最多四名」). */
const LIMIT = /(最多|最高|上限|最少|至少|不少於|不多於|不超過|最低|封頂|以上|以內|多達)/;
/** A rule stated: a law, regulation, licence or regulatory sandbox. */
const RULE_STATED = /(法例|法律|條例|規例|法規|規管|立法|監管|規定|守則|指引|牌照|發牌|沙盒)/u;
/** A person by name or title (the fact sheet names organisations, rarely people). */
const PERSON = /(博士|教授|先生|女士|小姐|[\p{Script=Han}]{1,3}(局長|司長|署長|院長|主席|總裁|校長))/u;
/**
 * An organisation or person named as the actor (who is responsible, who runs it): a name ending in
 * a body's word, with the words before it (香港金融管理局, 港深創新及科技園有限公司).
 */
const WHO =
  /[\p{Script=Han}]{0,10}?(公司|集團|資本(?!市場|主義|開支|投資)|局|署|處|委員會|中心|研究院|學院|大學|辦公室|政府|機構|基金會|協會|科學院|管理局|理事會|小組|組織|部|廳|博士|教授|先生|女士|主席|局長|院長|總裁|專員)/gu;

/** 「讓數碼港推行」, 「由生產力局負責」: who carries something out, named between the verb giving it and the verb doing it. */
const ACTOR_BEFORE_VERB = /(?:讓|由|交由|委託|委派)(\p{Script=Han}{2,12}?)(?:推行|負責|營運|管理|執行|統籌|舉辦|主辦|開展|推出)/gu;
/** Classifiers of bodies and teams. */
const BODY_CLASSIFIERS = '個|間|家|所|名|隊|支';
/** A figure or 每 and a body's classifier: what follows is counted. */
const COUNTING = String.raw`(\d+|[${ZH_NUMERAL}]+|每|各)\s*(多|餘)?\s*(${BODY_CLASSIFIERS})`;
/** …just before a body's word: 「四個虛擬保險公司」 counts companies, naming none. */
const COUNTED_KIND = new RegExp(String.raw`${COUNTING}[\p{Script=Han}]{0,8}$`, 'u');
/** …inside a name: 「資助每間合資格公司」. */
const COUNTED_WITHIN = new RegExp(COUNTING, 'u');
/** A university's name, and the words that also mean one (院校, 高校); a company's name. */
const UNIVERSITY_NAME = /(大學|學院)$/u;
const COMPANY_NAME = /(公司|集團|銀行)$/u;
const BODY_NAME = { university: UNIVERSITY_NAME, company: COMPANY_NAME };
const UNIVERSITY = /院校|高校|大專院校|學府/gu;
/** A count of all there are or will be (「起晒總共會有幾多棟」), which the first few (「首三座」) are not. */
const TOTAL_ASKED = /(總共|一共|合共|總數|全部|起晒|\bin total\b|\bin all\b|\baltogether\b)/u;
/** A question for the whole of something, now, and one for what an expansion adds. */
const WHOLE_ASKED = /(總共|總樓面|總面積|成個|全部|整個|現時|目前|\btotal\b|\bwhole\b|\bcurrently\b|\bin all\b)/u;
const ADDITION_ASKED = /(多出|多咗|多了|額外|新增|增加|擴建|\badd(s|ed)?\b|\bexpan|\badditional\b|\bextra\b)/u;
/** A figure stated as what is added (「額外樓面面積」), and one stated as more to come (「新的」, 「將」, 「預計」). */
const ADDITION_STATED = /(額外|新增|增加|擴建|\badditional\b|\bextra\b)/u;
/** A figure stated as a target or forecast, not as what there is (「目標是…增加至超過 130 條」). */
const TARGET_STATED = /(目標|預計|冀|希望|期望|將會|將於|\btarget\b|\baim\b)/u;
const MORE_STATED = /(新|增加|增至|額外|將|預計|未來|目標|創造)/u;

/** 「每所小學可以分到」: the one a sum per one is asked of (小學), a noun of two characters or more before the verb of getting. */
const PER_UNIT_NOUN = new RegExp(String.raw`${EACH_ONE}(\p{Script=Han}{2,6}?)(?:能|可|會|可以|能夠)?(?:拿|攞|獲|得到|收到|分到|領取)`, 'u');
const PER_PERIOD = /(一年|每年|一個月|每個月|每月)$/u;
/** What each one is of (「每所公帑資助中學」 → 公帑資助中學), up to the clause's end. */
const EACH_ONE_OF = new RegExp(String.raw`${EACH_ONE}([^，,；;。]{1,8})`, 'gu');

const MONTH_STATED = /(每個?月|按月|月薪|月租|月費|月津|\bper month\b|\ba month\b|\bmonthly\b)/u;

/**
 * What the question names, in its own words and their translations, then on a line of its own for a
 * follow-up its context's (「數碼港」 does not say where "it" is): no evidence of what the question asks.
 */
export function askedText(result: RetrievalResult): string {
  const own = [result.query.normalized, ...result.query.expansions].join(' ').replace(/\n/g, ' ');
  return result.context ? `${own}\n${[result.context.normalized, ...result.context.expansions].join(' ')}` : own;
}

/** The question's own words in `askedText`, without the conversation's. */
function ownAskedText(asked: string): string {
  return asked.split('\n', 1)[0]!;
}

/**
 * True when the sentence states a fact of the asked kind. Words of the question itself are no
 * evidence (「數碼港位於哪一區？」 is not answered by a sentence that merely names 數碼港).
 */
export function carries(sentence: string, ask: Ask, question = ''): boolean {
  const s = sentence;
  if (!HAN.test(s)) return carriesEnglish(s, ask);
  // A level compared is stated by the sheet's superlative of it (「全球稅率最低的數據中心市場」).
  if (ask.level && SUPERLATIVE.test(s)) return true;
  // The event a date, sum or count is of (成立, 增資, 參加) must be said with it: in its sentence, not
  // necessarily in the clause giving a limit (「增撥 3 億元，…繼續向每所…中學，提供最多…」).
  if (ask.event && !ask.event.some((e) => s.includes(e))) return false;
  // A limit must be stated of the figure: the clause giving it says 「最高」 or 「不少於」.
  if (ask.limit) return carriedInClause(s, { ...ask, limit: false, event: undefined }, question, (clause) => LIMIT.test(clause));
  // A monthly sum is stated by the month (「月薪」, 「每月」): 「每年提供 1,600 萬元」 is not one.
  if (ask.monthly) return carriedInClause(s, { ...ask, monthly: false, event: undefined }, question, (clause) => MONTH_STATED.test(clause));
  // So must a sum per one: the clause giving it says 「每…」 or states a cap.
  if (ask.perUnit) {
    // …per the one the question asks of: 「每所公帑資助中學…100 萬元」 is no sum per primary school (每所小學).
    // (A university is one however named: 院校, 高校, 大學.)
    // (「每間大學一年攞到幾多」: 一年 says how often, not which one.)
    const unit = question.replace(/\s+/g, '').match(PER_UNIT_NOUN)?.[1]?.replace(UNIVERSITY, '大學').replace(PER_PERIOD, '');
    const ones = [...s.matchAll(EACH_ONE_OF)].map((m) => m[1]!.replace(UNIVERSITY, '大學'));
    if (unit && ones.length && !ones.some((o) => o.includes(unit))) return false;
    return carriedInClause(s, { ...ask, perUnit: false, event: undefined }, question, (clause) => /每/u.test(clause) || LIMIT.test(clause));
  }
  switch (ask.kind) {
    case 'date': {
      // 「截至 2023 年 3 月底已錄得…」 dates a figure; it says nothing of when something began (unless that is asked).
      const dated = ask.asOf ? (s.match(AS_OF) ?? []).join(' ') : s.replace(AS_OF, '');
      // (The day asked is no year alone: a month at least.)
      if (ask.fine && !/\d\s*月/u.test(dated) && !EN_MONTH.test(dated)) return false;
      return YEAR.test(dated);
    }
    case 'duration':
      return DURATION.test(s);
    case 'percent':
      return PERCENT.test(s);
    case 'money': {
      // A rent, salary or fee is a sum of its own kind: 「涉及 83 億元」 is no monthly rent.
      const priced = PRICED.filter((p) => p.asked.test(question));
      // Money added may be stated as a share of what there was (「增加資助約 10%」, 「倍增」).
      if (ask.event?.includes('增資') && PERCENT.test(s)) return true;
      return MONEY.test(s) && priced.every((p) => p.stated.test(s));
    }
    case 'size':
      return SIZE.test(s) || AREA.test(s);
    case 'area':
      // A whole asked (「成個園區總共有幾多平方米？」) is not what an expansion adds (「額外樓面面積」).
      // (…unless what is added is asked: 「擴建完之後總共會多出幾多」.)
      if (WHOLE_ASKED.test(question) && !ADDITION_ASKED.test(question)) return s.split(/[，,；;]/).some((c) => AREA.test(c) && !ADDITION_STATED.test(c));
      return AREA.test(s);
    case 'rank':
      return RANK.test(s);
    case 'place':
      // Countries things come from: named (「瑞典卡羅琳醫學院」), not 「全球 11 個經濟體」 nor where they sit.
      // (Where land comes from is the place it is made or freed: 「透過馬料水填海…將沙田污水處理廠遷入岩洞」.)
      if (ask.origin && ask.from && LAND_ASKED.test(question) && [...s.matchAll(PLACE_NAME)].some((m) => !question.includes(m[0]) && !HOME.test(m[0]))) return true;
      if (ask.origin) return [...s.matchAll(COUNTRY_G)].some((m) => !question.includes(m[0])) || (!!ask.from && /來自/u.test(s));
      // Where things are posted, listed or applied for is a platform or website (「機電創科網上平台羅列…」).
      if (ONLINE_ASKED.test(question) && ONLINE_STATED.test(s)) return true;
      // Where something moves to is said by the move (「將沙田污水處理廠遷入岩洞」).
      if (MOVE_ASKED.test(question) && MOVE_STATED.test(s)) return true;
      // A place named as where something is (「於元朗創新園發展」, 「在科學園設立」), not merely named
      // (「完成科學園和數碼港的擴建工程」 says nothing of where either is).
      return (
        [...s.matchAll(PLACE_VERB_G)].some((m) => !locatesQuestionSubject(m[0], s.slice((m.index ?? 0) + m[0].length), question)) ||
        [...s.matchAll(PLACE_NAME)].some((m) => !question.includes(m[0]) && !HOME.test(m[0]) && (LOCATING.test(s.slice(Math.max(0, (m.index ?? 0) - 4), m.index)) || LOCATED.test(s.slice((m.index ?? 0) + m[0].length))))
      );
    case 'who':
      // 「讓數碼港推行」, 「由科技園公司營運」: the actor named before the verb of doing, whatever its name ends in.
      // (…named by the conversation too: "who runs it?" after "Cyberport runs the programme" asks it again.)
      if ([...s.matchAll(ACTOR_BEFORE_VERB)].some((m) => !ownAskedText(question).includes(m[1]!) && (!ask.body || BODY_NAME[ask.body].test(m[1]!)))) return true;
      // A body the question itself names is no answer to who (「虛擬保險公司」 for "which companies got them").
      return [...s.matchAll(WHO)].some((m) => {
        // A university asked for is named as one (「香港科技大學」, 「卡羅琳醫學院」), not as a lab or a fund;
        // a company as one, not as an office.
        if (ask.body && !BODY_NAME[ask.body].test(m[0])) return false;
        // The name proper: 「香港的大學」 names no university, only universities; nor does 「…一半為大學初創企業」
        // (what a sum is for).
        const name = m[0].replace(/\s+/g, '').split(/[的嘅和及與或、為向給讓替]/).pop()!;
        // A counted kind is no name: 「四個虛擬保險公司牌照」 says how many, not which companies.
        // (…and so is one counted inside the match: 「資助每間合資格公司」.)
        const counted = COUNTED_KIND.test(s.slice(0, (m.index ?? 0) + m[0].length - name.length) + name.slice(0, 3)) || COUNTED_WITHIN.test(name);
        return name.length > m[1]!.length && !question.includes(name) && !counted && !kindAfterVerb(name);
      });
    case 'person':
      return PERSON.test(s);
    case 'rule':
      return RULE_STATED.test(s);
    case 'activity':
      return ACTIVITY_STATED.test(s);
    case 'list':
      // Several things named in one enumeration (「生命健康科技、人工智能與數據科學」), or two joined
      // before the kind they are (「數據科技和電訊服務業」).
      // A kind of thing (「甚麼類型的項目」) is said in words: two joined (「研究和應用」) answer it.
      return /、/.test(s) || (INDUSTRIES.test(question) && TWO_KINDS.test(s)) || (KINDS_OF.test(question) && /\p{Script=Han}(和|及|與|以及)\p{Script=Han}/u.test(s));
    case 'count': {
      // When the sentence names what is counted, a figure must count it (「270 項服務、智慧燈柱」
      // does not say how many lamp posts there are); when it does not, any figure may (a paraphrase).
      if (ask.unnamed) return false;
      const forms = ask.countedForms ?? [];
      const named = forms.some((f) => s.includes(f));
      if (ask.orMoney && MONEY.test(s)) return true;
      // 「資助提高了多少？」: how much something rose is said as a share too (「增加資助約 10%」).
      if (ask.orMoney && RISE_ASKED.test(question) && PERCENT.test(s)) return true;
      // 「5G覆蓋去到幾多？」: how far a coverage or share reaches is said as a share (「覆蓋率已逾九成」).
      // (…asked in the clause asking the count, of no thing counted: 「多少個5G基站」 is no share, nor is 「多少員工」
      // after 「各出多少比例」.)
      if (!ask.unit && !ask.counted && question.split(/[，,；;？?]/).some((c) => RATE_ASKED.test(c) && COUNT_WORD.test(c)) && PERCENT.test(s)) return true;
      const approvals = APPROVAL_ASKED.test(question);
      // How many more are to come (「未來還會新增幾條」, "how many new … are due") is no count of those there are,
      // and a target (「目標是…超過 130 條」) is no count of those so far.
      return counts(s).some(
        (f) =>
          ((approvals && countsApplications(f.after)) || ((!ask.unit || unitMatches(f.after, ask.unit)) && (!named || forms.some((w) => f.clause.includes(w))))) &&
          (!ask.more || MORE_STATED.test(f.clause)) &&
          (!f.first || !TOTAL_ASKED.test(question)) &&
          (!ask.sofar || !TARGET_STATED.test(f.clause)),
      );
    }
  }
}

/**
 * Whether one clause of the sentence (between commas and semicolons) passes `test` and states the
 * asked kind: what qualifies a figure (「最高」, 「每所」, 「第二個」) must be said in the figure's clause.
 */
export function carriedInClause(sentence: string, ask: Ask, question: string, test: (clause: string) => boolean): boolean {
  return sentence.split(/[，,；;]/).some((clause) => test(clause) && carries(clause, ask, question));
}

/** Words asking how much or how far, in the clause that must also name the rate. */
const COUNT_WORD = /(幾多|多少|幾成|去到|達到|\bhow (much|many|far|high)\b)/u;
/** A coverage, penetration or share: its extent is a percentage. */
const RATE_ASKED = /(覆蓋|普及|滲透|比例|比率|佔(?!地)|\b(coverage|penetration|proportion)\b)/u;
const HAN = /\p{Script=Han}/u;
const EN_MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/;
const EN_NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b/;

/**
 * An English sentence (an LLM answer to an English question): figures and dates are checked; places
 * and names cannot be told from other words without a tagger, so they count as stated.
 */
function carriesEnglish(s: string, ask: Ask): boolean {
  switch (ask.kind) {
    case 'date':
      return /(19|20)\d{2}/.test(s) || EN_MONTH.test(s);
    case 'place':
    case 'who':
    case 'person':
      return true;
    case 'list':
      return /,|\band\b/.test(s);
    case 'rule':
      return /\b(law|legislat|regulat|rules?\b|licen[cs]|sandbox|require)/.test(s);
    case 'activity':
      return /\b(research|develop|support|promot|focus|work|provid|help|strengthen|specialis|specializ)/.test(s);
    default:
      return EN_NUMBER.test(s);
  }
}

/** A count of what was approved or granted (「獲批」, "approved"; "how many businesses have got the voucher"). */
const APPROVAL_ASKED = /(批出|獲批|批准|批咗|批了|受惠|\bapprov(ed|als?)\b|\bgranted\b|\bsuccessful applica|\b(have|has|had) (got|gotten|received|obtained)\b|\bbenefit(ed|ted)\b)/u;

/**
 * A figure of applications (宗, 份). Applications approved count what was approved, whoever applied:
 * 「已批出超過 2 萬 1 千宗申請」 answers how many businesses got the voucher approved.
 */
function countsApplications(after: string): boolean {
  return /^\s*(?:[萬億千百]\s*)?(?:多|餘)?\s*(宗|份)/u.test(after);
}

/** The number's classifier (within a few characters after it, past 萬/億 and 多/餘) is one the question accepts. */
function unitMatches(after: string, unit: string): boolean {
  // Jobs are people employed: 「提供 14,932 個職位」 answers how many people start-ups employ.
  // …and accounts are people signed up: 「1,193 萬個帳戶登記」 answers how many people use 轉數快.
  if (unit.includes('人') && /^\s*(?:[萬億千百]\s*)?(?:多|餘)?\s*(個職位|份工|個工作崗位|個就業|個帳[戶户]|個用[戶户])/u.test(after)) return true;
  const m = after.match(/^\s*(?:[萬億千百]\s*)?(?:多|餘|幾)?\s*(人次|[\p{Script=Han}])/u);
  if (!m) return false;
  const classifier = m[1]!;
  if (classifier === '人次') return unit.includes('人');
  return unit.includes(classifier);
}

export const ASK_LABELS: Record<AskKind, { 'zh-Hant': string; 'zh-Hans': string; en: string }> = {
  date: { 'zh-Hant': '日期或年份', 'zh-Hans': '日期或年份', en: 'the date' },
  duration: { 'zh-Hant': '所需時間', 'zh-Hans': '所需时间', en: 'how long' },
  percent: { 'zh-Hant': '百分比', 'zh-Hans': '百分比', en: 'the percentage' },
  money: { 'zh-Hant': '金額', 'zh-Hans': '金额', en: 'the amount' },
  count: { 'zh-Hant': '數目', 'zh-Hans': '数目', en: 'the number' },
  size: { 'zh-Hant': '規模', 'zh-Hans': '规模', en: 'the size' },
  area: { 'zh-Hant': '面積', 'zh-Hans': '面积', en: 'the area' },
  rank: { 'zh-Hant': '排名', 'zh-Hans': '排名', en: 'the ranking' },
  place: { 'zh-Hant': '地點', 'zh-Hans': '地点', en: 'the place' },
  who: { 'zh-Hant': '負責的機構或人物', 'zh-Hans': '负责的机构或人物', en: 'who is responsible' },
  person: { 'zh-Hant': '相關人物的姓名', 'zh-Hans': '相关人物的姓名', en: 'the name of the person' },
  list: { 'zh-Hant': '所問的各項', 'zh-Hans': '所问的各项', en: 'the items asked for' },
  rule: { 'zh-Hant': '相關法規', 'zh-Hans': '相关法规', en: 'the rules' },
  activity: { 'zh-Hant': '具體工作範疇', 'zh-Hans': '具体工作范畴', en: 'what it works on' },
};
/** The highest or lowest of all (「全球稅率最低」): the level is higher or lower than anyone's. */
const SUPERLATIVE = /(全球|世界|全世界|亞洲|亞太區?)[^，,。；;]{0,8}最(高|低|多|少|大|快|平)/u;
/** A body's work stated: what it researches, develops, supports or is responsible for. */
const ACTIVITY_STATED = /(研究|研發|開發|推動|支援|支持|負責|提供|協助|促進|加強|培育|資助|專注|致力|從事|應用|服務|統籌|探索|發展)/u;

/**
 * 「資助大學」, 「科研機構」: a kind of body after the verb acting on it or a word of its kind, naming none
 * (國際管理發展學院 and 香港創新研究院 are names).
 */
function kindAfterVerb(name: string): boolean {
  const words = tagWords(name);
  if (!GENERIC_BODY.test(words.at(-1)?.word ?? '')) return false;
  if (words.length === 1) return true;
  const before = words.at(-2)!;
  // (「以支援大學」: a verb after only words of grammar acts on the kind, naming none.)
  const grammarOnly = words.slice(0, -2).every((w) => /^(p|c|d|u[a-z]*|r|y|f)$/.test(w.tag));
  // (「開設首個海外創新中心」: the first of a kind, counted, is described, not named.)
  const ordinal = words.some((w) => FIRST_OF.test(w.word));
  return GENERIC_MODIFIER.test(before.word) || before.tag === 'm' || ordinal || (/^vn?$/.test(before.tag) && grammarOnly);
}
const FIRST_OF = /^(首個|首間|首所|首家|第一個|第一間|第一所)$/u;
const GENERIC_MODIFIER = /^(科研|研究|本地|合資格|私營|公營|海外|內地|相關|其他|主題|參與|參加|資助|用作|指定|所屬)$/u;
const GENERIC_BODY = /^(大學|機構|科研機構|公司|企業|銀行|院校|學院|中心|研究院)$/u;
