/**
 * BM25F as the project has always scored it (the formula of wink-bm25-text-search, which the index used
 * before: field-weighted term frequency and length, idf = ln((N − df + 0.5)/(df + 0.5) + 1), k1 = 1.2,
 * b = 0.75, and each term's contribution rounded to 4 decimals), so rankings do not change with the
 * storage. Contributions are stored as integers (×10,000): sums are exact and ties are real ties.
 */

/** BM25F: the section title counts, but less than the passage body. */
export const LEXICAL_FIELDS = { body: 1, section: 0.5 } as const;
/** Field weights ×2, as integers (term frequencies are stored ×2). */
export const FIELD_TF2 = { body: 2, section: 1 } as const;
export const BM25 = { k1: 1.2, b: 0.75, k: 1 } as const;
/** Fixed-point scale of stored contributions (4 decimals). */
export const IMPACT_SCALE = 10_000;

/** Documents whose text reads as words at least this much are not demoted. */
const QUALITY_FULL = 0.7;

/**
 * A document's multiplier on its passages' BM25F scores, from textQuality (src/text/quality.ts):
 * 1 for edited prose (or when there is too little Han text to judge), proportionally less for
 * garbled text, so a noisy near-copy cannot outrank the clean original by matching the same words
 * in fewer tokens. At most 1, so MaxScore's bounds stay valid.
 */
export function documentPrior(quality: number | null | undefined): number {
  return quality == null ? 1 : Math.min(1, Math.max(0.05, quality / QUALITY_FULL));
}

export function idf(totalDocs: number, df: number): number {
  return Math.log((totalDocs - df + 0.5) / (df + 0.5) + BM25.k);
}

/**
 * One term's contribution to one passage's score, ×IMPACT_SCALE. `tf2` and `len2` are the field-weighted
 * frequency and length ×2; `avgLen` is the mean field-weighted length. The operations follow wink's
 * order so the rounded values are identical.
 */
export function impact(tf2: number, len2: number, avgLen: number, termIdf: number): number {
  const freq = tf2 / 2;
  const norm = 1 - BM25.b + BM25.b * (len2 / 2 / avgLen);
  const x = Math.abs((freq * (BM25.k1 + 1)) / (BM25.k1 * norm + freq)) * termIdf;
  const y = x * IMPACT_SCALE;
  const r = Math.round(y);
  // toFixed(4) rounds the exact binary value; x × 10,000 can differ from it only next to a half, so
  // only there is the (slow) decimal formatting needed.
  if (Math.abs(y - r) < 0.4999) return r;
  return Math.round(Number(x.toFixed(4)) * IMPACT_SCALE);
}
