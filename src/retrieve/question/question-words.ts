/**
 * Whether a text asks something of its own: a question word in written Chinese, Cantonese or English
 * (「幾時」, 「會否」, 「幾所」, 「嗎」, "which"). Matched in HK Traditional, so Simplified questions
 * (什么时候) are read alike. Used to split multi-part questions and to tell a follow-up with its own
 * ask (「咁X資助啲乜？」) from a bare new subject (「那X呢？」).
 */
import { toTraditional } from '../../text/normalize.js';

const QUESTION_WORD =
  /(多少|幾多|幾時|何時|何處|何地|甚麼|什麼|咩|乜|哪|邊個|邊度|邊間|邊位|邊啲|誰|為何|為什麼|為甚麼|點解|如何|怎樣|怎麼|點樣|成點|幹嘛|幹甚麼|幹什麼|做乜|點(?=[？?！!。]|$)|怎|是否|會否|會唔會|可否|能否|有否|有沒有|有冇|係咪|多大|多久|幾耐|幾[個間家所項宗條支隊座位名年大耐多]|第幾|嗎|\b(what|when|where|who|whom|which|how|why|is|are|was|were|does|do|did|can|could|will|would|has|have)\b)/i;

export function hasQuestionWord(text: string): boolean {
  return QUESTION_WORD.test(toTraditional(text));
}
