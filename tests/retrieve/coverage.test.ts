import { describe, expect, it } from 'vitest';
import { CoverageScorer } from '../../src/retrieve/coverage.js';
import type { Concept } from '../../src/text/analyze.js';

const word = (w: string): Concept => ({ label: w, alternatives: [w], source: 'word' });
const passages = ['香港科學園匯集逾 1,000 家科技公司', '數碼港匯集超過 1,900 家初創企業', '香港特區政府公布創新科技發展藍圖', '創新斗室提供約 500 個住宿單位'];
const scorer = new CoverageScorer(passages);

describe('coverage: how much of what the question asks about a passage mentions', () => {
  it('weighs a word no passage uses the most, so a question about something else is mostly uncovered', () => {
    expect(scorer.weight(word('樓價'))).toBeGreaterThan(scorer.weight(word('香港')));
    expect(scorer.coverage([word('香港'), word('樓價')], passages[0]!)).toBeLessThan(0.5);
    expect(scorer.coverage([word('數碼港'), word('初創企業')], passages[1]!)).toBe(1);
  });

  it('weighs half a run jieba could only guess at that no passage uses (「地同」 of 「有地同空間」)', () => {
    expect(scorer.weight(word('地同'))).toBeCloseTo(scorer.weight(word('樓價')) / 2);
    // A word jieba knows, however absent, is full evidence that the question is about something else.
    expect(scorer.weight(word('樓價'))).toBeCloseTo(scorer.idf('樓價'));
  });

  it('weighs half an English word the glossary cannot translate, and less a general-dictionary rendering', () => {
    expect(scorer.weight(word('widgets'))).toBeCloseTo(scorer.idf('widgets') / 2);
    const dictionary: Concept = { label: '宿舍', alternatives: ['宿舍', '住宿'], source: 'dictionary' };
    expect(scorer.weight(dictionary)).toBeCloseTo(0.6 * scorer.idf('住宿'));
  });
});

describe('coverage of a described thing', () => {
  it('weighs half a word no passage uses in a description (the reader\'s own knowledge of the thing), not one the passages use', () => {
    const absent: Concept = { label: '南區', alternatives: ['南區'], source: 'word', described: true };
    expect(scorer.weight(absent)).toBeCloseTo(scorer.weight(word('南區')) / 2);
    const present: Concept = { label: '數碼港', alternatives: ['數碼港'], source: 'word', described: true };
    expect(scorer.weight(present)).toBeCloseTo(scorer.weight(word('數碼港')));
  });
});
