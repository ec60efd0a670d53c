/** Rank (1-based) of the first relevant result, or null. */
export function firstRelevantRank(relevant: boolean[]): number | null {
  const i = relevant.indexOf(true);
  return i < 0 ? null : i + 1;
}

export interface RankStats {
  n: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

export function rankStats(ranks: Array<number | null>): RankStats {
  const n = ranks.length;
  if (n === 0) return { n, recallAt1: NaN, recallAt5: NaN, mrr: NaN };
  const at = (k: number) => ranks.filter((r) => r !== null && r <= k).length / n;
  const mrr = ranks.reduce<number>((s, r) => s + (r ? 1 / r : 0), 0) / n;
  return { n, recallAt1: at(1), recallAt5: at(5), mrr };
}

/** Area under the ROC curve: the chance a random positive scores above a random negative. */
export function auc(positives: number[], negatives: number[]): number {
  if (!positives.length || !negatives.length) return NaN;
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

/** Threshold maximising balanced accuracy (positives ≥ t are accepted). */
export function bestThreshold(positives: number[], negatives: number[]): { threshold: number; balancedAccuracy: number } {
  const candidates = [...new Set([...positives, ...negatives])].sort((a, b) => a - b);
  let best = { threshold: 0, balancedAccuracy: 0 };
  for (const t of candidates) {
    const tpr = positives.filter((p) => p >= t).length / positives.length;
    const tnr = negatives.filter((n) => n < t).length / negatives.length;
    const ba = (tpr + tnr) / 2;
    if (ba > best.balancedAccuracy) best = { threshold: t, balancedAccuracy: ba };
  }
  return best;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
