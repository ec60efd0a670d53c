/**
 * Cleaned document texts (citation offsets index into them) in one file, documents.bin: the texts
 * concatenated as UTF-8 and where each ends. Loading hashes the file but keeps only the offsets; a
 * text is read from disk when something asks for it (evaluation, offset checks), not held in memory.
 */
import fs from 'node:fs';
import type { FileRecord } from '../integrity.js';
import { IndexDamagedError } from '../integrity.js';
import { type Container, ContainerWriter, f64 } from './container.js';

export const DOCUMENTS_KIND = 'documents';

export class DocumentStoreWriter {
  private readonly out: ContainerWriter;
  private readonly ends: number[] = [];
  private bytes = 0;

  constructor(file: string) {
    this.out = new ContainerWriter(file, DOCUMENTS_KIND).begin('text', 'u8');
  }

  add(text: Uint8Array): void {
    this.out.append(text);
    this.bytes += text.length;
    this.ends.push(this.bytes);
  }

  close(ids: string[]): FileRecord {
    this.out.end().section('ends', Float64Array.from(this.ends)).close({ documents: ids });
    return this.out.record!;
  }

  abort(): void {
    this.out.abort();
  }
}

const decoder = new TextDecoder();

/** Read side: `text(i)` reads document i's text from the file. */
export class DocumentTexts {
  private readonly ends: Float64Array;
  private readonly start: number;
  readonly ids: string[];

  constructor(
    private readonly file: string,
    c: Container,
    name = 'documents.bin',
  ) {
    if (c.kind !== DOCUMENTS_KIND) throw new IndexDamagedError(name, `is not a document store (${c.kind})`);
    this.ends = f64(c, 'ends', name);
    this.ids = (c.meta as { documents?: string[] })?.documents ?? [];
    const text = c.lazy?.text;
    if (!text || this.ends.length !== this.ids.length || (this.ends.length > 0 && this.ends[this.ends.length - 1] !== text.bytes)) {
      throw new IndexDamagedError(name, 'has texts that disagree with their offsets');
    }
    this.start = text.offset;
    this.bytes = text.bytes;
  }

  /** Bytes of text (UTF-8) all documents hold. */
  readonly bytes: number;

  text(i: number): string {
    const from = i === 0 ? 0 : this.ends[i - 1]!;
    const buf = Buffer.alloc(this.ends[i]! - from);
    const fd = fs.openSync(this.file, 'r');
    try {
      fs.readSync(fd, buf, 0, buf.length, this.start + from);
    } finally {
      fs.closeSync(fd);
    }
    return decoder.decode(buf);
  }
}
