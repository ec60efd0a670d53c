import { describe, expect, it } from 'vitest';
import { auc, bestThreshold, rankStats } from '../../src/eval/metrics.js';

describe('evaluation metrics', () => {
  it('computes recall@k and MRR from first-relevant ranks', () => {
    expect(rankStats([1, 2, null, 6])).toEqual({ n: 4, recallAt1: 0.25, recallAt5: 0.5, mrr: (1 + 0.5 + 1 / 6) / 4 });
  });
  it('computes AUC and the best threshold', () => {
    expect(auc([0.9, 0.8], [0.1, 0.85])).toBe(0.75);
    expect(bestThreshold([0.9, 0.8], [0.1, 0.2])).toEqual({ threshold: 0.8, balancedAccuracy: 1 });
  });
});
