import { describe, expect, it } from 'vitest';
import { hasContent, splitSentences } from '../../../src/answer/verify/sentences.js';

const split = (t: string) => splitSentences(t).map((s) => [s.body, s.markers]);

describe('splitSentences', () => {
  it('splits Chinese sentences and keeps each marker with its own sentence', () => {
    expect(split('數碼港匯集超過 1,900 家。[1] 它亦是全港最大的科技園區。')).toEqual([
      ['數碼港匯集超過 1,900 家。', [1]],
      ['它亦是全港最大的科技園區。', []],
    ]);
  });

  it('a marker at the end of a paragraph covers only the last sentence', () => {
    expect(split('第一句。第二句。[2]')).toEqual([
      ['第一句。', []],
      ['第二句。', [2]],
    ]);
  });

  it('takes markers before or after the full stop, and several markers', () => {
    expect(split('科學園匯集逾 1,000 家[1]。數碼港匯集 1,900 家。[2][3]')).toEqual([
      ['科學園匯集逾 1,000 家。', [1]],
      ['數碼港匯集 1,900 家。', [2, 3]],
    ]);
  });

  it('splits English sentences but not decimals, abbreviations or domain names', () => {
    expect(split('The cap is HK$4.4 billion, e.g. for labs [1]. Wi-Fi.HK has 47,000 hotspots. [2]')).toEqual([
      ['The cap is HK$4.4 billion, e.g. for labs.', [1]],
      ['Wi-Fi.HK has 47,000 hotspots.', [2]],
    ]);
  });

  it('splits on line breaks, except after a colon', () => {
    expect(split('包括：\n- 數碼港 [1]\n- 科學園 [2]')).toEqual([
      ['包括：\n- 數碼港', [1]],
      ['- 科學園', [2]],
    ]);
  });

  it('treats a marker on its own line as part of the sentence before', () => {
    expect(split('數碼港匯集 1,900 家。\n[1]')).toEqual([['數碼港匯集 1,900 家。', [1]]]);
  });

  it('handles ?! and closing quotes', () => {
    expect(split('它叫「智方便」。」[1] 真的嗎？！[2]')).toEqual([
      ['它叫「智方便」。」', [1]],
      ['真的嗎？！', [2]],
    ]);
  });

  it('knows a sentence with no words', () => {
    const [s] = splitSentences('—— [1]');
    expect(hasContent(s!)).toBe(false);
  });
});
