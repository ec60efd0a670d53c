/**
 * Whether a text asks something of its own: a question word in written Chinese, Cantonese or English
 * (「幾時」, 「會否」, 「幾所」, 「嗎」, "which"). Matched in HK Traditional, so Simplified questions
 * (什么时候) are read alike. Used to split multi-part questions and to tell a follow-up with its own
 * ask (「咁X資助啲乜？」) from a bare new subject (「那X呢？」).
 */
import { toTraditional } from '../../text/normalize.js';

const QUESTION_WORD =
  /(多少|幾多|幾時|何時|何處|何地|甚麼|什麼|咩|乜|啥|咋|哪|邊個|邊度|邊間|邊位|邊啲|邊(?=[兩幾一樣類種條項年區])|誰|為何|為什麼|為甚麼|點解|如何|怎樣|怎麼|點樣|成點|幹嘛|幹甚麼|幹什麼|做乜|點(?=[？?！!。]|$)|(?<=係|又|要|會|可以|應該)點(?![心子數擊名頭])|怎|是否|是不是|係唔係|會否|會唔會|會不會|能不能|可不可以|可唔可以|要不要|需不需要|可否|能否|有否|有沒有|有冇|有何|何種|係咪|使唔使|使不使|駛唔駛|需唔需要|要唔要|多大|多久|幾耐|幾[個間家所項宗條支隊座位名年大耐多]|第幾|嗎|\b(what|whats|when|where|wheres|who|whos|whom|which|how|hows|why|is|are|was|were|does|do|did|can|could|will|would|has|have)\b)/i;

export function hasQuestionWord(text: string): boolean {
  return QUESTION_WORD.test(toTraditional(text));
}

/**
 * Nouns that only name the kind of fact asked (「金額多少？」, 「甚麼時候」, 「哪個地方」, "how big",
 * "worth how much"): they name no subject and nothing an answer must mention.
 */
const ASK_NOUN_WORDS =
  '時候|時間|日子|日期|年份|地方|位置|地點|地址|邊度|邊處|哪裏|哪裡|何處|數目|數量|人數|總數|金額|款額|總額|費用|成本|預算|撥款|名字|名稱|規模|面積|樓面|樓面面積|排名|名次|比例|比率|專人|用途|目的|對象|資助對象';
const ASK_NOUN_EN = 'amount|number|date|time|year|place|location|name|size|big|large|long|area|rank|ranking|share|cost|budget|money|worth|value|pot|kitty';
/** A word that is one of them, whole (a concept's label), or its total (總金額, 總人數). */
export const ASK_NOUN = new RegExp(`^(總?(?:${ASK_NOUN_WORDS})|${ASK_NOUN_EN})$`, 'i');
/** Their occurrences in a text (removed before looking for a noun of the question's own). */
export const ASK_NOUNS_IN_TEXT = new RegExp(`(${ASK_NOUN_WORDS})`, 'gu');
