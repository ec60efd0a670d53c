import { lexiconLines } from '../text/lexicon.js';
import { toTraditional } from '../text/normalize.js';

export type DeclineReason = 'not_covered' | 'opinion' | 'instructions' | 'creative' | 'code' | 'person';

interface Rule {
  category: Exclude<DeclineReason, 'not_covered'>;
  pattern: RegExp;
}

let rules: Rule[] | null = null;

function loadRules(): Rule[] {
  if (rules) return rules;
  rules = lexiconLines('out-of-scope.tsv').map((l) => {
      const [category, source] = l.split('\t') as [Rule['category'], string];
      return { category, pattern: new RegExp(source, 'iu') };
    });
  return rules;
}

/**
 * Requests outside what a fact service does (opinions, writing, new instructions), whatever the
 * corpus contains: 「你覺得創科政策是否成功？」 shares every keyword with the fact sheet.
 */
export function outOfScopeReason(question: string): Rule['category'] | null {
  const text = toTraditional(question.normalize('NFKC'));
  return loadRules().find((r) => r.pattern.test(text))?.category ?? null;
}
