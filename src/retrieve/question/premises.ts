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
