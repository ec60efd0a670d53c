/**
 * Every piece of UI text, per language. Texts that name the fact sheet, its date or the message limit are
 * functions of `Sheet` (from GET /api/meta, or the built-in defaults until it arrives).
 */

export type Lang = 'zh-Hant' | 'zh-Hans' | 'en';

/** The UI languages, in the order the in-widget switch shows them. */
export const LANGS: readonly Lang[] = ['zh-Hant', 'zh-Hans', 'en'];

/** Each language's own name (never translated) and the short label on its switch button. */
export const LANG_NAMES: Record<Lang, { short: string; name: string }> = {
  'zh-Hant': { short: '繁', name: '繁體中文' },
  'zh-Hans': { short: '简', name: '简体中文' },
  en: { short: 'EN', name: 'English' },
};

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).indexOf(v) !== -1;

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
  /** Name of the group of language buttons. */
  language: string;
  /** Label on an answer that covers only part of the question (the answer text says which part). */
  partial: string;
  partialAnnounce: string;
  feedbackAsk: string;
  feedbackUp: string;
  feedbackDown: string;
  feedbackReason: string;
  feedbackSend: string;
  feedbackThanks: string;
  feedbackError: string;
}

/** Keys of the plain-text strings: elements carrying `data-t` (text) or `data-t-label` (aria-label) are re-translated when the language changes. */
export type TextKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];

/** Longest feedback reason the widget sends, in characters. */
export const MAX_REASON_CHARS = 500;

/** English names of fact sheets the service is known to carry (titles come in Chinese). */
const EN_TITLES: Record<string, { name: string; short: string }> = {
  '創新及科技': { name: 'Innovation and Technology', short: 'Innovation & Technology' },
};
const enName = (title: string) => EN_TITLES[title]?.name ?? title;
/** Simplified spellings of those titles (others are shown as the service gives them). */
const HANS_TITLES: Record<string, string> = { '創新及科技': '创新及科技' };
const hansName = (title: string) => HANS_TITLES[title] ?? title;

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
const hansBooks = (s: Sheet) => s.titles.map((t) => `《${hansName(t)}》`).join('、');
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
    language: '語言',
    partial: '部分解答',
    partialAnnounce: '部分解答：',
    feedbackAsk: '這個答案有幫助嗎？',
    feedbackUp: '有幫助',
    feedbackDown: '沒有幫助',
    feedbackReason: `原因（選填，最多 ${MAX_REASON_CHARS} 字）`,
    feedbackSend: '送出意見',
    feedbackThanks: '多謝你的意見！',
    feedbackError: '未能送出你的意見，請再按「送出意見」重試。你輸入的內容已保留。',
  },
  'zh-Hans': {
    launcher: '有问题？问我',
    title: (s) => (s.titles.length === 1 ? `${hansName(s.titles[0]!)}便览问答` : '便览问答'),
    close: '关闭问答窗口',
    newChat: '新对话',
    note: (s) => `答案只根据香港特区政府${hansBooks(s)}便览${s.updated ? `（更新日期：${zhDate(s.updated)}）` : ''}的内容提供。`,
    inputLabel: '输入你的问题',
    placeholder: '例如：香港有多少家初创企业？',
    hint: '按 Enter 发送，Shift + Enter 换行',
    send: '发送',
    you: '你的问题：',
    answer: '答案：',
    source: (n) => `来源 ${n}`,
    sources: '来源：',
    sourceOf: (n, title) => `来源 ${n}・《${hansName(title)}》便览`,
    sectionLabel: '章节：',
    highlightedSome: '已标示答案所引用的句子。',
    highlightedAll: '整段内容为答案的依据。',
    backToChat: '返回对话',
    copy: '复制答案',
    copied: '已复制',
    copiedAnnounce: '已把答案复制到剪贴板。',
    copyFailed: '未能复制，请手动选取文字。',
    suggestionsTitle: '你可以问：',
    suggestions: [
      '数码港汇集多少家初创企业和科技公司？',
      '香港目前有多少家初创企业？',
      '“产学研 1+计划”是什么？',
      '“智方便”提供多少项网上服务？',
    ],
    declineTitle: '未能回答这个问题',
    decline: (s) =>
      `${hansBooks(s)}便览没有这方面的资料，所以未能回答。请尝试询问与${s.titles.length === 1 ? `香港${hansName(s.titles[0]!)}` : '便览内容'}有关的问题。`,
    thinking: '正在查阅便览…',
    answering: '正在回答你的问题，请稍候。',
    answered: '答案：',
    declinedAnnounce: '未能回答：便览没有这方面的资料。',
    errNetwork: '未能连接问答服务。请检查网络连接，然后重试。你输入的问题已保留。',
    errTimeout: '问答服务响应时间过长。请重试。你输入的问题已保留。',
    errRate: '提问次数太多，请稍候片刻再重试。你输入的问题已保留。',
    errRateSeconds: (n) => `提问次数太多，请在约 ${n} 秒后重试。你输入的问题已保留。`,
    errServer: '问答服务暂时未能使用，请稍后重试。你输入的问题已保留。',
    errBad: '未能处理这个问题，请修改后再试。',
    errEmpty: '请先输入问题。',
    errTooLong: (s) => `问题最多 ${s.maxChars} 字，请缩短后再试。`,
    retry: '重试',
    newChatDone: '已开始新对话。',
    charCount: (n, s) => `${n} / ${s.maxChars} 字`,
    conversation: '对话内容',
    language: '语言',
    partial: '部分解答',
    partialAnnounce: '部分解答：',
    feedbackAsk: '这个答案有帮助吗？',
    feedbackUp: '有帮助',
    feedbackDown: '没有帮助',
    feedbackReason: `原因（选填，最多 ${MAX_REASON_CHARS} 字）`,
    feedbackSend: '提交意见',
    feedbackThanks: '谢谢你的意见！',
    feedbackError: '未能提交你的意见，请再按“提交意见”重试。你输入的内容已保留。',
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
    language: 'Language',
    partial: 'Partial answer',
    partialAnnounce: 'Partial answer: ',
    feedbackAsk: 'Was this answer helpful?',
    feedbackUp: 'Helpful',
    feedbackDown: 'Not helpful',
    feedbackReason: `Reason (optional, up to ${MAX_REASON_CHARS} characters)`,
    feedbackSend: 'Send feedback',
    feedbackThanks: 'Thank you for your feedback.',
    feedbackError: 'Your feedback could not be sent. Please press “Send feedback” to try again. What you typed has been kept.',
  },
};

/**
 * A BCP 47 tag → the UI language: en* → "en"; Chinese with the Hans script or a region that writes it
 * (zh-CN, zh-SG, zh-MY, zh-Hans-HK) → "zh-Hans"; any other Chinese (zh, zh-HK, zh-TW, zh-MO, zh-Hant,
 * Cantonese yue*) → "zh-Hant", the fact sheet's own script; anything else → "" (not supported).
 */
export function normLang(v: string | null | undefined): Lang | '' {
  const tags = String(v || '').trim().toLowerCase().split(/[-_]/);
  const primary = tags[0] || '';
  if (primary === 'en') return 'en';
  if (primary !== 'zh' && primary !== 'yue' && primary !== 'cmn') return '';
  const rest = tags.slice(1);
  if (rest.indexOf('hant') !== -1) return 'zh-Hant';
  if (rest.indexOf('hans') !== -1) return 'zh-Hans';
  if (rest.some((t) => t === 'cn' || t === 'sg' || t === 'my')) return 'zh-Hans';
  return 'zh-Hant';
}
