/**
 * Exemplars: labelled questions a new question may reword. The similarity, the bank read from real
 * files against the real index's passages, and the answer service overruling its checks with a label.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices, exemplarBank, indexOptions } from '../../src/compose.js';
import { loadEnv } from '../../src/config/env.js';
import { type LoadedIndex, loadIndex } from '../../src/index/load-index.js';
import { ExemplarBank, sameQuestion } from '../../src/retrieve/exemplars/exemplar-bank.js';
import { type GoldSpan, locateGolds, placesOf } from '../../src/retrieve/exemplars/gold-locator.js';
import { NgramSimilarity, compactQuestion, gramCounts } from '../../src/retrieve/exemplars/ngram-similarity.js';
import { tempDir } from '../helpers/paths.js';

const SETTINGS = { similarity: 0.85, agreementMargin: 0.05, followUpSimilarity: 0.85 };
const row = (id: string, question: string, answerable: boolean, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, question, answerable, gold: [], history: [], ...extra });

/** A folder of question-set files. */
function exemplarDir(files: Record<string, string[]>): string {
  const dir = tempDir('exemplars');
  for (const [name, lines] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
  return dir;
}

describe('n-gram similarity', () => {
  const texts = ['How many EV charging points are there in Hong Kong?', '數碼港匯聚了多少家初創企業？', '香港科學園有多少家科技公司？'];
  const index = new NgramSimilarity(texts.map(gramCounts));

  it('reads questions in their matching form: Traditional, lower case, no spaces or punctuation', () => {
    expect(compactQuestion('数码港 汇聚了多少家初创企业?')).toBe('數碼港匯聚了多少家初創企業');
    expect(compactQuestion('How many EV points?')).toBe('howmanyevpoints');
  });

  it('finds a text as itself (similarity 1), in the other script too', () => {
    const [self] = index.search(texts[0]!, 0.99);
    expect(self!.doc).toBe(0);
    expect(self!.similarity).toBeCloseTo(1, 9);
    expect(index.search('数码港汇聚了多少家初创企业？', 0.99)[0]).toMatchObject({ doc: 1 });
  });

  it('ranks a rewording above the other texts and leaves out what falls below the minimum', () => {
    const found = index.search('How many EV charging points are in Hong Kong?', 0);
    expect(found[0]!.doc).toBe(0);
    expect(found[0]!.similarity).toBeGreaterThan(0.85);
    expect(found.every((f, i) => i === 0 || f.similarity <= found[i - 1]!.similarity)).toBe(true);
    expect(index.search('How many EV charging points are in Hong Kong?', 0.85).map((f) => f.doc)).toEqual([0]);
    // Another question on the same subject shares words but is another question.
    expect(index.search('數碼港有多少家科技公司？', 0)[0]!.similarity).toBeLessThan(0.85);
  });

  it('finds nothing in an empty list', () => {
    expect(new NgramSimilarity([]).search('anything', 0)).toEqual([]);
  });
});

describe('the same question reworded asks what the other can ask and states the same names and figures', () => {
  it.each([
    ['香港啲初創公司加埋總共請咗幾多人？', '香港啲初創公司總共請咗幾多人？'],
    ['數碼港有多少家初創企業？', '数码港有多少家初创企业?'],
    ['How many EV charging points are there in Hong Kong?', 'How many EV charging points are in Hong Kong?'],
    // Figures both: the reading of the kind (size, money) is approximate.
    ['红杉资本牵头成立的香港X科技创业平台规模有多大？', '红杉资本牵头成立的香港X科技创业平台资金规模有多大？'],
    // One asks no kind the reading knows.
    ['請世界各地有名嘅學者嚟香港教書同做研究，係邊個計劃？', '請世界各地有名嘅學者嚟香港教書做研究嗰個計劃叫咩？'],
  ])('%s ≈ %s', (a, b) => {
    expect(sameQuestion(a, b)).toBe(true);
  });

  it.each([
    // A name one states and the other lacks (數碼港: jieba's ns).
    ['數碼港啲初創公司加埋總共請咗幾多人？', '香港啲初創公司加埋總共請咗幾多人？'],
    // A figure: the year of a premise.
    ['How many entries did the first City I&T Grand Challenge get in 2021?', 'How many entries did the first City I&T Grand Challenge get in 2022?'],
    ['2020 年的初創企業調查顯示香港有多少間初創企業？', '初創企業調查顯示香港有多少間初創企業？'],
    // Another kind of fact asked of the same thing.
    ['How much is in the fund Alibaba launched to back Hong Kong entrepreneurs?', 'When did Alibaba launch its Hong Kong entrepreneurs fund?'],
    ['數碼港幾時成立？', '數碼港喺邊度？'],
    // Which one: the second InnoCell, planned, is not the one built.
    ['How many residential units does InnoCell next to the Science Park provide?', 'How many residential units will the second InnoCell near the Science Park have?'],
    ['科學園旁邊的創新斗室有多少個單位？', '科學園附近新一座創新斗室有多少個單位？'],
  ])('%s ≠ %s', (a, b) => {
    expect(sameQuestion(a, b)).toBe(false);
    expect(sameQuestion(b, a)).toBe(false);
  });
});

describe('the exemplar bank on the real index', () => {
  let index: LoadedIndex;
  beforeAll(async () => {
    const env = { ...loadEnv({}), INDEX_DIR: tempDir('exemplars-index'), EMBEDDING_MODEL: 'none' };
    index = await loadIndex({ ...indexOptions(env), rebuildIfStale: true });
  });

  it('locates answerable exemplars in the passages, and keeps a follow-up with the message before it', () => {
    const dir = exemplarDir({
      'set-a.jsonl': [
        row('a1', 'Roughly how many tech firms are based at the Science Park in Sha Tin?', true, { gold: ['香港科學園匯集逾 1,000 家科技公司'] }),
        row('a2', 'How many EV charging points are there in Hong Kong?', false),
        row('a3', 'and when did it open?', true, { gold: ['香港科學園匯集逾1,000家科技公司'], history: [{ role: 'user', content: '科學園' }] }),
      ],
    });
    const { bank, report } = ExemplarBank.load(dir, index.passages, SETTINGS);
    expect(report).toEqual({ files: 1, exemplars: 3, followUps: 1, invalid: [], unlocated: 0 });
    const [[located]] = bank.singleTurn[0]!.spans as [[GoldSpan]];
    // Gold strings match with whitespace ignored; the span is in the passage's own text.
    expect(located!.passage.text.slice(located!.start, located!.end).replace(/\s+/g, '')).toBe('香港科學園匯集逾1,000家科技公司');
    expect(bank.singleTurn[1]!.spans).toEqual([]);
    expect(bank.followUps.map((e) => [e.id, e.previous?.question])).toEqual([['a3', '科學園']]);
    expect(bank.followUps[0]!.spans[0]![0]!.passage.id).toBe(located!.passage.id);
    expect([...bank.documents]).toEqual([located!.passage.docId]);
  });

  it('finds many gold strings in one pass: whitespace ignored, a few places each, too-short ones not at all', () => {
    const copies = [1, 2, 3, 4].map((k) => ({ ...index.passages[0]!, id: `copy-${k}` }));
    const first = index.passages[0]!.text.replace(/\s+/g, '');
    const found = locateGolds([first.slice(0, 12), ` ${first.slice(2, 9)} `, first.slice(0, 3), '火星基地將於2030年落成'], [...index.passages, ...copies]);
    expect(placesOf(found, first.slice(0, 12)).map((p) => p.passage.id)).toEqual([index.passages[0]!.id, 'copy-1', 'copy-2']);
    const [place] = placesOf(found, first.slice(2, 9));
    expect(place!.passage.text.slice(place!.start, place!.end).replace(/\s+/g, '')).toBe(first.slice(2, 9));
    expect(placesOf(found, first.slice(0, 3))).toEqual([]);
    expect(placesOf(found, '火星基地將於2030年落成')).toEqual([]);
  });

  it('reports invalid lines and answers the corpus lacks, and keeps the rest', () => {
    const dir = exemplarDir({
      'good.jsonl': [row('g1', 'How many EV charging points are there in Hong Kong?', false)],
      'bad.jsonl': ['{not json', JSON.stringify({ id: 'b2', question: 'no label' }), row('b3', '火星基地幾時落成？', true, { gold: ['火星基地將於2030年落成'] })],
      'notes.txt': ['ignored: not a question set'],
    });
    const { bank, report } = ExemplarBank.load(dir, index.passages, SETTINGS);
    expect(report.files).toBe(2);
    expect(report.exemplars).toBe(1);
    expect(report.unlocated).toBe(1);
    expect(report.invalid).toHaveLength(2);
    expect(report.invalid[0]).toMatch(/^bad\.jsonl:1: not JSON/);
    expect(report.invalid[1]).toMatch(/^bad\.jsonl:2: answerable/);
    expect(bank.size).toBe(1);
  });

  it('a path that is a file, or a file that cannot be read, is reported, not fatal', () => {
    const dir = exemplarDir({ 'good.jsonl': [row('g1', 'How many EV charging points are there in Hong Kong?', false)] });
    const asFile = ExemplarBank.load(path.join(dir, 'good.jsonl'), index.passages, SETTINGS);
    expect(asFile.bank.size).toBe(0);
    expect(asFile.report.invalid[0]).toMatch(/not a folder$/);
    // A folder named like a question set cannot be read as one.
    fs.mkdirSync(path.join(dir, 'folder.jsonl'));
    const { bank, report } = ExemplarBank.load(dir, index.passages, SETTINGS);
    expect(bank.size).toBe(1);
    expect(report.files).toBe(1);
    expect(report.invalid).toEqual(['folder.jsonl: unreadable (EISDIR)']);
  });

  it('a missing folder is an empty bank', () => {
    const { bank, report } = ExemplarBank.load(path.join(tempDir('none'), 'missing'), index.passages, SETTINGS);
    expect(bank.size).toBe(0);
    expect(report.files).toBe(0);
    expect(bank.match('How many EV charging points are there in Hong Kong?')).toBeNull();
  });

  it('matches a rewording above the similarity, and nothing when near neighbours disagree', () => {
    const dir = exemplarDir({
      'one.jsonl': [row('o1', 'How many EV charging points are there in Hong Kong?', false)],
      'two.jsonl': [row('t1', '香港科學園有多少家科技公司？', true, { gold: ['香港科學園匯集逾1,000家科技公司'] }), row('t2', '香港科學園有多少家外國科技公司？', false)],
    });
    const { bank } = ExemplarBank.load(dir, index.passages, SETTINGS);
    const m = bank.match('How many EV charging points are in Hong Kong?');
    expect(m?.exemplar.id).toBe('o1');
    expect(m!.similarity).toBeGreaterThanOrEqual(0.85);
    expect(bank.match('How many charging points for electric cars does the city have?')).toBeNull();
    // t1 and t2 differ in one word: within the agreement margin of t1, t2's label says the difference matters.
    const t1 = bank.match('香港科學園有多少家科技公司?');
    expect(t1?.exemplar.id).toBe('t1');
    const wide = new ExemplarBank(bank.exemplars, { ...SETTINGS, agreementMargin: 0.5 });
    expect(wide.match('香港科學園有多少家科技公司?')).toBeNull();
    // Holding a set out leaves the other sets' exemplars.
    expect(bank.without('one').match('How many EV charging points are in Hong Kong?')).toBeNull();
    expect(bank.without('two').size).toBe(1);
    // A set not in the bank (a blind set) holds nothing out: the bank is not rebuilt.
    expect(bank.without('blind-hard')).toBe(bank);
  });

  it("takes no decline for a particular fact as the label of a question asking none, as a match or as a neighbour", () => {
    const dir = exemplarDir({
      'set.jsonl': [row('d1', 'When will the Microelectronics R&D Institute be set up?', false)],
    });
    const { bank } = ExemplarBank.load(dir, index.passages, { ...SETTINGS, similarity: 0.6 });
    // Asking the same fact in other words: the label applies.
    expect(bank.match('When is the Microelectronics R&D Institute going to be set up?')?.exemplar.id).toBe('d1');
    expect(bank.neighbourhood('When is the Microelectronics R&D Institute going to be set up?').unanswerable).toBeGreaterThan(0.6);
    // Asking what it is for (no particular fact): the decline says nothing of it.
    expect(bank.match('What is the Microelectronics R&D Institute for?')).toBeNull();
    expect(bank.neighbourhood('What is the Microelectronics R&D Institute for?')).toMatchObject({ unanswerable: 0, count: 0 });
  });

  it('takes no decline naming only other years as a neighbour of a question naming its own', () => {
    const dir = exemplarDir({
      'set.jsonl': [row('y1', 'What did MIT open in Hong Kong back in 2018?', false), row('y2', 'What did MIT open in Hong Kong?', true, { gold: ['麻省理工學院於2016年在香港開設首個海外創新中心'] })],
    });
    const { bank } = ExemplarBank.load(dir, index.passages, { ...SETTINGS, similarity: 0.6 });
    // The 2018 decline was for its year: it says nothing of 2016, nor of a question naming no year…
    expect(bank.neighbourhood('What did MIT open in Hong Kong in 2016?')).toMatchObject({ unanswerable: 0 });
    // …but it is a neighbour of a question asking of 2018 too, and of one naming no year.
    expect(bank.neighbourhood('What did MIT open in Hong Kong in 2018?').unanswerable).toBeGreaterThan(0.6);
    expect(bank.neighbourhood('What did MIT open in Hong Kong back then?').unanswerable).toBeGreaterThan(0);
  });

  it('takes no decline for another kind of fact as a neighbour: a count declined says nothing of a sum asked', () => {
    const dir = exemplarDir({ 'set.jsonl': [row('k1', '阿里巴巴的香港創業者基金投資了多少間公司？', false)] });
    const { bank } = ExemplarBank.load(dir, index.passages, { ...SETTINGS, similarity: 0.6 });
    expect(bank.neighbourhood('阿里巴巴的香港創業者基金有多少錢？')).toMatchObject({ unanswerable: 0 });
    expect(bank.neighbourhood('阿里巴巴的香港創業者基金投資了幾多間初創？').unanswerable).toBeGreaterThan(0.3);
  });

  it('takes the most similar labelled question that is the same question, past a likelier one naming another place', () => {
    const dir = exemplarDir({
      'set.jsonl': [
        row('n1', '數碼港有多少家初創企業？', true, { gold: ['匯集超過1,900家初創企業'] }),
        row('n2', '香港一共有多少家初創企業呢？', true, { gold: ['香港共有3,985間初創企業'] }),
      ],
    });
    const { bank } = ExemplarBank.load(dir, index.passages, { ...SETTINGS, similarity: 0.6 });
    const [first, second] = new NgramSimilarity(bank.singleTurn.map((e) => e.grams)).search('香港有多少家初創企業？', 0.6);
    expect([first!.doc, second!.doc]).toEqual([0, 1]);
    expect(bank.match('香港有多少家初創企業？')?.exemplar.id).toBe('n2');
  });

  it('matches a follow-up only with a labelled one asked after a like message, the same guards on both', () => {
    const user = (content: string) => [{ role: 'user', content }, { role: 'assistant', content: '…[1]' }];
    const dir = exemplarDir({
      'talk.jsonl': [
        row('f1', '那數碼港呢？', true, { gold: ['匯集超過1,900家初創企業'], history: user('香港科學園有多少家科技公司？') }),
        row('f2', '這幾年融資情況怎麼樣？', true, { gold: ['香港金融科技公司共獲投資者注資近140億元'], history: user('香港現在有多少家金融科技公司？') }),
        row('s1', '那數碼港呢？', false),
      ],
    });
    const { bank } = ExemplarBank.load(dir, index.passages, { ...SETTINGS, followUpSimilarity: 0.6 });
    expect(bank.matchFollowUp('那數碼港呢?', '香港科學園有幾多家科技公司？')?.exemplar.id).toBe('f1');
    expect(bank.matchFollowUp('这几年融资情况怎么样？', '香港现在有多少家金融科技公司？')?.exemplar.id).toBe('f2');
    // The same follow-up after another question is another question: what it asks of 數碼港 changed.
    expect(bank.matchFollowUp('那數碼港呢？', '香港科學園幾時成立？')).toBeNull();
    // A like previous message naming another place, or a like follow-up naming another, is not the labelled one.
    expect(bank.matchFollowUp('那數碼港呢？', '香港數碼港有多少家科技公司？')).toBeNull();
    expect(bank.matchFollowUp('那科學園呢？', '香港科學園有多少家科技公司？')).toBeNull();
    // A first question is matched with single-turn exemplars only, and a follow-up with follow-ups only.
    expect(bank.match('那數碼港呢？')?.exemplar.id).toBe('s1');
    expect(bank.without('talk').matchFollowUp('那數碼港呢？', '香港科學園有多少家科技公司？')).toBeNull();
  });

  describe('the answer service', () => {
    const dir = () =>
      exemplarDir({
        'labelled.jsonl': [
          row('l1', 'How many EV charging points are there in Hong Kong?', false),
          row('l2', 'Roughly how many tech firms are based at the Science Park in Sha Tin?', true, { gold: ['香港科學園匯集逾1,000家科技公司'] }),
        ],
      });
    const services = (exemplars: string) => {
      const env = { ...loadEnv({}), EMBEDDING_MODEL: 'none', EXEMPLARS_DIR: exemplars };
      return createServices(env, index, null, pino({ level: 'silent' })).answers;
    };

    it('without exemplars, the checks answer one question wrongly and decline the other wrongly', async () => {
      const plain = services('none');
      const ev = await plain.answer('How many EV charging points are in Hong Kong?', []);
      expect(ev.result.answerable).toBe(true);
      const firms = await plain.answer('About how many tech firms are based at the Science Park in Sha Tin?', []);
      expect(firms.result.answerable).toBe(false);
    });

    it('declines a rewording of a question labelled unanswerable, saying why in the trace', async () => {
      const r = await services(dir()).answer('How many EV charging points are in Hong Kong?', []);
      expect(r.result.answerable).toBe(false);
      expect(r.result.citations).toEqual([]);
      expect(r.trace.exemplar).toMatchObject({ id: 'l1' });
      expect(r.trace.declineReason).toBe('not_covered');
    });

    it('answers a rewording of a question labelled answerable with its gold sentence, cited', async () => {
      const r = await services(dir()).answer('About how many tech firms are based at the Science Park in Sha Tin?', []);
      expect(r.result.answerable).toBe(true);
      expect(r.trace.exemplar).toMatchObject({ id: 'l2' });
      expect(r.result.answer).toContain('1,000');
      expect(r.result.citations[0]!.text.replace(/\s+/g, '')).toContain('香港科學園匯集逾1,000家科技公司');
      expect(r.result.answer).toContain('[1]');
    });

    it('a year the sheet contradicts is a finding no label overrules', async () => {
      const question = '2020 年的初創企業調查顯示香港有多少間初創企業？';
      // (Mislabelled on purpose: the checks' premise finding stands against it.)
      const mislabelled = exemplarDir({
        'labelled.jsonl': [row('p1', question, true, { gold: ['香港共有 3,985 間初創企業'] }), row('l1', 'How many EV charging points are there in Hong Kong?', false)],
      });
      const r = await services(mislabelled).answer(question, []);
      expect(r.result.answerable).toBe(false);
      expect(r.result.answer).toMatch(/沒有 2020 年.*2022/);
      expect(r.trace.exemplar).toBeUndefined();
    });

    it('answers a question labelled answerable from its gold when the checks quoted another sentence', async () => {
      const question = 'Which foreign medical school opened a lab at Science Park to study regrowing and repairing body tissue?';
      const plain = await services('none').answer(question, []);
      expect(plain.result.answerable).toBe(true);
      expect(plain.result.answer).not.toMatch(/卡羅琳醫學院/);
      const labelled = exemplarDir({
        'labelled.jsonl': [row('i1', 'Which foreign medical school opened a lab at the Science Park to study regrowing and repairing body tissues?', true, { gold: ['瑞典卡羅琳醫學院'] })],
      });
      const r = await services(labelled).answer(question, []);
      expect(r.trace.exemplar).toMatchObject({ id: 'i1' });
      expect(r.result.citations[0]!.text).toContain('卡羅琳醫學院');
      // Where the checks quote the labelled sentence, the label changes nothing.
      const agreeing = exemplarDir({ 'labelled.jsonl': [row('i1', question, true, { gold: [plain.result.citations[0]!.text.replace(/\s+/g, '').slice(0, 20)] })] });
      const same = await services(agreeing).answer(question, []);
      expect(same.trace.exemplar).toBeUndefined();
      expect(same.result.answer).toBe(plain.result.answer);
    });

    it('answers every part a labelled answer answers where the checks found one part of two', async () => {
      const question = '科技園公司個「科技企業投資基金」投咗幾多間公司、投咗幾多錢？之後會再加幾多資金？';
      const plain = await services('none').answer(question, []);
      expect(plain.result.uncovered).toEqual(['之後會再加幾多資金？']);
      const labelled = exemplarDir({
        'labelled.jsonl': [
          row('m1', '科技園公司個科技企業投資基金投咗幾多間公司、幾多錢？之後仲會再加幾多？', true, { gold: ['已向27間科技企業投資超過3.26億元', '基金將增資4億元'] }),
        ],
      });
      const r = await services(labelled).answer(question, []);
      expect(r.trace.exemplar).toMatchObject({ id: 'm1' });
      expect(r.result.uncovered).toEqual([]);
      expect(r.result.answer).toContain('3.26 億元');
      expect(r.result.answer).toContain('增資 4 億元');
    });

    it('answers the covered part of a question labelled partial, naming what is not covered in the question\'s terms', async () => {
      const question = "Cyberport vs Singapore's Block71: which hosts more start-ups?";
      expect((await services('none').answer(question, [])).result.answerable).toBe(false);
      const labelled = exemplarDir({
        'labelled.jsonl': [
          row('p1', "Cyberport vs Singapore's Block71 - which has more start-ups?", true, { gold: ['匯集超過1,900家初創企業和科技公司'], expect: 'partial', uncovered: ['number of start-ups at Block71'] }),
        ],
      });
      const r = await services(labelled).answer(question, []);
      expect(r.trace.exemplar).toMatchObject({ id: 'p1' });
      expect(r.result.answerable).toBe(true);
      expect(r.result.uncovered).toEqual(['number of start-ups at Block71']);
      expect(r.result.answer).toContain('1,900');
      expect(r.result.answer).toContain('The fact sheet does not cover: number of start-ups at Block71.');
      // A label naming another place than the question's is not this question's: the reply says less, not something wrong.
      const other = exemplarDir({
        'labelled.jsonl': [
          row('p2', "Cyberport vs Singapore's Block71 - which has more start-ups?", true, { gold: ['匯集超過1,900家初創企業和科技公司'], expect: 'partial', uncovered: ['number of start-ups at Station F'] }),
        ],
      });
      expect((await services(other).answer(question, [])).result.uncovered).toEqual(['the rest of your question']);
    });

    it('declines a rewording of a question labelled as stating what the sheet contradicts', async () => {
      const question = 'Why did the Karolinska Institute pick Cyberport for its regenerative medicine centre?';
      expect((await services('none').answer(question, [])).result.answerable).toBe(true);
      const labelled = exemplarDir({
        'labelled.jsonl': [
          row('w1', 'Why did the Karolinska Institute choose Cyberport for its regenerative medicine centre?', false, { expect: 'correct_premise' }),
          row('l2', 'Roughly how many tech firms are based at the Science Park in Sha Tin?', true, { gold: ['香港科學園匯集逾1,000家科技公司'] }),
        ],
      });
      const r = await services(labelled).answer(question, []);
      expect(r.trace.exemplar).toMatchObject({ id: 'w1' });
      expect(r.result.answerable).toBe(false);
    });

    it('a follow-up rewording a labelled one after a like message gets the labelled new fact, not the last answer again', async () => {
      const history = [
        { role: 'user' as const, content: '香港现在有多少家金融科技公司？' },
        { role: 'assistant' as const, content: '香港有超過800間金融科技公司。[1]' },
      ];
      const plain = await services('none').answer('这几年融资情况怎么样？', history);
      expect(plain.result.answer).not.toContain('140');
      const talk = exemplarDir({
        'talk.jsonl': [
          row('c1', '這幾年融資情況怎麼樣？', true, {
            gold: ['香港金融科技公司共獲投資者注資近140億元'],
            history: [{ role: 'user', content: '香港現在有多少家金融科技公司？' }, { role: 'assistant', content: '超過800間。[1]' }],
          }),
        ],
      });
      const r = await services(talk).answer('这几年融资情况怎么样？', history);
      expect(r.trace.exemplar).toMatchObject({ id: 'c1' });
      expect(r.result.answerable).toBe(true);
      expect(r.result.answer).toContain('140');
      expect(r.result.citations[0]!.text.replace(/\s+/g, '')).toContain('香港金融科技公司共獲投資者注資近140億元');
    });

    it('a single-turn label is not a follow-up\'s: a follow-up means what its history makes it mean', async () => {
      const history = [
        { role: 'user' as const, content: '數碼港有多少家初創企業？' },
        { role: 'assistant' as const, content: '數碼港匯聚超過 1,900 家初創企業和科技公司 [1]' },
      ];
      const r = await services(dir()).answer('How many EV charging points are in Hong Kong?', history);
      expect(r.trace.exemplar).toBeUndefined();
    });

    it('an unanswerable label vetoes only answers from documents the bank was written against', async () => {
      // With no answerable exemplar located, the bank knows no document: the label cannot speak for the corpus.
      const alone = exemplarDir({ 'labelled.jsonl': [row('l1', 'How many EV charging points are there in Hong Kong?', false)] });
      const r = await services(alone).answer('How many EV charging points are in Hong Kong?', []);
      expect(r.result.answerable).toBe(true);
      expect(r.trace.exemplar).toBeUndefined();
    });

    it('a fault reading the exemplars leaves the service answering without them, and says so', () => {
      const broken = {
        get store(): never {
          throw new Error('disk gone');
        },
      } as unknown as LoadedIndex;
      const lines: string[] = [];
      const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
      const bank = exemplarBank({ ...loadEnv({}), EXEMPLARS_DIR: dir() }, broken, logger);
      expect(bank.size).toBe(0);
      expect(lines.join('')).toContain('exemplars could not be read: answering without them');
      expect(lines.join('')).toContain('disk gone');
    });

    it('loads each folder once per index, and reads the configured folder', () => {
      const env = { ...loadEnv({}), EXEMPLARS_DIR: dir() };
      expect(exemplarBank(env, index)).toBe(exemplarBank(env, index));
      expect(exemplarBank({ ...env, EXEMPLARS_DIR: 'none' }, index).size).toBe(0);
      expect(exemplarBank(env, index).size).toBe(2);
      // The follow-up similarity is part of what a cached bank was read with.
      expect(exemplarBank({ ...env, EXEMPLAR_FOLLOW_UP_SIMILARITY: 0.9 }, index)).not.toBe(exemplarBank(env, index));
    });
  });
});
