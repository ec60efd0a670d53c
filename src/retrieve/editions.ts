import type { DocumentMeta } from '../ingest/types.js';

/**
 * Several editions of one publication (documents sharing `series`, e.g. a yearly fact sheet): answers
 * come from the newest edition, and an older one only when the question names its year. With an
 * edition cue (「2022年版」, 「2022年的便覽」, "the 2022 edition") only that edition is searched; a bare
 * year lets that edition compete with the newest (the year may be part of a fact, 「2022年12月公布」).
 */
const EDITION_CUE = /(版|便覽|便览|版本|年度|edition|version|fact ?sheet|issue)/i;

interface Edition {
  id: string;
  year: string | null;
  order: string;
}

function yearOf(meta: DocumentMeta): string | null {
  return /\b(19|20)\d{2}\b/.exec(meta.edition ?? '')?.[0] ?? meta.updated?.slice(0, 4) ?? null;
}

export class EditionPolicy {
  /** Series → editions, newest first (only series with more than one edition). */
  private readonly series = new Map<string, Edition[]>();

  constructor(documents: Iterable<{ meta: DocumentMeta }>) {
    const bySeries = new Map<string, Edition[]>();
    for (const { meta } of documents) {
      if (!meta.series) continue;
      const list = bySeries.get(meta.series) ?? [];
      list.push({ id: meta.id, year: yearOf(meta), order: `${meta.updated ?? ''}\u0000${meta.edition ?? ''}` });
      bySeries.set(meta.series, list);
    }
    for (const [name, list] of bySeries) {
      if (list.length < 2) continue;
      list.sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : a.id.localeCompare(b.id)));
      this.series.set(name, list);
    }
  }

  get empty(): boolean {
    return this.series.size === 0;
  }

  /** Documents to leave out of retrieval for this question (empty when no series has several editions). */
  exclusions(question: string): Set<string> {
    return this.select(question).exclude;
  }

  /**
   * The documents to leave out, and the years the question used to name an edition (「2022年版」):
   * those are stated by the edition's date, not expected in its text.
   */
  select(question: string): { exclude: Set<string>; editionYears: string[] } {
    const exclude = new Set<string>();
    const editionYears = new Set<string>();
    if (this.series.size === 0) return { exclude, editionYears: [] };
    const years = new Set(question.match(/(19|20)\d{2}/g) ?? []);
    const cue = EDITION_CUE.test(question);
    for (const [, editions] of this.series) {
      const [newest, ...older] = editions;
      const asked = older.filter((e) => e.year && years.has(e.year));
      if (cue) for (const e of editions) if (e.year && years.has(e.year)) editionYears.add(e.year);
      if (asked.length > 0 && cue && !(newest!.year && years.has(newest!.year))) {
        for (const e of editions) if (!asked.includes(e)) exclude.add(e.id);
      } else {
        for (const e of older) if (!asked.includes(e)) exclude.add(e.id);
      }
    }
    return { exclude, editionYears: [...editionYears] };
  }
}
