import { lexiconLines } from '../text/lexicon.js';
import { toTraditional } from '../text/normalize.js';

/** Why a question is declined before retrieval (or, not_covered, after it): the categories out-of-scope.tsv may use. */
const DECLINE_REASONS = ['not_covered', 'opinion', 'instructions', 'creative', 'code', 'person'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

interface Rule {
  category: DeclineReason;
  pattern: RegExp;
}

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
    if (!(DECLINE_REASONS as readonly string[]).includes(category!) || !source || rest.length) {
      throw new Error(`out-of-scope.tsv: expected "category<TAB>regex" with a category of ${DECLINE_REASONS.join(', ')}, got "${l}"`);
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
