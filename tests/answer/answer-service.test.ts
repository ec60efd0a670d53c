/**
 * Understanding questions, end to end on the real index: what is asked must be in the answer, and
 * what the fact sheet does not say is declined or named as uncovered (issue examples and our own).
 */
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices, indexOptions } from '../../src/compose.js';
import type { ChatAnswer, Turn } from '../../src/contract/chat.js';
import { loadEnv } from '../../src/config/env.js';
import { loadIndex } from '../../src/index/load-index.js';
import type { AnswerService } from '../../src/answer/answer-service.js';
import { tempDir } from '../helpers/paths.js';
import { toTraditional } from '../../src/text/normalize.js';

let answers: AnswerService;
const ask = async (message: string, history: Turn[] = []): Promise<ChatAnswer> => (await answers.answer(message, history)).result;

beforeAll(async () => {
  // The checks alone: a question rewording a labelled exemplar would be decided by its label
  // (tests/retrieve/exemplars.test.ts), and these tests are of the checks.
  const env = { ...loadEnv({}), INDEX_DIR: tempDir('answer-service-index'), EMBEDDING_MODEL: 'none', EXEMPLARS_DIR: 'none' };
  const index = await loadIndex({ ...indexOptions(env), rebuildIfStale: true });
  answers = createServices(env, index, null, pino({ level: 'silent' })).answers;
});

describe('the asked-for fact must be in the answer', () => {
  it.each([
    ['香港金融科技周每年有多少人參加？', '提供'],
    ['政府打算成立的微電子研發院預計何時正式成立？', '日期'],
    ['香港應用科技研究院的總部設於何處？', '地點'],
    ['How many people work for the companies at the Science Park?', 'number'],
    // The institute is the microelectronics one: 「…資助大學及科研機構設立主題研究院」 (60 億元) is about others.
    ["What's the budget for the new microelectronics R&D institute the government wants to set up?", 'amount'],
    // "AI" says which centre, the supercomputing one: a sum for AI research (「…人工智能…預留 30 億元」) is not its budget.
    ["What's the budget for the AI supercomputing centre?", 'amount'],
  ])('declines %s, saying the sheet lacks it', async (q, says) => {
    const r = await ask(q);
    expect(r.answerable).toBe(false);
    expect(r.citations).toEqual([]);
    expect(r.answer).toContain(says);
  });

  it.each([['红杉资本牵头成立的香港X科技创业平台，资金规模有多大？'], ['How much money did Sequoia put into its Hong Kong X tech platform?']])(
    'declines %s: the sum in the sentence is bound to another fund (10 億元的香港創業者基金) in another clause',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(false);
      expect(r.answer).not.toContain('10 億元');
    },
  );

  it.each([['研資局每年撥幾多研究經費俾啲大學？'], ['數字政策辦公室係負責做啲咩㗎？']])('declines %s: a body named by its suffix that the sheet never mentions', async (q) => {
    const r = await ask(q);
    expect(r.answerable).toBe(false);
    expect(r.citations).toEqual([]);
  });

  it.each([['香港每年有幾多宗專利申請？'], ['香港每年的專利申請數目大約有多少？']])('declines %s: a subject the sheet never names (專利) is not made known by how often (每年) a sentence counts', async (q) => {
    const r = await ask(q);
    expect(r.answerable).toBe(false);
    expect(r.citations).toEqual([]);
  });

  it.each([['想申請入住創新斗室，要符合啲咩資格？'], ['創新斗室要咩條件先可以申請入住？']])('declines %s: who may apply is a rule, which the description of InnoCell does not state', async (q) => {
    const r = await ask(q);
    expect(r.answerable).toBe(false);
    expect(r.citations).toEqual([]);
  });

  it('declines the budget of the 人工智能超算中心: the 30 億元 for research in 人工智能 is not the centre\'s', async () => {
    const r = await ask('人工智能超算中心的建设预算是多少？');
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('30 億元');
  });

  it('answers how many companies the 沙田科學園 holds: the park is the subject, the place before it says which one', async () => {
    const r = await ask('沙田科學園入面而家大概有幾多間 tech 公司？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('1,000 家科技公司');
  });

  it.each([['Is Wi-Fi.HK free to use for tourists?'], ['用轉數快轉帳要收手續費嗎？']])('declines %s: whether it is free is a price, which the sheet does not state', async (q) => {
    const r = await ask(q);
    expect(r.answerable).toBe(false);
    expect(r.citations).toEqual([]);
  });

  it.each([['轉數快是由哪個機構營運的？'], ['智慧交通基金到目前为止批了多少个项目？']])(
    'declines %s: the fact must be stated of the scheme the question names, not of whatever shares a common word with it (營運, 項目)',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(false);
      expect(r.citations).toEqual([]);
    },
  );

  it.each([['What year did Cyberport open?'], ['數碼港喺邊度㗎？']])(
    'declines %s: a date or place in a sentence about other things (微電子中心, 數據技術中心) is not said of the place named (數碼港)',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(false);
      expect(r.citations).toEqual([]);
    },
  );

  it('answers a date said of the named place itself', async () => {
    const r = await ask('數碼港幾時向投資創業基金再注資？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2021 年 4 月');
  });

  it('answers a sum bound to the fund the question describes by what it pays for (道路, 駕駛 are no other subject)', async () => {
    const r = await ask('How much is in the fund that pays for research into making roads more efficient and driving safer?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('10 億元「智慧交通基金」');
  });

  it('answers a sum bound to the fund the question asks of, named by the one who launched it', async () => {
    const r = await ask('阿里巴巴为香港创业者拿出了多少钱设基金？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('10 億元');
    expect((await ask('工務工程的綜合數碼平台撥了多少？')).answer).toContain('1 億元');
  });

  it.each([['香港的智慧灯柱一共装了多少根？'], ['全港而家裝咗幾多支智慧燈柱？']])(
    'declines %s: the count beside 智慧燈柱 counts services, and 全港 names no subject the Wi-Fi count is about',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(false);
      expect(r.answer).not.toMatch(/270|47,000/);
    },
  );

  it('declines a count of the new one (the new InnoCell block) given only for the one already built', async () => {
    const r = await ask('How many units will the new InnoCell block near Science Park have?');
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('500');
    const built = await ask('How many units does InnoCell next to the Science Park have?');
    expect(built.answerable).toBe(true);
    expect(built.answer).toContain('500');
  });

  it('declines where "the second" centre will be built: the place in its sentence is the first one\'s; "the second version" is no second thing', async () => {
    expect((await ask('Where will the second advanced manufacturing centre be built?')).answerable).toBe(false);
    const version = await ask('How many measures are in the second version of the smart city blueprint?');
    expect(version.answerable).toBe(true);
    expect(version.answer).toContain('130');
  });

  it('declines where a thing will be when the sentence giving a place is about another thing in its passage (InnoHK, not the 超算中心)', async () => {
    const r = await ask('人工智能超算中心會起喺邊度？');
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('InnoHK');
  });

  it.each([
    ['香港应用科技研究院每年的经费是多少？'],
    ['创新科技署2023/24年度的总开支预算是多少？'],
  ])('declines %s when only a passage on another subject states a figure of the asked kind', async (q) => {
    const r = await ask(q);
    expect(r.answerable).toBe(false);
    expect(r.citations).toEqual([]);
  });

  it('counts a noun named before its figure (「智能生產線…增加至超過 130 條」)', async () => {
    const r = await ask('再工業化資助計劃目標是資助多少條生產線？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('130 條');
  });

  it('a question for a limit is not answered by a total (「最多」 needs 「最高」, 「上限」…)', async () => {
    const r = await ask('「數碼轉型支援先導計劃」每家企業最多能拿多少？');
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('5 億元');
  });

  it('a bare 「幾多」 is answered by a sum of money, and 「最多」 finds 「最高」', async () => {
    const history: Turn[] = [
      { role: 'user', content: '數碼港嗰個智慧生活初創培育計劃有幾多錢？' },
      { role: 'assistant', content: '政府為數碼港預留 2.65 億元推出針對智慧生活初創企業的培育計劃[1]。' },
    ];
    const r = await ask('每間最多攞到幾多？', history);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('50 萬元');
  });

  it.each([
    ['科學園旁的創新斗室每月租金是多少？'],
    ['How many companies has the Office for Attracting Strategic Enterprises actually brought to Hong Kong so far?'],
    ['「產學研 1+計劃」申請截止日期是何時？'],
  ])('declines %s: the sum or the event asked for is not the one the sheet gives', async (q) => {
    const r = await ask(q);
    expect(r.answerable).toBe(false);
  });

  it('an everyday English word is no subject the answer must name ("new" → 新建)', async () => {
    const r = await ask('Under the new HK$10 billion scheme for university spin-offs, how many research teams will get matching grants?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('不少於 100 支');
  });

  it('a rare rendering of an English verb is no subject the answer must name ("start" → 啟動)', async () => {
    const r = await ask('when did the Mainland-HK Joint Funding Scheme start?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2019 年 4 月');
  });

  it('a common noun no retrieved passage uses is a paraphrase, not a subject the answer must name (「培育項目」)', async () => {
    const r = await ask('數碼港有個專門扶助智慧生活初創的培育項目，每間公司最高可獲多少資助？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('50 萬元');
  });

  it('a sum the question states is not what it asks for (「撥款 1 億元開發的平台有甚麼用途？」)', async () => {
    expect((await ask('撥款1億元開發的綜合數碼平台有甚麼用途？')).answerable).toBe(true);
  });

  it('adds the sentence of the answering passage that states the asked-for date', async () => {
    const r = await ask('研究人才庫啲資助由幾時開始加？加咗幾多？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2023 年 4 月起增加資助約 10%');
  });

  it('「有沒有專人負責」 asks who: 專人 is the kind of answer, not a thing the sheet must name', async () => {
    const r = await ask('政府有沒有專人負責統籌再工業化的工作？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('工業專員');
  });

  it('answers when the passage states it', async () => {
    const r = await ask('數碼港匯集多少家初創企業和科技公司？');
    expect(r).toMatchObject({ answerable: true, uncovered: [] });
    expect(r.answer).toContain('1,900');
  });
});

describe('a year the sheet contradicts', () => {
  it('declines and says which year the sheet has instead', async () => {
    const r = await ask('2020 年的初創企業調查顯示香港有多少間初創企業？');
    expect(r.answerable).toBe(false);
    expect(r.answer).toMatch(/沒有 2020 年.*2022/);
    expect(r.answer).not.toContain('3,985');
  });

  it('a year compared with and the direction asked do not dilute the question below the threshold', async () => {
    const r = await ask('香港在全球创新指数里的名次，跟2021年比是升了还是降了？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('全球第 14');
    expect(r.uncovered).toHaveLength(1);
  });

  it('in a comparison the year is a side: the sheet\'s own year is answered and the compared year named uncovered', async () => {
    const r = await ask('香港智慧城市指數排名比起2021年係升定跌？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('19');
    expect(r.uncovered).toHaveLength(1);
    expect(r.uncovered[0]).toContain('2021');
  });
});

describe('a year put on a named ranking', () => {
  it.each([['According to the 2021 start-up survey, how many start-ups did Hong Kong have?'], ['2021年的初創企業調查顯示香港有幾多間初創？']])(
    'declines %s: the survey is the one made in 2022 (於 2022 年進行的初創企業調查), whatever else 2021 dates',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(false);
      expect(r.answer).toContain('2022');
    },
  );

  it('is declined when the sheet gives that ranking another year, though it gives the asked year for other rankings', async () => {
    const r = await ask('2022年全球智慧城市指數香港排第幾？');
    expect(r.answerable).toBe(false);
    expect(r.answer).toContain('2023');
    expect((await ask('2023年全球智慧城市指數香港排第幾？')).answer).toContain('第 19');
    // (The ranking's name is looked for in any passage found, not only those most about the question.)
    const gii = await ask('香港喺 2023 年全球創新指數排第幾？');
    expect(gii.answerable).toBe(false);
    expect(gii.answer).toContain('2022');
  });

  it('is declined when the year is put on a ranking named in English ("the 2023 Global Innovation Index": the sheet has 2022\'s)', async () => {
    const r = await ask('Where did Hong Kong rank in the 2023 Global Innovation Index?');
    expect(r.answerable).toBe(false);
    expect(r.answer).toContain('2022');
    expect((await ask('Where did Hong Kong rank in the 2022 Global Innovation Index?')).answer).toContain('全球第 14');
  });
});

describe('a figure the sheet contradicts', () => {
  it('declines 「香港一共发了12张虚拟银行牌照…」: a month (2022 年 12 月) states no count of 12, and a month asked (截至2022年12月) is no figure', async () => {
    const r = await ask('香港一共发了12张虚拟银行牌照，具体是哪些银行？');
    expect(r.answerable).toBe(false);
    const asOf = await ask('By December 2022, how much research money had mainland funding bodies granted to Hong Kong universities and research institutes?');
    expect(asOf.answerable).toBe(true);
  });

  it('declines "by how much did it drop?" when the sheet says the number rose (增加 52%)', async () => {
    const r = await ask('The number of start-ups in Hong Kong fell after 2018 — by how much did it drop?');
    expect(r.answerable).toBe(false);
    expect(r.answer).toContain('增加');
  });

  it('declines 「聽講科學園有超過 2,000 間公司，真唔真？」: a count in a year\'s range, written with a comma and a classifier, is a figure', async () => {
    const r = await ask('聽講科學園有超過 2,000 間公司，真唔真？');
    expect(r.answerable).toBe(false);
  });

  it('declines a count put on a kind of thing the sheet counts otherwise (六所 vs 16 所國家重點實驗室), saying what it gives', async () => {
    const r = await ask('香港得六所國家重點實驗室，政府每年資助佢哋幾多錢？');
    expect(r.answerable).toBe(false);
    expect(r.answer).toContain('16 所國家重點實驗室');
    // …whatever classifier counts it (16 間 against the sheet's 六所).
    expect((await ask('香港有 16 間國家工程技術研究中心分中心，係咪？')).answerable).toBe(false);
    // The same count as the sheet's, and an ordinal (首三座), are no contradiction.
    expect((await ask('香港有 16 所國家重點實驗室，政府每年資助佢哋幾多錢？')).answerable).toBe(true);
    expect((await ask('港深創科園首三座樓宇幾時落成？')).answerable).toBe(true);
    // (Licences are counted by 張 as well as 個: 9 張 against the sheet's 八個.)
    const licences = await ask('香港已经发出9张虚拟银行牌照，其中有几家已经开业？');
    expect(licences.answerable).toBe(false);
    expect(licences.answer).toMatch(/\b8\b/);
  });

  it('declines rather than quote the sheet\'s own figure as if it were the asked one', async () => {
    const r = await ask('香港科學園內逾 5,000 家科技公司可以享用哪些支援服務？');
    expect(r.answerable).toBe(false);
    expect(r.answer).toContain('5000');
  });

  it('declines a rank "in the world" the sheet gives only for a region (5th regionally, 14th worldwide), and "first" too', async () => {
    expect((await ask("Hong Kong came 5th worldwide in WIPO's 2022 Global Innovation Index — what was its regional ranking?")).answerable).toBe(false);
    expect((await ask("Hong Kong came first in the world in IMD's 2022 digital competitiveness ranking — what drove that?")).answerable).toBe(false);
    const right = await ask("Hong Kong came 14th in the world in WIPO's 2022 Global Innovation Index — what was its regional ranking?");
    expect(right.answerable).toBe(true);
    expect(right.answer).toContain('第 5');
  });

  it('declines a small count the question takes for granted as a limit (「最多聘請六名」 when the sheet says 四名)', async () => {
    const r = await ask('研究人才库允许每家公司最多聘请六名研究人员，这是从什么时候开始的？');
    expect(r.answerable).toBe(false);
    expect((await ask('研究人才庫允許每間公司最多聘請四名研究人才，這是從甚麼時候開始的？')).answerable).toBe(true);
    // …in English words too ("up to six researchers").
    expect((await ask('Under the Research Talent Hub, each company can hire up to six researchers, right?')).answerable).toBe(false);
    // 「上限是從哪一個財政年度」: 一 of 哪一個 is no figure.
    const fy = await ask('這個上限是從哪一個財政年度開始的？', [
      { role: 'user', content: '創新科技署給國家重點實驗室的資助上限是多少？' },
      { role: 'assistant', content: '創新科技署向這些機構提供的資助上限已倍增至每年4.4億元[1]。' },
    ]);
    expect(fy.answerable).toBe(true);
    expect(fy.answer).toContain('2022/23');
  });

  it('declines a sum the question puts on a name when the sheet puts another on it, though the passage states that sum elsewhere', async () => {
    // The passage on the 「策略性創科基金」 (50 億元) also states 「過百億元的投資」.
    const r = await ask('100亿元的「策略性创科基金」主要投资什么样的企业？');
    expect(r.answerable).toBe(false);
    expect(r.answer).toContain('50億元');
    expect((await ask('50亿元的「策略性创科基金」主要投资什么样的企业？')).answerable).toBe(true);
    // …or after it: 「X有 100 億」.
    // …or on a fund named bare, the sum without 元 (「個100億嘅策略性創科基金」).
    for (const q of ['聽講「策略性創科基金」有100億咁多，係咪真㗎？', '策略性創科基金有 100 億，主要投啲咩公司？', '個100億嘅策略性創科基金投咗啲咩公司？']) {
      const d = await ask(q);
      expect(d.answerable).toBe(false);
      expect(d.answer).toContain('50億元');
    }
    // …and so in English, the sum put on the name the glossary renders, before it or after it.
    for (const q of ["The Strategic Tech Fund is HK$10 billion, isn't it?", 'What kinds of companies does the HK$10 billion Strategic Tech Fund invest in?']) {
      const d = await ask(q);
      expect(d.answerable).toBe(false);
      expect(d.answer).toContain('50億元');
    }
    expect((await ask('What does the HK$5 billion Strategic Tech Fund invest in?')).answerable).toBe(true);
  });

  it('takes a figure given roughly as stated by one near it, and one given exactly as a premise', async () => {
    expect((await ask('香港有大約4,000間初創企業，對嗎？')).answerable).toBe(true);
    expect((await ask('香港有4,000間左右初創企業嗎？')).answerable).toBe(true);
    expect((await ask('香港有4,000間初創企業，對嗎？')).answerable).toBe(false);
    expect((await ask('Hong Kong has about 4,000 start-ups, right?')).answerable).toBe(true);
    expect((await ask('Hong Kong has about 5,000 start-ups, right?')).answerable).toBe(false);
  });

  it('declines a doubling the question takes for granted when the sheet states another rise, and answers one it states', async () => {
    const d = await ask('听说香港初创企业数量比2018年翻了一倍，现在有多少家？');
    expect(d.answerable).toBe(false);
    expect(d.answer).toContain('翻了一倍');
    expect((await ask('The number of start-ups has doubled since 2018, hasn\'t it?')).answerable).toBe(false);
    const cap = await ask('國家重點實驗室的資助上限翻倍以後，每年是多少錢？');
    expect(cap.answerable).toBe(true);
    expect(cap.answer).toContain('倍增至每年 4.4 億元');
  });

  it('declines a doer the question takes for granted when the sheet names another, and answers the right one', async () => {
    for (const q of ['资助易那个平台是数码港推出的吧？', '數碼港2022年推出嘅「資助易」平台點用㗎？', 'FundingEasy was launched by Cyberport, right?']) {
      const d = await ask(q);
      expect(d.answerable).toBe(false);
      expect(d.answer).toMatch(/生產力促進局|生产力促进局/);
    }
    for (const q of ['資助易是生產力促進局推出的嗎？', '資助易是誰推出的？']) {
      const r = await ask(q);
      expect(r.answerable).toBe(true);
      expect(r.answer).toContain('推出一站式「資助易」網上平台');
    }
  });

  it('declines a ratio the sheet contradicts (一比一 when it says 2（政府）：1（企業）), and answers the right one', async () => {
    const r = await ask('「再工業化及科技培訓計劃」是以一比一配對形式資助的，企業那一半怎樣申請？');
    expect(r.answerable).toBe(false);
    expect(r.answer).toContain('2:1');
    const right = await ask('「再工業化及科技培訓計劃」以二比一配對資助甚麼培訓？');
    expect(right.answerable).toBe(true);
    expect(right.answer).toContain('高端科技培訓');
  });

  it('declines a place the question puts its subject in when the sheet locates it elsewhere, saying where', async () => {
    const r = await ask('卡羅琳醫學院喺數碼港嗰個研究中心做緊咩研究？');
    expect(r.answerable).toBe(false);
    expect(r.answer).toContain('科學園');
    // A district with its park (元朗創新園) is one place; the 先進製造業中心 is in 將軍澳創新園.
    const amc = await ask('元朗創新園嗰個先進製造業中心有幾多樓面面積？');
    expect(amc.answerable).toBe(false);
    expect(amc.answer).toContain('將軍澳創新園');
    // (「X個Y」 is Cantonese for X's Y, as 「X嗰個Y」 is.)
    expect((await ask('元朗創新園個先進製造業中心幾時開㗎？')).answerable).toBe(false);
    // (…and 「X那個Y」 in written Chinese.)
    const written = await ask('元朗創新園那個先進製造業中心是何時開幕的？');
    expect(written.answerable).toBe(false);
    expect(written.answer).toContain('將軍澳創新園');
    // (…and 「喺數碼港開嘅」: a verb of setting up between the place and what it holds.)
    const opened = await ask('卡羅琳醫學院喺數碼港開嘅研究中心主要研究啲咩？');
    expect(opened.answerable).toBe(false);
    expect(opened.answer).toContain('科學園');
    // …in English too, the place read through the glossary (Cyberport → 數碼港).
    const en = await ask('Why did the Karolinska Institute put its regenerative medicine centre at Cyberport?');
    expect(en.answerable).toBe(false);
    expect(en.answer).toContain('科學園');
    const right = await ask('卡羅琳醫學院喺科學園嗰個研究中心做緊咩研究？');
    expect(right.answerable).toBe(true);
    expect(right.answer).toContain('再生醫學');
  });

  it('reads where a passage places the subject in the sentences naming it, not in one about its neighbour', async () => {
    // The 微電子中心's passage also names 將軍澳創新園, where the 先進製造業中心 is.
    const r = await ask('When is the microelectronics centre at Tseung Kwan O InnoPark supposed to open?');
    expect(r.answerable).toBe(false);
    expect(r.answer).toContain('元朗創新園');
    const right = await ask('When is the microelectronics centre at Yuen Long InnoPark supposed to open?');
    expect(right.answerable).toBe(true);
    expect(right.answer).toContain('2024');
  });

  it('declines a change in the direction the sheet contradicts (a 10% rise is no 10% cut)', async () => {
    const r = await ask('Why did the government cut Research Talent Hub funding by 10% in April 2023?');
    expect(r.answerable).toBe(false);
  });

  it('declines the reason for a change the sheet states the other way (halved when it doubled, 倍增), saying what it states', async () => {
    const r = await ask("Why was the annual funding cap for Hong Kong's state key laboratories halved from 2022/23?");
    expect(r.answerable).toBe(false);
    expect(r.answer).toContain('倍增');
    expect((await ask('點解國家重點實驗室嘅資助上限會減半？')).answerable).toBe(false);
  });

  it('declines the reason for a fall said plainly (少了, 跌咗) when the sheet states a rise', async () => {
    const r = await ask('同2018年相比，香港的初創企業少了，為甚麼？');
    expect(r.answerable).toBe(false);
    expect(r.answer).toContain('增加');
    expect((await ask('香港初創企業數目比2018年多了多少？')).answerable).toBe(true);
  });

  it('declines a year the sheet gives otherwise for a thing it publishes as 公布 and the question as 公佈 or "publish"', async () => {
    const r = await ask('Why did Hong Kong wait until 2021 to publish its innovation and technology blueprint?');
    expect(r.answerable).toBe(false);
    expect(r.answer).toContain('2022');
    expect((await ask('When did the Hong Kong government publish its long-term plan for developing innovation and technology?')).answer).toContain('2022 年 12 月');
    expect((await ask('When did the Hong Kong government release its master plan for innovation and technology development?')).answer).toContain('2022 年 12 月');
  });

  it('declines a month put on a year that no passage states together (2019年3月 when it has 2019 年 4 月 and 2023 年 3 月), and answers the right one', async () => {
    const wrong = await ask('2019年3月科技部和香港签的那份关于加快建设国际创科中心的安排，主要讲了什么？');
    expect(wrong.answerable).toBe(false);
    expect(wrong.answer).toContain('2023年3月');
    const right = await ask('2023年3月科技部和香港签了甚麼安排？');
    expect(right.answerable).toBe(true);
    expect(right.answer).toContain('加快建設香港國際創新科技中心');
  });

  it('declines a rank written in Chinese numerals or as an English ordinal that the sheet contradicts', async () => {
    expect((await ask('香港在IMD《2022年世界数码竞争力排名》中位列全球第一，那亚太区排第几？')).answerable).toBe(false);
    expect((await ask('Why did Hong Kong slip to 30th place in the IMD Smart City Index 2023?')).answerable).toBe(false);
    expect((await ask("Hong Kong came top worldwide in IMD's 2022 digital competitiveness ranking. What drove that result?")).answerable).toBe(false);
    expect((await ask('香港在IMD《2022年世界数码竞争力排名》中位列全球第九，那亚太区排第几？')).answer).toContain('亞太區第 3');
    // 「排全球第一」: the rank's word before 全球.
    expect((await ask('香港喺智慧城市指數排世界第一，係點做到㗎？')).answerable).toBe(false);
  });

  it('answers the home side of a comparison of a market\'s rank (「香港個市場排名」 names no ranking of its own)', async () => {
    const r = await ask('做 data centre 嚟講，香港個市場排名同新加坡比點呀？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('數據中心市場全球第 4');
    expect(r.uncovered).toHaveLength(1);
  });

  it('declines a rank the sheet contradicts (全球第 9 when it says 第 19)', async () => {
    const r = await ask('香港在智慧城市指數裏是全球第9吧？');
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('世界數碼競爭力');
  });

  it('declines an edition the sheet does not state (第二屆 when it has only the 首屆), and reads 第二版 as version 2.0', async () => {
    expect((await ask('城市創科大挑戰創意展第二屆何時舉行？')).answerable).toBe(false);
    expect((await ask('城市創科大挑戰創意展第一屆何時舉行？')).answer).toContain('2022年 10 月');
    expect((await ask('第二版的智慧城市藍圖一共包含多少項具體舉措？')).answerable).toBe(true);
  });

  it('takes no premise from the first phase (第一期) of something built in phases', async () => {
    const r = await ask('港深創科園第一期幾時落成？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2024 年年底');
  });

  it('declines a version of a name the sheet does not have (Blueprint 3.0)', async () => {
    expect((await ask('How many measures are in the Smart City Blueprint 3.0?')).answerable).toBe(false);
    expect((await ask('How many measures are in the Smart City Blueprint 2.0?')).answer).toContain('130');
  });

  it('answers when the stated figure matches by value (4.4 億 = 440,000,000)', async () => {
    const r = await ask('國家重點實驗室的資助上限倍增至每年 4.4 億元，是由哪個財政年度開始？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2022/23');
  });
});

describe('places and bodies the sheet never mentions', () => {
  it.each([['深圳和上海哪个城市的研发投入更多？'], ['深圳同新加坡邊個嘅研發開支高啲？']])('declines %s: two places compared, neither Hong Kong, are not answered by what the sheet says of one', async (q) => {
    const r = await ask(q);
    expect(r.answerable).toBe(false);
    expect(r.citations).toEqual([]);
  });

  it('answers Cyberport\'s side of a comparison with Singapore\'s Block71: Cyberport is Hong Kong\'s own', async () => {
    const r = await ask('數碼港啲 start-up 數目同新加坡 Block71 比邊個多？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('1,900');
  });

  it.each([['香港而家有幾多間獨角獸公司？'], ['創新及科技基金目前的總承擔額是多少？'], ['數碼港有幾多個泊車位？'], ['創新及科技基金今年獲政府注資多少？'], ['創新科技及工業局負責甚麼？']])(
    'declines %s: a thing the sheet never mentions, answered only by its common words',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(false);
      expect(r.citations).toEqual([]);
    },
  );

  it('declines a question on a thing the sheet never names (無人機) whose only specific word shared with a sentence is a dictionary synonym (許可 → 容許)', async () => {
    const r = await ask('在香港放飞无人机需要申请什么许可？');
    expect(r.answerable).toBe(false);
    expect(r.citations).toEqual([]);
  });

  it.each([['What does the Office of the Government Chief Information Officer do?'], ["Who is Hong Kong's current Government Chief Information Officer?"]])(
    'declines %s: an office or post named in English is known only whole, not by its words one by one',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(false);
      expect(r.citations).toEqual([]);
    },
  );

  it.each([['How many patents does Hong Kong file each year?'], ['How many professors work at the Science Park?']])(
    'declines %s: an English noun only words the sheet lacks render (專利) counts a thing no figure of the sheet counts',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(false);
      expect(r.citations).toEqual([]);
    },
  );

  it.each([
    ['香港對生成式人工智能有甚麼監管規定？'],
    ["What are Hong Kong's personal data privacy rules for tech companies?"],
    ['Is Hong Kong bringing in a cybersecurity law for critical infrastructure?'],
    // ("new" read through the general dictionary as 新建 is no topic of 「新建樓宇須…」.)
    ['Is there a new cybersecurity law for critical infrastructure operators in Hong Kong?'],
  ])(
    'declines %s: a question on rules is not answered by sentences stating none, nor by a rule about something else (新建樓宇)',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(false);
      expect(r.citations).toEqual([]);
    },
  );

  it.each([['香港啲大學喺世界排名排第幾？'], ["How do Hong Kong's universities do in the QS world rankings?"]])(
    'declines %s: a rank of something else (digital competitiveness, 全球第 9) is no rank of the universities',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(false);
      expect(r.citations).toEqual([]);
    },
  );

  it('answers a rank of what the question names', async () => {
    const r = await ask('香港世界數碼競爭力全球排第幾？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('全球第 9');
  });

  it.each([['政府對電子競技產業有甚麼支援措施？'], ['香港政府有冇支持電競產業？'], ['政府有甚麼資助計劃支持興建電動車充電設施？'], ['高才通計劃到而家批咗幾多宗申請？']])(
    'declines %s: a sentence sharing only what kind of help is asked (措施, 計劃, 產業, 申請) says nothing of the subject the sheet lacks',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(false);
      expect(r.citations).toEqual([]);
    },
  );

  it('answers a question on rules with the law the sheet states', async () => {
    const r = await ask('What does the law require of new buildings?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('修訂法例');
  });

  it('a question on one field (「主力研究咩範疇？」, "what kind of research") is answered by the one the sheet names, no list needed', async () => {
    for (const q of ['瑞典嗰間醫學院喺科學園開咗個研究中心，主力研究咩範疇？', 'The Swedish medical university that opened a research centre at the Science Park — what kind of research is it doing there?']) {
      const r = await ask(q);
      expect(r.answerable).toBe(true);
      expect(r.answer).toContain('再生醫學');
    }
  });

  it('a formal name the sheet states whole is known (再工業化及科技培訓計劃)', async () => {
    const r = await ask('再工業化及科技培訓計劃的資助比例是多少？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2（政府）：1（企業）');
  });

  it('a specific word counts only as a word of the answer, not inside another (行業 in 銀行業)', async () => {
    const r = await ask('政府有冇出錢資助電競行業？');
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('銀行');
  });

  it('still answers a question with a word the sheet lacks when a specific word of it is in the answer', async () => {
    const r = await ask('新楼是不是要预留什么空间？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('流動通訊設施');
  });

  it('declines a question about them', async () => {
    expect((await ask('新加坡有多少家金融科技公司？')).answerable).toBe(false);
    expect((await ask('How many Octopus cards are in circulation in Hong Kong?')).answerable).toBe(false);
  });

  it.each([
    ['香港世界數碼競爭力全球排第 9，咁新加坡排第幾？', '全球第 9', '關於新加坡的資料'],
    ['Hong Kong was 14th in the 2022 Global Innovation Index — where did Singapore come?', '全球第 14', 'anything on Singapore'],
    // …or of a place it names elsewhere, Hong Kong written HK.
    ['HK is 19th in the IMD smart city index - where does Shenzhen come in?', '第 19', 'anything on Shenzhen'],
    // "Who has more X, A or B?" asks which side, not a body; cables "land in" a place, on no 土地.
    ['Who has more virtual banks, Hong Kong or Singapore?', '八個虛擬銀行牌照', 'anything on Singapore'],
    ['How many subsea cables land in Hong Kong compared to Singapore?', '12 個海底電纜系統', 'anything on Singapore'],
  ])('reads the same fact asked of Hong Kong and then of another place as a comparison: %s', async (q, says, uncovered) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(says);
    expect(r.uncovered).toEqual([uncovered]);
  });

  it('answers the home side when the comparison is said with 比起來…相差 (words that weigh nothing)', async () => {
    const r = await ask('香港的初創企業數量和深圳比起來相差多少？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('3,985');
    expect(r.uncovered).toHaveLength(1);
  });

  it('answers the Hong Kong side of a comparison and names the other as uncovered', async () => {
    const r = await ask('香港的儲值支付工具牌照比澳門多嗎？');
    expect(r.answerable).toBe(true);
    expect(r.uncovered).toEqual(['關於澳門的資料']);
    expect(r.answer).toContain('17 個儲值支付工具牌照');
    expect(r.answer).toContain('這份資料沒有涵蓋：關於澳門的資料');
  });

  it('declines a comparison in one year the sheet does not state with a side it lacks: Hong Kong\'s side is that year\'s too', async () => {
    expect((await ask("Was Hong Kong's digital competitiveness ranking in 2015 higher or lower than Singapore's that year?")).answerable).toBe(false);
    expect((await ask('How many fintech companies did Hong Kong have in 2016 compared with London at the time?')).answerable).toBe(false);
    // (In the year the sheet states, Hong Kong's side is answered and the other named uncovered.)
    const stated = await ask('2022年香港的初創企業數目比新加坡多嗎？');
    expect(stated.answerable).toBe(true);
    expect(stated.answer).toContain('3,985');
  });

  it('answers the Hong Kong side of a comparison written 「比南韓高」 or 「係咪好過深圳」, naming the other side uncovered', async () => {
    const rank = await ask('在全球創新指數中，香港的全球排名比南韓高還是低？');
    expect(rank.answerable).toBe(true);
    expect(rank.answer).toContain('全球第 14');
    expect(rank.uncovered).toEqual(['關於南韓的資料']);
    const labs = await ask('香港和北京，谁的国家重点实验室更多？');
    expect(labs.answerable).toBe(true);
    expect(labs.answer).toContain('16 所國家重點實驗室');
    expect(labs.uncovered).toEqual(['关于北京的资料']);
    // (覆蓋率, the rate of a word the sheet uses, is no unknown thing.)
    const cover = await ask('香港 5G 覆蓋率係咪好過深圳？');
    expect(cover.answerable).toBe(true);
    expect(cover.answer).toContain('九成');
    expect(cover.uncovered).toEqual(['關於深圳的資料']);
  });

  it('declines a comparison of something the sheet never mentions (獨角獸), whatever its sides', async () => {
    expect((await ask('香港的獨角獸企業數量比深圳多還是少？')).answerable).toBe(false);
    expect((await ask('香港同新加坡，邊度嘅科研人員人工高啲？')).answerable).toBe(false);
  });

  it('answers the side the sheet covers when it is a Hong Kong thing, not Hong Kong itself (轉數快 against 支付寶)', async () => {
    const r = await ask('轉數快一日嘅交易宗數同支付寶比點呀？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('118 萬宗交易');
    expect(r.uncovered).toEqual(['關於支付寶的資料']);
  });

  it('names the other side uncovered though a passage answering mentions it elsewhere (深圳 in the InnoExpress passage)', async () => {
    const r = await ask('香港有幾多間初創？同深圳比差幾遠？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('3,985');
    expect(r.uncovered).toHaveLength(1);
  });

  it('reads what is named with the other side (「新加坡的PayNow」) as that side, however often it is named', async () => {
    const r = await ask('香港“转数快”每天的交易量，跟新加坡的PayNow比起来怎么样？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('118 萬宗交易');
    expect(r.uncovered).toHaveLength(1);
    const yue = await ask('轉數快同新加坡PayNow比，邊個登記用戶多啲？');
    expect(yue.answerable).toBe(true);
    expect(yue.answer).toContain('1,193 萬個帳戶');
  });

  it('answers the home side even when the sheet mentions the other side elsewhere (深圳), and names it as uncovered', async () => {
    const r = await ask('香港啲初創數量同深圳比係咪差好遠？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('3,985');
    expect(r.uncovered).toEqual(['關於深圳的資料']);
  });

  it.each([['香港投资管理有限公司主要投资哪些领域？'], ['政府有冇資助市民買智能家居產品？']])(
    'declines %s: a common word inside a name (投資, 智能) does not make the name known',
    async (q) => {
      expect((await ask(q)).answerable).toBe(false);
    },
  );

  it('declines a yes/no question about a thing the sheet never mentions (電動車), not a new compound of words it uses (網絡設備)', async () => {
    expect((await ask('在香港买新能源电动车有没有政府补贴？')).answerable).toBe(false);
    const r = await ask('現在新落成的大廈，是否一定要預留位置給手機網絡設備？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('新建樓宇須預留空間');
  });

  it('declines when the Data Technology Hub opened: the dated sentences beside it are about the Advanced Manufacturing Centre', async () => {
    expect((await ask('When did the data technology hub in Tseung Kwan O open its doors?')).answerable).toBe(false);
    const amc = await ask('When did the Advanced Manufacturing Centre in Tseung Kwan O open?');
    expect(amc.answerable).toBe(true);
    expect(amc.answer).toContain('2022');
  });

  it('declines how many attended when the sheet counts only those who tried the prototypes', async () => {
    expect((await ask('How many people attended the first City I&T Grand Challenge exhibition?')).answerable).toBe(false);
    const tried = await ask('「城市創科大挑戰」得獎作品製成原型後，共有多少人參與試用？');
    expect(tried.answer).toContain('4,260');
  });

  it('declines the founding year of a body when the dated sentences are about another with a shared word (香港科學院, not 中國科學院)', async () => {
    expect((await ask('香港科學院是哪一年成立的？')).answerable).toBe(false);
    expect((await ask('轉數快係幾時開始有得用㗎？')).answerable).toBe(false);
  });

  it('declines a rank in a ranking the sheet never names (全球大學排名), and answers one it names', async () => {
    expect((await ask('香港的大學在全球大學排名中的表現如何？')).answerable).toBe(false);
    const r = await ask('香港在世界數碼競爭力排名中排第幾？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('全球第 9');
  });

  it('knows a short form by its full form in the passages (中科院 → 中國科學院)', async () => {
    const r = await ask('中科院香港创新研究院是什么时候成立的？现在有多少科研人员？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2019 年 4 月');
    expect(r.uncovered.length).toBe(1);
  });

  it('knows an English acronym a passage spells out (WIPO)', async () => {
    const r = await ask("Where does Hong Kong rank in WIPO's Global Innovation Index, and is that ahead of Singapore?");
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('全球第 14');
  });

  it('a comparison of how many is answered by the home side\'s count, not by a sentence that merely names the thing', async () => {
    const r = await ask('香港的初創企業數目與深圳相比，哪一方較多？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('3,985');
  });

  it.each([['香港的人工智能企业数量跟北京比是多还是少？'], ['How does the number of AI patents filed in Hong Kong compare with Shenzhen?']])(
    'declines %s: the sheet gives no count of the compared thing even for Hong Kong',
    async (q) => {
      expect((await ask(q)).answerable).toBe(false);
    },
  );

  it('answers the home side of 「A和B，哪個…更多」 and of a count compared without "more"', async () => {
    const a = await ask('香港数码港和深圳南山软件园，哪个聚集的企业更多？');
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain('1,900');
    const b = await ask('香港和新加坡的虚拟银行数量相比怎么样？');
    expect(b.answerable).toBe(true);
    expect(b.answer).toContain('八個虛擬銀行牌照');
    expect(b.uncovered).toEqual(['关于新加坡的资料']);
  });

  it('a comparison between two places the sheet never mentions is declined', async () => {
    expect((await ask('北京和上海哪个城市的国家重点实验室更多？')).answerable).toBe(false);
  });
});

describe('quoted names', () => {
  it('a quoted name shortened with its words in order (《虛擬資產政策宣言》) names the document (《有關虛擬資產在港發展的政策宣言》)', async () => {
    const r = await ask('《虛擬資產政策宣言》係幾時出㗎？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2022 年 10 月');
    // (A quoted name no passage holds, whole or shortened, is still something else.)
    expect((await ask('《香港元宇宙發展宣言》係幾時出㗎？')).answerable).toBe(false);
  });
});

describe('multi-part questions', () => {
  it('a later part asking a figure of a thing of its own (回報) that only the first part\'s sentences answer is uncovered', async () => {
    const r = await ask('創科創投基金投咗幾多錢落幾多間初創？啲投資回報係幾多？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2.07 億元');
    expect(r.uncovered).toEqual(['啲投資回報係幾多？']);
  });

  it('a later yes/no part about a thing the sheet never mentions is uncovered, the first part answered', async () => {
    const r = await ask('地理空間實驗室何時成立？公眾可以參觀嗎？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2021 年 5 月');
    expect(r.uncovered).toHaveLength(1);
  });

  it.each([['人工智能超算中心的可行性研究什么时候做完？中心打算建在哪里？'], ['AI 超算中心個可行性研究幾時做完？將來會起喺邊度？']])(
    'a later part asking where (%s) is about the first part\'s centre: other centres\' places do not answer it',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(true);
      expect(r.answer).toContain('2023/24');
      expect(r.answer).not.toMatch(/將軍澳創新園|位於香港科學園/);
      expect(r.uncovered).toHaveLength(1);
    },
  );

  it('"…, and when?" asks of the first part\'s answer: when the sheet lacks that, it lacks this too', async () => {
    expect((await ask('How many new submarine cables are due to land in Hong Kong, and when?')).answerable).toBe(false);
  });

  it('a later part naming only a kind of thing (「每個項目」) is about the first part\'s subject: another scheme\'s cap is not its own', async () => {
    const r = await ask('智慧交通基金總共有幾多錢？每個項目最多可以攞幾多？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('10 億元');
    expect(r.answer).not.toContain('50 萬元');
    expect(r.uncovered).toHaveLength(1);
  });

  it('"how much more is coming?" asks money added: 「基金將增資 4 億元」 answers it', async () => {
    const r = await ask('How much has the Science Park company already put into its venture fund, and how much more is coming?');
    expect(r).toMatchObject({ answerable: true, uncovered: [] });
    expect(r.answer).toContain('3.5 億元');
    expect(r.answer).toContain('增資 4 億元');
  });

  it('a later part naming the first part\'s facility by its kind (「成個中心」) is about that facility: another sum naming 人工智能 does not cost it', async () => {
    const r = await ask('AI 超算中心個可行性研究幾時做完？成個中心要使幾多錢？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2023/24');
    expect(r.answer).not.toContain('30 億元');
    expect(r.uncovered).toHaveLength(1);
  });

  it('a name ending in no facility\'s word (創科快線) is what its date is checked against', async () => {
    const r = await ask('大湾区创科飞跃学院和创科快线分别是什么时候设立的？');
    expect(r.answerable).toBe(true);
    expect(r.uncovered).toEqual([]);
    expect(r.answer).toContain('創科快線');
  });

  it('answers every part, each cited', async () => {
    const r = await ask('「產學研1+計劃」有幾多錢？會資助幾多支大學團隊？');
    expect(r).toMatchObject({ answerable: true, uncovered: [] });
    expect(r.answer).toContain('100 億元');
    expect(r.answer).toContain('100 支');
  });

  it('a limit asked for must be stated of the figure (「不少於 100 支」 is no cap on each team\'s money)', async () => {
    const r = await ask('「產學研1+計劃」有幾多錢？每隊大學團隊最多可以攞幾多？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('100 億元');
    expect(r.uncovered.length).toBe(1);
  });

  it('a relative year is counted from the first part\'s year and checked like any other', async () => {
    const r = await ask('Where did Hong Kong rank globally in the WIPO Global Innovation Index 2022, and what was its rank the year before?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('全球第 14');
    expect(r.uncovered.length).toBe(1);
  });

  it('a later part pointing back is about the first part\'s subject: another fund\'s investments do not answer it', async () => {
    const r = await ask('How large is the Strategic Tech Fund and which companies has it put money into so far?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('50 億元');
    expect(r.answer).not.toContain('3.5 億元');
    expect(r.uncovered.length).toBe(1);
  });

  it('a later part naming nothing is about the first part\'s subject, and an answer about the subject is found below the top passages', async () => {
    // 將軍澳's centres fill the top passages with places; the 微電子中心 is in 元朗.
    const r = await ask('微電子中心喺邊度起？幾時開？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('元朗創新園發展微電子中心');
    expect(r.answer).not.toContain('將軍澳');
  });

  it('declines a later part the sheet does not state for the first part\'s subject (「預計何時成立？」)', async () => {
    const r = await ask('政府打算設立的微電子研發院將設於何處？預計何時成立？');
    expect(r.answerable).toBe(false);
  });

  it('a later part pointing back with 到時 is about the first part\'s subject: another passage\'s figure does not answer it', async () => {
    const r = await ask('河套嗰個創科園頭三座樓幾時落成？到時會創造幾多個職位？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2024 年年底');
    expect(r.uncovered).toEqual(['到時會創造幾多個職位？']);
  });

  it('a later part naming nothing specific (「每宗申請的資助上限」) is about the first part\'s subject: another scheme\'s cap does not answer it', async () => {
    const r = await ask('「科技券」計劃到目前為止批出了多少宗申請？每宗申請的資助上限是多少？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2 萬１千宗申請');
    expect(r.answer).not.toContain('4.4 億元');
    expect(r.uncovered.length).toBe(1);
  });

  it('answers the covered part and names the uncovered one', async () => {
    const r = await ask('數碼港投資創業基金截至2023年2月底投資了多少間公司？當中有多少間已經上市？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('25 間公司');
    expect(r.uncovered).toEqual(['當中有多少間已經上市？']);
  });

  it('"money" names the kind of fact asked, no subject: a sum for another project does not answer the winners\' prize money', async () => {
    const r = await ask('How many entries did the City I&T Grand Challenge get in 2020, and how much prize money did the winners get?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('740');
    expect(r.answer).not.toContain('1 億元');
    expect(r.uncovered).toEqual(['how much prize money did the winners get?']);
  });

  it('a later part asking nothing the first part\'s answer does not already say is uncovered ("what returns has it made")', async () => {
    const r = await ask("How much has the Science Park's corporate venture fund invested so far, and what returns has it made on those investments?");
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('3.26 億元');
    expect(r.uncovered).toEqual(['what returns has it made on those investments?']);
  });

  it('one figure answers one part: the fund\'s 50 億元 given as its size is not also what it has invested', async () => {
    const r = await ask("How big is the government's Strategic Tech Fund and how much has it actually invested so far?");
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('50 億元');
    expect(r.uncovered).toHaveLength(1);
    // …while a part the figure of another sentence answers keeps it (「增加資助約 10%」: how much it rose).
    const rise = await ask('研究人才库每家公司最多能聘几个人？从2023年4月起资助提高了多少？');
    expect(rise.uncovered).toEqual([]);
    expect(rise.answer).toContain('10%');
  });
});

describe('paraphrases and English beyond the glossary', () => {
  it('"how many fintech companies operate in Hong Kong" counts the companies: "operate" names no subject', async () => {
    const r = await ask('Roughly how many fintech companies operate in Hong Kong?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('800 間金融科技公司');
  });

  it('an English count is of its last word: "tech voucher applications" counts applications (申請), stated apart from 科技券', async () => {
    const r = await ask('How many tech voucher applications have been approved so far?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2 萬１千宗申請');
    // …and a last word with no translation ("patents") leaves what qualifies it to be counted: no AI count answers it.
    expect((await ask('How does the number of AI patents filed in Hong Kong compare with Shenzhen?')).answerable).toBe(false);
  });

  it('reads mainland and colloquial wording of the sheet\'s terms (香港政府 → 香港特區政府, 高校 → 大學)', async () => {
    const r = await ask('香港政府准备拿多少钱来扶持生命健康科技？其中多少用于资助高校建研究院？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('100 億元');
    expect(r.answer).toContain('60 億元');
  });

  it('finds the passage through a dictionary synonym (舉措 → 措施)', async () => {
    const r = await ask('《香港智慧城市藍圖 2.0》一共包含多少項具體舉措？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('130 項措施');
  });

  // Wording the sheet says otherwise, each row for what it shows: a glossary entry (總體規劃 → 藍圖, stored
  // value, 外國 → 海外, 新蓋, 手機信號, 頭三座, 起好; English names of bodies), a word ending in 化 whose stem the
  // sheet uses, a ranking named with 「嗰個」, and 「幾多條」 read as a question word rather than 多條.
  it.each([
    ['特區政府那份創科發展總體規劃，是為往後多少年而訂的？', '未來五至十年'],
    ['e-wallet 嗰類 stored value 牌照發咗幾多個？', '17 個儲值支付工具牌照'],
    ['大學生想去外國交流或者搵人做師友指導，有冇獎學金資助㗎？', '創新科技獎學金'],
    ['以后新盖的楼，在手机信号设备方面有什么新要求吗？', '預留空間'],
    ['河套嗰個港深創科園，頭三座樓幾時起好？', '2024 年年底'],
    ['政府想喺五年內資助工廠開到幾多條自動化生產線？', '130 條'],
    ['What area of medicine is the Karolinska Institutet working on at its Hong Kong research centre?', '再生醫學'],
    ["When did Beijing's science ministry and Hong Kong start jointly funding research projects together?", '2019 年 4 月'],
    ['How does Hong Kong rank as a data centre market, according to Cushman & Wakefield?', '全球第 4'],
    ['政府以配對方式資助廠商在本港設置智能化生產線的那項計劃，是哪一年推出的？', '2020 年推出再工業化資助計劃'],
    ['世界知識產權組織嗰個創新指數，香港全球排第幾？', '全球第 14'],
    ['On an average day, how many payments go through FPS?', '118 萬宗交易'],
  ])('reads wording the sheet says otherwise: %s', async (q, says) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(says);
  });

  it.each([
    ['When did HKPC launch FundingFinder?', '資助易'],
    ['How much is the Knowing More About IT Programme?', '奇趣 IT 識多啲'],
    ['When did the government publish the Hong Kong Innovation and Technology Development Blueprint?', '香港創新科技發展藍圖'],
  ])('knows the official English name in %s, which the sheet writes only in Chinese', async (q, name) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(name);
  });

  it('a company named as a group or capital firm (紅杉資本) answers "who led …"', async () => {
    const r = await ask('Who led the setting up of the HK X-Tech Startup Platform?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('紅杉資本亦牽頭成立香港 X 科技創業平台');
  });

  it('"what does X pay for?" asks what X funds (資助)', async () => {
    const r = await ask('What does the Innovation and Technology Scholarship pay for?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('「創新科技獎學金」資助大學生參加海外');
  });

  it('reads an English word the glossary lacks through CC-CEDICT', async () => {
    const r = await ask('How many laboratories does InnoHK have up and running?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('28');
  });
});

describe('key terms for English readers', () => {
  it('glosses the quoted Chinese of an English answer: figures in digits, names in English', async () => {
    const r = await ask('How many communication satellites does Hong Kong use for external communications?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('九枚通訊衞星');
    expect(r.answer).toMatch(/\nKey terms: .*九 \(9\).*衞星 \(satellites?\)/);
  });

  it('leaves Chinese answers as quoted', async () => {
    const r = await ask('香港透過多少枚通訊衞星提供對外通訊服務？');
    expect(r.answerable).toBe(true);
    expect(r.answer).not.toContain('Key terms');
  });
});

describe('follow-ups', () => {
  const u = (content: string): Turn => ({ role: 'user', content });
  const a = (content: string): Turn => ({ role: 'assistant', content });
  it('a new subject placed where the sheet places it is no premise the last subject contradicts (「元朗的微電子中心呢？」 after 將軍澳)', async () => {
    const r = await ask('元朗的微電子中心呢？', [u('將軍澳的先進製造業中心是何時開幕的？'), a('位於將軍澳創新園的先進製造業中心已在 2022 年 4 月開幕[1]。')]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('科技園公司正於元朗創新園發展微電子中心，預計於 2024 年啟用');
  });

  it('"how many banks take part?" is not answered by a count of bank licences', async () => {
    const r = await ask('有多少間銀行參與？', [u('「商業數據通」是甚麼？'), a('「商業數據通」是以數據擁有人授權為本的數據基建，企業可分享營運數據，讓銀行準確評估企業情況[1]。')]);
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('八個虛擬銀行牌照');
  });

  it('bodies brought together (匯聚) are bodies taking part: "how many overseas bodies take part in InnoHK?" is answered', async () => {
    const r = await ask('那InnoHK有多少家境外机构参与？', [u('InnoHK 喺邊？'), a('「InnoHK 創新香港研發平台」位於香港科學園[1]。')]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('30 多間來自全球 11 個經濟體的機構');
  });

  it('"are they both being expanded?" after the Science Park and Cyberport is answered by the expansion of both', async () => {
    const r = await ask('are they both being expanded?', [
      u('How many companies are in the Science Park?'),
      a('Hong Kong Science Park houses over 1,000 technology companies [1].'),
      u('what about cyberport?'),
      a('Cyberport is a creative digital community with over 1,900 start-ups and technology companies [1].'),
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('科學園和數碼港的擴建工程');
  });

  it('a Cantonese yes/no question (可唔可以) after an ellipsis asks whether, not the earlier question\'s percentage', async () => {
    const r = await ask('咁電訊商投頻譜要俾嘅使用費，可唔可以扣稅㗎？', [
      u('咁5G覆蓋率去到幾多？'),
      a('政府修訂法例要求新建樓宇預留空間裝設流動通訊設施，進一步擴大現時覆蓋率已逾九成的5G網絡。[1]'),
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('稅務扣除');
  });

  it('「它的目的是什么？」 is answered from the scheme\'s own passage, not one a dictionary synonym (目的 → 針對性) names', async () => {
    const r = await ask('它的目的是什么？', [u('内地与香港联合资助计划是哪年推出的？'), a('科技部與香港特區政府於 2019 年 4 月推出「內地與香港聯合資助計劃」[1]。')]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('內地與香港聯合資助計劃');
    expect(r.answer).not.toContain('數碼港');
  });

  it('「它跟深圳那边是怎么合作的？」 is answered by the passage stating both its own words (深圳, 合作), not by the last answer again', async () => {
    const r = await ask('它跟深圳那边是怎么合作的？', [u('港深创科园第一批楼什么时候建好？'), a('港深創科園首三座樓宇已開始興建，將按計劃於 2024 年年底開始分階段落成[1]。')]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('深港科技創新合作區');
    expect(r.answer).not.toContain('首三座樓宇');
  });

  it('"how big is it there?" is not answered by the size of another facility the passage names (108,600 平方米 is the 先進製造業中心\'s)', async () => {
    const r = await ask('嗰度有幾大？', [u('數據技術中心喺邊度？'), a('位於將軍澳的數據技術中心已啟用[1]。')]);
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('108,600');
  });

  // Each row: a follow-up, its conversation, and what its answer must say. The sentence speaking to the
  // follow-up's own words, not the one told before (科技券資助啲咩); "branch" → 分園; a list's kind word
  // (範疇) need not be said; 「唔緊要。」 and 用得 are no words of the question; 「那里」 points back at the place
  // named; everyday English verbs (getting) are no words the answer must contain.
  it.each([
    ['科技券資助啲咩㗎？', ['科技券批咗幾多宗申請？', '「科技券」計劃出台至今已批出超過 2 萬１千宗申請。[1]'], '科技服務及方案'],
    ['is there a shenzhen branch?', ['sorry I meant InnoExpress', 'InnoExpress, set up by HKSTP in July 2022, nurtures start-ups [1].'], '深圳分園'],
    ['主要係邊啲範疇？', ['咁前沿科技嘅基礎研究，預算案預留咗幾多錢？', '2023/24年度《財政預算案》預留30億元推動前沿科技領域的基礎研究。[1]'], '人工智能、量子科技'],
    [
      '唔緊要。咁政府會唔會開放多啲數據畀業界用？',
      ['全港有幾多個Wi-Fi.HK熱點？', '現時全港共有超過47,000個「Wi-Fi.HK」熱點。[1]', '係咪全部免費㗎？', '抱歉，資料單張沒有提及這方面的資料。'],
      '開放',
    ],
    ['幾時用得？', ['咁微電子中心起喺邊？', '科技園公司正於元朗創新園發展微電子中心[1]。'], '2024 年啟用'],
    ['那里会有人才住房吗？', ['新田科技城是怎么规划的？', '政府推展港深創科園與落馬州／新田一帶整合為「北部都會區」新田科技城[1]。'], '住宿空間'],
    [
      'is it getting any more money?',
      ['How much has the HKSTP Corporate Venture Fund invested so far?', "HKSTP's Corporate Venture Fund has invested over HK$326 million in 27 technology companies [1]."],
      '增資 4 億元',
    ],
  ])('answers the follow-up %s with what it asks', async (q, turns, says) => {
    const r = await ask(q, turns.map((content, i) => (i % 2 === 0 ? u(content) : a(content))));
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(says);
  });

  it.each([
    // The sentence before 「首三座樓宇…」 names the park, though it states no date and is not chosen.
    ['河套嗰個港深科技園啲樓幾時起好㗎？', '2024 年年底開始分階段落成'],
    // 「科技券」 named by its own name: the words describing it need not be repeated.
    ['政府补贴企业用科技服务的那个“科技券”，到现在一共批了多少宗？', '2 萬１千宗申請'],
    // 開業 is what is asked of the companies, not the subject: a sentence need not say it.
    ['政府想未來五年引幾多間科企嚟香港開業或者擴充？', '100 間'],
    // 「元朗那個…中心」: Yuen Long says which centre, it is not what the date is asked of.
    ['元朗那個做微電子的中心預計哪一年可以開始用？', '2024 年啟用'],
    // A plan is launched when it is published (公布); a lab starts work when it is set up (成立).
    ['政府那份規劃未來五到十年科技發展路向的文件，是甚麼時候推出的？', '2022 年 12 月公布'],
    ['地理空間實驗室是甚麼時候開始運作的？', '2021 年 5 月成立'],
    ['What is the funding ratio under the Reindustrialisation and Technology Training Programme?', '2（政府）：1（企業）'],
    // 「沙田那邊的」 says which park: 沙田 is not the subject a sentence must name.
    ['請問現在大概有多少間科技公司進駐了沙田那邊的科學園？', '1,000 家科技公司'],
    ['元朗那邊正在建的微電子中心預計何時可以開始使用？', '2024 年啟用'],
    // 電子錢包 is a wallet: licences are counted, no money is asked.
    ['政府發了多少個電子錢包一類的儲值支付牌照？', '17 個儲值支付工具牌照'],
    ['Where can an overseas fintech firm get help setting up here?', '投資推廣署'],
    // The fact sheet itself is no subject: its date is the one it gives for itself.
    ['這份創新及科技概況的更新日期是哪一天？', '2023 年 6 月 30 日'],
    ['When was this fact sheet last updated?', '2023 年 6 月 30 日'],
  ])('answers %s from the sentence that states it of the subject', async (q, says) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(says);
  });

  it.each([
    // 「首三座」 are the first three buildings, not how many there will be.
    ['港深創科園起晒總共會有幾多棟樓？'],
    // 「此外，…在內地設立的分支機構」 turns to something else: it says nothing of where the branch park is.
    ['深圳分园具体在哪个区？'],
  ])('declines %s: the figure or place is not of what is asked', async (q) => {
    expect((await ask(q)).answerable).toBe(false);
  });

  it.each([['數碼港是哪一年開始營運的？'], ['转数快是哪一年上线的？']])('declines %s: a date of something else done there (再注資, 截至) is no opening date', async (q) => {
    expect((await ask(q)).answerable).toBe(false);
  });

  it('a sentence carrying on from the one naming the subject answers of it (「首三座樓宇…落成」 after the 港深創科園 works)', async () => {
    const r = await ask('落馬洲河套嗰個科技園啲樓幾時起好？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2024 年年底開始分階段落成');
  });

  it.each([
    ['Who is in charge of re-industrialisation in government?', '工業專員'],
    ['How much are they spending to upgrade iAM Smart?', '2億元提升「智方便」'],
    ['Are there any online-only insurers in Hong Kong? How many?', '四個虛擬保險公司牌照'],
  ])('answers %s in everyday English (in charge → 專責, spending on one thing → the sum set aside)', async (q, says) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(says);
  });

  it('the people a count asks for are no subject: start-ups\' jobs answer how many staff they hire', async () => {
    const r = await ask('香港啲 startup 總共 hire 咗幾多 staff？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('14,932 個職位');
  });

  it('"when did it go live?" asks when it began operating: a date counting its use so far does not answer it', async () => {
    expect((await ask('When did the Faster Payment System (FPS) first go live?')).answerable).toBe(false);
    const cdi = await ask('when did the CDI go live?', [
      u("What's the Commercial Data Interchange?"),
      a('The Commercial Data Interchange is a consent-based data infrastructure that lets enterprises share operational data so banks can assess them accurately [1].'),
    ]);
    expect(cdi.answer).toContain('2022 年 10 月項目正式投入運作');
  });

  it('"will they build another one?" is answered by the further one of the thing talked about, or declined', async () => {
    const innoCell = [u('創新斗室提供多少個住宿單位？'), a('在香港科學園旁興建的創新斗室提供約 500 個住宿單位[1]。'), u('住戶何時開始入住？'), a('獲接納申請的住戶於 2021 年 6 月中起陸續入住[1]。')];
    const more = await ask('政府會否再興建多一座？', innoCell);
    expect(more.answerable).toBe(true);
    expect(more.answer).toContain('新一座「創新斗室」');
    // …after a declined question on the rent too, whose words the passage on the new one does not repeat.
    const afterRent = await ask('政府有沒有打算再多建一座？', [...innoCell, u('月租大概是多少？'), a('抱歉，資料沒有提及這一點。')]);
    expect(afterRent.answer).toContain('新一座「創新斗室」');
    const amc = await ask('are they building another one?', [u('How big is the Advanced Manufacturing Centre?'), a('About 108,600 square metres [1].')]);
    expect(amc.answer).toContain('第二個先進製造業中心');
    // The second 先進製造業中心 is no second 數據技術中心 or 微電子中心.
    expect((await ask('會唔會再起多一座？', [u('數據技術中心喺邊度？'), a('數據技術中心位於將軍澳創新園[1]。')])).answerable).toBe(false);
    expect((await ask('會不會再建第二個？', [u('微電子中心在哪裏？'), a('微電子中心位於元朗創新園[1]。')])).answerable).toBe(false);
  });

  const history: Turn[] = [
    { role: 'user', content: '「策略性創科基金」有幾多錢？' },
    { role: 'assistant', content: '根據《創新及科技》：成立 50 億元的「策略性創科基金」，投資具發展潛力的企業，以豐富香港的創科生態。 [1]' },
  ];

  it('a follow-up naming the subject itself is not held to the fuller name the last answer used (科學園 / 香港科學園)', async () => {
    const r = await ask('科學園幾時擴建完？', [
      { role: 'user', content: '科學園有幾多間科技公司？' },
      { role: 'assistant', content: '香港科學園匯集逾 1,000 家科技公司，為它們提供基礎設施和一站式支援服務。[1]' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2025');
  });

  it('"who is in charge of building it" is answered by the body the sheet says builds and runs the park', async () => {
    const r = await ask("who's in charge of building it?", [
      { role: 'user', content: 'When will the first buildings in the Loop be ready?' },
      { role: 'assistant', content: 'The first three buildings of the Hong Kong-Shenzhen I&T Park in the Lok Ma Chau Loop are under construction and will be completed in phases from end-2024 [1].' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('港深創新及科技園有限公司');
  });

  it('a follow-up on an exchange naming no subject is about the one named before it (the Technology Voucher, not the 數碼港 scheme)', async () => {
    const r = await ask('whats the max a company can get from it?', [
      { role: 'user', content: "What's the Technology Voucher Programme?" },
      { role: 'assistant', content: 'It subsidises local enterprises and organisations to use technological services and solutions to improve productivity [1].' },
      { role: 'user', content: 'how many applications have been approved so far' },
      { role: 'assistant', content: 'Since its launch, the programme has approved over 21,000 applications [1].' },
    ]);
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('50 萬元');
  });

  it('a pronoun pointing at a named scheme (佢 → 科技券) is answered by a passage naming it, not by another scheme that also funds companies', async () => {
    const r = await ask('咁佢係資助公司做啲乜嘢㗎？', [
      { role: 'user', content: '科技券批咗幾多宗申請？' },
      { role: 'assistant', content: '「科技券」計劃出台至今已批出超過2萬1千宗申請[1]。' },
      { role: 'user', content: '每間公司最多攞到幾多錢？' },
      { role: 'assistant', content: '抱歉，資料單張沒有提及科技券的資助上限。' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('科技服務及方案');
    expect(r.answer).not.toContain('研究人才庫');
  });

  it('a word only one passage uses (租戶) finds that passage for a follow-up, however little else of the conversation it shares', async () => {
    const r = await ask('它現在有哪些租戶？', [
      { role: 'user', content: '先進製造業中心樓面面積有多大？' },
      { role: 'assistant', content: '中心提供約108,600平方米樓面面積，以容納高附加值製造業。[1]' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('醫療用品');
  });

  it('"never mind" opens a question standing alone', async () => {
    const r = await ask('ok never mind. is there going to be a digital HKD?', [
      { role: 'user', content: 'how many transactions a day does FPS handle?' },
      { role: 'assistant', content: 'In March 2023 it averaged 1.18 million transactions a day, worth HK$8.3 billion [1].' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('數碼港元');
  });

  it('a yes/no question after a new subject (「那政府會不會再建多一座？」) asks whether, not the earlier unanswered ask (rent)', async () => {
    const r = await ask('那政府會不會再建多一座？', [
      { role: 'user', content: '住戶是甚麼時候開始入住創新斗室的？' },
      { role: 'assistant', content: '獲接納申請的住戶於 2021 年 6 月中起陸續入住。[1]' },
      { role: 'user', content: '月租大概多少？' },
      { role: 'assistant', content: '抱歉，資料概覽沒有提及創新斗室的租金。' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('新一座「創新斗室」');
  });

  it('"the research centre" named two exchanges back is that centre: its opening date, which the sheet lacks, is declined', async () => {
    const r = await ask("when's the research centre opening?", [
      { role: 'user', content: 'how much money is set aside for life and health tech?' },
      { role: 'assistant', content: 'HK$10 billion has been earmarked to further promote life and health technology, including a Life and Health Innovation Research Centre in the Loop park [1].' },
      { role: 'user', content: 'how much of that goes to the universities?' },
      { role: 'assistant', content: 'The government will allocate HK$6 billion of it to fund universities and research institutions to set up thematic research institutes [1].' },
    ]);
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('2016');
  });

  it('a correction asking what the corrected thing is gets the sentence saying what it is', async () => {
    const r = await ask('抱歉，我问的是数码港，它是做什么的？', [
      { role: 'user', content: 'InnoHK在哪里？' },
      { role: 'assistant', content: '「InnoHK創新香港研發平台」位於香港科學園[1]。' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('數碼港是一個深具創意的數碼社區');
    expect(r.answer).not.toContain('InnoHK');
  });

  it('a question asking when the Science Park opened is not answered by the year of a centre set up in it', async () => {
    const r = await ask('科學園係幾時開幕㗎？');
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('2016');
  });

  it('an ellipsis keeps the earlier ask: when a centre opened is when it was set up (設立)', async () => {
    const r = await ask('and Karolinska?', [
      { role: 'user', content: 'When did MIT open its innovation centre in HK?' },
      { role: 'assistant', content: 'MIT opened its first overseas innovation node in Hong Kong in 2016. [1]' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('卡羅琳醫學院於 2016');
  });

  it.each([
    ['and Sequoia?', 'How big is Alibaba\'s entrepreneurs fund?', 'Alibaba Group launched a $1 billion Hong Kong Entrepreneurs Fund [1].', 'the amount'],
    ['紅杉呢？', '阿里巴巴嗰個香港創業者基金有幾大？', '阿里巴巴集團啟動了 10 億元的香港創業者基金[1]。', '金額'],
  ])('an ellipsis whose new subject the sheet states no such fact of (%s) gets what it says of it, naming the kind it lacks', async (q, before, reply, lacks) => {
    const r = await ask(q, [
      { role: 'user', content: before },
      { role: 'assistant', content: reply },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('紅杉資本亦牽頭成立香港 X 科技創業平台');
    expect(r.answer).toContain(lacks);
  });

  it.each([['Are data centre taxes in HK lower than in Singapore?'], ['香港做 data centre 嘅稅率同新加坡比係咪低啲？']])(
    'a level compared with another side (%s) is answered by the sheet\'s superlative, the other side named as uncovered',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(true);
      expect(r.answer).toContain('全球稅率最低的數據中心市場');
      expect(r.answer).toMatch(/Singapore|新加坡/);
    },
  );

  it('an ellipsis asking its own question of a subject it names is read on its own when the conversation\'s reading answers nothing', async () => {
    const r = await ask('好的。那數碼港的擴建工程預計何時完成？', [
      { role: 'user', content: '數碼港的投資創業基金投資了多少間公司？' },
      { role: 'assistant', content: '截至 2023 年 2 月底，數碼港投資創業基金已向 25 間公司投資超過 1.8 億元。[1]' },
      { role: 'user', content: '數碼港位於哪一區？' },
      { role: 'assistant', content: '抱歉，資料沒有提及數碼港的位置。' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('由 2025 年起分階段完成科學園和數碼港的擴建工程');
  });

  it('"whats X for, and how much floor space has it got?" is two questions: the first answered, the area named as missing', async () => {
    const r = await ask('whats the data technology hub in TKO for, and how much floor space has it got?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('為數據科技和電訊服務業特別設計的基礎設施');
    expect(r.answer).toContain('floor space');
  });

  it('"another one" is the sheet\'s 新一座 (Cantonese 再起多座)', async () => {
    const r = await ask('咁政府會唔會再起多座？', [
      { role: 'user', content: '科學園隔籬嗰個創新斗室有幾多個單位？' },
      { role: 'assistant', content: '創新斗室提供約 500 個配以輔助設施的住宿單位[1]。' },
      { role: 'user', content: '租金幾錢一個月？' },
      { role: 'assistant', content: '抱歉，資料單張沒有提及這一點。' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('新一座');
  });

  it('an event the sheet names without its month is declined, not dated by its neighbour (金融科技周)', async () => {
    const r = await ask('香港金融科技周一般在幾月舉行？', [
      { role: 'user', content: '香港有多少間金融科技公司？' },
      { role: 'assistant', content: '香港有超過 800 間金融科技公司。[1]' },
    ]);
    expect(r.answerable).toBe(false);
  });

  it('a short question naming its own subject is read on its own when the follow-up reading finds nothing', async () => {
    const r = await ask('唔該，全港有幾多個 Wi-Fi.HK 熱點？', [
      { role: 'user', content: '地理空間實驗室係咩嚟㗎？' },
      { role: 'assistant', content: '地理空間實驗室協助提升公眾對空間數據的興趣，推動智慧城市發展。[1]' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('47,000');
  });

  it('「又是干嘛的」 asks something of its own: the last question\'s count is not inherited', async () => {
    const r = await ask('那大湾区青年就业计划又是干嘛的？', [
      { role: 'user', content: '科技人才入境计划是干嘛的？' },
      { role: 'assistant', content: '「科技人才入境計劃」為輸入海外和內地科技人才來港從事研發工作提供快速處理安排[1]。' },
      { role: 'user', content: '每年配额有多少个？' },
      { role: 'assistant', content: '抱歉，資料單張沒有提及這一點。' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('大灣區青年就業計劃');
  });

  it('a pronoun follow-up finds its subject by the sheet\'s short form too (港深創新及科技園 → 港深創科園)', async () => {
    const r = await ask('其首批樓宇何時落成？', [
      { role: 'user', content: '港深創科園由哪間公司負責營運？' },
      { role: 'assistant', content: '科技園公司成立了附屬公司港深創新及科技園有限公司，負責港深創科園的建設、營運、維修和管理。[1]' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2024 年年底');
  });

  it('a question naming nothing specific is about the conversation\'s subject: another scheme\'s cap does not answer it', async () => {
    const r = await ask('每宗申請最多可獲資助多少？', [
      { role: 'user', content: '「科技券」計劃至今批出了多少宗申請？' },
      { role: 'assistant', content: '「科技券」計劃出台至今已批出超過 2 萬 1 千宗申請[1]。' },
    ]);
    expect(r.answerable).toBe(false);
    // …while one naming its own subject, however long, stands alone.
    const alone = await ask('「研究人才庫」每間公司最多可以聘用幾多名研究人才？', [
      { role: 'user', content: '「科技券」計劃至今批出了多少宗申請？' },
      { role: 'assistant', content: '「科技券」計劃出台至今已批出超過 2 萬 1 千宗申請[1]。' },
    ]);
    expect(alone.answer).toContain('最多四名');
  });

  it('a same-subject follow-up asking a new fact does not merely repeat the last answer', async () => {
    const r = await ask('佢投資啲咩企業？', history);
    expect(r.answerable).toBe(true);
    // Something the conversation has not said yet: the industries the fund's companies are drawn from.
    expect(r.answer).toContain('生命健康科技');
  });

  it('a pronoun points at the subject the earlier question named, not another body its reply named (金融科技周, not 投資推廣署)', async () => {
    const week: Turn[] = [
      { role: 'user', content: 'Who organises Hong Kong FinTech Week?' },
      { role: 'assistant', content: "InvestHK's dedicated fintech team organises a series of fintech events, including the annual flagship Hong Kong FinTech Week [1]." },
    ];
    const r = await ask('when is it this year?', week);
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('初創企業調查');
  });

  it('a yes/no follow-up naming a thing only one passage names finds that passage (「生命健康創新科研中心」 in the 港深創科園)', async () => {
    const loop: Turn[] = [
      { role: 'user', content: "Who's responsible for building the tech park in the Lok Ma Chau Loop?" },
      { role: 'assistant', content: 'HKSTP set up a subsidiary, Hong Kong-Shenzhen Innovation and Technology Park Limited, responsible for it [1].' },
      { role: 'user', content: 'when will the buildings be done?' },
      { role: 'assistant', content: 'The first three buildings are under construction and will be completed in phases starting from end-2024 [1].' },
    ];
    const r = await ask('is there going to be some life science centre there?', loop);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('生命健康創新科研中心');
  });

  it('a new subject after 咁 with its own "how" (「係點資助」) gets its own passage, not the last question\'s count', async () => {
    const lines: Turn[] = [
      { role: 'user', content: '再工業化資助計劃係幾時推出？' },
      { role: 'assistant', content: '再工業化資助計劃於 2020 年推出，以配對形式資助生產商在港設立智能生產線 [1]。' },
      { role: 'user', content: '目標係幾多條生產線？' },
      { role: 'assistant', content: '目標是將資助的智能生產線在五年間增加至超過 130 條 [1]。' },
    ];
    const r = await ask('咁再工業化及科技培訓計劃又係點資助？', lines);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2（政府）：1（企業）');
  });

  it('floor area (樓面面积) is the kind of fact asked, naming no subject: the whole park talked of, not another facility\'s floor space', async () => {
    const loop: Turn[] = [
      { role: 'user', content: '河套的港深創科園由哪個機構負責營運？' },
      { role: 'assistant', content: '科技園公司成立了附屬公司港深創新及科技園有限公司，負責港深創科園的建設、營運、維修和管理 [1]。' },
      { role: 'user', content: '首批樓宇何時落成？' },
      { role: 'assistant', content: '首三座樓宇已開始興建，將按計劃於 2024 年年底開始分階段落成 [1]。' },
    ];
    const r = await ask('整個園區的總樓面面積有多大？', loop);
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('108,600');
    const amc = await ask('先進製造業中心的樓面面積有多大？');
    expect(amc.answerable).toBe(true);
    expect(amc.answer).toContain('108,600');
  });

  it.each([['what does it work on?'], ['該中心主要從事哪方面的工作？']])(
    'declines %s after a question on the MIT centre: the sheet says when it opened, not what it works on',
    async (q) => {
      const mit: Turn[] = [
        { role: 'user', content: 'When did MIT open its innovation centre in Hong Kong?' },
        { role: 'assistant', content: 'MIT opened its first overseas innovation centre in Hong Kong in 2016 [1].' },
      ];
      const r = await ask(q, mit);
      expect(r.answerable).toBe(false);
      expect(r.citations).toEqual([]);
    },
  );

  it("declines the name of the person holding a role the sheet names only as a post (\"what's the commissioner's name?\")", async () => {
    const post: Turn[] = [
      { role: 'user', content: 'Is there an official in charge of reindustrialisation?' },
      { role: 'assistant', content: 'Yes, a Commissioner for Industry was appointed to steer and oversee the re-industrialisation strategy [1].' },
    ];
    const r = await ask("what's the commissioner's name?", post);
    expect(r.answerable).toBe(false);
  });

  it('answers what a body works on when the sheet states it (Karolinska: regenerative medicine)', async () => {
    const r = await ask('What kind of research does the Karolinska Institutet centre in Hong Kong focus on?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('再生醫學');
  });

  it('cites the other passage stating the answering sentence again as related (the sheet states the second centre twice)', async () => {
    const tenants: Turn[] = [
      { role: 'user', content: '先進製造業中心有哪些租戶？' },
      { role: 'assistant', content: '已進駐租戶包括從事醫療用品、民用衞星、智能保安產品及先進材料製造的企業，以及智慧物流服務公司 [1]。' },
    ];
    const r = await ask('會不會再建第二個？', tenants);
    expect(r.answerable).toBe(true);
    expect(r.citations.map((c) => c.text.replace(/\s+/g, '')).join('\n')).toContain('興建第二個先進製造業中心進行技術可行性研究');
    expect(r.citations.map((c) => c.text.replace(/\s+/g, '')).join('\n')).toContain('建第二個先進製造業中心進行可行性研究');
  });

  it('an agreement (協議) asked of is the sheet\'s 安排 or 備忘錄, as "agreement" is', async () => {
    const scheme: Turn[] = [
      { role: 'user', content: '内地与香港联合资助计划是什么时候推出的？' },
      { role: 'assistant', content: '國家科學技術部與香港特區政府於2019年4月推出「內地與香港聯合資助計劃」，以支持及鼓勵香港與內地的科技合作[1]。' },
    ];
    const r = await ask('那后来科技部跟港府还签了什么协议？', scheme);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('加快建設香港國際創新科技中心的安排');
  });

  it('「咁投咗幾多間公司？」 after a question on a fund asks more of that fund, not of whichever fund invested in companies', async () => {
    const fund: Turn[] = [
      { role: 'user', content: '政府個創科創投基金有幾多錢？' },
      { role: 'assistant', content: '政府推出的20億元創科創投基金，以配對形式與獲選的私人風險投資基金合作，共同投資本地創科初創企業[1]。' },
    ];
    const r = await ask('咁投咗幾多間公司？', fund);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('27 間本地創科初創企業');
    expect(r.answer).not.toContain('科技企業投資基金');
  });

  it('a question naming its own subject before a demonstrative (「InnoHK 嗰啲平台」) is read on its own when the conversation finds nothing', async () => {
    const park: Turn[] = [
      { role: 'user', content: '科學園擴建會多咗幾多樓面？' },
      { role: 'assistant', content: '由 2025 年起分階段完成科學園和數碼港的擴建工程，提供合共約 100,000 平方米的額外樓面面積 [1]。' },
    ];
    const r = await ask('InnoHK 嗰啲平台喺邊㗎？', park);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('位於香港科學園');
  });

  it('an announced topic change is never read against the conversation, even when it names nothing specific', async () => {
    const centre: Turn[] = [
      { role: 'user', content: "When's the Microelectronics Centre opening?" },
      { role: 'assistant', content: 'HKSTP is developing the Microelectronics Centre at Yuen Long InnoPark, expected to open in 2024. [1]' },
    ];
    const r = await ask('unrelated, but how many companies is the gov trying to attract over the next 5 years?', centre);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('100 間');
  });

  it('reads a follow-up naming only money and a kind ("how much funding does each centre get a year?") as about the conversation\'s subject', async () => {
    const centres: Turn[] = [
      { role: 'user', content: 'Which R&D centres did the government set up?' },
      { role: 'assistant', content: 'The government set up five R&D centres [1].' },
      { role: 'user', content: 'do they also offer internships?' },
      { role: 'assistant', content: 'Yes, the five public R&D centres and the Hong Kong Productivity Council offer internships to STEM students [1].' },
    ];
    const r = await ask('how much funding does each centre get a year?', centres);
    // The sheet gives no yearly sum for the five R&D centres; 4.4 億元 a year is for the state key laboratories.
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('4.4');
  });

  it('takes no subject from a general-dictionary synonym that is a verb (問題 "issue" → 發表 "to issue")', async () => {
    const r = await ask('有個比賽係叫人諗科技方法解決城市生活問題嘅，第一次係幾時搞？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2020');
  });

  it('reads the kind of thing a list asks for (行業) as what is asked, not the subject (「它们主要是哪些行业的？」)', async () => {
    const office: Turn[] = [
      { role: 'user', content: '引进重点企业办公室计划吸引多少家企业来港？' },
      { role: 'assistant', content: '目標是未來五年吸引不少於100間具潛力或代表性的創科企業在港設立或擴展業務[1]。' },
      { role: 'user', content: '能给香港带来多少投资？' },
      { role: 'assistant', content: '目標是為香港帶來過百億元的投資，並創造以千計的本地就業職位。[1]' },
    ];
    const r = await ask('它们主要是哪些行业的？', office);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('生命健康科技');
  });

  it('takes no subject from a general-dictionary synonym of the conversation\'s words (「未列明」 in a decline is no 「羅列」)', async () => {
    const challenge: Turn[] = [
      { role: 'user', content: '優勝方案的原型有多少人試用過？' },
      { role: 'assistant', content: '原型在超過50間機構和社區團體試用，試用人數超過4,260人[1]。' },
      { role: 'user', content: '優勝隊伍每隊獲發多少獎金？' },
      { role: 'assistant', content: '抱歉，資料單張只提到優勝者獲得研發的財政資源，並未列明金額。' },
    ];
    const r = await ask('創意展在何時舉行？', challenge);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2022年 10 月');
  });

  it('the second one of a kind (「第二個會起喺邊？」) is not answered by where the first one is', async () => {
    const amc: Turn[] = [
      { role: 'user', content: '先進製造業中心喺邊度？' },
      { role: 'assistant', content: '先進製造業中心位於將軍澳創新園，已於2022年啟用[1]。' },
      { role: 'user', content: '會唔會再起多個？' },
      { role: 'assistant', content: '科技園公司正就興建第二個先進製造業中心進行可行性研究[1]。' },
    ];
    expect((await ask('第二個會起喺邊？', amc)).answerable).toBe(false);
    expect((await ask('第一個喺邊？', amc)).answer).toContain('將軍澳創新園');
    // "that one", asked after a question about a second one, is the second one: the first one's 2022 opening is no answer.
    const second: Turn[] = [
      { role: 'user', content: "Where's the Advanced Manufacturing Centre?" },
      { role: 'assistant', content: 'The Advanced Manufacturing Centre is at the Tseung Kwan O InnoPark and opened in 2022 [1].' },
      { role: 'user', content: 'are they going to build a second one?' },
      { role: 'assistant', content: 'HKSTP is conducting a technical feasibility study on building a second Advanced Manufacturing Centre [1].' },
    ];
    const ready = await ask('when would that one be ready?', second);
    expect(ready.answerable).toBe(false);
    expect(ready.answer).not.toContain('2022');
  });

  it('a follow-up naming nothing specific that the conversation\'s subject does not answer is declined, not answered alone from another scheme', async () => {
    const voucher: Turn[] = [
      { role: 'user', content: '科技券批咗幾多宗申請？' },
      { role: 'assistant', content: '「科技券」計劃出台至今已批出超過 2 萬 1 千宗申請[1]' },
    ];
    const r = await ask('每宗最多資助幾多？', voucher);
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('50 萬元');
  });

  it('「幾多錢」 names no subject of its own: 「成個工程要使幾多錢？」 is about the works just talked about', async () => {
    const works: Turn[] = [
      { role: 'user', content: '科學園同數碼港擴建幾時完成？' },
      { role: 'assistant', content: '科學園和數碼港的擴建工程由2025年起分階段完成，提供合共約100,000平方米的額外樓面面積。[1]' },
    ];
    const r = await ask('成個工程要使幾多錢？', works);
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('綜合數碼平台');
  });

  it('a count of companies is not held to the word 公司 when the sheet counts 企業 (「到现在投了多少家公司？」)', async () => {
    const fund: Turn[] = [
      { role: 'user', content: '创科创投基金是怎么运作的？' },
      { role: 'assistant', content: '政府推出的20億元創科創投基金，以配對形式與獲選的私人風險投資基金合作，共同投資在香港的創科初創企業[1]。' },
    ];
    const r = await ask('到现在投了多少家公司？', fund);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('27 間');
  });

  it('returning to a subject two exchanges back answers about it, not the last one (「返返去頭先數碼港嗰個」)', async () => {
    const parks: Turn[] = [
      { role: 'user', content: '數碼港有幾多間公司？' },
      { role: 'assistant', content: '數碼港匯集超過1,900家初創企業和科技公司[1]。' },
      { role: 'user', content: '科學園呢？' },
      { role: 'assistant', content: '香港科學園匯集逾1,000家科技公司[1]。' },
    ];
    const r = await ask('返返去頭先數碼港嗰個，佢個投資創業基金投咗幾多間公司？', parks);
    expect(r.answer).not.toContain('1,000 家科技公司');
  });

  it('a new subject brought up in passing (「聽講仲有個微電子中心」) is answered on its own', async () => {
    const amc: Turn[] = [
      { role: 'user', content: '將軍澳先進製造業中心有啲咩公司進駐咗？' },
      { role: 'assistant', content: '已進駐租戶包括從事醫療用品、民用衞星、智能保安產品及先進材料製造的企業[1]。' },
    ];
    const r = await ask('聽講仲有個微電子中心，喺邊度起㗎？', amc);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('元朗創新園');
  });

  it('a common noun of the follow-up (對象) brings up no new subject: it asks about the earlier one', async () => {
    const scheme: Turn[] = [
      { role: 'user', content: '“产学研1+计划”有多少钱？' },
      { role: 'assistant', content: '政府預計在2023年設立100億元的「產學研1+計劃」並接受申請[1]。' },
    ];
    const r = await ask('资助对象是谁？', scheme);
    expect(r.answer).not.toContain('智能生產線');
  });

  it('repeats an earlier sentence when it is the one that answers (「那它的第二個呢？」)', async () => {
    const innoHk: Turn[] = [
      { role: 'user', content: 'InnoHK的第一個創新平台是甚麼？' },
      {
        role: 'assistant',
        content: '根據《創新及科技》：「InnoHK 創新香港研發平台」位於香港科學園，首兩個創新平台分別為專注醫療科技的「Health@InnoHK」，以及專注人工智能及機械人科技的「AIR@InnoHK」。 [1]',
      },
    ];
    const r = await ask('那它的第二個呢？', innoHk);
    expect(r.answer).toContain('AIR@InnoHK');
    expect(r.answer).not.toContain('第二個先進製造業中心');
  });

  it('a pronoun in Simplified script points back at the ranking just given', async () => {
    const ranking: Turn[] = [
      { role: 'user', content: '那世界数字竞争力呢？' },
      { role: 'assistant', content: '香港的世界數碼競爭力排亞太區第3、全球第9[1]。' },
    ];
    const r = await ask('这个排名是哪家机构发布的？', ranking);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('國際管理發展學院');
  });

  it('a launch date is not answered by the date a figure was counted', async () => {
    const fps: Turn[] = [
      { role: 'user', content: '轉數快有幾多個帳戶登記？' },
      { role: 'assistant', content: '截至 2023 年 3 月底已錄得超過 1,193 萬個帳戶登記[1]。' },
    ];
    expect((await ask('這個系統是哪一年推出的？', fps)).answerable).toBe(false);
  });

  it('a yes/no follow-up naming things of its own is answered by the sentence saying them, not the one the conversation favours', async () => {
    const reclamation: Turn[] = [
      { role: 'user', content: "What's the Ma Liu Shui reclamation for?" },
      { role: 'assistant', content: 'The Ma Liu Shui reclamation, together with moving the Sha Tin sewage treatment works into caverns, will provide new land mainly for I&T [1].' },
    ];
    const r = await ask('are they also looking at putting data centres in caverns?', reclamation);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('探討發展岩洞數據中心');
    expect(r.answer).not.toContain('馬料水填海計劃');
  });

  it('a yes/no follow-up is answered by a passage stating all it asks, though it repeats little of the conversation', async () => {
    const centres: Turn[] = [
      { role: 'user', content: '政府设立的五所研发中心分别是哪几个？' },
      { role: 'assistant', content: '五所研發中心為汽車科技研發中心、香港應用科技研究院、香港紡織及成衣研發中心等[1]。' },
      { role: 'user', content: '它们主要负责什么？' },
      { role: 'assistant', content: '它們分別推動有關選定重點範疇的應用研發工作、研發成果商品化及技術轉移[1]。' },
    ];
    const r = await ask('它们也给大学生提供实习吗？', centres);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('大學生提供實習機會');
  });

  it('a short yes/no follow-up is answered by a passage stating both its words (「它以后会跟新田那边整合吗？」)', async () => {
    const loop: Turn[] = [
      { role: 'user', content: '港深创科园第一批楼什么时候建好？' },
      { role: 'assistant', content: '港深創科園首三座樓宇已開始興建，將按計劃於 2024 年年底開始分階段落成[1]' },
    ];
    const r = await ask('它以后会跟新田那边整合吗？', loop);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('新田科技城');
  });

  it('a yes/no question pointing back must be answered by a sentence speaking to its own words', async () => {
    const centres: Turn[] = [
      { role: 'user', content: '政府成立了哪幾所研發中心？' },
      { role: 'assistant', content: '政府成立了五所研發中心，包括汽車科技研發中心、香港應用科技研究院等[1]。' },
    ];
    const r = await ask('它們有否為大學生提供資助？', centres);
    expect(r.answer).not.toContain('汽車科技研發中心');
  });

  it('a place is not answered by the name of the subject the follow-up points back at', async () => {
    const mit: Turn[] = [
      { role: 'user', content: '麻省理工學院幾時喺香港開設創新中心？' },
      { role: 'assistant', content: '麻省理工學院於 2016 年在香港開設首個海外創新中心[1]。' },
    ];
    expect((await ask('該中心的地址在哪裏？', mit)).answerable).toBe(false);
  });

  it('finds the new fact in another passage naming the same subject (「智方便」 → 270 項服務)', async () => {
    const iam: Turn[] = [
      { role: 'user', content: '政府為「智方便」平台預留了多少資源？' },
      { role: 'assistant', content: '政府預留約2億元提升「智方便」平台的運作，為市民提供更方便的一站式數碼服務[1]。' },
    ];
    const r = await ask('目前該平台提供多少項服務？', iam);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('270 項');
  });

  it('takes a total asked for (總金額) as the kind of fact asked, not a word the answer must share', async () => {
    const loans: Turn[] = [
      { role: 'user', content: '「商業數據通」促成了多少宗貸款？' },
      { role: 'assistant', content: '估計促成了超過2,300宗貸款批核[1]。' },
    ];
    const r = await ask('總金額是多少？', loans);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('21 億港元');
  });

  it('reads winning (獲勝) as the sheet\'s 優勝者', async () => {
    const r = await ask('最後有多少隊獲勝？', [
      { role: 'user', content: '城市創科大挑戰第一次是甚麼時候舉辦的？' },
      { role: 'assistant', content: '城市創科大挑戰於2020年首次舉辦[1]。' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('25 隊');
  });

  it('a question whose words fit many passages alike is read with the conversation\'s subject', async () => {
    const hub: Turn[] = [
      { role: 'user', content: 'How many researchers can a company hire under the Research Talent Hub?' },
      { role: 'assistant', content: 'Each eligible company or organisation can engage up to four research talents [1].' },
    ];
    const r = await ask('did the funding go up recently?', hub);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('10%');
  });

  it('a correction is answered about the corrected subject', async () => {
    const r = await ask('唔係呀，我想問嘅係「產學研1+計劃」，佢有幾多錢？', history);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('100 億元');
  });

  it('a new subject with no question word of its own asks what the last question asked', async () => {
    const fund: Turn[] = [
      { role: 'user', content: 'How much has the I&T Venture Fund invested so far?' },
      { role: 'assistant', content: 'As of end-March 2023 it had invested about $207 million in 27 local I&T start-ups [1].' },
    ];
    const r = await ask("and Cyberport's fund?", fund);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('1.8 億元');
  });
});

describe('who runs it, and when it went live', () => {
  const platform: Turn[] = [
    { role: 'user', content: 'Is there a website where I can find which government funding suits my company?' },
    { role: 'assistant', content: 'Yes. There is a one-stop online platform, FundingEasy, that brings together information on government funding schemes [1].' },
  ];

  it('answers "who runs it?" with the body that launched it (who runs a service is who launched or operates it)', async () => {
    const r = await ask('who runs it?', platform);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('生產力促進局');
  });

  it('answers "whose ranking is that?" from the ranking pointed back at, not another sharing the word', async () => {
    const dc: Turn[] = [
      { role: 'user', content: '香港嘅數據中心市場排第幾？' },
      { role: 'assistant', content: '香港數據中心市場全球第4、亞太區第2[1]。' },
    ];
    expect((await ask('呢個排名係邊個機構出嘅？', dc)).answer).toContain('戴德梁行');
    expect((await ask('whose ranking is that?', dc)).answer).toContain('戴德梁行');
  });

  it('answers "who runs it?" with the body the last reply already named (讓數碼港推行)', async () => {
    const r = await ask('and who runs it?', [
      { role: 'user', content: "ok, what's the Digital Transformation Support Pilot Programme then?" },
      { role: 'assistant', content: 'With HK$500 million reserved, Cyberport runs the Digital Transformation Support Pilot Programme, which uses one-to-one matching funding to help SMEs adopt digital solutions. [1]' },
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('讓數碼港推行');
  });

  it('answers "when did it go live?" with the date a service was launched', async () => {
    const r = await ask('when did it go live?', platform);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('September 2022');
  });
});

describe('a question that does not lean on the conversation', () => {
  const history: Turn[] = [
    { role: 'user', content: '「研究人才庫」可資助每間公司聘用多少名研究人才？' },
    { role: 'assistant', content: '「研究人才庫」資助每間合資格公司或機構聘用最多四名研究人才進行研發工作。 [1]' },
  ];

  it('is read against the last exchange when it finds nothing alone and the subject speaks to it', async () => {
    const r = await ask('資助額最近有否調整？', history);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('10%');
  });

  it('is still declined when it is off topic', async () => {
    expect((await ask('今晚食咩好？', history)).answerable).toBe(false);
  });
});

describe('a part or follow-up read for what it asks', () => {
  const u = (content: string): Turn => ({ role: 'user', content });
  const a = (content: string): Turn => ({ role: 'assistant', content });

  it('a sentence carrying on from the one naming the scheme (「計劃自 2023 年 4 月起…」) answers when, and "roughly how much" (大概) asks the same rise', async () => {
    const r = await ask('研究人才库从什么时候开始加钱？加了大概多少？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2023 年 4 月起增加資助約 10%');
    expect(r.uncovered).toEqual([]);
  });

  it('a contest described, not named, is found, and its entries (參賽方案) are what takes part', async () => {
    const r = await ask('第一屆那個為城市問題找科技解決辦法的比賽，一共有多少份作品參加？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('740 項參賽方案');
  });

  it.each([['政府给企业用科技的那个券，到现在批出去多少份了？'], ['政府資助中小企用科技嗰個券，到而家批咗幾多單？']])('%s: "the voucher" (券) is the 科技券', async (q) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2 萬１千宗申請');
  });

  it('a platform described by what it does is asked about by its description, not by a synonym of its 手機 (流動通訊) that names some body', async () => {
    const r = await ask('那個讓市民用手機一站式辦理政府及商業網上服務的平台，現時提供多少項服務？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('270 項常用公共及商業網上服務');
  });

  it('「邊個多人用啲」 compares (which one, not who): Hong Kong\'s side is answered and Singapore\'s named as uncovered', async () => {
    const r = await ask('香港嘅轉數快同新加坡嘅PayNow，邊個多人用啲？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('1,193 萬個帳戶登記');
    expect(r.uncovered).toHaveLength(1);
  });

  it.each([['企業聘請科研人員可獲政府資助，請問由2023年4月起資助額調高了多少？'], ['請研究員嗰個資助計劃，由幾時開始加咗幾多錢？']])(
    '%s: hiring researchers (聘請科研人員, 請研究員) is the 研究人才庫, and a rise (調高, 加) is answered by its percentage',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(true);
      expect(r.answer).toContain('增加資助約 10%');
    },
  );

  it.each([
    ['那个让银行看企业经营数据的东西，到现在帮中小企批了几笔贷款？', '2,300 宗貸款批核'],
    ['用手機號碼即時轉帳的那個系統，現在有多少人開了帳戶？', '1,193 萬個帳戶登記'],
    ['政府打算花多少錢改良那個一個帳戶就能用各種政府網上服務的手機程式？', '2億元提升「智方便」'],
    ['政府幫大學啲學生開科技公司，每間大學一年俾幾多錢？', '1,600 萬元'],
    ['有沒有一個專門推廣地圖和位置數據應用、讓市民多了解這類數據的實驗室？甚麼時候成立的？', '2021 年 5 月'],
  ])('%s: a thing described as Hong Kong people know it (經營數據, 轉帳, one account, students starting companies, maps) is the one the sheet names', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });

  it.each([
    ['Is Hong Kong ranked above Seoul as a smart city?', '全球智慧城市指數排名第 19', 'anything on Seoul'],
    ['Hong Kong vs London: which ranks higher as a centre for developing new tech?', '研發新科技中心全球第 10', 'anything on London'],
    ['香港转数快的用户数和内地支付宝比差多少？', '1,193 萬個帳戶登記', '关于内地支付宝的资料'],
  ])('%s: "ranked above", "vs" and users of a payment system (用戶數, 帳戶) compare; Hong Kong\'s side is answered, the other named uncovered', async (q, fact, uncovered) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
    expect(r.uncovered).toEqual([uncovered]);
  });

  it('a reader\'s own words in quotes (「"两个园"模式」) are found as the glossary renders them (一區兩園)', async () => {
    const r = await ask('深圳和香港合作的那个科技区，是怎样的"两个园"模式？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('一區兩園');
  });

  it('human gene samples (人类基因样本) are the 人類遺傳資源 a mainland branch campus (分校) may apply to bring in', async () => {
    const r = await ask('香港的大学在内地开的分校，能不能把人类基因样本运到香港做研究？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('獨立申請人類遺傳資源過境來港');
  });

  it.each([
    ['香港啲大學喺大陸開嘅分部，可唔可以自己申請啲人類基因樣本過嚟香港做研究？', '獨立申請人類遺傳資源過境來港'],
    ['外地搞科技的人來港做研發，入境申請現在有甚麼放寬？', '撤銷聘用本地僱員的要求'],
    ['香港跟外地連線，靠海底拉過來的線路有幾套？', '12 個海底電纜系統'],
  ])('%s: 大陸 is the mainland (內地), 外地 is outside Hong Kong (海外, 內地), lines under the sea are its 海底電纜', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });

  it.each([
    ['全港現在大約有多少個可以免費連上網的公共熱點？', '47,000 個「Wi-Fi.HK」熱點'],
    ['政府拿一百億出來，鼓勵大學和業界一起把研究變成產品，預計最少支持多少隊？', '不少於 100 支'],
    ['香港在全球创新指数里排第几？', '全球第 14'],
    ['以後新蓋的大廈是不是一定要留位置給電訊商裝收發設備？現在5G訊號大概覆蓋了多少？', '逾九成'],
  ])('%s: going online (上網) is the Wi-Fi.HK hotspots, 一百億 the 100 億元, 「指数里」 inside the index, 是不是 a question of its own', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
    expect(r.uncovered).toEqual([]);
  });

  it.each([
    ['私人企業方面，有哪家內地電商巨頭在香港搞了創業基金？規模多大？', '阿里巴巴集團啟動了 10 億元的香港創業者基金'],
    ['有冇個單位係專門幫政府部門快啲用新科技產品？', '加快政府各局和部門採用創新資訊科技產品'],
    ['作為研究開發新科技的地方，香港在全世界排第幾？', '研發新科技中心全球第 10'],
    ['那个资助公司请研究人员的计划，每家公司最多能请几个人？', '最多四名研究人才'],
    ['嗰個資助公司用科技提升效率嘅券，到而家批咗幾多單？', '2 萬１千宗申請'],
  ])('%s: an e-commerce giant (電商) is 阿里巴巴, 政府部門 the 政府各局和部門, 研究開發 研發; a voucher named in two passages is found in either', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });

  it.each([
    ['讓金融科技產品在監管下先小規模試行的那種「試驗場」，香港有哪些監管機構推出了？', '已推出監管沙盒'],
    ['政府打算何時完成興建大型人工智能運算中心的可行性研究？', '2023/24 年度完成'],
    ['How much is being spent to upgrade the government login app, and how many services can you already use it for?', '270 項'],
    ['Is there help for small shops that want to go digital but can\'t afford it - like the government paying half?', '數碼轉型支援先導計劃'],
  ])('%s: a testing ground (試驗場) is the sandbox, a 運算中心 the 超算中心, the login app 智方便, small shops going digital the pilot scheme', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });

  it.each([
    ['政府係咪有專人負責搞返香港啲工廠升級轉型？', '工業專員'],
    ['有冇啲學術團體專登就科研政策畀意見政府㗎？', '向政府提供意見'],
    ['電訊公司投標攞頻譜要交嘅錢，可唔可以扣稅㗎？', '頻譜使用費將可獲稅務扣除'],
    ['将军澳那栋专门给高端制造业用的大楼，什么时候开的？面积有多大？', '108,600 平方米'],
    ['在香港开数据中心，税负跟全世界比起来怎么样？', '全球稅率最低的數據中心市場'],
    ['Apart from the login app, what other backbone stuff does the smart city run on, like the high-tech street light poles?', '智慧燈柱'],
    ['政府出錢鼓勵銀行和科技公司一起試新產品的那個計劃，是怎樣運作的？', '概念驗證測試資助計劃'],
  ])('%s: a person in charge (專人) is the 工業專員, giving views (畀意見) 提供意見, a tender 投得, tax burden 稅率; the world is no other side', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
    expect(r.uncovered).toEqual([]);
  });

  it.each([
    ['美國嗰間好出名嘅理工大學喺香港開過咩嘢？', '麻省理工學院'],
    ['Where does Hong Kong rank worldwide on that Swiss business school\'s digital competitiveness list?', '全球第 9'],
    ['In the British think-tank\'s index of financial hubs, where does HK stand as a centre for developing new tech?', '全球第 10'],
  ])('%s: "that famous US technology university" is MIT, "the Swiss business school" IMD, "British" 英國', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });

  it.each([
    ['本地研發嘅嘢喺抗疫嗰陣有冇幫到手？', '應對 2019 冠狀病毒病有重大貢獻'],
    ['Did stuff invented by local researchers actually help during the pandemic?', '應對 2019 冠狀病毒病有重大貢獻'],
    ['政府那份創科發展大計，到底分成哪幾個大方向去做？', '香港創新科技發展藍圖'],
    ['專幫香港後生仔喺大灣區搵科技工嘅計劃叫咩名？', '大灣區青年就業計劃'],
    ['整體的創新能力，香港在全球排第幾？', '全球第 14'],
    ["which watchdogs have set up a 'safe testing playground' for new finance tech?", '已推出監管沙盒'],
  ])('%s: fighting the pandemic (抗疫) is 應對冠狀病毒病, 大計 the 藍圖, 後生仔 搵工 青年就業, 創新能力 創新表現, a playground the sandbox', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });

  it('a university the sheet never names (香港理工大學) is not MIT: what is asked of it is declined', async () => {
    expect((await ask('香港理工大學有幾多個學生？')).answerable).toBe(false);
  });

  it('「內地大灣區」 is the Greater Bay Area\'s mainland part, not a place the sheet contradicts', async () => {
    const r = await ask('我在香港那些大學開在內地大灣區的校區讀理工科，之後可以參加政府資助的科技實習嗎？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('創科實習計劃');
  });

  it('the first buildings (第一批大樓) of the Loop park are its 首三座樓宇, and 建好 is 落成', async () => {
    const r = await ask('河套那邊的科技園區，第一批大樓大概甚麼時候可以建好？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2024 年年底開始分階段落成');
  });

  it('a 创业投资基金 of 數碼港 is its 投資創業基金, the words the other way round', async () => {
    const r = await ask('数码港那个创业投资基金，到今年2月为止一共投了几家公司？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('25 間公司');
  });

  it('a later part naming a thing no passage mentions (租金) is uncovered though the first part gives it context', async () => {
    const r = await ask('將軍澳的先進製造業中心何時開幕？租金水平大概如何？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2022 年');
    expect(r.answer).not.toContain('位列前茅');
    expect(r.uncovered).toEqual(['租金水平大概如何？']);
  });

  it('a later part asking what "it" costs asks of the 超算中心 the first part named, not of 人工智能 in general', async () => {
    const r = await ask('人工智能超算中心打算建在哪里？大概要投资多少钱？');
    expect(r.answerable).toBe(false);
    expect(r.answer).not.toContain('50 億元');
  });

  it.each([['大學科技初創企業資助計劃每間大學每年有幾多錢？有邊幾間大學參加？']])(
    '%s: "designated universities" (指定大學) name no university, so which ones take part is uncovered',
    async (q) => {
      const r = await ask(q);
      expect(r.answerable).toBe(true);
      expect(r.answer).toContain('1,600 萬元');
      expect(r.uncovered).toEqual(['有邊幾間大學參加？']);
    },
  );

  it('which universities take part is not answered by what half the money is for (「…一半為大學初創企業提供…」)', async () => {
    const r = await ask('有哪几所大学参加？', [
      u('大学科技初创企业资助计划每年给每所大学多少钱？'),
      a('该计划每年向每所参与大学提供1,600万元资助 [1]。'),
      u('这笔钱里有一半是用来做什么的？'),
      a('其中一半用于为大学初创企业提供与私人投资一比一的资金配对 [1]。'),
    ]);
    expect(r.answerable).toBe(false);
  });

  it('who is funded and for what (资助对象和用途) asks of the fund just talked about: the nouns only name the kind of fact', async () => {
    const r = await ask('资助对象和用途是什么？', [u('智慧交通基金有多少钱？'), a('智慧交通基金的规模为10亿元 [1]。')]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('資助本地機構或企業進行創新科技研究和應用');
    expect(r.answer).not.toContain('人類遺傳資源');
  });

  it('a sentence the last reply gave, trimmed of its lead-in (「數碼港：」), counts as given: "can it invest in Series B?" gets the new fact', async () => {
    const r = await ask('能投B轮吗？', [
      u('数码港投资创业基金是做什么的？'),
      a('數碼港培育計劃和2億元的數碼港投資創業基金，提供開發投資基金予初創企業，以支援他們的擴展及加快其發展進度[1]。'),
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('擴大至 B 輪或後期的融資');
  });

  it('…but a sentence whose figure the reply left out is still new: "how much private investment did it draw?" gets 21 億元', async () => {
    const r = await ask('咁吸引咗幾多私人投資？', [
      u('創科創投基金有幾多錢？'),
      a('政府推出的創科創投基金有20億元，以配對形式與獲選的私人風險投資基金共同投資[1]。'),
      u('佢投資咗幾多間初創？'),
      a('截至2023年3月底，基金向27間本地創科初創企業投資約2.07億元[1]。'),
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('並吸引超過 21 億元私人投資');
  });

  it('"the life and health research centre" is the 生命健康創新科研中心: its HK$10 billion is the answer', async () => {
    const r = await ask('OK. How much money has been set aside for the life and health research centre planned inside it?', [
      u('Who is responsible for building the Hong Kong-Shenzhen Innovation and Technology Park in the Lok Ma Chau Loop?'),
      a('HKSTP set up a subsidiary, Hong Kong-Shenzhen Innovation and Technology Park Limited, which is responsible for the park [1].'),
      u('When will its first buildings be ready?'),
      a('The first three buildings are under construction and are scheduled to be completed in phases from the end of 2024 [1].'),
    ]);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('預留 100 億元');
  });

  it('"is it being widened to anyone else?" is answered by the scheme extended (擴展) to Greater Bay Area campuses', async () => {
    const r = await ask('Who can join the STEM internship scheme, and is it being widened to anyone else?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('大灣區設立的分校');
    expect(r.uncovered).toEqual([]);
  });
});

describe('inspect (for developer tools)', () => {
  it('looks a question up as written, so an acronym in capitals (MOST) is read as the name it is', async () => {
    const read = await answers.inspect('What did MOST and the Hong Kong government launch in 2019?', []);
    expect(read.parts[0]!.retrieval.query.expansions).toContain('科技部');
  });

  it('shows the reading the answer uses: parts, the follow-up and the asks an ellipsis inherits', async () => {
    const fund: Turn[] = [
      { role: 'user', content: 'How much has the I&T Venture Fund invested so far?' },
      { role: 'assistant', content: 'As of end-March 2023 it had invested about $207 million in 27 local I&T start-ups [1].' },
    ];
    const read = await answers.inspect("and Cyberport's fund?", fund);
    expect(read.followUp?.kind).toBe('ellipsis');
    expect(read.parts).toHaveLength(1);
    const verdict = read.parts[0]!.strict;
    expect(verdict.status).toBe('answered');
    if (verdict.status === 'answered') expect(verdict.asks.map((a) => a.kind)).toContain('money');
  });
});

describe('a thing described instead of named (twenty-first round)', () => {
  it('a Hong Kong district in a description says where the thing is: 「位於港島南區…的那個科技園區」 is 數碼港', async () => {
    const r = await ask('位於港島南區、定位為數碼社區的那個科技園區，目前聚集了多少家初創和科技公司？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('1,900');
  });

  it.each([['位於新加坡的那個科技園區，聚集了多少家初創公司？'], ['位於觀塘的那個科技園區，聚集了多少家初創公司？']])(
    'declines %s: a place abroad is another subject, and a district the sheet does not give is a premise',
    async (q) => {
      expect((await ask(q)).answerable).toBe(false);
    },
  );

  it('a district before a described park locates it (「沙田那个…的科学园区」), and the park is the subject', async () => {
    const r = await ask('沙田那个聚集很多科技公司、还提供一站式支援的科学园区，里面大概有多少家公司？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('1,000');
  });

  it('…but a described building named by no name of its own (大楼) is told apart by its district', async () => {
    const r = await ask('将军澳那栋给厂家做高端生产的大楼，提供多少平方米的空间？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('先進製造業中心');
    expect(r.answer).toContain('平方米');
  });

  it.each([
    ['The scheme where the govt chips in when small companies buy tech services to boost productivity - how many applications have been approved?'],
    ['嗰個俾錢公司去買科技服務、幫中小企升級嘅資助，由開始到而家批咗幾多單申請？'],
  ])('%s: read again under the name its best sentence opens with (科技券), whose count another passage states', async (q) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toMatch(/2\s*萬\s*[1１]\s*千宗/);
  });

  it('a described thing whose name is found still declines a fact no passage about it states', async () => {
    const r = await ask('嗰個俾錢公司去買科技服務、幫中小企升級嘅資助，每宗申請要等幾耐先批？');
    expect(r.answerable).toBe(false);
  });

  it('「一億多元」 is stated by 1.1 億, 「兩億多元」 is not', async () => {
    const yes = await ask('科技園額外投放一億多元、和合作夥伴一起培育高潛力初創的那個加速計劃，叫什麼名字？');
    expect(yes.answerable).toBe(true);
    expect(yes.answer).toContain('共同企業加速計劃');
    const no = await ask('科技園額外投放兩億多元、和合作夥伴一起培育高潛力初創的那個加速計劃，叫什麼名字？');
    expect(no.answerable).toBe(false);
    expect(no.answer).toContain('2億');
  });

  it.each([
    ['How does the number of FPS accounts compare with PayNow users in Singapore?', '1,193 萬個帳戶'],
    ['How many FPS transactions happen on an average day, and how many shops accept FPS?', '每日平均成交量'],
  ])('%s: the accounts or transactions are counted, not FPS', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });

  it('「邊度多 startup？」 compares the two, it does not ask where', async () => {
    const r = await ask('數碼港同新加坡嘅 Block71 比，邊度多 startup？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('1,900');
  });

  it.each([
    ['瑞士那家商学院出的世界数字竞争力排名，香港2022年排第几？', '全球第 9'],
    ['香港关于加密资产发展的那份政策宣言是什么时候发布的？', '2022 年 10 月'],
    ['深港科技合作區所謂「一個區、兩個園」，指的是哪兩部分？', '一區兩園'],
    ['How much cash did HK money-tech startups pull in from backers between 2019 and 2021?', '140 億元'],
    ['政府有沒有一個幫香港年輕人到大灣區做科技工作的計劃？叫甚麼？', '大灣區青年就業計劃'],
    ['政府有個計劃係夾錢俾廠家喺香港起自動化、智能化生產線，叫咩名？', '再工業化資助計劃'],
  ])('%s: the Swiss business school is IMD, 加密資產 虛擬資產, money-tech fintech; 一個 names nothing', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });
});

describe('readers\' shorthand and comparisons (twenty-second round)', () => {
  it.each([
    ['23/24年度的财政预算给人工智能、量子这些前沿基础研究拿出多少钱？', '30'],
    ['在全球比較各地數碼競爭力的那份排名裏，香港在亞太區和全世界分別排第幾？', '全球第 9'],
    ['联合国那个管知识产权的机构出的创新排行榜，香港排全球第几？', '全球第 14'],
    ['公司想提升員工的高端科技技能，參加培訓的費用政府與公司各付幾多？', '2（政府）'],
    ['How much has the govt venture fund that co-invests with private VCs put into startups up to Mar 2023?', '創科創投基金'],
    ['政府幫公司出錢用科技做生意嗰啲券，到而家批咗幾多單啊？', '2 萬'],
    ["What's the deadline for finishing e-government audits across every government department?", '2025 年或之前'],
    ['Is there a scheme to lure big-name professors from around the world to teach and do tech research here?', '傑出創科學人計劃'],
  ])(
    '%s: a shortened financial year, "that ranking" and a ranking by its topic, each side\'s share, "Mar", a voucher described without 嘅, a deadline "by" a year, professors',
    async (q, fact) => {
      const r = await ask(q);
      expect(r.answerable).toBe(true);
      expect(r.answer).toContain(fact);
    },
  );

  it('「香港和新加坡分別排第幾」 compares: Hong Kong\'s rank, and Singapore named as not covered', async () => {
    const r = await ask('在國際管理發展學院2022年的世界數碼競爭力排名中，香港和新加坡分別排第幾？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('全球第 9');
    expect(r.uncovered?.length).toBeGreaterThan(0);
  });

  it.each([
    ['香港和上海在智慧城市指數上誰排得更靠前？', '全球智慧城市指數排名第 19'],
    ['香港搞數據中心啲稅係咪好低㗎？', '稅率最低'],
    ['在香港开 IDC 机房，税负算高还是低？', '稅率最低'],
  ])('%s: compared on what follows 在; whether a tax is low is a fact the sheet states, IDC 機房 a data centre', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });

  it.each([['科技券申請截止日期是何時？'], ['香港的大学在QS大学排行榜上排第几？']])(
    'declines %s: a deadline the sheet does not set, and a ranking whose topic no stated rank is of',
    async (q) => {
      expect((await ask(q)).answerable).toBe(false);
    },
  );
});

describe('places before sources, sentences pointing back, readers\' regions (twenty-fourth round)', () => {
  it.each([
    ['瑞士洛桑国际管理发展学院的世界数字竞争力排名中，香港排第几？', '全球第 9'],
    ['在倫敦那個智庫的「智慧中心」排名中，香港作為研發新科技的地方排全球第幾？', '全球第 10'],
    ["What's the most the government will fund those national-level key labs in HK per year now?", '4.4 億元'],
    ['粤港澳大湾区内地九市的科研资金能否在香港使用？', '跨境'],
    ['電訊商日後投得無線電頻段所付的費用，在交稅時有沒有甚麼好處？', '稅務扣除'],
    ['The startup investment fund at Cyberport got topped up in April 2021. By how much?', '2 億元'],
    // The government is no subject a sentence must name, nor "projects" a specific one.
    ['香港特区政府给在港国家重点实验室等机构的每年资助上限提高到了多少？', '4.4 億元'],
    ['The government fund paying for tech projects that make getting around and driving easier - how big is it?', '10 億元'],
  ])(
    '%s: a place saying where a named institution is, 「這些機構」 carrying on from the sentence naming them, a number of cities, a tax paid, a fund topped up, the government and projects as no subject',
    async (q, fact) => {
      const r = await ask(q);
      expect(r.answerable).toBe(true);
      expect(r.answer).toContain(fact);
    },
  );

  it.each([['新加坡金融管理局發了多少個虛擬銀行牌照？'], ['新加坡國立大學有幾多間初創？']])('declines %s: a place before a body or university the sheet does not name is what the question is about', async (q) => {
    expect((await ask(q)).answerable).toBe(false);
  });

  it('finds the rank of the topic asked when the top passages rank other topics, naming the other side as uncovered', async () => {
    const r = await ask('在研發新科技中心的國際排名上，香港和深圳誰較前？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('研發新科技中心全球第 10');
    expect(r.answer).not.toContain('全球第 9');
    expect(r.uncovered?.length).toBeGreaterThan(0);
  });

  it('answers both parts of "how many … and whats …", saying which the sheet leaves open', async () => {
    const r = await ask('how many FPS accounts registered and whats the maximum I can transfer per day?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('1,193 萬');
    expect(r.uncovered).toHaveLength(1);
  });
});

describe('short forms, names quoted another way, sentences giving a target (twenty-fifth round)', () => {
  it.each([
    ['应科院是干什么的？', '香港應用科技研究院'],
    ['广东省科技厅也给香港高校拨款了吗？', '廣東省科學技術廳'],
    ['引进办要吸引多少家企业？', '100 間'],
    ['政府希望靠資助在本港設置的智能化生產線，最終要達到多少條？', '130 條'],
    ['大學衍生的科技初創，所屬院校每年可以向政府拿到多少資助？', '1,600 萬元'],
    ["The govt's $2bn co-investing VC fund - how much private money has it brought in so far?", '21 億元'],
    ['科技園公司嗰個專門投資科技公司嘅基金，投咗幾多間、幾多錢？', '3.26 億元'],
    ['When did people start moving into the flats next to Science Park that were built for tech people?', '2021 年 6 月'],
    ['How current is this info?', '2023 年 6 月 30 日'],
    ['金管局为“数字港元”做了什么准备？', '數碼港元'],
    ['“从0到1”的基础研究政府预留了多少钱？', '30 億元'],
    ['“创科人才入境计划”有什么新安排？', '兩年'],
  ])(
    '%s: a short form (應科院, 科技廳, 引進辦), a word made by 化, 院校 for universities, an English word naming any of several funds, 專門 as no subject, a sentence opening 「目標是」 carrying on, moving in as the event, the sheet\'s own date, a quoted name written otherwise',
    async (q, fact) => {
      const r = await ask(q);
      expect(r.answerable).toBe(true);
      expect(r.answer).toContain(fact);
    },
  );

  it.each([
    ['Who can join the I&T internship programme?', '研究生'],
    ['Who is the Innovation and Technology Scholarship for?', '大學生'],
    ['Where is new land for tech coming from?', '馬料水'],
    ['在薄扶林的数码港有多少家初创？', '1,900'],
    ['位于大埔白石角的香港科学园汇集了多少家科技公司？', '1,000'],
    ['瑞典的卡罗林斯卡医学院在香港科学园做什么研究？', '再生醫學'],
    ['沙田那個聚集了過千家科技企業的園區，為進駐公司提供甚麼？', '一站式支援服務'],
    ['那個杭州電商巨頭在香港設了多大的創業基金？', '10 億元'],
    ['大學初創資助計劃中，有多少比例用作與私人投資配對？', '一半'],
    ['政府的一站式手機應用程式現時提供多少項服務？', '270 項'],
    ['落馬洲那個跟深圳合作的科技園，首批大樓預計何時完工？', '2024 年'],
    ["Who's in charge of building the new cross-border tech park near the Shenzhen border?", '港深創新及科技園有限公司'],
    ["What's the funding split in the reindustrialisation training scheme?", '2（政府）：1（企業）'],
  ])('%s: who may join is said in words, land comes from where it is made, a place says where a thing is or which one, a name transliterated otherwise, half as a share', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });

  it('declines a year put on what a passage not naming the subject dates: MIT opened its centre in 2016, not 2019', async () => {
    const r = await answers.answer('麻省理工学院2019年在香港开了创新中心之后，都做了些什么？', []);
    expect(r.result.answerable).toBe(false);
    expect(r.trace.declineReason).toBe('premise');
  });

  it.each([['“数字港币”有没有发行计划？'], ['“科技人才入境计划2.0”有什么内容？'], ['How many tech parks does Hong Kong have?']])('declines %s: a quoted name the sheet does not write in any of its ways, a count of what the sheet only names', async (q) => {
    expect((await ask(q)).answerable).toBe(false);
  });
});

describe('plans, funds and bodies in readers\' words; the sentence stating the asked fact (twenty-sixth round)', () => {
  it.each([
    ['政府那份為創科發展定方向的整體規劃是何時公布的？', '2022 年 12 月'],
    ['本地大學向內地申請的科研經費，到2022年底內地批了多少錢？', '7.5'],
    ['香港發出了多少個網上銀行牌照？', '八個'],
    ['How many requests for tech vouchers have been okayed?', '2 萬'],
    ['What is the HK$5 billion fund for putting money into promising companies called?', '策略性創科基金'],
    ['How did Hong Kong do in the innovation league table put out by the UN patents agency?', '全球第 14'],
    ["How much money is going into the '1+' scheme?", '100 億元'],
    ['How much has been set aside for health and medical science tech?', '100 億元'],
    ['Where is the chip-making hub being built?', '元朗創新園'],
    ['Roughly how many tenants does the Science Park have?', '1,000'],
    ['政府想喺五年內吸引幾多間有分量嘅科技公司嚟香港？', '100 間'],
    ['Which foreign universities have opened research outposts in Hong Kong?', '麻省理工學院'],
    ['By when does the government want all its online services on one login app?', '2025'],
    ['What time frame does the long-term plan for innovation and tech cover?', '五至十年'],
    ['How many e-wallet operators are licensed?', '17 個'],
    ['網上賣保險嘅保險公司，香港批咗幾多間？', '四個'],
    ['河套個科技園之後會同邊區併埋變成科技城？', '新田'],
    ['香港會唔會用內地嘅數碼貨幣做跨境付款？', '數字人民幣'],
    ['Is Hong Kong planning its own CBDC?', '數碼港元'],
    ['“从一到N”是指什么？', '從一到'],
    ['私营企业那边，那家电商巨头在香港搞了什么创业项目？', '香港創業者基金'],
    ['政府想吸引幾多間 tech giant 嚟香港？', '20 間'],
  ])('%s: a plan, fund, licence or body named in the reader\'s words (整體規劃, 科研經費, 網上銀行, okayed, promising, league table, chip-making hub, tenants, 有分量, e-wallet, 併埋, 數碼貨幣, CBDC, a Latin letter beside Chinese, 電商, tech giant)', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });

  it('a contest\'s exhibition is held (舉行): its date is the answer, and 「公開展示」 asks no launch (開展)', async () => {
    const r = await ask('那個讓大專生和公眾組隊解決城市難題的比賽，首次公開展示優勝原型的展覽是何時舉行的？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('10 月');
  });

  it.each([
    ['Which part of InvestHK provides one-stop services to fintech companies?', '金融科技專責小組'],
    ['Which financial watchdogs let fintech firms trial products under relaxed rules?', '金管局'],
  ])('%s: which part of a body asks no place, and rules relaxed in a sandbox ask no rule', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });

  it('a small count said to be all there is (「只有八個」) is a premise; 「只有一個構思」 is wording', async () => {
    const r = await answers.answer('香港只有八個海底電纜系統，為甚麼那麼少？', []);
    expect(r.result.answerable).toBe(false);
    expect(r.trace.declineReason).toBe('premise');
    expect((await ask('如果我只有一個科技創業構思，還未正式開公司，科技園有甚麼培育計劃適合？')).answerable).toBe(true);
  });

  it('a person asked in one part of several leaves the other parts answered, the person named uncovered', async () => {
    const r = await ask('How many InnoHK labs are operating, and who is the director of Health@InnoHK?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('28 間');
    expect(r.uncovered).toHaveLength(1);
    expect((await answers.answer('Who is the director of Health@InnoHK?', [])).trace.declineReason).toBe('person');
  });

  it('「二十多個經濟體」 is not stated by 28 間實驗室: a count given as "and more" must count the same thing', async () => {
    const r = await answers.answer('InnoHK那些实验室汇集了来自20多个经济体的机构吧？', []);
    expect(r.result.answerable).toBe(false);
    expect(r.trace.declineReason).toBe('premise');
  });

  it('「十多間」 is stated by 16 所, 「三十多間」 is not', async () => {
    const yes = await ask('政府每年給那十多間國家級重點實驗室和工程中心分部的錢，最高可以拿到多少？');
    expect(yes.answerable).toBe(true);
    expect(yes.answer).toContain('4.4 億元');
    const no = await ask('政府每年給那三十多間國家級重點實驗室和工程中心分部的錢，最高可以拿到多少？');
    expect(no.answerable).toBe(false);
  });

  it('a comparison with a side starting with a numeral (八達通) answers the home side and names the other uncovered', async () => {
    const r = await ask('轉數快每天的交易宗數，與八達通比較哪個較多？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('118 萬');
    expect(r.uncovered).toHaveLength(1);
  });

  it.each([
    ['那个把政府部门和机电行业的“需求清单”放上网、让初创和大学来配对方案的平台叫什么？', '機電創科網上平台'],
    ['有没有帮香港年轻人到大湾区找科技类工作的项目？叫什么名字', '大灣區青年就業計劃'],
    ['英国那家智库2023年5月公布的金融中心类指数里，香港作为研发新科技的中心排全球第几？', '全球第 10'],
  ])('%s: quoted own words, a kind (科技類) and a kind of index name nothing the sheet must', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(toTraditional(r.answer)).toContain(fact);
  });

  it('years each put on a ranking the passages date so need no one passage giving both', async () => {
    const r = await ask("Where does Hong Kong rank in the 2022 Global Innovation Index and in IMD's 2023 smart city index?");
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('第 14');
    expect(r.answer).toContain('第 19');
    // …but a year the passages give the ranking otherwise is still a premise.
    const wrong = await answers.answer('Where did Hong Kong rank in the 2021 smart city index?', []);
    expect(wrong.result.answerable).toBe(false);
    expect(wrong.trace.declineReason).toBe('premise');
  });
});

describe('short forms, near kinds, places each confirmed, readers\' words for the app and the Loop (twenty-eighth round)', () => {
  it.each([
    ['香港科技园公司自己直接投科技企业的那只基金，已经投了多少家、多少钱？', ['27 間', '3.26 億元']],
    ['内地跟香港联合出钱资助科研合作的那个项目是哪年开始搞的', ['2019 年 4 月']],
  ])('%s: the sheet\'s short form (科技園公司) and a near kind (計劃 for 項目) name the subject', async (q, facts) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.uncovered ?? []).toEqual([]);
    for (const f of facts) expect(r.answer).toContain(f);
  });

  it('"folding the old programme into a new one" asks of the new programme, not of a further building', async () => {
    const r = await ask('HKSTP is folding its old accelerator programme into a new one run together with partners — how much extra money is going into it?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('1.1 億元');
  });

  it('an English word hyphened to the next ("factory-upgrade training subsidy") says what kind of thing, not its name', async () => {
    const r = await ask('For the factory-upgrade training subsidy, how is the bill split between the government and the company?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2（政府）：1（企業）');
  });

  it('"how many businesses have got the voucher" is answered by the approvals', async () => {
    const r = await ask("how many businesses have got the government's tech coupon so far?");
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2 萬１千宗申請');
  });

  it('「最多替一間公司」: the one it is done for is no limited count; 「最多聘請六名」 still is', async () => {
    const r = await ask('公司請人做研究，政府最多替一間公司補貼幾個研究員？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('四名');
    const wrong = await answers.answer('「研究人才庫」最多可以聘請六名研究人才嗎？', []);
    expect(wrong.result.answerable).toBe(false);
    expect(wrong.trace.declineReason).toBe('premise');
  });

  it('a fund described by its size (「50億嘅基金」) is the fund a passage puts that sum on; another sum is still a premise', async () => {
    const r = await ask('政府有個50億嘅基金專門投資有潛質嘅科技公司，個基金叫咩？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('策略性創科基金');
    const wrong = await answers.answer('政府有個60億嘅基金專門投資有潛質嘅科技公司，個基金叫咩？', []);
    expect(wrong.result.answerable).toBe(false);
    expect(wrong.trace.declineReason).toBe('premise');
  });

  it('two things each placed where a sentence puts it are no wrong place; one placed wrongly still is', async () => {
    const r = await ask('将军澳的先进制造业中心和元朗的微电子中心，哪个先投入使用？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2022 年');
    expect(r.answer).toContain('2024 年');
    const wrong = await answers.answer('元朗的先進製造業中心幾時啟用？', []);
    expect(wrong.result.answerable).toBe(false);
    expect(wrong.trace.declineReason).toBe('premise');
  });

  it.each([
    ['香港政府那个一站式数字服务App上面现在能办多少项业务？', '270 項'],
    ['香港政府打算什么时候做到办事全部上网、一个入口就能搞定？', '2025 年'],
    ['河套那个深港科创园区，头几栋楼大概什么时候能交付使用？', '2024 年年底'],
    ['新一版的智慧城市規劃，重點放在哪幾方面？', '智慧出行'],
    ["what's the name of the new tech town planned up north, San Tin area near the border?", '新田科技城'],
    ['想問下數碼港嗰邊有幾多間startup同科技公司？', '1,900 家'],
    ['城市創科大挑戰頭一屆收咗幾多份entry？', '740 項參賽方案'],
    ['For the possible digital version of the Hong Kong dollar, how many tracks or "rails" is the HKMA using to prepare?', '三軌道'],
  ])('%s: readers\' words (app, 一個入口, 深港科創園, 新一版, tech town, entry, rails; 想問下 asks nothing) find the sheet\'s', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });
});

describe('ranks asked by 排多少名, figures inside words, coverage as a share, figures in brackets, loose renderings (twenty-ninth round)', () => {
  it.each([
    ['IMD的2023年智慧城市指数，香港在全球排多少名', '第 19'],
    ['香港那个推广地理空间数据应用、想让老百姓对空间数据感兴趣的实验室是哪年成立的？', '2021 年 5 月'],
    ['香港5G覆蓋而家去到幾多？', '九成'],
    ['香港啲大學可以攞內地科研錢返嚟香港用，到2022年尾內地總共批咗幾多錢？', '7.5億元人民幣'],
    ['香港的战略性科创基金规模多大？', '50 億元'],
    ['香港中学信息技术创新实验室追加的钱，每所中学最多能拿多少？', '100 萬元'],
    ['數字人民幣可唔可以喺香港用嚟跨境俾錢？', '跨境支付工具'],
    ['政府有沒有考慮把存放伺服器的機房建在山體內？', '岩洞數據中心'],
    ['成日聽人講香港科技唔掂，咁國際上計數碼實力嘅排行榜，香港其實排全世界第幾？', '全球第 9'],
    ['香港那个战略性科创投资基金规模多少亿？', '50 億元'],
    ['香港把沙田污水处理厂搬进山洞，再加上马料水填海，腾出来的地主要干嘛用？', '創科'],
    ['香港研究的那种建在山体洞穴里的数据中心，主要是为了解决什么问题？', '土地資源'],
    ['香港资助企业员工去学工业4.0这类高端技术培训的那个计划，政府和企业分别出多少？', '2（政府）：1（企業）'],
    ['生產力局個「資助易」平台幾時開始用㗎？', '2022 年 9 月'],
  ])('%s: answered (排多少名 a rank, 老百姓 and 多少億 no figure, 覆蓋 by a share, 返嚟, 戰略性, the event in the sentence beside the limit, 俾錢 no charge, 山體, 實力, 再加上 no money added, 分別出多少 a share, a platform used from its launch)', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });

  it('a share asked in another clause (「各出多少比例」) does not answer how many were trained; 「多少個5G基站」 is no coverage', async () => {
    const r = await ask('「再工业化及科技培训计划」里政府和企业各出多少比例？到现在有多少员工接受了培训？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2（政府）：1（企業）');
    expect(r.uncovered?.length).toBe(1);
    const sites = await ask('香港目前有多少個5G基站？');
    expect(sites.answerable).toBe(false);
  });

  it('「幾百宗」 ("a few hundred") is still a figure to check; only 「多少億」 asks one', async () => {
    const wrong = await answers.answer('科技券推出咗咁耐都係批咗幾百宗，係咪好少人用？', []);
    expect(wrong.result.answerable).toBe(false);
    expect(wrong.trace.declineReason).toBe('premise');
  });

  it('a count put in brackets after what it counts (「轉數快」（…1,193 萬個帳戶登記）) counts it; the other side is uncovered', async () => {
    const r = await ask('轉數快登記戶口數目同八達通用戶比邊個多？');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('1,193 萬');
    expect(r.uncovered?.length).toBe(1);
  });

  it('"the Ministry of Science and Technology in Beijing": where the body sits, not an unknown subject', async () => {
    const r = await ask('The joint funding programme between the Ministry of Science and Technology in Beijing and the HK government to support cross-border tech collaboration – when did it start?');
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain('2019 年 4 月');
  });

  it.each([
    ['Where is that server farm building made for data and telecom companies?', '將軍澳'],
    ['How much cash is going into a shared online system for public works construction data?', '1 億元'],
    ['Is there a website where startups can pitch fixes for problems that government departments and the electrical and mechanical trade want solved?', '機電創科網上平台'],
  ])('%s: an English rendering names the sheet\'s thing loosely (數據中心 → 數據技術中心; a sentence on another thing sets no bar)', async (q, fact) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer).toContain(fact);
  });
});
