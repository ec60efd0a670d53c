/**
 * Years a question takes for granted (「根據 2021 年的調查…」, "in the 2022 index"). An answer must
 * come from a passage that states them: the sheet's 2022 figure is not an answer about 2021.
 */

const YEAR = /(?<![\d.])((?:19|20)\d{2})(?![\d.]|\s*(?:萬|億|元|%|個|間|家|項|人|名))/g;

/** The years (as written, four digits) a question mentions. */
export function questionYears(normalizedQuestion: string): string[] {
  return [...new Set([...normalizedQuestion.matchAll(YEAR)].map((m) => m[1]!))];
}

/** The question's years the passage text (matching form) does not state. */
export function missingYears(years: string[], passageText: string): string[] {
  return years.filter((y) => !new RegExp(`(?<!\\d)${y}(?!\\d)`).test(passageText));
}

/** 「前一年」, "the year before": a year counted from one the conversation named (−1 or +1). */
const RELATIVE_YEAR: Array<{ pattern: RegExp; offset: number; zh: boolean }> = [
  { pattern: /(再)?(前一年|上一年|之前一年|早一年)/g, offset: -1, zh: true },
  { pattern: /(後一年|下一年|翌年|隔年)/g, offset: 1, zh: true },
  { pattern: /(同年|同一年|當年)/g, offset: 0, zh: true },
  { pattern: /\b(the|that) same year\b/gi, offset: 0, zh: false },
  { pattern: /\b(the|a) (year before|previous year|prior year|year earlier|year prior)\b|\bthe year before that\b/gi, offset: -1, zh: false },
  { pattern: /\b(the|a) (year after|following year|year later|next year)\b/gi, offset: 1, zh: false },
];

/**
 * The question with a relative year made absolute from the one year its context names:
 * 「…2022 年排第幾？前一年呢？」 → the second part asks about 2021, which the premise check can judge.
 * Unchanged when the context names no year or several.
 */
export function absoluteYears(question: string, context: string): string {
  const years = questionYears(context);
  if (years.length !== 1) return question;
  const year = Number(years[0]);
  let out = question;
  for (const { pattern, offset, zh } of RELATIVE_YEAR) out = out.replace(pattern, zh ? `${year + offset}年` : `in ${year + offset}`);
  return out;
}
