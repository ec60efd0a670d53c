import { describe, expect, it } from 'vitest';
import { extractNumbers, parseChineseNumber, parseEnglishNumber, unsupportedNumber } from '../../../src/answer/verify/numbers.js';

const values = (text: string) => extractNumbers(text).map((n) => n.value);
const CYBERPORT = '數碼港是一個深具創意的數碼社區，匯集超過 1,900 家初創企業和科技公司。';

describe('Chinese numerals', () => {
  it.each([
    ['五百', 500],
    ['一萬', 10_000],
    ['一千九百', 1900],
    ['二千萬', 20_000_000],
    ['4.4萬', 44_000],
    ['2 萬 1 千', 21_000],
    ['1193萬', 11_930_000],
    ['百億', 1e10],
    ['十四', 14],
    ['兩', 2],
    ['一萬五', 15_000],
    ['二零二二', 2022],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumber(text)).toBeCloseTo(value, 6);
  });
});

describe('English number words', () => {
  it.each([
    [['five', 'hundred'], 500],
    [['twenty', 'eight'], 28],
    [['one', 'thousand', 'nine', 'hundred'], 1900],
    [['two', 'million'], 2e6],
  ])('%j = %d', (words, value) => {
    expect(parseEnglishNumber(words)).toBe(value);
  });
});

describe('extractNumbers', () => {
  it('reads digits with and without thousands separators, and decimals', () => {
    expect(values('1,900 家')).toEqual([1900]);
    expect(values('1900 家')).toEqual([1900]);
    expect(values('約 2.07 億元')[0]).toBeCloseTo(2.07e8);
  });

  it('reads Chinese and mixed numerals with their scale', () => {
    expect(values('匯集超過一萬家')).toEqual([10_000]);
    expect(values('超過 2 萬１千宗申請')).toEqual([21_000]); // full-width １ as in the fact sheet
    expect(values('4.4萬')).toEqual([44_000]);
    expect(values('50億元')).toEqual([5e9]);
    expect(values('五百個單位')).toEqual([500]);
  });

  it('reads percentages in every form', () => {
    for (const t of ['增加 52%', '增加百分之五十二', 'up 52 percent', 'up 52 per cent']) {
      expect(extractNumbers(t)).toMatchObject([{ kind: 'percent', value: 52 }]);
    }
    expect(extractNumbers('覆蓋率已逾九成的網絡')).toMatchObject([{ kind: 'percent', value: 90 }]);
  });

  it('reads years and financial years', () => {
    expect(extractNumbers('2022年12月')).toMatchObject([{ value: 2022 }, { value: 12 }]);
    for (const t of ['2022/23 財政年度', 'the 2022-23 financial year', '2022/2023']) {
      expect(extractNumbers(t)).toMatchObject([{ kind: 'fiscal-year', value: 2022, end: 2023 }]);
    }
    expect(extractNumbers('from 2022/23.')).toMatchObject([{ kind: 'fiscal-year' }]);
    // Shortened before the word for one, or after "FY": the same year; two bare figures stay figures.
    for (const t of ['23/24年度的财政预算', '23-24財政年度', 'the FY23/24 budget']) {
      expect(extractNumbers(t)).toMatchObject([{ kind: 'fiscal-year', value: 2023, end: 2024 }]);
    }
    expect(extractNumbers('23/24')).toMatchObject([{ kind: 'count', value: 23 }, { kind: 'count', value: 24 }]);
    expect(extractNumbers('23/25年度')).not.toMatchObject([{ kind: 'fiscal-year' }]);
  });

  it('reads money with currency and scale words', () => {
    expect(extractNumbers('HK$440 million')).toMatchObject([{ kind: 'money', value: 4.4e8, currency: 'HKD' }]);
    expect(extractNumbers('US$1.8 billion')).toMatchObject([{ kind: 'money', value: 1.8e9, currency: 'USD' }]);
    expect(extractNumbers('7.5億元人民幣')).toMatchObject([{ kind: 'money', value: 7.5e8, currency: 'RMB' }]);
    expect(extractNumbers('21 億港元')).toMatchObject([{ kind: 'money', value: 2.1e9, currency: 'HKD' }]);
    expect(extractNumbers('HK$4.4bn')).toMatchObject([{ kind: 'money', value: 4.4e9 }]);
  });

  it('reads English number words and ordinals', () => {
    expect(values('five hundred units')).toEqual([500]);
    expect(values('twenty-eight labs')).toEqual([28]);
    expect(values('1.2 million accounts')).toEqual([1.2e6]);
    expect(values('ranked 9th, ninth, 第 9')).toEqual([9, 9, 9]);
  });

  it('ignores a lone 一 / "one", names with digits, markers and fixed expressions', () => {
    expect(values('提供一站式服務，是其中之一。[1]')).toEqual([]);
    expect(values('one-stop services, one of the hubs [2]')).toEqual([]);
    expect(values('5G 網絡與 COVID-19')).toEqual([]);
    expect(values('「十四五」規劃、「一國兩制」、萬事達卡')).toEqual([]);
    // Words starting with a numeral: 老百姓, 百貨, 十分, 萬一, 千萬別.
    expect(values('讓老百姓對數據感興趣，十分重要，萬一出錯，千萬別慌')).toEqual([]);
    expect(values('一百萬元和三千萬')).toEqual([1000000, 30000000]);
  });

  it('reads fixed expressions on the passage side (十四五 → 14 and 5)', () => {
    const loose = extractNumbers('「十四五」規劃', { loose: true }).map((n) => n.value);
    expect(loose).toEqual(expect.arrayContaining([14, 5]));
  });
});

describe('unsupportedNumber: every figure must be in a cited passage, by value', () => {
  it('accepts the same figure written another way', () => {
    expect(unsupportedNumber('匯集超過 1900 家', [CYBERPORT])).toBeNull();
    expect(unsupportedNumber('匯集超過一千九百家', [CYBERPORT])).toBeNull();
    expect(unsupportedNumber('more than 1,900 start-ups', [CYBERPORT])).toBeNull();
    expect(unsupportedNumber('共有 4.4萬 個', ['現時共有 44,000 個熱點。'])).toBeNull();
    expect(unsupportedNumber('HK$440 million a year from 2022/23', ['自 2022/23 財政年度起倍增至每年 4.4 億元'])).toBeNull();
    expect(unsupportedNumber('超過 2.1 萬宗', ['已批出超過 2 萬１千宗申請'])).toBeNull();
    expect(unsupportedNumber('the 14th Five-Year Plan', ['國家「十四五」規劃綱要'])).toBeNull();
  });

  it('rejects a different value, however it is written', () => {
    expect(unsupportedNumber('匯集超過 190 家', [CYBERPORT])?.value).toBe(190);
    expect(unsupportedNumber('匯集超過一萬家', [CYBERPORT])?.value).toBe(10_000);
    expect(unsupportedNumber('ten thousand start-ups', [CYBERPORT])?.value).toBe(10_000);
    expect(unsupportedNumber('每年 4.4 萬元', ['每年 4.4 億元'])).not.toBeNull();
    expect(unsupportedNumber('HK$4.4 billion', ['每年 4.4 億元'])).not.toBeNull();
  });

  it('checks percentages, currencies and financial years', () => {
    expect(unsupportedNumber('增加 52 個', ['增加 52%'])).toBeNull();
    expect(unsupportedNumber('增加 25%', ['增加 52%'])).not.toBeNull();
    expect(unsupportedNumber('US$14 billion', ['近 140 億元（18億美元）'])).not.toBeNull();
    expect(unsupportedNumber('HK$14 billion (US$1.8 billion)', ['近 140 億元（18億美元）'])).toBeNull();
    expect(unsupportedNumber('在 2022/23 年度完成', ['並在 2023/24 年度完成'])).not.toBeNull();
    expect(unsupportedNumber('completed in 2024', ['並在 2023/24 年度完成'])).toBeNull();
  });
});
