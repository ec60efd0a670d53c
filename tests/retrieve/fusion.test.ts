import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../src/retrieve/fusion.js';

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
