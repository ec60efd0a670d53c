import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KeyTerms, englishAmount, figureInEnglish, parseGlosses } from '../../src/answer/key-terms.js';
import { keyTermsLine } from '../../src/answer/messages.js';
import { extractNumbers } from '../../src/answer/verify/numbers.js';
import { buildEnglishDictionary, EnglishDictionary } from '../../src/text/english-dictionary.js';

const CORPUS = fs.readFileSync(path.join(__dirname, '..', '..', 'corpus', 'innovation-and-technology.zh-Hant.txt'), 'utf8');

let terms: KeyTerms;
let dictionary: EnglishDictionary;
beforeAll(() => {
  dictionary = new EnglishDictionary(buildEnglishDictionary([CORPUS]));
  terms = new KeyTerms(dictionary);
});

const english = (sentence: string, asked?: Set<string>) => Object.fromEntries(terms.of([sentence], asked).map((t) => [t.chinese, t.english]));

describe('figures in English', () => {
  it('renders Chinese numerals, scales, money, percentages and ordinals in digits', () => {
    const one = (text: string) => figureInEnglish(extractNumbers(text)[0]!);
    expect(one('投資約2.07億元')).toBe('HK$207 million');
    expect(one('預留100億元')).toBe('HK$10 billion');
    expect(one('吸引超過15.8億元')).toBe('HK$1.58 billion');
    expect(one('批出超過 2 萬１千宗申請')).toBe('21,000');
    expect(one('覆蓋全港九成以上人口')).toBe('90%');
    expect(one('排名全球第9')).toBe('9th');
    expect(one('九枚通訊衞星')).toBe('9');
    // Figures already in digits need no gloss.
    expect(one('共有 28 間實驗室')).toBeNull();
    expect(englishAmount(110_000)).toBe('110,000');
    expect(englishAmount(1.2e9)).toBe('1.2 billion');
  });
});

describe('key terms of quoted sentences', () => {
  it('glosses figures, dates, names and nouns of the quote, not its verbs', () => {
    const t = english('位於將軍澳創新園的先進製造業中心已在2022年4月開幕，提供約11萬平方米的先進製造空間，已進駐租戶包括從事醫療用品、民用衞星的企業。');
    expect(t['2022年4月']).toBe('April 2022');
    expect(t['11萬']).toBe('110,000');
    expect(t['將軍澳']).toBe('Tseung Kwan O');
    expect(t['先進製造業中心']).toMatch(/advanced manufacturing cent(re|er)/i);
    expect(t['開幕']).toBeUndefined();
    expect(t['提供']).toBeUndefined();
  });

  it('glosses a name holding Latin letters by its fullest English, the letters in capitals as written', () => {
    const t = english('紅杉資本亦牽頭成立香港 X 科技創業平台。');
    expect(t['香港 X 科技創業平台']).toBe('Hong Kong X-Tech Startup Platform');
    expect(english('預留 2 億元推行「奇趣 IT 識多啲」計劃')['奇趣 IT 識多啲']).toBe('Knowing More About IT Programme');
  });

  it('prefers the glossary\'s sense where CC-CEDICT\'s first sense is not the fact sheet\'s', () => {
    const t = english('香港是領先數碼經濟體系，並為內地企業提供服務。');
    expect(t['數碼']).toBe('digital');
    expect(t['內地']).toMatch(/^mainland/);
  });

  it('takes the English the government uses for the sheet\'s recurring terms over CC-CEDICT\'s sense', () => {
    const t = english('分別推動有關選定重點範疇的應用研發工作、研發成果商品化及技術轉移。');
    expect(t['商品化']).toBe('commercialisation'); // CC-CEDICT: "commodification"
    expect(t['技術轉移']).toBe('technology transfer'); // one term, not 技術 "technology" and 轉移 "to shift"
    expect(english('將沙田污水處理廠遷入岩洞')['污水處理廠']).toBe('sewage treatment works'); // not "water treatment plant"
    expect(english('推動支持創新的政府採購政策')['採購']).toBe('procurement'); // not "to procure"
    // (…shown as the sentence writes it, 「B 輪」, not in matching form.)
    expect(english('擴大涵蓋範圍至 B 輪或後期的融資')['B 輪']).toBe('series B');
    // (…and outranks the query glossary's loose English: 創科人才 is I&T talent, not "tech workers".)
    expect(english('壯大創科人才庫，增強發展動能')['創科人才']).toBe('I&T talent');
    expect(english('五所公營研發中心會為海內外 STEM 大學生提供實習機會')['研發中心']).toBe('R&D centre');
    // …and comes before other things when the line is full: the reader needs 數字經濟 more than 設計.
    const blueprint = terms.of(['政府從頂層規劃和設計着手制定《藍圖》，循「完善創科生態圈，推進香港『新型工業化』」、「壯大創科人才庫，增強發展動能」、「推動數字經濟發展，建設智慧香港」、「融入國家發展大局，打造創科合作橋樑」四大發展方向。香港特別行政區政府在 2022 年 12 月公布《香港創新科技發展藍圖》，為未來五至十年的香港創新科技發展制訂清晰的發展路徑和系統的戰略規劃。']);
    expect(blueprint.map((t) => t.english)).toEqual(expect.arrayContaining(['new industrialisation', 'digital economy', 'momentum']));
    // A verb it lists (配對) is worth a place as much as a thing.
    expect(english('以一對一的配對資助模式，協助中小企業應用現成的基礎數碼方案配套')['配對']).toBe('matching');
  });

  it('renders a ratio as one figure, not two counts', () => {
    expect(english('「再工業化及科技培訓計劃」以 2（政府）：1（企業）的配對形式資助本地企業員工')['2(政府):1(企業)']).toBe('2:1');
    expect(english('資助的其中一半為大學初創企業提供與私人投資一比一的資金配對。')['一比一']).toBe('1:1');
    expect(english('以一對一的配對資助模式')['一對一']).toBe('1:1');
  });

  it('rejects a malformed or repeated line of the preferred glosses', () => {
    expect(parseGlosses(['商品化\tcommercialisation']).get('商品化')).toBe('commercialisation');
    expect(() => parseGlosses(['商品化 commercialisation'])).toThrow(/glosses-en\.tsv/);
    expect(() => parseGlosses(['商品化\tcommercialisation (2023)'])).toThrow(/letters, spaces/);
    expect(() => parseGlosses(['商品化\tcommercialisation', '商品化\tcommodification'])).toThrow(/twice/);
  });

  it('takes the sense the glossary lists, in any form, and the glossary\'s Hong Kong name of the same kind of thing', () => {
    const t = english('以培育高潛力的科技初創企業成為區域或全球企業，並繼續向每所公帑資助中學提供資助。');
    expect(t['全球']).toBe('global'); // not CEDICT's first sense, "the whole world"
    expect(t['中學']).toBe('secondary school'); // not "middle school"
    expect(english('為數碼港預留 2.65 億元推出培育計劃。')['推出']).toBe('launch'); // the glossary's "launched", not "push out"
  });

  it('names Hong Kong things CC-CEDICT lacks from the glossary, capitalised as names', () => {
    const t = english('「科技券」計劃獲業界的廣泛支持，並由數碼港推行。');
    expect(t['科技券']).toBe('Technology Voucher');
    expect(t['數碼港']).toBe('Cyberport');
    // A long name's English in words, not the acronym the names file lists first in lower case.
    const centres = english('由政府成立的五所研發中心──汽車科技研發中心、納米及先進材料研發院，與「引進重點企業辦公室」合作。');
    expect(centres['汽車科技研發中心']).toBe('Automotive Platforms and Application Systems');
    expect(centres['納米及先進材料研發院']).toBe('Nano and Advanced Materials Institute');
    expect(centres['引進重點企業辦公室']).toBe('Office for Attracting Strategic Enterprises');
  });

  it('keeps the line short, figures first, and leaves out words every answer carries', () => {
    const long = '預留5億元進一步加快企業數碼轉型的步伐，讓數碼港推行「數碼轉型支援先導計劃」，以一對一的配對資助模式，協助中小企業應用現成的基礎數碼方案配套，讓香港政府更容易實現數碼轉型。';
    const second = '香港科學園匯集逾1,000家科技公司，為它們提供基礎設施和一站式支援服務，並在將軍澳創新園設立先進製造業中心。';
    const list = terms.of([long, second]);
    expect(list.length).toBe(20);
    // Verbs fill only the room a shorter line leaves: two sentences of things have none.
    expect(list.map((t) => t.chinese)).not.toContain('提供');
    expect(list[0]!.source).toBe('figure');
    expect(list.find((t) => t.chinese === '5億')).toMatchObject({ english: 'HK$500 million', source: 'figure' });
    expect(list.map((t) => t.chinese)).not.toContain('香港');
    expect(list.map((t) => t.chinese)).toContain('數碼港');
    // What the question already named gives way to what it did not.
    const asked = terms.of([long, second], new Set(['數碼港']));
    expect(asked.map((t) => t.chinese)).not.toContain('數碼港');
  });

  it('has room for a name many passages use (人工智能) beside the rarer things of a two-sentence quote', () => {
    // (How often the sheet uses a word stands in for how many passages mention it.)
    const common = new KeyTerms(dictionary, (w) => CORPUS.split(w).length - 1);
    const quote = [
      '促進科技產業發展，包括聯同「引進重點企業辦公室」，配合 50 億元「策略性創科基金」以及港深創科園由 2024 年起提供的創科土地和空間，聚焦吸引生命健康科技、人工智能與數據科學，以及先進製造與新能源科技等產業的優秀企業和人才落戶香港。',
      '目標是未來五年吸引不少於 100 間具潛力或代表性的創科企業在港設立或擴展業務，包括至少 20 間龍頭創科企業，為香港帶來過百億元的投資，並創造以千計的本地就業職位。',
    ];
    expect(common.of(quote).find((t) => t.chinese === '人工智能')?.english).toBe('artificial intelligence');
  });

  it('writes an acronym as the government does (HKMA, e-HKD), not capitalised like a word', () => {
    const t = english('金管局正為將來可能推出「數碼港元」作出準備，香港金融管理局亦已推出監管沙盒。');
    expect(t['金管局']).toBe('HKMA');
    expect(t['數碼港元']).toBe('e-HKD');
    expect(t['香港金融管理局']).toBe('Hong Kong Monetary Authority');
  });

  it('writes an acronym inside a name in capitals when the glossary spells it out ("gba" for "greater bay area")', () => {
    const t = english('「大灣區青年就業計劃」協助有志投身科技行業的香港青年，在大灣區發展事業。');
    expect(t['大灣區青年就業計劃']).toBe('GBA Youth Employment Scheme');
  });

  it('credits CC-CEDICT only when one of its glosses is shown', () => {
    expect(keyTermsLine([{ chinese: '九成', english: '90%', source: 'figure' }])).toBe('Key terms: 九成 (90%).');
    expect(keyTermsLine([{ chinese: '平台', english: 'platform', source: 'cc-cedict' }])).toMatch(/CC-CEDICT, CC BY-SA 4\.0/);
  });
});

describe('spans and readings', () => {
  it('renders a span of years as one figure, and picks a word\'s everyday reading', () => {
    const t = english('為未來五至十年的香港創新科技發展制訂清晰的發展路徑，選定重點範疇。');
    expect(t['五至十年']).toBe('5 to 10 years');
    expect(t['五']).toBeUndefined();
    expect(t['重點']).not.toBe('recount');
  });
});

describe('durations and parts of speech', () => {
  it('renders how long in English and glosses a noun by its noun sense', () => {
    const t = english('延長配額有效期至兩年，推動科學研究、技術創新與教育事業的發展。');
    expect(t['兩年']).toBe('2 years');
    expect(english('其中一半資助以 1:1 配對私人投資。')['一半']).toBe('half');
    expect(t['教育']).toBe('education');
    // A year is a date, not a duration.
    expect(english('於2023年推出計劃。')['2023年']).toBeUndefined();
  });
});

describe('words beyond nouns', () => {
  it('glosses adjectives, place words and determiners that say something, not pronouns', () => {
    const t = english('透過「智慧交通基金」資助本地機構，以改善駕駛安全，並為海外人才提供住宿。');
    expect(t['本地']).toMatch(/^local/);
    expect(t['安全']).toMatch(/safe/);
    expect(t['海外']).toMatch(/^overseas/);
    expect(english('其中包括數碼港。')['其中']).toBeUndefined();
  });

  it('adds a second sense of the same part of speech when it says something the first does not', () => {
    expect(english('平台收集業界的願望。')['願望']).toBe('desire, wish');
    expect(english('支持新興的企業。')['新興']).toBe('rising, emerging');
    // Not a verb beside a noun, nor the same word twice.
    expect(english('推動教育事業。')['教育']).toBe('education');
  });

  it('glosses a verb the glossary lists by the glossary\'s sense, ranked as a verb', () => {
    // CEDICT's first sense of 實習 is "to practice"; the glossary lists it for "internship".
    const t = english('資助大學生參加本地實習。');
    expect(t['實習']).toBe('internship');
    expect(t['本地']).toMatch(/^local/);
  });
});

describe('what the question asks for comes first', () => {
  it('keeps the place for "where" and the body for "who" when the line is full', () => {
    const quote = [
      '位於將軍澳創新園的先進製造業中心已在2022年4月開幕，提供約11萬平方米的先進製造空間，已進駐租戶包括從事醫療用品、民用衞星、智能保安產品及先進材料製造的企業，以及提供智慧物流相關服務的公司。',
      '香港科學園匯集逾1,000家科技公司，為它們提供基礎設施和一站式支援服務，並由生產力促進局營運。',
      '數碼港培育計劃和2億元的數碼港投資創業基金，提供開發投資基金予初創企業，以支援他們的擴展及加快其發展進度。',
    ];
    // The rarest words fill the line when nothing in particular is asked…
    const rarest = new KeyTerms(dictionary, (w) => (w === '將軍澳' || w === '生產力促進局' ? 50 : 1));
    const plain = rarest.of(quote).map((t) => t.chinese);
    expect(plain).not.toContain('將軍澳');
    expect(plain).not.toContain('生產力促進局');
    // …but not over the place a "where" question asks for, or the body a "who" question does.
    expect(rarest.of(quote, new Set(), ['place']).map((t) => t.chinese)).toContain('將軍澳');
    expect(rarest.of(quote, new Set(), ['who']).map((t) => t.chinese)).toContain('生產力促進局');
  });
});
