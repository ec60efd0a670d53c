/**
 * Searching an ascending list of passage ids (a posting list, or a run of one): the one galloping
 * search the lexical index (MaxScore's look-ups) and the coverage index (list intersection) share.
 */

/** First position in [p, e) of `docs` whose passage is ≥ d: galloping, then binary search. */
export function seek(docs: Uint32Array, p: number, e: number, d: number): number {
  if (p >= e || docs[p]! >= d) return p;
  let step = 1;
  let lo = p;
  let hi = p + 1;
  while (hi < e && docs[hi]! < d) {
    lo = hi;
    step *= 2;
    hi = p + step;
  }
  if (hi > e) hi = e;
  // docs[lo] < d; answer in (lo, hi]
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < d) lo = mid;
    else hi = mid;
  }
  return hi;
}
