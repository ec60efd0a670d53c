/**
 * Reciprocal-rank fusion (Cormack et al., 2009): robust to the incomparable score scales of BM25
 * and cosine similarity. k=60 is the paper's constant.
 */
export function reciprocalRankFusion(rankings: Array<Array<{ id: string }>>, k = 60): Map<string, number> {
  const fused = new Map<string, number>();
  for (const ranking of rankings) {
    ranking.forEach((hit, rank) => fused.set(hit.id, (fused.get(hit.id) ?? 0) + 1 / (k + rank + 1)));
  }
  return fused;
}
