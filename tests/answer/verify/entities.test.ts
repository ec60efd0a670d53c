import { describe, expect, it } from 'vitest';
import { chineseEntities, englishEntities, entitySupported } from '../../../src/answer/verify/entities.js';
import { citedText } from '../../../src/answer/verify/match-text.js';

const texts = (list: Array<{ text: string }>) => list.map((e) => e.text);
const supported = (sentence: string, passage: string, english = false) => {
  const cited = citedText([passage]);
  return (english ? englishEntities(sentence) : chineseEntities(sentence)).filter((e) => !entitySupported(e, cited)).map((e) => e.text);
};

describe('chineseEntities', () => {
  it('finds titles, proper nouns, organisation names and Latin words', () => {
    const found = texts(chineseEntities('騰訊與史丹福大學在《香港創新科技發展藍圖》下合作，設立 InnoHK 平台。'));
    expect(found).toEqual(expect.arrayContaining(['香港創新科技發展藍圖', '騰訊', 'innohk']));
    expect(found.some((t) => t.includes('史丹福'))).toBe(true);
  });

  it('does not count Hong Kong and its government as names to check', () => {
    expect(texts(chineseEntities('香港特區政府與香港的科技公司'))).toEqual([]);
  });
});

describe('englishEntities', () => {
  it('groups capitalised name phrases and skips sentence starters, months and currencies', () => {
    const found = texts(englishEntities('According to a survey in March 2023, Google and Stanford University invested HK$5 billion (US$1 billion).'));
    expect(found).toEqual(['google and stanford university']);
  });

  it('ends a name at punctuation, continues it over capitalised small words, trims "-related"', () => {
    expect(texts(englishEntities('by Tufts University\'s Fletcher School and Mastercard, Hong Kong ranked 3rd.'))).toEqual([
      "tufts university's fletcher school and mastercard",
      'hong kong',
    ]);
    expect(texts(englishEntities('The Knowing More About IT Programme funds IT-related activities.'))).toEqual(['knowing more about it programme', 'it']);
  });

  it('finds nouns named as partners or list members in Chinese', () => {
    expect(texts(chineseEntities('创科创投基金与软银合作。'))).toContain('軟銀');
  });

  it('keeps Chinese runs in English text and Latin names with digits', () => {
    expect(texts(englishEntities('The 「智方便」 platform and 5G networks.'))).toEqual(expect.arrayContaining(['智方便', '5g']));
  });
});

describe('entitySupported', () => {
  const KAROLINSKA = '瑞典卡羅琳醫學院於 2016年在香港科學園設立研究中心，加強再生醫學研究。';
  const CYBERPORT = '數碼港是一個深具創意的數碼社區，匯集超過 1,900 家初創企業和科技公司。';
  it('accepts names the passage gives, directly or through the lexicons', () => {
    expect(supported('瑞典卡羅琳醫學院在香港科學園設立研究中心。', KAROLINSKA)).toEqual([]);
    expect(supported("Sweden's Karolinska Institutet set up a research centre at the Hong Kong Science Park.", KAROLINSKA, true)).toEqual([]);
    expect(supported('Cyberport has over 1,900 start-ups.', CYBERPORT, true)).toEqual([]);
    expect(supported('「Wi-Fi.HK」熱點', '全港共有超過 47,000 個「Wi-Fi.HK」熱點。')).toEqual([]);
  });

  it('rejects names the passage does not give', () => {
    expect(supported('數碼港匯集騰訊和華為。', CYBERPORT)).toEqual(expect.arrayContaining(['騰訊', '華為']));
    expect(supported('Google and Microsoft are at Cyberport.', CYBERPORT, true)).toEqual(['google and microsoft']);
    expect(supported('Stanford University set up a research centre at the Hong Kong Science Park.', KAROLINSKA, true)).toEqual([
      'stanford university',
    ]);
    expect(supported('香港科學園由麻省理工學院管理。', '香港科學園匯集逾 1,000 家科技公司。')).toContain('麻省理工學院');
  });

  it('lets a generic head refer back, but not a home word plus a head name something new', () => {
    const park = '負責港深創新及科技園（港深創科園）的建設、營運、維修和管理。';
    expect(supported('The company manages the Park.', park, true)).toEqual([]);
    expect(supported('Hong Kong University manages it.', park, true)).toEqual(['hong kong university']);
    expect(supported('创科创投基金与软银合作。', '政府推出的 20 億元創科創投基金，以配對形式與獲選的私人風險投資基金合作。')).toEqual(['軟銀']);
    const academies = '香港科學院及香港青年科學院就科研和科技政策向政府提供意見。';
    expect(supported('香港科學院、香港青年科學院及香港工程科學院提供意見。', academies)).toEqual(['香港 工程 科學院']);
    expect(supported('The Hong Kong Academy of Sciences and the Hong Kong Young Academy of Sciences give advice.', academies, true)).toEqual([]);
  });

  it('quotes titles exactly', () => {
    const ranking = '世界數碼競爭力亞太區第 3、全球第 9（國際管理發展學院《2022 年世界數碼競爭力排名》）。';
    expect(supported('在《2022 年世界數碼競爭力排名》中', ranking)).toEqual([]);
    expect(supported('在《2022 年全球金融中心指數》中', ranking)).toEqual(['2022年全球金融中心指數']);
  });
});
