import { describe, expect, it } from 'vitest';
import { isComparison, namedEntities, otherSides } from '../../../src/retrieve/question/entities.js';
import { asksOwnQuestion, namesNoSubject, splitQuestion } from '../../../src/retrieve/question/parts.js';
import { missingYears, questionYears } from '../../../src/retrieve/question/premises.js';
import { normalizeForMatch } from '../../../src/text/normalize.js';
import { quotedNames } from '../../../src/text/quoted-names.js';

describe('a thousands separator', () => {
  it('does not split a question', () => {
    expect(splitQuestion('Cyberport has more than 3,000 start-ups now - what kind of support do they get there?')).toHaveLength(1);
  });
});

describe('multi-part questions', () => {
  it('tells a part asking its own question from one describing another part\'s subject', () => {
    expect(asksOwnQuestion('How many InnoHK labs are operating')).toBe(true);
    expect(asksOwnQuestion('What is the digital economy committee looking into')).toBe(true);
    expect(asksOwnQuestion('負責研究如何推動數字經濟發展的那個委員會')).toBe(false);
    expect(asksOwnQuestion('科技園有幾多間公司？')).toBe(true);
  });

  it.each([
    ['數碼港投資創業基金投資了多少間公司？當中有多少間已經上市？', ['數碼港投資創業基金投資了多少間公司？', '當中有多少間已經上市？']],
    ['Where did Hong Kong rank in 2022, and what was its rank the year before?', ['Where did Hong Kong rank in 2022', 'what was its rank the year before?']],
    ['港深創科園幾時落成，由邊個負責營運？', ['港深創科園幾時落成', '由邊個負責營運？']],
    // A leading statement belongs to the question after it.
    ['The fact sheet says Hong Kong has 30 labs. How much funding do they get?', ['The fact sheet says Hong Kong has 30 labs. How much funding do they get?']],
  ])('%s', (q, parts) => {
    expect(splitQuestion(q)).toEqual(parts);
  });

  it('asks the same of two rankings each named after its own "in": one part each, the head repeated', () => {
    expect(splitQuestion("How did Hong Kong do in IMD's 2022 digital competitiveness ranking and in the Tufts/Mastercard digital intelligence index?")).toEqual([
      "How did Hong Kong do in IMD's 2022 digital competitiveness ranking?",
      'How did Hong Kong do in the Tufts/Mastercard digital intelligence index?',
    ]);
    // (Two years are no two rankings: a comparison, kept whole.)
    expect(splitQuestion('How many start-ups were there in 2018 and in 2022?')).toHaveLength(1);
  });

  it('keeps a one-part question whole, commas included', () => {
    expect(splitQuestion('根據投資推廣署的調查，香港有多少間初創企業？')).toEqual(['根據投資推廣署的調查，香港有多少間初創企業？']);
  });
});

describe('「分別」: the same asked of two things', () => {
  it.each([
    ['香港在IMD世界数字竞争力排名和智慧城市指数里分别排第几？', ['香港在IMD世界数字竞争力排名排第几？', '智慧城市指数排第几？']],
    ['「中學IT創新實驗室」同埋「奇趣IT識多啲」兩個計劃分別有幾多錢？', ['「中學IT創新實驗室」有幾多錢？', '「奇趣IT識多啲」兩個計劃有幾多錢？']],
    // …and so does 「各自」, 「各有」.
    ['香港科學園和數碼港各自聚集了多少家公司？', ['香港科學園聚集了多少家公司？', '數碼港聚集了多少家公司？']],
    ['科學園同數碼港各有幾多間公司？', ['科學園有幾多間公司？', '數碼港有幾多間公司？']],
  ])('%s → one part each', (q, parts) => {
    expect(splitQuestion(q)).toEqual(parts);
  });
});

describe('「各自」 after a clause of its own', () => {
  it('splits only two things named side by side, not words across a comma', () => {
    expect(splitQuestion('政府夾錢俾公司員工去上高科技培訓，政府同公司各自出幾多份？')).toEqual(['政府夾錢俾公司員工去上高科技培訓，政府同公司各自出幾多份？']);
  });
});

describe('the other side of a comparison', () => {
  it.each([
    ['香港和新加坡的虚拟银行数量相比怎么样？', ['新加坡']],
    ['香港数码港和深圳南山软件园，哪个聚集的企业更多？', ['深圳南山軟件園']],
    ['香港的初創企業數目與深圳相比，哪一方較多？', ['深圳']],
  ])('%s → %j', (q, sides) => {
    expect(otherSides(normalizeForMatch(q))).toEqual(sides);
  });
});

describe('a part that names no subject of its own', () => {
  it.each(['預計何時成立？', '总投资多少？', '什么时候成立？', '幾時開？', '喺邊度㗎？'])('%s asks about the subject another part named', (p) => {
    expect(namesNoSubject(p)).toBe(true);
  });
  it.each(['有多少研究人员？', '拿到牌照的是哪几家交易所？', 'and when will it open?'])('%s names its own (or points back in English)', (p) => {
    expect(namesNoSubject(p)).toBe(false);
  });
});

describe('years a question takes for granted', () => {
  it('reads four-digit years, not amounts', () => {
    expect(questionYears(normalizeForMatch('根據2021年的調查，2,000間公司獲得2022/23年度的資助？'))).toEqual(['2021', '2022']);
    expect(questionYears(normalizeForMatch('The 2020 Digital Intelligence Index'))).toEqual(['2020']);
    expect(questionYears(normalizeForMatch('投資了 1900 萬元'))).toEqual([]);
  });

  it('finds the years a passage does not state', () => {
    expect(missingYears(['2021', '2022'], '根據投資推廣署於 2022 年進行的初創企業調查')).toEqual(['2021']);
  });
});

describe('names, places and comparisons', () => {
  it('reads quoted names in every quotation style', () => {
    expect(quotedNames(normalizeForMatch('「策略性創科基金」和《香港創新科技發展藍圖》及“一区两园”'))).toEqual(['策略性創科基金', '香港創新科技發展藍圖', '一區兩園']);
  });

  it('finds places and capitalised English names, not Hong Kong itself', () => {
    const q = '香港的儲值支付工具牌照比澳門多嗎？';
    expect(namedEntities(q, normalizeForMatch(q))).toEqual(['澳門']);
    const en = "How does Hong Kong's ranking stack up against Singapore's in September?";
    expect(namedEntities(en, normalizeForMatch(en))).toEqual(['Singapore']);
  });

  it('tells comparisons from other uses of 比', () => {
    expect(isComparison(normalizeForMatch('香港的初創企業數目與深圳相比，哪一方較多？'))).toBe(true);
    expect(isComparison(normalizeForMatch('How does it compare with Singapore?'))).toBe(true);
    expect(isComparison(normalizeForMatch('政府和僱主的資助比例是多少？'))).toBe(false);
    expect(isComparison(normalizeForMatch('城市創科大挑戰的比賽收到多少方案？'))).toBe(false);
  });
});

describe('Simplified script', () => {
  it('splits at a question written in Simplified characters (什么时候)', () => {
    expect(splitQuestion('中科院香港创新研究院是什么时候成立的？现在有多少科研人员？')).toHaveLength(2);
  });

  it('splits at "and" before a question word written short ("and whats")', () => {
    expect(splitQuestion('how many FPS accounts registered and whats the maximum I can transfer per day?')).toEqual(['how many FPS accounts registered', 'whats the maximum I can transfer per day?']);
    expect(splitQuestion("when did it open and who's running it?")).toHaveLength(2);
  });
});

describe('yes/no and classifier asks', () => {
  it('splits after 「會否」, 「有否」 and 「幾所」 questions', () => {
    expect(splitQuestion('政府會否研究興建超級電腦設施？預計何時有結論？')).toHaveLength(2);
    expect(splitQuestion('當局有否研究興建人工智能超級運算中心？研究預計何時完成？')).toHaveLength(2);
    expect(splitQuestion('政府轄下的公營研發中心共有幾所？它們主要負責甚麼工作？')).toHaveLength(2);
  });
});
