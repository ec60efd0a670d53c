import type { DocumentMeta } from '../ingest/types.js';
import type { Language } from '../text/language.js';
import { toSimplified } from '../text/normalize.js';
import type { DeclineReason } from './scope.js';

/**
 * What the service says it is when it declines: configured (SERVICE_* settings), never taken from
 * whichever corpus file happens to sort first.
 */
export interface ServiceIdentity {
  name: string;
  /** What answers come from, e.g. 香港特區政府《創新及科技》便覽 / the government fact sheet "創新及科技". */
  source: { zh: string; en: string };
  /** The subject, e.g. 香港創新及科技 / Hong Kong innovation and technology. */
  scope: { zh: string; en: string };
  /** The date the sources are current to, or the range they span (ISO dates). */
  dates: { from?: string; to: string };
  example: { zh: string; en: string };
}

/** A month's English name (6 → June). */
export function englishMonth(month: number): string {
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
}

function formatDate(iso: string | undefined, lang: Language): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (lang === 'en') return `${d} ${englishMonth(m)} ${y}`;
  return `${y}年${m}月${d}日`;
}

/**
 * Framing line before quoted sentences: names every document cited (in order of first citation) and,
 * for non-Traditional readers, the quoting.
 */
export function sourceIntro(docs: DocumentMeta[], lang: Language): string {
  const named = docs.map((doc) => {
    const date = formatDate(doc.updated, lang);
    if (lang === 'en') return `"${doc.title}"${date ? ` (updated ${date})` : ''}`;
    return `《${doc.title}》${date ? `（${date}更新）` : ''}`;
  });
  switch (lang) {
    case 'en': {
      const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0];
      return `According to ${named.length > 1 ? 'the documents' : 'the fact sheet'} ${list}, quoted in ${named.length > 1 ? 'their' : 'its'} original Traditional Chinese:`;
    }
    case 'zh-Hans':
      return `根据${named.join('及')}，以下引用原文（繁体中文）：`;
    default:
      return `根據${named.join('及')}：`;
  }
}

/**
 * The opening `sourceIntro` writes, in any language and for any documents: boilerplate that names the
 * sheet, not the reply's subject (read as a follow-up's context, 「創新及科技」 would count as a subject).
 */
const SOURCE_INTRO =
  /^\s*(?:According to the (?:fact sheet|documents) [^\n]{1,600}?, quoted in (?:its|their) original Traditional Chinese:|根據(?:及?《[^》\n]{1,80}》(?:（[^）\n]{1,20}更新）)?)+：|根据(?:及?《[^》\n]{1,80}》(?:（[^）\n]{1,20}更新）)?)+，以下引用原文（繁体中文）：)\s*/u;

/** A reply without the opening that names its source. */
export function withoutSourceIntro(reply: string): string {
  return reply.replace(SOURCE_INTRO, '');
}

function formatDates(dates: ServiceIdentity['dates'], lang: Language): string {
  const to = formatDate(dates.to, lang);
  if (!dates.from) return to;
  const from = formatDate(dates.from, lang);
  return lang === 'en' ? `${from} to ${to}` : `${from}至${to}`;
}

export function relatedLabel(lang: Language): string {
  return lang === 'en' ? 'Related passages:' : lang === 'zh-Hans' ? '相关段落：' : '相關段落：';
}

/**
 * An English reader's key to quoted Chinese: 「可行性研究 (feasibility study); 140億元 (HK$14 billion)」,
 * crediting CC-CEDICT (CC BY-SA 4.0) when any gloss is its.
 */
export const KEY_TERMS_LABEL = 'Key terms:';

export function keyTermsLine(terms: ReadonlyArray<{ chinese: string; english: string; source: string }>): string {
  const list = terms.map((t) => `${t.chinese} (${t.english})`).join('; ');
  const credit = terms.some((t) => t.source === 'cc-cedict') ? ' Glosses: CC-CEDICT, CC BY-SA 4.0.' : '';
  return `${KEY_TERMS_LABEL} ${list}.${credit}`;
}

/** A short, polite decline that says what the service does cover. */
export function declineMessage(
  reason: DeclineReason,
  lang: Language,
  identity: ServiceIdentity,
  /** Replaces the first sentence (why the service declines), e.g. a premise the sheet contradicts. */
  because?: string,
): string {
  const date = formatDates(identity.dates, lang);
  const asOf = identity.dates.from ? (lang === 'en' ? `covering ${date}` : `涵蓋${date}`) : lang === 'en' ? `as of ${date}` : `資料截至${date}`;
  if (lang === 'en') {
    const why: Record<DeclineReason, string> = {
      not_covered: 'Sorry, the fact sheet does not cover that.',
      opinion: 'Sorry, I can only state facts from the fact sheet; I do not give opinions or assessments.',
      instructions: 'Sorry, I cannot change how I work; I only answer questions from the fact sheet.',
      creative: 'Sorry, I do not write poems, stories or other texts; I only answer questions from the fact sheet.',
      code: 'Sorry, I do not write code; I only answer questions from the fact sheet.',
      person: 'Sorry, the fact sheet names organisations, not the people who lead them.',
    };
    return `${because ?? why[reason]} I answer questions about ${identity.scope.en} based only on ${identity.source.en} (${asOf}). Try asking, for example, ${identity.example.en}.`;
  }
  if (lang === 'zh-Hans') {
    const why: Record<DeclineReason, string> = {
      not_covered: '抱歉，这份资料没有涵盖你的问题。',
      opinion: '抱歉，我只能提供资料中的事实，不会发表意见或评价。',
      instructions: '抱歉，我不能更改我的运作方式，只会根据资料回答问题。',
      creative: '抱歉，我不会创作诗词、故事或其他文章，只会根据资料回答问题。',
      code: '抱歉，我不会编写程序，只会根据资料回答问题。',
      person: '抱歉，这份资料只提及机构，没有列出机构负责人的姓名。',
    };
    return `${because ?? why[reason]}${toSimplified(`我只根據${identity.source.zh}（${asOf}）回答有關${identity.scope.zh}的問題，例如：${identity.example.zh}`)}`;
  }
  const why: Record<DeclineReason, string> = {
    not_covered: '抱歉，這份資料沒有涵蓋你的問題。',
    opinion: '抱歉，我只能提供資料中的事實，不會發表意見或評價。',
    instructions: '抱歉，我不能更改我的運作方式，只會根據資料回答問題。',
    creative: '抱歉，我不會創作詩詞、故事或其他文章，只會根據資料回答問題。',
    code: '抱歉，我不會編寫程式，只會根據資料回答問題。',
    person: '抱歉，這份資料只提及機構，沒有列出機構負責人的姓名。',
  };
  return `${because ?? why[reason]}我只根據${identity.source.zh}（${asOf}）回答有關${identity.scope.zh}的問題，例如：${identity.example.zh}`;
}

/** Why a question with a year or figure the sheet does not have is declined: say what it has instead. */
export function premiseMessage(p: { kind: 'year' | 'figure' | 'place' | 'actor'; asked: string[]; given: string[] }, lang: Language): string {
  const a = p.asked.join(lang === 'en' ? ', ' : '、');
  const g = p.given.join(lang === 'en' ? ', ' : '、');
  if (p.kind === 'actor') {
    if (lang === 'en') return `Sorry, the fact sheet does not say ${a} did this; it names ${g}.`;
    return lang === 'zh-Hans' ? `抱歉，这份资料没有提及由 ${toSimplified(a)} 负责；资料所载的是 ${toSimplified(g)}。` : `抱歉，這份資料沒有提及由 ${a} 負責；資料所載的是 ${g}。`;
  }
  if (p.kind === 'place') {
    if (lang === 'en') return `Sorry, the fact sheet does not place this at ${a}${g ? `; it names ${g}` : ''}.`;
    return lang === 'zh-Hans' ? `抱歉，这份资料没有提及这项内容位于 ${a}${g ? `；资料所载的地点是 ${g}` : ''}。` : `抱歉，這份資料沒有提及這項內容位於 ${a}${g ? `；資料所載的地點是 ${g}` : ''}。`;
  }
  if (p.kind === 'figure') {
    // The sheet's own figure for the same thing, when the question puts another on it (quoted as the sheet writes it).
    if (lang === 'en') return `Sorry, the fact sheet does not give the figure ${a}${g ? `; it gives ${g}` : ''}.`;
    return lang === 'zh-Hans' ? `抱歉，这份资料没有提及 ${a} 这个数字${g ? `；资料所载的是 ${g}` : ''}。` : `抱歉，這份資料沒有提及 ${a} 這個數字${g ? `；資料所載的是 ${g}` : ''}。`;
  }
  if (lang === 'en') {
    return `Sorry, the fact sheet has nothing for ${a}${g ? `; on this subject it gives figures for ${g}` : ''}.`;
  }
  if (lang === 'zh-Hans') return `抱歉，这份资料没有 ${a} 年的相关资料${g ? `；它就这个题目提供的是 ${g} 年的资料` : ''}。`;
  return `抱歉，這份資料沒有 ${a} 年的相關資料${g ? `；它就這個題目提供的是 ${g} 年的資料` : ''}。`;
}

/** The sentence of a partial answer that names what the sheet does not cover. */
export function uncoveredMessage(items: string[], lang: Language): string {
  if (lang === 'en') return `The fact sheet does not cover: ${items.join('; ')}.`;
  const list = items.map((i) => i.replace(/[？?。.]+$/u, '')).join('；');
  return lang === 'zh-Hans' ? `这份资料没有涵盖：${list}。` : `這份資料沒有涵蓋：${list}。`;
}

/** Why a question about a covered subject is declined: the sheet does not state the asked-for fact. */
export function factMissingMessage(labels: string[], lang: Language): string {
  if (lang === 'en') return `Sorry, the fact sheet mentions this but does not say ${labels.join(' or ')}.`;
  return lang === 'zh-Hans' ? `抱歉，这份资料提到相关内容，但没有提供${labels.join('或')}。` : `抱歉，這份資料提到相關內容，但沒有提供${labels.join('或')}。`;
}

/** What a partial answer leaves uncovered when it cannot name it more closely. */
export function restOfQuestionLabel(lang: Language): string {
  if (lang === 'en') return 'the rest of your question';
  return lang === 'zh-Hans' ? '问题的其余部分' : '問題的其餘部分';
}

/** An uncovered side of a comparison: 「關於新加坡的資料」, "anything on Singapore", 「2021 年的資料」. */
export function aboutLabel(thing: string, lang: Language): string {
  const year = /^\d{4}$/.test(thing);
  // (A place the question typed in lower case is named as a place: "Singapore".)
  if (lang === 'en') return year ? `figures for ${thing}` : `anything on ${/^[a-z][a-z .'-]*$/.test(thing) ? thing.replace(/\b[a-z]/g, (c) => c.toUpperCase()) : thing}`;
  if (lang === 'zh-Hans') return year ? `${thing} 年的资料` : `关于${toSimplified(thing)}的资料`;
  return year ? `${thing} 年的資料` : `關於${thing}的資料`;
}
