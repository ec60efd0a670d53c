import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../src/retrieve/fusion.js';
import { auc, bestThreshold, rankStats } from '../../src/eval/metrics.js';

describe('reciprocal-rank fusion', () => {
  const lexical = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const dense = [{ id: 'b' }, { id: 'x' }, { id: 'y' }];
  const order = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]).map(([id]) => id);

  it('rewards documents both rankings agree on', () => {
    expect(order(reciprocalRankFusion([lexical, dense]))[0]).toBe('b');
  });

  it('gives a down-weighted ranking less say', () => {
    expect(order(reciprocalRankFusion([lexical, dense], 60, [1, 0.01]))[0]).toBe('a');
    expect(order(reciprocalRankFusion([lexical, dense], 60, [1, 0]))).toEqual(['a', 'b', 'c', 'x', 'y']);
  });
});

describe('evaluation metrics', () => {
  it('computes recall@k and MRR from first-relevant ranks', () => {
    expect(rankStats([1, 2, null, 6])).toEqual({ n: 4, recallAt1: 0.25, recallAt5: 0.5, mrr: (1 + 0.5 + 1 / 6) / 4 });
  });
  it('computes AUC and the best threshold', () => {
    expect(auc([0.9, 0.8], [0.1, 0.85])).toBe(0.75);
    expect(bestThreshold([0.9, 0.8], [0.1, 0.2])).toEqual({ threshold: 0.8, balancedAccuracy: 1 });
  });
});
