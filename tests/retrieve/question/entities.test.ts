import { describe, expect, it } from 'vitest';
import { homeSide, isComparison, namedEntities, otherSidePhrases, otherSides } from '../../../src/retrieve/question/entities.js';
import { normalizeForMatch } from '../../../src/text/normalize.js';

const sides = (q: string) => otherSides(normalizeForMatch(q));

describe('the other side as the question writes it', () => {
  it('keeps what it names of the side (「新加坡的PayNow」), which otherSides cuts to the place', () => {
    const q = normalizeForMatch('香港“转数快”每天的交易量，跟新加坡的PayNow比起来怎么样？');
    expect(otherSides(q)).toEqual(['新加坡']);
    expect(otherSidePhrases(q)).toEqual(['新加坡的paynow']);
    expect(otherSidePhrases(normalizeForMatch('香港有幾多間初創企業？'))).toEqual([]);
    // 「同X邊個…」: the side before which one.
    expect(sides('全球創新指數入面香港同南韓邊個排高啲？')).toEqual(['南韓']);
  });
});

describe('the other side of a comparison', () => {
  it('is read from 「同/與/和 X 比」 and "compared with / than / against X"', () => {
    expect(sides('香港的初創企業數目與深圳相比，哪一方較多？')).toEqual(['深圳']);
    expect(sides('香港转数快的日均交易笔数和支付宝比起来怎么样？')).toEqual(['支付寶']);
    // (A side may start with a numeral, 八達通, but a time or count is no side.)
    expect(sides('轉數快每天的交易宗數，與八達通比較哪個較多？')).toEqual(['八達通']);
    expect(sides('轉數快比八達通多唔多人用？')).toEqual(['八達通']);
    expect(sides('同十年前相比多咗幾多？')).toEqual([]);
    expect(sides("How does Hong Kong's number of fintech firms stack up against Singapore's?")).toEqual(['singapore']);
    expect(sides('How does the number of AI patents filed in Hong Kong compare with Shenzhen?')).toEqual(['shenzhen']);
    expect(sides("In IMD's 2023 Smart City Index, did Hong Kong beat Singapore?")).toEqual(['singapore']);
    expect(sides('Which has more fintech companies, Hong Kong or London?')).toEqual(['london']);
    // "ranked above X", "sits below X": the side up to "as" (what it is ranked as is no part of it).
    expect(otherSides(normalizeForMatch('Is Hong Kong ranked above Seoul as a smart city?'))).toEqual(['seoul']);
    expect(isComparison(normalizeForMatch('Does Hong Kong come below Singapore?'))).toBe(true);
  });

  it('is not a ratio, a year or the home region', () => {
    expect(sides('政府與企業按二比一比例分擔的培訓計劃叫甚麼？')).toEqual([]);
    expect(sides('香港喺2023年智慧城市指數嘅排名，比起2021年係升咗定跌咗？')).toEqual([]);
    expect(sides('深圳的初創企業數目與香港相比如何？')).toEqual([]);
  });

  it('reads the side between 比 and the comparative (「比南韓高」), not a time (「比去年多」), and 誰…更, 好過 as comparing', () => {
    expect(sides('香港的5G網絡覆蓋率比南韓高還是低？')).toEqual(['南韓']);
    expect(sides('香港啲初創數量同深圳比係咪差好遠？')).toEqual(['深圳']);
    expect(sides('初創企業數目比去年多嗎？')).toEqual([]);
    expect(isComparison(normalizeForMatch('在数字智能指数上，香港和新加坡谁排得更靠前？'))).toBe(true);
    expect(isComparison(normalizeForMatch('香港 5G 覆蓋率係咪好過深圳？'))).toBe(true);
    expect(isComparison(normalizeForMatch('香港和北京，谁的国家重点实验室更多？'))).toBe(true);
    // (Cantonese says "more" with 啲 after what is compared: 「邊個多人用啲」.)
    expect(isComparison(normalizeForMatch('香港嘅轉數快同新加坡嘅PayNow，邊個多人用啲？'))).toBe(true);
    expect(otherSidePhrases(normalizeForMatch('香港嘅轉數快同新加坡嘅PayNow，邊個多人用啲？'))).toEqual(['新加坡嘅paynow']);
    expect(isComparison(normalizeForMatch('數碼港有啲咩支援？'))).toBe(false);
    expect(isComparison(normalizeForMatch('香港啲 fintech 公司數目夠唔夠倫敦多？'))).toBe(true);
    expect(isComparison(normalizeForMatch('香港有冇新加坡咁多初創？'))).toBe(true);
    expect(isComparison(normalizeForMatch('Does Hong Kong have as many start-ups as Singapore?'))).toBe(true);
    // (Formal 「高於」, "as good as", "above or below"; a limit 「不高於」 compares nothing.)
    expect(isComparison(normalizeForMatch('香港在全球創新指數的排名是否高於新加坡？'))).toBe(true);
    expect(isComparison(normalizeForMatch('Is 5G coverage in Hong Kong as good as in South Korea?'))).toBe(true);
    expect(isComparison(normalizeForMatch('As a data centre market, is Hong Kong ranked above or below Singapore?'))).toBe(true);
    // ("who has more …, A or B?", "caught up with", "anywhere near", 「A與B的…分別」.)
    expect(isComparison(normalizeForMatch('Who has more virtual banks, Hong Kong or Singapore?'))).toBe(true);
    expect(isComparison(normalizeForMatch("Has FPS caught up with Singapore's PayNow in registered users?"))).toBe(true);
    expect(isComparison(normalizeForMatch('Is fintech investment in Hong Kong anywhere near what London pulls in?'))).toBe(true);
    expect(isComparison(normalizeForMatch('在全球創新指數中，香港與新加坡的排名分別是多少？'))).toBe(true);
    expect(isComparison(normalizeForMatch('在世界數碼競爭力排名中，香港和新加坡分別排第幾？'))).toBe(true);
    expect(isComparison(normalizeForMatch('在世界數碼競爭力排行榜上，香港在全球和亞太區分別排第幾？'))).toBe(false);
    expect(isComparison(normalizeForMatch('Who runs it, and is there more money coming?'))).toBe(false);
    // (…with Hong Kong as a side: two places the sheet does not cover are no comparison it can answer half of.)
    expect(isComparison(normalizeForMatch('Which has the bigger data centre market, Singapore or Tokyo?'))).toBe(false);
    expect(isComparison(normalizeForMatch('資助額不高於多少？'))).toBe(false);
    expect(isComparison(normalizeForMatch('有冇幾多間公司參與？'))).toBe(false);
    // (「轉數快過數」 is a transfer by FPS, not "faster than".)
    expect(isComparison(normalizeForMatch('而家用轉數快過數，平均一日過咗幾多錢？'))).toBe(false);
  });

  it('a ratio compares nothing; a year after 比 does', () => {
    expect(isComparison(normalizeForMatch('由政府與企業以二比一比例出資的培訓計劃叫甚麼？'))).toBe(false);
    expect(isComparison(normalizeForMatch('香港2022年的初創企業數目，比2016年增加了多少？'))).toBe(true);
    // A figure set against an earlier year's: 「較2021年」, "gone up since 2021", "up or down".
    expect(isComparison(normalizeForMatch('香港在全球創新指數的名次，較2021年有沒有進步？'))).toBe(true);
    expect(isComparison(normalizeForMatch("Has Hong Kong's ranking as a data centre market gone up since 2021?"))).toBe(true);
    expect(isComparison(normalizeForMatch('When did the fund start, and has it grown since?'))).toBe(false);
  });

  it('is left out of what is looked up for the home side', () => {
    expect(homeSide('香港啲初創數量同深圳比係咪差好遠？')).not.toContain('深圳');
    // (What follows 在 is what the two are compared on: 「香港和上海在智慧城市指數上誰排得前」.)
    expect(homeSide('香港和上海在智慧城市指數上誰排得更靠前？')).toMatch(/智慧城市指數/);
    expect(homeSide('香港和上海在智慧城市指數上誰排得更靠前？')).not.toContain('上海');
    // What an English question names of the other side goes with it ("Singapore's Block71"), but not what follows it.
    expect(otherSides(normalizeForMatch("Does Cyberport host more start-ups than Singapore's Block71?"))).toEqual(['singapore']);
    expect(homeSide("Does Cyberport host more start-ups than Singapore's Block71?")).not.toMatch(/singapore|block71/);
    expect(homeSide("Has Hong Kong's start-up scene grown faster than Singapore's since 2018?")).toContain('since 2018');
    // A question with no other side is looked up as written.
    expect(homeSide('Which schools get money for IT labs?')).toBe('Which schools get money for IT labs?');
  });

  it('leaves out the year compared with and the direction asked, when the direction is asked', () => {
    const q = homeSide('香港在2022年全球創新指數的全球排名，比起2021年是上升還是下跌？');
    expect(q).toContain('2022');
    expect(q).not.toMatch(/2021|上升|下跌/);
    expect(homeSide("Has Hong Kong's data centre market ranking gone up or down compared with 2021?")).not.toMatch(/2021|gone up/);
    // 「同2018年比，升咗幾多？」 asks the sheet's own 較 2018 年增加: looked up as written.
    expect(homeSide('香港啲初創公司數目同2018年比，升咗幾多？')).toBe('香港啲初創公司數目同2018年比，升咗幾多？');
  });
});

describe('named places, bodies and people', () => {
  const names = (q: string) => namedEntities(q, normalizeForMatch(q));
  it('keeps two-character places but not two-character "people" or "bodies" jieba mistags', () => {
    expect(names('新加坡有多少家金融科技公司？')).toContain('新加坡');
    expect(names('香港和深圳哪個的初創企業多？')).toContain('深圳');
    expect(names('每年最多可從政府取得多少撥款？')).toEqual([]);
    expect(names('政府新設的哪一個職位專門負責統籌再工業化？')).toEqual([]);
    // 「外國」 is "abroad", which jieba tags as a place.
    expect(names('佢哋有冇外國機構參與㗎？')).toEqual([]);
    // 「東西」, "thing", is tagged a place too: a stop word names nothing.
    expect(names('那个让银行看企业经营数据的东西叫什么？')).toEqual([]);
  });
  it('reads an English name whole across its small words ("Office of the Government Chief Information Officer")', () => {
    expect(names('What does the Office of the Government Chief Information Officer do?')).toEqual(['Office of the Government Chief Information Officer']);
    expect(names('Where is the Office for Attracting Strategic Enterprises?')).toEqual(['Office for Attracting Strategic Enterprises']);
    // ("Hong Kongers" are the home region's people, in two words as in one.)
    expect(names('Which scheme helps young Hong Kongers work in the Greater Bay Area?')).toEqual(['Greater Bay Area']);
  });
  it('reads a month, named or shortened ("up to Mar 2023"), as no name', () => {
    expect(names('How much has the fund put into startups up to Mar 2023?')).toEqual([]);
    expect(names('How many accounts were registered by end of March, and by Sept?')).toEqual([]);
    expect(names('Did Singapore start it in Oct?')).toEqual(['Singapore']);
  });
  it('reads an acronym\'s plural as the acronym ("APIs" → API)', () => {
    expect(names('Has Hong Kong adopted open APIs for banking?')).toEqual(['API']);
    expect(names('How many SMEs got vouchers?')).toEqual(['SME']);
  });
  it('joins a name across "and" only as the glossary names things so ("Innovation and Technology …")', () => {
    expect(names('What does the Innovation and Technology Scholarship pay for?')).toEqual(['Innovation and Technology Scholarship']);
    expect(names('Does the Hong Kong Science and Technology Parks Corporation run it?')).toEqual(['Hong Kong Science and Technology Parks Corporation']);
    expect(names('Which has more start-ups, Singapore and Shenzhen?')).toEqual(['Singapore', 'Shenzhen']);
    expect(names('Do Macau and Shenzhen have more?')).toEqual(['Macau', 'Shenzhen']);
  });
  it("reads a company's full name that jieba cuts into common words", () => {
    expect(names('香港投资管理有限公司主要投资哪些领域？')).toContain('香港投資管理有限公司');
  });
  it('reads a formal name joining two fields with 及, not a list joined by 以及', () => {
    expect(names('香港创新及科技基金到现在总共注资了多少钱？')).toContain('創新及科技基金');
    expect(names('本地实习以及参加导师计划的那个奖学金叫什么？')).toEqual([]);
    // (An opening particle is no part of the name.)
    expect(names('咁再工業化及科技培訓計劃又係點資助？')).toEqual(['再工業化及科技培訓計劃']);
  });
  it('reads a body by its suffix (局, 署, 辦公室) with the nouns before it, not the words of asking nor 當局 or 簽署', () => {
    expect(names('研資局每年撥幾多研究經費俾啲大學？')).toEqual(['研資局']);
    expect(names('數字政策辦公室係負責做啲咩㗎？')).toEqual(['數字政策辦公室']);
    expect(names('唔係呀，我想問生產力局嗰個「資助易」，係幾時推出㗎？')).toEqual(['生產力局']);
    expect(names('政府當局有冇資助？')).toEqual([]);
    expect(names('兩地簽署了甚麼安排？')).toEqual([]);
  });
});

describe('names in an English question', () => {
  it('keep I&T as a word of the name, and a name in brackets whole', () => {
    const names = (q: string) => namedEntities(q, normalizeForMatch(q));
    expect(names('When was the first City I&T Grand Challenge Exhibition held?')).toEqual(['City I&T Grand Challenge Exhibition']);
    expect(names('What does the 創新科技獎學金 (Innovation and Technology Scholarship) fund students to do?')).toEqual(['Innovation and Technology Scholarship']);
    // (I&T alone is the field, no name.)
    expect(names('Is the I&T sector in Singapore bigger?')).toEqual(['Singapore']);
  });
});

describe('named entities', () => {
  const entities = (q: string) => namedEntities(q, normalizeForMatch(q));
  it('are not a number of places, a region as wide as Asia-Pacific, the central government or Hong Kong itself', () => {
    expect(entities('粤港澳大湾区内地九市的科研资金能否在香港使用？')).toEqual(['粵港澳大灣區']);
    expect(entities('香港在亚太地区的智慧城市指数排第几？')).toEqual([]);
    expect(entities('中央政府支持香港建设国际科创中心吗？')).toEqual([]);
    expect(entities('中港兩地的科研資金可以跨境使用嗎？')).toEqual([]);
    expect(entities('香港地區有多少間初創企業？')).toEqual([]);
    expect(entities('What did the Central Government do to support research funding flowing to Hong Kong?')).toEqual([]);
    // A place the documents may lack still is one.
    expect(entities('新加坡有多少間初創企業？')).toEqual(['新加坡']);
  });
});

