/**
 * Every piece of UI text, per language. Texts that name the fact sheet, its date or the message limit are
 * functions of `Sheet` (from GET /api/meta, or the built-in defaults until it arrives).
 */

export type Lang = 'zh-Hant' | 'en';

/** What the UI says about the corpus it answers from. */
export interface Sheet {
  /** Document titles as the service reports them (Traditional Chinese for the fact sheet). */
  titles: string[];
  /** Latest update date of the corpus, YYYY-MM-DD, or null when unknown. */
  updated: string | null;
  /** Longest question the service accepts, in characters. */
  maxChars: number;
}

export interface Strings {
  launcher: string;
  title(s: Sheet): string;
  close: string;
  newChat: string;
  note(s: Sheet): string;
  inputLabel: string;
  placeholder: string;
  hint: string;
  send: string;
  you: string;
  answer: string;
  source(n: number | string): string;
  sources: string;
  sourceOf(n: number | string, title: string): string;
  sectionLabel: string;
  highlightedSome: string;
  highlightedAll: string;
  backToChat: string;
  copy: string;
  copied: string;
  copiedAnnounce: string;
  copyFailed: string;
  suggestionsTitle: string;
  suggestions: string[];
  declineTitle: string;
  decline(s: Sheet): string;
  thinking: string;
  answering: string;
  answered: string;
  declinedAnnounce: string;
  errNetwork: string;
  errTimeout: string;
  errRate: string;
  errRateSeconds(s: number): string;
  errServer: string;
  errBad: string;
  errEmpty: string;
  errTooLong(s: Sheet): string;
  retry: string;
  newChatDone: string;
  charCount(n: number, s: Sheet): string;
  conversation: string;
}

/** Labels of screen-reader-only prefixes, re-translated when the language changes (`data-sr`). */
export type SrLabel = 'you' | 'answer' | 'sources';

/** English names of fact sheets the service is known to carry (titles come in Chinese). */
const EN_TITLES: Record<string, { name: string; short: string }> = {
  '創新及科技': { name: 'Innovation and Technology', short: 'Innovation & Technology' },
};
const enName = (title: string) => EN_TITLES[title]?.name ?? title;

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dateParts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? [y, mo, d] : null;
}
/** 2023-06-30 → 2023 年 6 月 30 日 */
export function zhDate(iso: string): string {
  const p = dateParts(iso);
  return p ? `${p[0]} 年 ${p[1]} 月 ${p[2]} 日` : iso;
}
/** 2023-06-30 → 30 June 2023 */
export function enDate(iso: string): string {
  const p = dateParts(iso);
  return p ? `${p[2]} ${EN_MONTHS[p[1] - 1]} ${p[0]}` : iso;
}

const zhBooks = (s: Sheet) => s.titles.map((t) => `《${t}》`).join('、');
const enBooks = (s: Sheet) => s.titles.map((t) => `“${enName(t)}”`).join(', ');

export const STRINGS: Record<Lang, Strings> = {
  'zh-Hant': {
    launcher: '有問題？問我',
    title: (s) => (s.titles.length === 1 ? `${s.titles[0]}便覽問答` : '便覽問答'),
    close: '關閉問答視窗',
    newChat: '新對話',
    note: (s) => `答案只根據香港特區政府${zhBooks(s)}便覽${s.updated ? `（更新日期：${zhDate(s.updated)}）` : ''}的內容提供。`,
    inputLabel: '輸入你的問題',
    placeholder: '例如：香港有多少間初創企業？',
    hint: '按 Enter 傳送，Shift + Enter 換行',
    send: '傳送',
    you: '你的問題：',
    answer: '答案：',
    source: (n) => `來源 ${n}`,
    sources: '來源：',
    sourceOf: (n, title) => `來源 ${n}・《${title}》便覽`,
    sectionLabel: '章節：',
    highlightedSome: '已標示答案所引用的句子。',
    highlightedAll: '整段內容為答案的依據。',
    backToChat: '返回對話',
    copy: '複製答案',
    copied: '已複製',
    copiedAnnounce: '已把答案複製到剪貼簿。',
    copyFailed: '未能複製，請手動選取文字。',
    suggestionsTitle: '你可以問：',
    suggestions: [
      '數碼港匯集多少家初創企業和科技公司？',
      '香港現時有多少間初創企業？',
      '「產學研 1+計劃」是甚麼？',
      '「智方便」提供多少項網上服務？',
    ],
    declineTitle: '未能回答這個問題',
    decline: (s) =>
      `${zhBooks(s)}便覽沒有這方面的資料，所以未能回答。請嘗試詢問與${s.titles.length === 1 ? `香港${s.titles[0]}` : '便覽內容'}有關的問題。`,
    thinking: '正在查閱便覽…',
    answering: '正在回答你的問題，請稍候。',
    answered: '答案：',
    declinedAnnounce: '未能回答：便覽沒有這方面的資料。',
    errNetwork: '未能連接問答服務。請檢查網絡連線，然後重試。你輸入的問題已保留。',
    errTimeout: '問答服務回應時間過長。請重試。你輸入的問題已保留。',
    errRate: '提問次數太多，請稍候片刻再重試。你輸入的問題已保留。',
    errRateSeconds: (n) => `提問次數太多，請在約 ${n} 秒後重試。你輸入的問題已保留。`,
    errServer: '問答服務暫時未能使用，請稍後重試。你輸入的問題已保留。',
    errBad: '未能處理這個問題，請修改後再試。',
    errEmpty: '請先輸入問題。',
    errTooLong: (s) => `問題最多 ${s.maxChars} 字，請縮短後再試。`,
    retry: '重試',
    newChatDone: '已開始新對話。',
    charCount: (n, s) => `${n} / ${s.maxChars} 字`,
    conversation: '對話內容',
  },
  en: {
    launcher: 'Ask a question',
    title: (s) => (s.titles.length === 1 ? `${EN_TITLES[s.titles[0]!]?.short ?? s.titles[0]} Q&A` : 'Fact sheet Q&A'),
    close: 'Close the Q&A panel',
    newChat: 'New conversation',
    note: (s) =>
      `Answers come only from the HKSAR Government fact sheet${s.titles.length === 1 ? '' : 's'} ${enBooks(s)}` +
      `${s.updated ? ` (updated ${enDate(s.updated)})` : ''}.`,
    inputLabel: 'Type your question',
    placeholder: 'Ask about the fact sheet…',
    hint: 'Enter to send, Shift + Enter for a new line',
    send: 'Send',
    you: 'Your question:',
    answer: 'Answer:',
    source: (n) => `Source ${n}`,
    sources: 'Sources:',
    sourceOf: (n, title) => `Source ${n} · “${enName(title)}” fact sheet`,
    sectionLabel: 'Section: ',
    highlightedSome: 'The sentences the answer relies on are highlighted.',
    highlightedAll: 'The whole passage supports the answer.',
    backToChat: 'Back to conversation',
    copy: 'Copy answer',
    copied: 'Copied',
    copiedAnnounce: 'The answer has been copied to the clipboard.',
    copyFailed: 'Could not copy. Please select the text instead.',
    suggestionsTitle: 'You could ask:',
    suggestions: [
      'How many start-ups and technology companies does Cyberport house?',
      'How many start-ups are there in Hong Kong?',
      'How many online services does iAM Smart offer?',
      'How many Wi-Fi.HK hotspots are there?',
    ],
    declineTitle: 'This question cannot be answered',
    decline: (s) =>
      `The ${enBooks(s)} fact sheet${s.titles.length === 1 ? ' has' : 's have'} no information on this, so it cannot be answered. ` +
      `Please ask about ${s.titles.length === 1 ? `${enName(s.titles[0]!).toLowerCase()} in Hong Kong` : 'what the fact sheets cover'}.`,
    thinking: 'Checking the fact sheet…',
    answering: 'Answering your question, please wait.',
    answered: 'Answer: ',
    declinedAnnounce: 'Cannot answer: the fact sheet has no information on this.',
    errNetwork: 'Could not reach the Q&A service. Please check your connection and try again. Your question has been kept.',
    errTimeout: 'The Q&A service took too long to reply. Please try again. Your question has been kept.',
    errRate: 'Too many questions in a short time. Please wait a moment and try again. Your question has been kept.',
    errRateSeconds: (n) => `Too many questions in a short time. Please try again in about ${n} seconds. Your question has been kept.`,
    errServer: 'The Q&A service is temporarily unavailable. Please try again later. Your question has been kept.',
    errBad: 'This question could not be processed. Please change it and try again.',
    errEmpty: 'Please type a question first.',
    errTooLong: (s) => `Questions can be at most ${s.maxChars} characters. Please shorten it.`,
    retry: 'Retry',
    newChatDone: 'A new conversation has started.',
    charCount: (n, s) => `${n} / ${s.maxChars} characters`,
    conversation: 'Conversation',
  },
};

/** "en-GB" → "en", "zh-HK" → "zh-Hant"; anything else → "" (not supported). */
export function normLang(v: string | null | undefined): Lang | '' {
  const s = String(v || '').toLowerCase();
  if (!s) return '';
  if (s.indexOf('en') === 0) return 'en';
  if (s.indexOf('zh') === 0) return 'zh-Hant';
  return '';
}
