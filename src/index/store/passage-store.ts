/**
 * Passages on disk and in memory: one UTF-8 record per passage (JSON, decoded only when a passage is
 * used), integer passage ids in corpus order, each passage's document, and a sorted table of the
 * string ids (`p-` + 12 hex digits = a 48-bit number) for lookups by id without a Map of a million
 * strings. Records also hold the passage's normalised text, so start-up never runs OpenCC again.
 */
import type { Passage } from '../../ingest/types.js';
import { type FileRecord, IndexDamagedError } from '../integrity.js';
import { type Container, ContainerWriter, f64, u8, u16, u32 } from './container.js';

export const PASSAGES_KIND = 'passages';
const ID = /^p-[0-9a-f]{12}$/;

/** Encoded passage record: [id, docId, section, text, start, end, ordinal]. */
type PassageRecord = [string, string, string, string, number, number, number];

export function encodeRecord(p: Passage): string {
  return JSON.stringify([p.id, p.docId, p.section, p.text, p.start, p.end, p.ordinal] satisfies PassageRecord);
}

export function idKey(id: string): number {
  if (!ID.test(id)) throw new Error(`passage id "${id}" is not of the form p-<12 hex digits>`);
  return parseInt(id.slice(2), 16);
}

export const idFromKey = (key: number) => `p-${key.toString(16).padStart(12, '0')}`;

/** Streams records in passage order into passages.bin, then writes the lookup tables. */
export class PassageStoreWriter {
  private readonly out: ContainerWriter;
  private readonly recordEnds: number[] = [];
  private readonly keys: number[] = [];
  private readonly docOf: number[] = [];
  private bytes = 0;
  /** Normalised texts as UTF-16 code units (searched without decoding), kept until close. */
  private matchUnits = new Uint16Array(1 << 16);
  private units = 0;
  private readonly matchEnds: number[] = [];

  constructor(
    file: string,
    private readonly documentIds: string[],
  ) {
    this.out = new ContainerWriter(file, PASSAGES_KIND).begin('records', 'u8');
  }

  get count(): number {
    return this.keys.length;
  }

  /**
   * Appends one document's already-encoded records (`ends`: each record's end within `records`) and
   * normalised texts (code units, `matchEnds` likewise).
   */
  addRecords(docIndex: number, ids: string[], records: Uint8Array, ends: Uint32Array, matchUnits: Uint16Array, matchEnds: Uint32Array): void {
    this.out.append(records);
    for (let i = 0; i < ids.length; i++) {
      this.keys.push(idKey(ids[i]!));
      this.docOf.push(docIndex);
      this.recordEnds.push(this.bytes + ends[i]!);
      this.matchEnds.push(this.units + matchEnds[i]!);
    }
    this.bytes += records.length;
    if (this.units + matchUnits.length > this.matchUnits.length) {
      const bigger = new Uint16Array(Math.max(this.units + matchUnits.length, Math.ceil(this.matchUnits.length * 1.5)));
      bigger.set(this.matchUnits.subarray(0, this.units));
      this.matchUnits = bigger;
    }
    this.matchUnits.set(matchUnits, this.units);
    this.units += matchUnits.length;
  }

  close(): FileRecord {
    this.out.end();
    const n = this.keys.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const keys = Float64Array.from(this.keys);
    order.sort((a, b) => keys[a]! - keys[b]!);
    const sorted = new Float64Array(n);
    for (let i = 0; i < n; i++) sorted[i] = keys[order[i]!]!;
    for (let i = 1; i < n; i++) {
      if (sorted[i] === sorted[i - 1]) {
        this.out.abort();
        throw new Error(`two passages share the id ${idFromKey(sorted[i]!)}; rename or change one of the documents holding it`);
      }
    }
    this.out
      .section('matchUnits', this.matchUnits.subarray(0, this.units))
      .section('matchEnds', Float64Array.from(this.matchEnds))
      .section('recordEnds', Float64Array.from(this.recordEnds))
      .section('keys', keys)
      .section('docOf', Uint32Array.from(this.docOf))
      .section('sortedKeys', sorted)
      .section('sortedOrder', order)
      .close({ passages: n, documents: this.documentIds });
    return this.out.record!;
  }

  abort(): void {
    this.out.abort();
  }
}

const decoder = new TextDecoder();

/** Read side: passages by integer id or by string id, decoded on demand. */
export class PassageStore {
  private readonly records: Uint8Array;
  private readonly recordEnds: Float64Array;
  private readonly matchUnits: Uint16Array;
  private readonly matchEnds: Float64Array;
  private readonly keys: Float64Array;
  readonly docOf: Uint32Array;
  private readonly sortedKeys: Float64Array;
  private readonly sortedOrder: Uint32Array;
  readonly documentIds: readonly string[];

  constructor(c: Container, file = 'passages.bin') {
    if (c.kind !== PASSAGES_KIND) throw new IndexDamagedError(file, `is not a passage store (${c.kind})`);
    const meta = c.meta as { passages: number; documents: string[] };
    this.records = u8(c, 'records', file);
    this.recordEnds = f64(c, 'recordEnds', file);
    this.matchUnits = u16(c, 'matchUnits', file);
    this.matchEnds = f64(c, 'matchEnds', file);
    this.keys = f64(c, 'keys', file);
    this.docOf = u32(c, 'docOf', file);
    this.sortedKeys = f64(c, 'sortedKeys', file);
    this.sortedOrder = u32(c, 'sortedOrder', file);
    this.documentIds = Array.isArray(meta?.documents) ? meta.documents : [];
    const n = meta?.passages;
    if (![this.recordEnds, this.matchEnds, this.keys, this.docOf, this.sortedKeys, this.sortedOrder].every((a) => a.length === n)) {
      throw new IndexDamagedError(file, 'has tables that disagree with its passage count');
    }
    if (n > 0 && (this.recordEnds[n - 1] !== this.records.length || this.matchEnds[n - 1] !== this.matchUnits.length)) {
      throw new IndexDamagedError(file, 'has records that disagree with their offsets');
    }
  }

  get count(): number {
    return this.keys.length;
  }

  idAt(i: number): string {
    return idFromKey(this.keys[i]!);
  }

  /** Integer id of a passage id, or -1. */
  indexOf(id: string): number {
    if (!ID.test(id)) return -1;
    const key = parseInt(id.slice(2), 16);
    let lo = 0;
    let hi = this.sortedKeys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.sortedKeys[mid]!;
      if (v === key) return this.sortedOrder[mid]!;
      if (v < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private record(i: number): PassageRecord {
    const start = i === 0 ? 0 : this.recordEnds[i - 1]!;
    return JSON.parse(decoder.decode(this.records.subarray(start, this.recordEnds[i]!))) as PassageRecord;
  }

  passage(i: number): Passage {
    const [id, docId, section, text, start, end, ordinal] = this.record(i);
    return { id, docId, section, text, start, end, ordinal };
  }

  /** normalizeForMatch(`${section} ${text}`) of passage i. */
  match(i: number): string {
    const s = i === 0 ? 0 : this.matchEnds[i - 1]!;
    const e = this.matchEnds[i]!;
    let out = '';
    for (let k = s; k < e; k += 8192) out += String.fromCharCode(...this.matchUnits.subarray(k, Math.min(e, k + 8192)));
    return out;
  }

  /** Whether passage i's normalised text contains `term`, compared in place (no string is built). */
  matchIncludes(i: number, term: string): boolean {
    const s = i === 0 ? 0 : this.matchEnds[i - 1]!;
    const last = this.matchEnds[i]! - term.length;
    const first = term.charCodeAt(0);
    const units = this.matchUnits;
    outer: for (let k = s; k <= last; k++) {
      if (units[k] !== first) continue;
      for (let j = 1; j < term.length; j++) if (units[k + j] !== term.charCodeAt(j)) continue outer;
      return true;
    }
    return term.length === 0;
  }

  get(id: string): Passage | undefined {
    const i = this.indexOf(id);
    return i < 0 ? undefined : this.passage(i);
  }

  has(id: string): boolean {
    return this.indexOf(id) >= 0;
  }

  get size(): number {
    return this.count;
  }
}
