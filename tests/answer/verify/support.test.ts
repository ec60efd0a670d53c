import { describe, expect, it } from 'vitest';
import { checkSupport, chineseOverlap, englishOverlap } from '../../../src/answer/verify/support.js';
import { citedText } from '../../../src/answer/verify/match-text.js';

const CYBERPORT = '數碼港是一個深具創意的數碼社區，匯集超過 1,900 家初創企業和科技公司。';
const SCIENCE_PARK = '香港科學園匯集逾 1,000 家科技公司，為它們提供基礎設施和一站式支援服務。';

describe('checkSupport', () => {
  it('accepts faithful paraphrases in Traditional, Simplified and English', () => {
    expect(checkSupport('數碼港是一個富有創意的數碼社區，匯集了超過 1,900 家初創企業和科技公司。', [CYBERPORT])).toEqual({ ok: true });
    expect(checkSupport('数码港是一个深具创意的数码社区，汇集了超过1,900家初创企业和科技公司。', [CYBERPORT])).toEqual({ ok: true });
    expect(checkSupport('Cyberport is a creative digital community with more than 1,900 start-ups and technology companies.', [CYBERPORT])).toEqual({ ok: true });
  });

  it('rejects invented entities, claims and unrelated content, naming the check', () => {
    expect(checkSupport('數碼港匯集騰訊等企業。', [CYBERPORT])).toMatchObject({ ok: false, check: 'entities' });
    expect(checkSupport('數碼港已於去年關閉。', [CYBERPORT])).toMatchObject({ ok: false, check: 'claims' });
    expect(checkSupport('數碼港為中小企業提供低息貸款擔保。', [CYBERPORT])).toMatchObject({ ok: false, check: 'overlap' });
    expect(checkSupport('The fund finances drug trials, hospital beds and clinical research.', [SCIENCE_PARK])).toMatchObject({
      ok: false,
      check: 'overlap',
    });
  });

  it('rejects an invented clause added to a faithful sentence', () => {
    expect(checkSupport('香港科學園匯集逾 1,000 家科技公司，並為它們提供住宿。', [SCIENCE_PARK])).toMatchObject({ ok: false, check: 'overlap' });
    expect(checkSupport('數碼港匯集超過 1,900 家初創企業和科技公司，主要來自內地。', [CYBERPORT])).toMatchObject({ ok: false, check: 'overlap' });
    expect(checkSupport('Hong Kong Science Park houses over 1,000 technology companies, most of which are fintech firms.', [SCIENCE_PARK])).toMatchObject({
      ok: false,
      check: 'overlap',
    });
    // A reference to a source is no claim.
    expect(checkSupport('數碼港匯集超過 1,900 家初創企業和科技公司，詳見網站。', [CYBERPORT])).toEqual({ ok: true });
  });

  it('survives a segmentation slip that tags 「並聯」 as a place', () => {
    const passage = '推展港深創科園與落馬州／新田一帶整合為「北部都會區」新田科技城，聯同深圳科創園區組成深港科技創新合作區。';
    expect(checkSupport('港深創科園將整合為新田科技城，並聯同深圳科創園區組成深港科技創新合作區。', [passage])).toEqual({ ok: true });
  });

  it('reads several cited passages together', () => {
    expect(checkSupport('香港科學園和數碼港分別匯集科技公司和初創企業。', [SCIENCE_PARK, CYBERPORT])).toEqual({ ok: true });
  });
});

describe('overlap measures', () => {
  it('counts Chinese content words found in the passage, through synonyms or bigrams', () => {
    const r = chineseOverlap('數碼港匯集了很多初創公司。', citedText([CYBERPORT]));
    expect(r.found).toBe(r.total - r.missing.length);
    expect(r.missing).not.toContain('初創公司'); // synonyms.tsv: 初創公司 → 初創企業
  });

  it('counts English terms the lexicon maps into the passage', () => {
    const r = englishOverlap('Cyberport hosts start-ups and technology companies.', citedText([CYBERPORT]));
    expect(r.total).toBeGreaterThanOrEqual(3);
    expect(r.missing).toEqual([]);
  });
});
