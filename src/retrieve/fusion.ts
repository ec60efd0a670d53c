/**
 * Reciprocal-rank fusion (Cormack et al., 2009): robust to the incomparable score scales of BM25
 * and cosine similarity. k=60 is the paper's constant. `weights` scale each ranking's votes
 * (a weaker embedding model can be given less say than BM25).
 */
export function reciprocalRankFusion(rankings: Array<Array<{ id: string }>>, k = 60, weights: number[] = []): Map<string, number> {
  const fused = new Map<string, number>();
  rankings.forEach((ranking, r) => {
    const w = weights[r] ?? 1;
    ranking.forEach((hit, rank) => fused.set(hit.id, (fused.get(hit.id) ?? 0) + w / (k + rank + 1)));
  });
  return fused;
}

