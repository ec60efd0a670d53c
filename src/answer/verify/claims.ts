/**
 * Words that turn a sentence into a different claim — negation (不/沒有/not), closure and
 * reversal (關閉/取消/停止/closed/cancelled), decline (減少/cut), exclusivity and superlatives
 * (只有/唯一/最大/only/largest), "free", relative dates (去年/last year). A faithful answer uses
 * one only when the cited passage says it too; otherwise the sentence is rejected.
 */
import { segmentPrecise } from '../../text/segment.js';
import { type CitedText, citedContains, matchForm } from './match-text.js';

/** Chinese words found as substrings of the sentence (matching form). */
const ZH_PHRASES = [
  '沒有', '尚未', '從未', '並未', '未有', '未能', '並非', '不是', '不會', '不再', '不能', '無法', '毋須', '無須', '不設', '不獲', '不予',
  '關閉', '倒閉', '結業', '停止', '終止', '暫停', '停辦', '停運', '結束', '取消', '撤回', '撤銷', '廢除', '解散', '擱置', '放棄', '退出',
  '拒絕', '禁止', '失敗', '虧損', '破產', '削減', '減少', '下降', '縮減', '減半', '延遲', '延期', '押後', '暫緩', '推遲', '叫停', '否決',
  '只有', '僅有', '唯一', '最大', '最高', '最多', '最少', '最低', '最早', '最先', '最佳', '最重要', '最主要', '最快', '最強', '最好', '首要',
  '免費', '全數', '去年', '明年', '今年', '前年', '上個月', '下個月', '上月', '下月',
];
/** Chinese single-character words, matched as whole jieba tokens. */
const ZH_TOKENS = new Set(['不', '沒', '未', '無', '非', '否', '只', '僅', '勿', '別']);

/** English words (lower case) → Chinese the passage must contain for the word to be supported. */
const EN_CLAIMS: Array<[RegExp, string[]]> = [
  [/\b(?:not|no|never|none|neither|nor|without|cannot)\b|n't\b/, ['不', '沒', '未', '無', '非', '否', '毋']],
  [/\b(?:clos(?:e|ed|es|ing|ure)|shut(?:s|down)?|shutting)\b/, ['關閉', '倒閉', '結業', '停止', '結束']],
  [/\b(?:cancel(?:led|ed|s|lation)?|scrap(?:ped|s)?|abolish(?:ed|es)?|axed|revoked?|withdr[ae]wn?|withdraws?)\b/, ['取消', '撤銷', '廢除', '撤回']],
  [/(?<!-)\b(?:stop(?:ped|s)?|halt(?:ed|s)?|ceased?|terminat(?:ed|es|e)|discontinu(?:ed|es|e)|ended)\b/, ['停止', '終止', '結束', '暫停', '停辦']],
  [/\b(?:suspend(?:ed|s)?|paused?)\b/, ['暫停', '暫緩']],
  [/\b(?:fail(?:ed|s|ure)?|bankrupt(?:cy)?|loss(?:es)?)\b/, ['失敗', '虧損', '破產']],
  [/\b(?:reject(?:ed|s)?|refus(?:ed|es)|denied|ban(?:ned|s)?|prohibit(?:ed|s)?)\b/, ['拒絕', '禁止', '否決']],
  [/\b(?:reduc(?:ed|es|e|tion)|cut(?:s)?|decreas(?:ed|es|e)|declin(?:ed|es)|fell|lower(?:ed)?|shr[iau]nk|slashed|halved)\b/, ['減少', '下降', '削減', '縮減', '減']],
  [/\b(?:delay(?:ed|s)?|postpon(?:ed|es|e)|deferred)\b/, ['延遲', '延期', '押後', '推遲', '暫緩']],
  [/\b(?:only|sole(?:ly)?|exclusive(?:ly)?)\b/, ['只', '僅', '唯一', '專']],
  [/\b(?:largest|biggest|greatest)\b/, ['最大', '最多', '第 1', '第1', '首', '前茅', '龍頭']],
  [/\bhighest\b/, ['最高', '第 1', '第1', '首', '前茅']],
  [/\b(?:best|strongest|most important|leading)\b/, ['最佳', '最好', '最強', '最重要', '第 1', '第1', '首', '前茅', '龍頭', '領先']],
  [/\bfastest\b/, ['最快']],
  [/\bthe most\b/, ['最']],
  [/\b(?:lowest|cheapest)\b/, ['最低', '最便宜']],
  [/\b(?:smallest|fewest)\b|(?<!\b(?:at|not) )\bleast\b/, ['最小', '最少']],
  [/\bfree(?: of charge)?\b/, ['免費']],
  [/\b(?:last|next|this) (?:year|month)\b/, ['去年', '明年', '今年', '上月', '下月']],
];

/**
 * Negating words of a passage (jieba tokens): an answer that repeats what follows one of them
 * without it reverses the passage (「撤銷聘用本地僱員的要求」 → 「要求聘用本地僱員」).
 */
const PASSAGE_NEGATIONS = new Set(['不', '沒', '沒有', '未', '未有', '尚未', '從未', '無', '無法', '非', '並非', '不是', '不會', '不再', '不能', '毋須', '無須', '撤銷', '取消', '停止', '終止', '暫停', '禁止', '拒絕', '豁免', '免除']);
/** 不少於 "at least", 不斷 "continually": 不 that negates nothing. */
const NOT_A_NEGATION_AFTER = /^(?:少|斷|同|但|僅|論|過|久)/;
const SCOPE_END = /[，。、；：,.;:!?！？（）()「」『』《》\n]/;
const WINDOW = 4;

function droppedNegations(text: string, cited: CitedText): Claim[] {
  const answer = text.replace(/\s+/g, '');
  const out: Claim[] = [];
  const tokens = segmentPrecise(cited.spaced);
  let offset = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    offset += t.length;
    if (!PASSAGE_NEGATIONS.has(t)) continue;
    let scope = cited.spaced.slice(offset, offset + 24);
    const cut = scope.search(SCOPE_END);
    if (cut >= 0) scope = scope.slice(0, cut);
    scope = scope.replace(/\s+/g, '');
    if (NOT_A_NEGATION_AFTER.test(scope) || answer.includes(t)) continue;
    for (let i = 0; i + WINDOW <= scope.length; i++) {
      if (answer.includes(scope.slice(i, i + WINDOW))) {
        out.push({ word: `${t}…${scope} (left out)` });
        break;
      }
    }
  }
  return out;
}

export interface Claim {
  /** The word as found in the sentence. */
  word: string;
}

/** Claim words in the sentence the cited text does not support (none: the sentence may pass). */
export function unsupportedClaims(sentence: string, cited: CitedText, english: boolean): Claim[] {
  const text = matchForm(sentence);
  const out: Claim[] = [];
  if (english) {
    for (const [re, zh] of EN_CLAIMS) {
      const m = new RegExp(re.source, 'g').exec(text);
      if (m && !zh.some((z) => citedContains(cited, z))) out.push({ word: m[0] });
    }
    return out;
  }
  for (const p of ZH_PHRASES) if (text.includes(p) && !citedContains(cited, p)) out.push({ word: p });
  for (const t of segmentPrecise(text)) {
    if (ZH_TOKENS.has(t) && !citedContains(cited, t)) out.push({ word: t });
  }
  out.push(...droppedNegations(text, cited));
  return out;
}
