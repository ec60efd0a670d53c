/**
 * Names a question quotes — 「策略性創科基金」, 《香港創新科技發展藍圖》, “一區兩園” — must be named by
 * the passage that answers it: a passage about another fund is not an answer about this one.
 */
export const QUOTED_NAME = /[「『《“"]([^」』》”"]{2,30})[」』》”"]/gu;

/** Quoted names in a question (matching form), without surrounding whitespace. */
export function quotedNames(normalizedQuestion: string): string[] {
  return [...new Set([...normalizedQuestion.matchAll(QUOTED_NAME)].map((m) => m[1]!.replace(/\s+/g, '')))];
}

/** Words names are written with interchangeably: mainland 數字 for Hong Kong's 數碼, 創科 for 科技 or 創新科技. */
const INTERCHANGEABLE: ReadonlyArray<readonly string[]> = [
  ['數字', '數碼'],
  ['創科', '科技', '創新科技'],
];
const HAN_DIGITS = '零一二三四五六七八九';

/**
 * The ways a reader may quote a name the documents write otherwise: 「从0到1」 for 「從零到一」, “数字港元” for
 * 「數碼港元」, “创科人才入境计划” for 「科技人才入境計劃」 (matching form, no spaces; the name itself first).
 */
export function quotedNameVariants(name: string): string[] {
  const out = new Set(numberedVariants(name));
  for (const words of INTERCHANGEABLE) {
    for (const from of words) {
      if (!name.includes(from)) continue;
      for (const to of words) if (to !== from) out.add(name.split(from).join(to));
    }
  }
  return [...out];
}

/** A quoted name with its digits written as numerals too: 「从0到1」 is 「從零到一」 (the name itself first). */
export function numberedVariants(name: string): string[] {
  return /\d/.test(name) ? [name, name.replace(/\d/g, (d) => HAN_DIGITS[Number(d)]!)] : [name];
}
