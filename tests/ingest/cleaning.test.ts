import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/ingest/corpus.js';
import { cleanDocument } from '../../src/ingest/clean-document.js';
import { toPassages } from '../../src/ingest/passages.js';
import { sentenceSpans, trimmedSentences } from '../../src/text/sentences.js';
import { endsSentence } from '../../src/ingest/blocks.js';
import { parseMarkdown } from '../../src/ingest/formats/markdown.js';
import { CORPUS_DIR } from '../helpers/paths.js';

const [source] = readCorpus(CORPUS_DIR).filter((d) => d.meta.id === 'innovation-and-technology.zh-Hant');
const doc = cleanDocument(source!);
const passages = toPassages(doc);
const passageWith = (s: string) => passages.find((p) => p.text.includes(s));

describe('cleaning the PDF-extracted fact sheet', () => {
  it('reads the metadata file beside the document', () => {
    expect(doc.meta).toMatchObject({ title: '創新及科技', language: 'zh-Hant', updated: '2023-06-30' });
  });

  it('drops private-use bullet glyphs and leaves no line breaks inside blocks', () => {
    expect(doc.text).not.toMatch(/[\uE000-\uF8FF]/);
    for (const b of doc.blocks) expect(b.text).not.toContain('\n');
  });

  it('recognises the nine section headings in order', () => {
    expect(doc.sections).toEqual(['概況', '創科界持份者', '數字經濟', '科研基建', '推動研發', '培育和匯聚人才', '支援初創企業', '智慧城市', '金融科技']);
  });

  it('ends every bullet and paragraph at the end of a sentence (no mid-sentence breaks)', () => {
    const open = doc.blocks.filter((b) => b.kind !== 'heading' && !endsSentence(b.text));
    // The only block without a full stop is the closing date line.
    expect(open.map((b) => b.text)).toEqual(['（更新日期：2023 年 6 月 30 日）']);
  });

  it('keeps bullets cut by page breaks whole', () => {
    expect(passageWith('首三座樓宇已開始興建')?.text).toMatch(/^全力落實位於落馬洲河套地區的港深創科園的建築工程。首三座樓宇已開始興建，將按計劃於 2024 年年底開始分階段落成。$/);
    expect(passageWith('香港設有 12 個海底電纜系統')?.text).toContain('並透過九枚通訊衞星提供對外通訊服務。預計未來將有更多海底電纜系統落成');
    expect(passageWith('47,000')?.text).toMatch(/^Wi-Fi 連通城市計劃︰.*現時全港共有超過 47,000 個「Wi-Fi.HK」熱點。$/);
    expect(passageWith('預留約 2億元提升「智方便」平台')?.text).toContain('將會進一步推動「智慧政府」以至整個社會的數碼轉型。');
    // A hard-wrapped bullet whose line ended on a full stop is still one bullet.
    expect(passageWith('已向 27 間科技企業投資超過 3.26 億元')?.text).toContain('基金將增資 4 億元');
  });

  it('keeps numbers intact', () => {
    for (const n of ['2 萬１千', '1,193 萬', '2（政府）：1（企業）', '7.5億元人民幣', '108,600 平方米', '2023/24 年度']) {
      expect(doc.text).toContain(n);
    }
    expect(doc.text).toContain('World Intellectual Property Organization');
  });

  it('assigns sections to passages', () => {
    expect(passageWith('轉數快')?.section).toBe('金融科技');
    expect(passageWith('數碼港是一個深具創意的數碼社區')?.section).toBe('創科界持份者');
  });
});

describe('passages', () => {
  it('have offsets that round-trip into the cleaned document', () => {
    for (const p of passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
  });

  it('have ids that are stable across runs and unique', () => {
    const again = toPassages(cleanDocument(readCorpus(CORPUS_DIR).find((d) => d.meta.id === doc.meta.id)!));
    expect(again.map((p) => p.id)).toEqual(passages.map((p) => p.id));
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
  });

  it('split overlong blocks only at sentence ends, never inside a quotation or a number', () => {
    const small = toPassages(doc, 60);
    expect(small.length).toBeGreaterThan(passages.length);
    for (const p of small) {
      expect(doc.text.slice(p.start, p.end)).toBe(p.text);
      const opens = (p.text.match(/「/g) ?? []).length;
      const closes = (p.text.match(/」/g) ?? []).length;
      expect(opens).toBe(closes);
      // Every cut falls after a sentence end (the closing date line is the one block without one).
      if (!p.text.startsWith('（更新日期')) expect(p.text).toMatch(/[。；;！？!?][」』》）)〕]*$/);
    }
  });

  it('cuts sentences at 。 and ； but not inside 「」 or （）', () => {
    const text = '他說「甲。乙」。丙（一；二）；丁。';
    expect(sentenceSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(['他說「甲。乙」。', '丙（一；二）；', '丁。']);
  });

  it('gives each sentence without its surrounding whitespace, at its offsets, and drops empty ones', () => {
    const text = ' 甲。  乙 ；\n ';
    const found = trimmedSentences(text);
    expect(found).toEqual([
      { start: 1, end: 3, text: '甲。' },
      { start: 5, end: 8, text: '乙 ；' },
    ]);
    for (const s of found) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('Markdown documents', () => {
  it('take headings, list items and blank-line paragraphs', () => {
    const blocks = parseMarkdown('# 標題\n\n## 第一節\n\n- 第一點，\n  續寫。\n- 第二點有 **重點** 和[連結](https://x)。\n\n一段文字\n第二行。\n');
    expect(blocks).toEqual([
      { kind: 'heading', text: '標題' },
      { kind: 'heading', text: '第一節' },
      { kind: 'bullet', text: '第一點，續寫。' },
      { kind: 'bullet', text: '第二點有 重點 和連結。' },
      { kind: 'paragraph', text: '一段文字第二行。' },
    ]);
  });
});
