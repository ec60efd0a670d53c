/**
 * Term dictionary without JS strings: terms are runs of UTF-16 code units in one pool, found through
 * an open-addressing hash table (FNV-1a over the code units). Ingest merges a million terms per
 * 100,000 passages through it without building a Map of strings; the index file stores the same
 * pool and table, so the reader finds query tokens the same way.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of a term given as a string. */
export function hashTerm(term: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** FNV-1a of the code units units[s..e). */
export function hashUnits(units: Uint16Array, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let i = s; i < e; i++) {
    h ^= units[i]!;
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** A growing dictionary: code-unit runs → dense ids in first-seen order. */
export class TermDictionary {
  units: Uint16Array = new Uint16Array(1 << 20);
  /** ends[i + 1] is where term i ends in `units` (ends[0] = 0). */
  ends: Uint32Array = new Uint32Array(1 << 16);
  size = 0;
  private unitCount = 0;
  private table: Uint32Array = new Uint32Array(1 << 16);

  /** Id of units[s..e) of `src`, added if new. */
  idOf(src: Uint16Array, s: number, e: number): number {
    const len = e - s;
    const mask = this.table.length - 1;
    let slot = hashUnits(src, s, e) & mask;
    for (;;) {
      const v = this.table[slot]!;
      if (v === 0) break;
      const id = v - 1;
      const ts = this.ends[id]!;
      if (this.ends[id + 1]! - ts === len) {
        let i = 0;
        while (i < len && this.units[ts + i] === src[s + i]) i++;
        if (i === len) return id;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    if (this.unitCount + len > this.units.length) this.units = grow16(this.units, this.unitCount + len);
    this.units.set(src.subarray(s, e), this.unitCount);
    this.unitCount += len;
    if (id + 2 > this.ends.length) this.ends = grow32(this.ends, id + 2);
    this.ends[id + 1] = this.unitCount;
    this.table[slot] = id + 1;
    if (this.size * 2 > this.table.length) this.rehash(this.table.length * 2);
    return id;
  }

  private rehash(size: number): void {
    this.table = buildTable(this.units, this.ends, this.size, size);
  }

  /** The pool, the ends and a table sized for lookups, trimmed for writing. */
  finish(): { units: Uint16Array; ends: Uint32Array; table: Uint32Array } {
    let size = 16;
    while (size < this.size * 2) size *= 2;
    return {
      units: this.units.slice(0, this.unitCount),
      ends: this.ends.slice(0, this.size + 1),
      table: size === this.table.length ? this.table : buildTable(this.units, this.ends, this.size, size),
    };
  }
}

function buildTable(units: Uint16Array, ends: Uint32Array, count: number, size: number): Uint32Array {
  const table = new Uint32Array(size);
  const mask = size - 1;
  for (let id = 0; id < count; id++) {
    let slot = hashUnits(units, ends[id]!, ends[id + 1]!) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = id + 1;
  }
  return table;
}

function grow16(a: Uint16Array, need: number): Uint16Array {
  let size = a.length * 2;
  while (size < need) size *= 2;
  const b = new Uint16Array(size);
  b.set(a);
  return b;
}

function grow32(a: Uint32Array, need: number): Uint32Array {
  let size = a.length * 2;
  while (size < need) size *= 2;
  const b = new Uint32Array(size);
  b.set(a);
  return b;
}

/** Terms as code units with their end offsets (how segments and the index file store them). */
export function encodeTerms(terms: string[]): { units: Uint16Array; ends: Uint32Array } {
  let total = 0;
  for (const t of terms) total += t.length;
  const units = new Uint16Array(total);
  const ends = new Uint32Array(terms.length + 1);
  let u = 0;
  terms.forEach((t, i) => {
    for (let c = 0; c < t.length; c++) units[u++] = t.charCodeAt(c);
    ends[i + 1] = u;
  });
  return { units, ends };
}

/** The terms of a pool as strings (code units copied exactly; a TextDecoder would replace lone surrogates). */
export function decodeTerms(units: Uint16Array, ends: Uint32Array): string[] {
  let all = '';
  for (let i = 0; i < units.length; i += 8192) all += String.fromCharCode(...units.subarray(i, i + 8192));
  const out: string[] = [];
  for (let i = 0; i + 1 < ends.length; i++) out.push(all.slice(ends[i]!, ends[i + 1]!));
  return out;
}
