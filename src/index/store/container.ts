/**
 * The index's binary file format: named sections of typed arrays, written one after another as they
 * are produced (never one giant string, so no size cliff), followed by a JSON footer that lists them:
 *
 *   [section bytes, each 8-byte aligned] … [footer JSON] [footer length: u32 LE] ["FQX1"]
 *
 * Reading allocates one ArrayBuffer per section (so sections can be transferred from a worker thread
 * without copying) and hashes the file on the way, so the checksum check costs no second read.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IndexDamagedError } from '../integrity.js';

const MAGIC = 'FQX1';
const TRAILER = 8;
/** V8 cannot allocate one ArrayBuffer much above this; a larger section must be split by its writer. */
export const MAX_SECTION_BYTES = 2 ** 31 - 1;

const TYPES = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;
export type SectionType = keyof typeof TYPES;
export type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

interface SectionInfo {
  type: SectionType;
  /** Byte offset in the file. */
  offset: number;
  /** Byte length. */
  bytes: number;
}

interface Footer {
  kind: string;
  meta: unknown;
  sections: Record<string, SectionInfo>;
}

function typeOf(a: TypedArray): SectionType {
  for (const [name, ctor] of Object.entries(TYPES)) if (a instanceof ctor) return name as SectionType;
  throw new Error('unsupported typed array');
}

/** Writes a container to `file` through a temporary file renamed on close (readers never see half). */
export class ContainerWriter {
  private readonly fd: number;
  private readonly tmp: string;
  private offset = 0;
  private readonly sections: Record<string, SectionInfo> = {};
  private open: { name: string; type: SectionType; start: number } | null = null;
  private readonly hash = createHash('sha256');
  /** Size and SHA-256 of the file, once closed (hashed while writing: no second read). */
  record: { bytes: number; sha256: string } | null = null;

  constructor(
    readonly file: string,
    private readonly kind: string,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.tmp = `${file}.${process.pid}.tmp`;
    this.fd = fs.openSync(this.tmp, 'w');
  }

  private write(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(this.fd, bytes, done, bytes.length - done, this.offset + done);
    this.hash.update(bytes);
    this.offset += bytes.length;
  }

  private align(): void {
    const pad = (8 - (this.offset % 8)) % 8;
    if (pad) this.write(new Uint8Array(pad));
  }

  /** A whole section at once. */
  section(name: string, data: TypedArray): this {
    this.begin(name, typeOf(data));
    this.append(data);
    return this.end();
  }

  /** Starts a section written in pieces with append(). */
  begin(name: string, type: SectionType): this {
    if (this.open) throw new Error(`section ${this.open.name} is still open`);
    if (this.sections[name]) throw new Error(`duplicate section ${name}`);
    this.align();
    this.open = { name, type, start: this.offset };
    return this;
  }

  append(data: TypedArray | Uint8Array): this {
    if (!this.open) throw new Error('no open section');
    this.write(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return this;
  }

  end(): this {
    const o = this.open;
    if (!o) throw new Error('no open section');
    const bytes = this.offset - o.start;
    if (bytes > MAX_SECTION_BYTES) throw new Error(`section ${o.name} of ${this.file} is ${bytes} bytes, over the ${MAX_SECTION_BYTES}-byte limit`);
    this.sections[o.name] = { type: o.type, offset: o.start, bytes };
    this.open = null;
    return this;
  }

  /** Writes the footer and moves the file into place; returns the file name. */
  close(meta: unknown = {}): string {
    if (this.open) throw new Error(`section ${this.open.name} is still open`);
    const footer = Buffer.from(JSON.stringify({ kind: this.kind, meta, sections: this.sections } satisfies Footer));
    this.write(footer);
    const trailer = Buffer.alloc(TRAILER);
    trailer.writeUInt32LE(footer.length, 0);
    trailer.write(MAGIC, 4, 'latin1');
    this.write(trailer);
    // No fsync: the manifest's checksums catch a file a crash left incomplete, and npm start rebuilds it.
    fs.closeSync(this.fd);
    fs.renameSync(this.tmp, this.file);
    this.record = { bytes: this.offset, sha256: this.hash.digest('hex') };
    return this.file;
  }

  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already closed */
    }
    fs.rmSync(this.tmp, { force: true });
  }
}

/** A container read into memory: typed views over one ArrayBuffer per section. */
export interface Container {
  kind: string;
  meta: unknown;
  /** Section name → its bytes (an ArrayBuffer of exactly the section). */
  buffers: Record<string, { type: SectionType; buffer: ArrayBuffer }>;
  /** Sections hashed but left on disk (readContainer's `lazy`): where they are in the file. */
  lazy?: Record<string, { offset: number; bytes: number }>;
  /** SHA-256 of the whole file. */
  sha256: string;
}

function section<T extends SectionType>(c: Pick<Container, 'buffers'>, name: string, type: T, file: string): InstanceType<(typeof TYPES)[T]> {
  const s = c.buffers[name];
  if (!s) throw new IndexDamagedError(file, `has no section "${name}"`);
  if (s.type !== type) throw new IndexDamagedError(file, `has section "${name}" of type ${s.type}, expected ${type}`);
  return new TYPES[type](s.buffer) as InstanceType<(typeof TYPES)[T]>;
}

/** Typed views of a section; the section must exist with that element type. */
export const u8 = (c: Pick<Container, 'buffers'>, name: string, file = 'index file') => section(c, name, 'u8', file);
export const u16 = (c: Pick<Container, 'buffers'>, name: string, file = 'index file') => section(c, name, 'u16', file);
export const u32 = (c: Pick<Container, 'buffers'>, name: string, file = 'index file') => section(c, name, 'u32', file);
export const f64 = (c: Pick<Container, 'buffers'>, name: string, file = 'index file') => section(c, name, 'f64', file);

const READ_CHUNK = 8 << 20;

/**
 * Reads a container, hashing every byte. `name` is how errors refer to the file. Throws
 * IndexDamagedError for a file too short, without the trailer, or with an unreadable footer.
 */
export function readContainer(file: string, name = path.basename(file), kind?: string, lazy: string[] = []): Container {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw new IndexDamagedError(name, 'is missing');
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size < TRAILER) throw new IndexDamagedError(name, `is truncated (${size} bytes)`);
    const trailer = Buffer.alloc(TRAILER);
    fs.readSync(fd, trailer, 0, TRAILER, size - TRAILER);
    if (trailer.toString('latin1', 4) !== MAGIC) throw new IndexDamagedError(name, 'is truncated or not an index file (no end marker)');
    const footerLen = trailer.readUInt32LE(0);
    const footerStart = size - TRAILER - footerLen;
    if (footerStart < 0) throw new IndexDamagedError(name, 'is truncated (footer outside the file)');
    const footerBuf = Buffer.alloc(footerLen);
    fs.readSync(fd, footerBuf, 0, footerLen, footerStart);
    let footer: Footer;
    try {
      footer = JSON.parse(footerBuf.toString('utf8')) as Footer;
    } catch {
      throw new IndexDamagedError(name, 'has an unreadable footer');
    }
    if (kind && footer.kind !== kind) throw new IndexDamagedError(name, `holds "${footer.kind}", expected "${kind}"`);
    const sections = Object.entries(footer.sections ?? {}).sort((a, b) => a[1].offset - b[1].offset);
    for (const [sec, info] of sections) {
      if (!(info.type in TYPES) || info.offset < 0 || info.offset + info.bytes > footerStart || info.bytes % TYPES[info.type].BYTES_PER_ELEMENT) {
        throw new IndexDamagedError(name, `has a malformed section "${sec}"`);
      }
    }
    // One sequential pass: hash everything, copy section bytes into their own buffers.
    const hash = createHash('sha256');
    const buffers: Container['buffers'] = {};
    const left: NonNullable<Container['lazy']> = {};
    for (const [sec, info] of sections) if (lazy.includes(sec)) left[sec] = { offset: info.offset, bytes: info.bytes };
    const targets = sections.filter(([sec]) => !lazy.includes(sec)).map(([sec, info]) => {
      const buffer = new ArrayBuffer(info.bytes);
      buffers[sec] = { type: info.type, buffer };
      return { start: info.offset, end: info.offset + info.bytes, bytes: new Uint8Array(buffer) };
    });
    const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, Math.max(1, size)));
    let pos = 0;
    let t = 0;
    while (pos < size) {
      const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, size - pos), pos);
      if (n <= 0) throw new IndexDamagedError(name, 'could not be read to the end');
      const part = chunk.subarray(0, n);
      hash.update(part);
      const end = pos + n;
      while (t < targets.length && targets[t]!.end <= pos) t++;
      for (let k = t; k < targets.length && targets[k]!.start < end; k++) {
        const tg = targets[k]!;
        const from = Math.max(tg.start, pos);
        const to = Math.min(tg.end, end);
        if (to > from) tg.bytes.set(part.subarray(from - pos, to - pos), from - tg.start);
      }
      pos = end;
    }
    return { kind: footer.kind, meta: footer.meta, buffers, lazy: left, sha256: hash.digest('hex') };
  } finally {
    fs.closeSync(fd);
  }
}

/** A container held in memory (downloaded from a database), checked the same way as a file. */
export function parseContainer(bytes: Uint8Array, name: string, kind?: string): Container {
  const size = bytes.length;
  if (size < TRAILER) throw new IndexDamagedError(name, `is truncated (${size} bytes)`);
  const trailer = Buffer.from(bytes.buffer, bytes.byteOffset + size - TRAILER, TRAILER);
  if (trailer.toString('latin1', 4) !== MAGIC) throw new IndexDamagedError(name, 'is truncated or not an index file (no end marker)');
  const footerStart = size - TRAILER - trailer.readUInt32LE(0);
  if (footerStart < 0) throw new IndexDamagedError(name, 'is truncated (footer outside the file)');
  let footer: Footer;
  try {
    footer = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + footerStart, size - TRAILER - footerStart).toString('utf8')) as Footer;
  } catch {
    throw new IndexDamagedError(name, 'has an unreadable footer');
  }
  if (kind && footer.kind !== kind) throw new IndexDamagedError(name, `holds "${footer.kind}", expected "${kind}"`);
  const buffers: Container['buffers'] = {};
  for (const [sec, info] of Object.entries(footer.sections ?? {})) {
    if (!(info.type in TYPES) || info.offset < 0 || info.offset + info.bytes > footerStart || info.bytes % TYPES[info.type].BYTES_PER_ELEMENT) {
      throw new IndexDamagedError(name, `has a malformed section "${sec}"`);
    }
    buffers[sec] = { type: info.type, buffer: bytes.buffer.slice(bytes.byteOffset + info.offset, bytes.byteOffset + info.offset + info.bytes) as ArrayBuffer };
  }
  return { kind: footer.kind, meta: footer.meta, buffers, sha256: createHash('sha256').update(bytes).digest('hex') };
}
