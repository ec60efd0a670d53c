import { lexiconLines } from '../text/lexicon.js';
import { toTraditional } from '../text/normalize.js';

export type DeclineReason = 'not_covered' | 'opinion' | 'instructions' | 'creative' | 'code' | 'person';

interface Rule {
  category: DeclineReason;
  pattern: RegExp;
}

const CATEGORIES: readonly DeclineReason[] = ['not_covered', 'opinion', 'instructions', 'creative', 'code', 'person'];

let rules: Rule[] | null = null;

function loadRules(): Rule[] {
  if (rules) return rules;
  rules = parseScopeRules(lexiconLines('out-of-scope.tsv'));
  return rules;
}

/** The lines of out-of-scope.tsv, checked: an unknown category or a pattern that does not compile is an error at start. */
export function parseScopeRules(lines: string[]): Rule[] {
  return lines.map((l) => {
    const [category, source, ...rest] = l.split('\t');
    if (!CATEGORIES.includes(category as DeclineReason) || !source || rest.length) {
      throw new Error(`out-of-scope.tsv: expected "category<TAB>regex" with a category of ${CATEGORIES.join(', ')}, got "${l}"`);
    }
    return { category: category as DeclineReason, pattern: new RegExp(source, 'iu') };
  });
}

/**
 * Requests outside what a fact service does (opinions, writing, new instructions), whatever the
 * corpus contains: 「你覺得創科政策是否成功？」 shares every keyword with the fact sheet.
 */
export function outOfScopeReason(question: string): Rule['category'] | null {
  const text = toTraditional(question.normalize('NFKC'));
  return loadRules().find((r) => r.pattern.test(text))?.category ?? null;
}
