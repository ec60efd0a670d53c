import type { TermFrequencies } from '../index/store/coverage-index.js';
import type { Concept } from '../text/analyze.js';
import { knownWord } from '../text/segment.js';

export type { TermFrequencies };

const UNTRANSLATED_LATIN_WEIGHT = 0.5;
/**
 * A run of Han characters jieba could not read as a word and no passage uses: its guess at unknown
 * text, as often the edges of two words (「地同」 of 「有地同空間」, 「由邊」 of 「由邊年」) or a colloquial
 * word (專登) as a thing the sheet lacks.
 */
const GUESSED_WORD_WEIGHT = 0.5;
/**
 * A word no passage uses, in the question's description of a thing (「位於港島南區…的那個科技園區」): the
 * reader's own knowledge of it, which the sheet need not state.
 */
const DESCRIBED_ABSENT_WEIGHT = 0.5;
/** A general-dictionary translation is weaker evidence than a glossary entry (several senses, some noise). */
const DICTIONARY_WEIGHT = 0.6;
/** Frequencies kept; the oldest go first (questions bring new words forever). */
const DF_CACHE_SIZE = 20_000;

/** Substring document frequencies by scanning texts (small corpora, tests). */
function scanFrequencies(texts: string[]): TermFrequencies {
  return { size: texts.length, df: (term) => texts.reduce((n, p) => (p.includes(term) ? n + 1 : n), 0) };
}

/**
 * How much of what the question asks about a passage mentions: the IDF-weighted share of the
 * question's concepts with an alternative in the passage text. IDF is counted over passages
 * (substring document frequency), so words the corpus never uses weigh the most — a question
 * about 樓價 or Python is mostly "missing" however many common words it shares with the corpus.
 */
export class CoverageScorer {
  private readonly dfCache = new Map<string, number>();
  private readonly frequencies: TermFrequencies;

  /** The index precomputes the frequencies (src/index/store/coverage-index.ts); a list of normalised passage texts is scanned instead. */
  constructor(source: string[] | TermFrequencies) {
    this.frequencies = Array.isArray(source) ? scanFrequencies(source) : source;
  }

  /** Passages mentioning `term` (a substring of their normalised text). */
  documentFrequency(term: string): number {
    let df = this.dfCache.get(term);
    if (df === undefined) {
      df = this.frequencies.df(term);
      if (this.dfCache.size >= DF_CACHE_SIZE) this.dfCache.delete(this.dfCache.keys().next().value!);
      this.dfCache.set(term, df);
    }
    return df;
  }

  idf(term: string): number {
    const n = this.frequencies.size;
    const df = this.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * A concept weighs its most common alternative's IDF (the weakest evidence it can give). Latin
   * words with no translation in the synonym file weigh half: the glossary cannot hold every English
   * word, so an untranslated one is weaker evidence that the question is off-topic.
   */
  weight(c: Concept): number {
    const w = Math.min(...c.alternatives.map((a) => this.idf(a)));
    const untranslated = c.alternatives.length === 1 && /^[a-z][a-z'-]*$/.test(c.alternatives[0]!);
    if (untranslated) return w * UNTRANSLATED_LATIN_WEIGHT;
    if (c.source === 'word' && c.alternatives.length === 1 && this.guessed(c.alternatives[0]!)) return w * GUESSED_WORD_WEIGHT;
    if (c.described && c.alternatives.every((a) => this.documentFrequency(a) === 0)) return w * DESCRIBED_ABSENT_WEIGHT;
    return c.source === 'dictionary' ? w * DICTIONARY_WEIGHT : w;
  }

  private guessed(word: string): boolean {
    return /^\p{Script=Han}+$/u.test(word) && this.documentFrequency(word) === 0 && !knownWord(word);
  }

  coverage(concepts: Concept[], normalizedText: string): number {
    let total = 0;
    let hit = 0;
    for (const c of concepts) {
      const w = this.weight(c);
      total += w;
      if (c.alternatives.some((a) => normalizedText.includes(a))) hit += w;
    }
    return total === 0 ? 0 : hit / total;
  }
}
