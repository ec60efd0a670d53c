/**
 * Names a question quotes — 「策略性創科基金」, 《香港創新科技發展藍圖》, “一區兩園” — must be named by
 * the passage that answers it: a passage about another fund is not an answer about this one.
 */
export const QUOTED_NAME = /[「『《“"]([^」』》”"]{2,30})[」』》”"]/gu;

/** Quoted names in a question (matching form), without surrounding whitespace. */
export function quotedNames(normalizedQuestion: string): string[] {
  return [...new Set([...normalizedQuestion.matchAll(QUOTED_NAME)].map((m) => m[1]!.replace(/\s+/g, '')))];
}
