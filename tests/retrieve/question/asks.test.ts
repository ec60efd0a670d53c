import { describe, expect, it } from 'vitest';
import { askedFor } from '../../../src/retrieve/question/asks.js';
import { normalizeForMatch } from '../../../src/text/normalize.js';

const kinds = (q: string) =>
  askedFor(normalizeForMatch(q)).map((a) => (a.unit ? `${a.kind}:${a.unit}` : a.body ? `${a.kind}:${a.body}` : a.fine ? `${a.kind}:fine` : a.kind));

describe('what a question asks for', () => {
  it.each([
    ['微電子研發院何時成立？', ['date']],
    ['將軍澳嗰個數據技術中心係幾時開始用㗎？', ['date']],
    ['When was the institute founded?', ['date']],
    ["What's the application deadline for the RAISe+ scheme?", ['date']],
    ["What are the dates of this year's Hong Kong FinTech Week?", ['date']],
    ['what dates is it this year', ['date']],
    // ("when" after another question word joins a clause: it asks no date.)
    ["What are Hong Kong's rules on personal data privacy when companies use AI?", ['rule']],
    ['What happens when it opens?', []],
    ['Do you know when the fund started?', ['date']],
    // (…and so after a yes/no opener: the question asks whether, not when.)
    ['Do telecoms operators get any tax break when they pay for spectrum?', []],
    ['Can you tell me when the fund started?', ['date']],
    ['What is the fund and when did it start?', ['date']],
    ['how and by when do I apply?', ['date']],
    ['which days is it on?', ['date']],
    ['政府每年撥款的上限從哪個財政年度開始翻倍？', ['date']],
    ['創新斗室一個月租金大概要幾錢？', ['money']],
    ['政府為提升該平台預留了多少款項？', ['money']],
    ['how much would that cost?', ['money']],
    ['How much are they spending to upgrade it?', ['money']],
    // "Who has more X, A or B?" compares how many; it asks for no body.
    ['Who has more virtual banks, Hong Kong or Singapore?', ['count']],
    ["Who's handed out more digital bank licences, HK or Singapore?", ['count']],
    ["what's the total construction bill?", ['money']],
    ['香港對生成式人工智能有甚麼監管規定？', ['rule']],
    // Who may apply is a rule too: 「要咩資格」, 「申請條件」.
    ['想申請入住創新斗室，要符合啲咩資格？', ['rule']],
    ['申請高端人才通行證要咩條件？', ['rule']],
    ['What are the eligibility criteria for InnoCell?', ['rule']],
    ['咁麻省理工嗰個中心做咩研究㗎？', ['activity']],
    ["what's the commissioner's name?", ['person']],
    ['工業專員叫咩名？', ['person']],
    ['What is the name of the scheme?', []],
    ['該中心主要從事哪方面的工作？', ['activity']],
    ['what does the MIT one focus on', ['activity']],
    ['what does it work on?', ['activity']],
    ["What are Hong Kong's personal data privacy rules for tech companies?", ['rule']],
    ['金管局的監管沙盒是哪一年推出的？', ['date']],
    ['do they have a regulatory sandbox to test things in?', []],
    // (Rules relaxed for a trial are the sandbox; which part of a body asks which unit, not where.)
    ['Which watchdogs let fintech firms trial products under relaxed rules?', []],
    ['Which part of InvestHK helps fintech companies?', []],
    ['Which part of Hong Kong is the data technology hub in?', ['place']],
    ['拿到牌照的那八間虛擬銀行，分別是哪幾間？', ['who']],
    ['科學園佔地有幾大？', ['area']],
    ['Which teams won the City I&T Grand Challenge?', ['who']],
    ['具体是哪几所大学拿到了？', ['who:university']],
    ['有冇人專門負責統籌再工業化？', ['who']],
    ['政府個創投基金係同邊幾間私人風投合作㗎？', ['who']],
    ['由哪個政府部門負責管理？', ['who']],
    ["Which start-ups has Alibaba's Hong Kong entrepreneurs fund invested in?", ['who:company']],
    ['InnoHK 的研發實驗室是由哪幾間本地大學營辦的？', ['who:university']],
    ['具体是哪天开幕的？', ['date:fine']],
    ['主力研究咩範疇？', []],
    ['這些熱點都是免費的嗎？', ['money']],
    ['用这个平台要收费吗？', ['money']],
    ['用呢個平台使唔使俾錢㗎？', ['money']],
    // Paying with it is no charge asked.
    ['數字人民幣可唔可以喺香港用嚟跨境俾錢？', []],
    ['香港每年的本地研究及發展總開支是多少？', ['money']],
    ['Is Wi-Fi.HK free to use for tourists?', ['money']],
    ['Which company is in charge of building the park?', []],
    ['全港 Wi-Fi.HK 熱點數目同台北嘅免費 Wi-Fi 比點？', []],
    ['what kind of research is it doing there?', ['activity']],
    ['what kinds of companies moved in?', ['list']],
    ['有多少家银行参与？', ['count:間家所個']],
    ['红杉资本牵头成立的香港X科技创业平台，资金规模有多大？', ['money']],
    ['How much extra money did Cyberport inject in April 2021?', ['money']],
    ['「大灣區青年就業計劃」每個月俾幾多津貼？', ['money']],
    ['香港啲5G網絡而家覆蓋咗幾多成？', ['percent']],
    ['全港 5G 網絡覆蓋率而家大概去到幾多？', ['percent']],
    ['香港5G网络现在大概覆盖了多大范围？', ['percent']],
    ['人工智能超算中心打算建在甚麼地方？', ['place']],
    ['香港的Wi-Fi熱點有多少個？', ['count']],
    ['香港金融科技周每年大約有多少人參加？', ['count:人名位']],
    ['How many people work there?', ['count:人名位']],
    // 「30幾間」 says about thirty; 「邊幾個國家」 asks where they come from.
    ['InnoHK嗰30幾間海外機構係嚟自邊啲國家？', ['place']],
    ['Which countries do the partner institutions come from?', ['place']],
    // People who use what is counted are not what is counted.
    ['As of mid-April 2023, how many services could people access through the iAM Smart platform?', ['count']],
    ['數碼港投資創業基金投資了多少間公司？', ['count:間家所個']],
    ['How many companies hold a licence?', ['count:間家所個']],
    ['香港應用科技研究院的總部設於何處？', ['place']],
    ['Where is the centre located?', ['place']],
    ['Where did Hong Kong rank in the index?', ['rank']],
    ['Where did Hong Kong land in the Smart Centres Index?', ['rank']],
    ['I meant the WIPO innovation index - where is HK on that?', ['rank']],
    ['where is HK on the Global Innovation Index?', ['rank']],
    ['where is the lab in that park?', ['place']],
    ['Where is the new land for I&T coming from?', ['place']],
    ['where will the new land be?', ['place']],
    ['where did the new land come from?', ['place']],
    ['香港在智慧城市指數排第幾？', ['rank']],
    // 「排多少名」 asks the rank, not how many people (名); 「安排多少」 is no rank.
    ['IMD的2023年智慧城市指數，香港在全球排多少名', ['rank']],
    ['政府安排多少名研究人員？', ['count:人名位']],
    ['全球創新指數入面香港同南韓邊個排高啲？', ['rank']],
    ["How do Hong Kong's universities do in the QS world rankings?", ['rank']],
    ['香港科學院現任院長是誰？', ['person']],
    ['港深創科園由邊個負責營運？', ['who']],
    ['涵蓋未來多少年的發展？', ['duration']],
    ['整個園區的總面積有多大？', ['area']],
    ['「研究人才庫」的資助額度上調了多少？', ['count']],
    // (A rate before a comma is no rate asked after it: the comma is ASCII once normalised.)
    ['嗰個資助公司用科技提升效率嘅券，到而家批咗幾多單？', ['count']],
    // (「放在哪幾方面」 asks which areas, a list, not where.)
    ['新一版的智慧城市規劃，重點放在哪幾方面？', []],
    ['新的數據中心會建在哪裏？', ['place']],
    // (「邊度嘅公司多啲」 compares how many, not where.)
    ['科學園同數碼港，邊度嘅公司多啲？', []],
    ['數碼港喺邊度？', ['place']],
  ])('%s → %j', (q, expected) => {
    expect(kinds(q)).toEqual(expected);
  });

  it.each([
    ['香港的初創企業數目與深圳相比，哪一方較多？', '初創企業'],
    ['香港同深圳邊度多啲獨角獸公司？', '獨角獸公司'],
    ['2023年香港的初创企业数量比2022年多了还是少了？', '初創企業'],
    ['Does Hong Kong have more startups than Singapore?', 'startups'],
    ['How does the number of AI patents filed in Hong Kong compare with Shenzhen?', 'ai patents'],
    ['香港和新加坡的虚拟银行数量相比怎么样？', '虛擬銀行'],
    ['香港的初創企業數目與新加坡相比，孰多孰少？', '初創企業'],
    ['香港初創公司數目同深圳比差幾遠？', '初創公司'],
  ])('a comparison of how many asks for a count of what is compared: %s', (q, counted) => {
    expect(askedFor(normalizeForMatch(q))).toEqual([{ kind: 'count', counted }]);
  });

  it.each([["how many things can i actually do on the government's single sign-on phone app?"], ['智方便 app 而家可以做到幾多樣嘢？']])(
    'a vague noun (things, 樣嘢) asks a count of nothing in particular, and not a sum: %s',
    (q) => {
      expect(askedFor(normalizeForMatch(q))).toEqual([{ kind: 'count' }]);
    },
  );

  it('a comparison of levels asks for the home side\'s figure: a percentage for a rate; a rank compared stays a rank', () => {
    expect(kinds('香港科技行业的失业率和深圳比哪个更高？')).toEqual(['percent']);
    expect(kinds('香港的5G網絡覆蓋率比南韓高還是低？')).toEqual(['percent']);
    // A salary compared is a sum of its own kind; 「邊度高」 compares, it does not ask where.
    expect(kinds('喺香港做科技行業，人工同深圳比邊度高啲？')).toEqual(['money']);
    expect(kinds('香港同新加坡比，邊度嘅科技人才人工高啲？')).toEqual(['money']);
    expect(kinds('做 IT 嘅人工香港同深圳比邊度高？')).toEqual(['money']);
    expect(kinds('研發開支香港同深圳比邊度高？')).toEqual(['count']);
    expect(kinds('香港個數據中心市場同新加坡比，邊個排得高啲？')).toEqual(['rank']);
    expect(kinds('那数据中心的税率在全球算高还是低？')).toEqual([]);
  });

  it('reads mainland colloquial asking: 啥時候 asks a date; new ones already set up are no more to come', () => {
    expect(kinds('研究人才库从啥时候开始涨补贴？')).toContain('date');
    expect(askedFor(normalizeForMatch('Roughly how many new businesses and tech firms have set up shop at Cyberport?'))[0]).not.toHaveProperty('more');
    expect(askedFor(normalizeForMatch('How many new smart lampposts are due?'))[0]).toMatchObject({ more: true });
  });

  it('more investment compared is a sum, not a count of investments', () => {
    expect(askedFor(normalizeForMatch('數碼港個投資創業基金同科技園個科技企業投資基金，邊個帶到多啲私人投資？'))).toEqual([{ kind: 'money' }]);
  });

  it('「多啲」 without two sides compares nothing, and 「邊度多啲」 asks which, not where', () => {
    expect(kinds('邊度有多啲資助？')).toEqual(['place']);
    expect(kinds('香港同深圳邊度多啲獨角獸公司？')).toEqual(['count']);
    // …however many words stand between (「邊度多初創啲」).
    expect(kinds('數碼港同新加坡Block71比，邊度多初創啲？')).not.toContain('place');
  });

  it('a count by its classifier or counted noun is no sum, whatever money the question mentions ("received how many entries", "the subsidy scheme approved how many cases")', () => {
    expect(askedFor(normalizeForMatch('城市創科大挑戰第一次舉辦收到多少參賽方案？'))[0]).toMatchObject({ kind: 'count', counted: '參賽方案' });
    expect(askedFor(normalizeForMatch('政府补贴企业的科技券，一共批了多少宗？'))[0]).toMatchObject({ kind: 'count' });
    // Received, with no thing counted: a sum.
    expect(askedFor(normalizeForMatch('每間大學可以攞到幾多？'))[0]).toMatchObject({ kind: 'money' });
    expect(askedFor(normalizeForMatch('收到多少錢？'))[0]).toMatchObject({ kind: 'money' });
    expect(askedFor(normalizeForMatch('每月補貼多少？'))[0]).toMatchObject({ kind: 'money' });
  });

  it('人工 is a wage, 人工智能 is not', () => {
    expect(kinds('每個月人工有幾多？')).toEqual(['money']);
    expect(kinds('香港有多少間人工智能公司？')).toEqual(['count:間家所個']);
  });

  it('「邊個行業」 asks which industry, not who', () => {
    expect(kinds('邊個行業最多初創？')).not.toContain('who');
  });

  it('"who\'s it for" asks who benefits, not who runs it', () => {
    expect(kinds("the GBA youth employment scheme - who's it for")).toEqual([]);
    expect(kinds('Who is it aimed at?')).toEqual([]);
    expect(kinds("who's running it?")).toEqual(['who']);
  });

  it('"how much does the govt chip in vs the company" asks each side\'s share', () => {
    expect(kinds('if my staff take training in industry 4.0 stuff, how much does the govt chip in vs the company?')).toEqual(['percent']);
  });

  it('a level set against another side is marked so: the sheet\'s superlative states it', () => {
    expect(askedFor(normalizeForMatch('香港做 data centre 嘅稅率同新加坡比係咪低啲？'))).toEqual([{ kind: 'percent', level: true }]);
    expect(askedFor(normalizeForMatch('Are data centre taxes in HK lower than in Singapore?'))[0]).toMatchObject({ level: true });
    expect(askedFor(normalizeForMatch('香港有多少間初創企業？'))[0]!.level).toBeUndefined();
  });

  it('「面向哪些企業」 asks who benefits, not which bodies by name', () => {
    expect(kinds('主要面向哪些企业？')).toEqual([]);
    expect(kinds('計劃針對邊啲企業？')).toEqual([]);
    expect(kinds('哪些公司拿到了牌照？')).toEqual(['who:company']);
  });

  it.each(['「一區兩園」指的是甚麼？', 'What does the Technology Voucher Programme subsidise?', '藍圖有哪幾大發展方向？', '香港有邊幾個監管機構推出咗監管沙盒？', 'Is there an online portal where departments list problems?', '河套嗰個港深創科園，頭嗰幾座樓做咩用？'])(
    'asks for no particular kind of fact: %s',
    (q) => expect(kinds(q)).toEqual([]),
  );
});

describe('counts of people by the noun', () => {
  it('reads 研究員 and 參加者 as people whatever the classifier', () => {
    expect(kinds('佢個研究中心有幾多個研究員？')).toEqual(['count:人名位']);
    expect(kinds('每年有多少個參加者？')).toEqual(['count:人名位']);
  });
});

describe('rankings and days', () => {
  it('asks for a rank only when the position is asked, not about the ranking itself', () => {
    expect(kinds('香港在智慧城市指數排第幾？')).toEqual(['rank']);
    expect(kinds('香港的全球排名是多少？')).toEqual(['rank']);
    expect(kinds('這個排名出自哪份報告？')).toEqual([]);
    // …though it may ask which body published it.
    expect(kinds('这个排名是哪家机构发布的？')).toEqual(['who']);
  });

  it('reads 哪幾天 as asking for dates', () => {
    expect(kinds('今年金融科技周是哪几天？')).toEqual(['date']);
  });
});

describe('English "who"', () => {
  it('asks for a body or person only as a question word, not as a relative pronoun', () => {
    expect(kinds('who runs it?')).toEqual(['who']);
    expect(kinds('and who is responsible for it?')).toEqual(['who']);
    expect(kinds('is there any housing for people who work there?')).toEqual([]);
    // "which companies" asks for the bodies by name.
    expect(kinds('which companies has it put money into so far?')).toEqual(['who:company']);
    expect(kinds('策略性創科基金投資了哪些公司？')).toEqual(['who:company']);
    // …and so does "which two": the pair by name, not how many there are.
    expect(kinds('两张虚拟资产交易平台牌照发给了哪两家公司？')).toEqual(['who']);
    expect(kinds('拿到牌照的是哪几家交易所？')).toEqual(['who']);
    expect(kinds('Which two crypto trading platforms have been licensed so far?')).toEqual(['who']);
    // …with the kind named before the question word: 「嗰幾間虛擬銀行係邊幾間？」
    expect(kinds('香港發咗牌嗰幾間虛擬銀行係邊幾間？')).toEqual(['who']);
    expect(kinds('拎咗虛擬銀行牌嗰八間係邊八間？')).toEqual(['who']);
    expect(kinds('can you name the banks though?')).toEqual(['who']);
    // …and so do the names of counted bodies.
    expect(kinds('香港嗰八間虛擬銀行分別叫咩名？')).toEqual(['who']);
    expect(kinds('What are the eight virtual banks called?')).toEqual(['who']);
    // A scheme's name is no body: a description asking it names no kind.
    expect(kinds('政府資助中小企用科技嗰個計劃叫咩名？')).toEqual([]);
  });

  it('reads which one has the most as a ranking among them, not a body by name', () => {
    expect(kinds('邊間大學嘅實驗室最多？')).toEqual(['rank']);
    expect(kinds('Which university got the most money?')).toEqual(['rank']);
    expect(kinds('Which of them is the largest by revenue?')).toEqual(['rank']);
    // 「最多」 without "which" is a limit.
    expect(kinds('每間公司最多可以攞幾多錢？')).toEqual(['money']);
  });

  it('reads "which official" and 「哪位官員」 as a person', () => {
    expect(kinds('which official announced it?')).toEqual(['person']);
    expect(kinds('是哪位官員宣布的？')).toEqual(['person']);
    expect(kinds('負責統籌再工業化的工業專員是哪一位？')).toEqual(['person']);
  });

  it('reads "where does X sit on a ranking" as a rank, not a place', () => {
    expect(kinds("Where does Hong Kong sit on WIPO's Global Innovation Index?")).toEqual(['rank']);
    expect(kinds('Where is the Science Park?')).toEqual(['place']);
    expect(kinds('數碼港喺香港邊一區？')).toEqual(['place']);
    expect(kinds('哪個區域的初創最多？')).not.toContain('place');
  });
});

describe('"up to" a date', () => {
  it('is no limit', () => {
    expect(askedFor(normalizeForMatch('Up to the end of 2022, how much mainland research money was granted?'))[0]?.limit).toBeUndefined();
    expect(askedFor(normalizeForMatch('It gives up to how much per company?'))[0]?.limit).toBe(true);
  });
});

describe('money by another name', () => {
  it('reads "what was X\'s total spending" and "how much more" as sums', () => {
    expect(kinds("What was Hong Kong's total R&D spending last year?")).toEqual(['money']);
    expect(askedFor(normalizeForMatch('how much more is coming?'))[0]?.event).toContain('增資');
  });
});

describe('attendance', () => {
  it('a count of people who came must be stated as attendance, unless the question says what they did', () => {
    expect(askedFor(normalizeForMatch('香港金融科技周每年有多少人參加？'))[0]?.event).toContain('參加');
    expect(askedFor(normalizeForMatch('How many visitors went to the exhibition?'))[0]?.event).toContain('參觀');
    expect(askedFor(normalizeForMatch('得獎作品製成原型後，共有多少人參與試用？'))[0]?.event).toContain('試用');
    // Entries taking part in a contest are stated as entries (參賽方案).
    expect(askedFor(normalizeForMatch('一共有多少份作品參加？'))[0]?.event).toContain('參賽');
    expect(askedFor(normalizeForMatch('初創企業提供了多少個職位？'))[0]?.event).toBeUndefined();
    // …said in the clause counting the people: institutions joining a scheme are not attendance.
    expect(askedFor(normalizeForMatch('參加「研究人才庫」的機構，每間最多可以聘請幾位研究人員？'))[0]?.event).toBeUndefined();
    // 「開始用」 is opening: stated as 啟用 or 開始, not by a date a figure was counted on (截至…).
    expect(askedFor(normalizeForMatch('轉數快係幾時開始用㗎？'))[0]?.event).toContain('啟用');
    expect(askedFor(normalizeForMatch('幾時開始有人搬入去住？'))[0]?.event).toContain('入住');
    // An average is stated as one (「每日平均成交量」), not by a total or a cap.
    expect(askedFor(normalizeForMatch("What's the average amount a company gets from a technology voucher?"))[0]).toMatchObject({ kind: 'money', event: ['平均'] });
    expect(askedFor(normalizeForMatch('轉數快平均每日有幾多宗交易？'))[0]?.event).toEqual(['平均']);
    expect(askedFor(normalizeForMatch('Which countries do the partner institutions come from?'))[0]?.origin).toBe(true);
    // "where do they come from" asks where from, not a rank ("where did Singapore come?" does).
    expect(askedFor(normalizeForMatch('and where do they come from?'))).toEqual([{ kind: 'place', origin: true, from: true }]);
    expect(kinds('Hong Kong was 14th — where did Singapore come?')).toEqual(['rank']);
    // 「來自哪11個經濟體」 asks which ones, by name.
    expect(askedFor(normalizeForMatch('參與InnoHK研發實驗室的海外機構來自哪11個經濟體？'))).toEqual([{ kind: 'place', origin: true }]);
  });
});

describe('a money word beside a counted thing', () => {
  it('does not make 「多少條」 a sum (「以配對撥款…達到多少條？」)', () => {
    expect(kinds('政府以配對撥款協助廠商設立自動化生產線，五年內希望資助的數目達到多少條？')).toEqual(['count']);
    expect(kinds('計劃的撥款是多少？')).toEqual(['money']);
  });
});

describe('money added', () => {
  it('asks for a sum stated as an increase (「將增資 4 億元」), not what was invested', () => {
    expect(askedFor(normalizeForMatch('之後仲會加幾多？'))[0]).toMatchObject({ kind: 'count', orMoney: true, event: expect.arrayContaining(['增資']) });
    expect(askedFor(normalizeForMatch('之後會唔會再加錢？'))[0]).toMatchObject({ kind: 'money', event: expect.arrayContaining(['增資']) });
    expect(askedFor(normalizeForMatch('研究人才庫加咗幾多資助？'))[0]).toMatchObject({ kind: 'money', event: expect.arrayContaining(['增資']) });
    expect(askedFor(normalizeForMatch('未来香港还会新增几条海底电缆？'))[0]).toMatchObject({ kind: 'count', more: true });
    // 「按比例共同投資」 says how the fund invests; its size is asked, not a share.
    expect(kinds('政府那個與私人風險投資基金按比例共同投資本地初創的基金，規模有多大？')).toEqual(['money']);
    // A fund topped up "by how much" was given a sum (「再注資 2 億元」), not only a percentage.
    expect(askedFor(normalizeForMatch('The startup investment fund at Cyberport got topped up in April 2021. By how much'))[0]).toMatchObject({ kind: 'count', orMoney: true });
    expect(askedFor(normalizeForMatch('再工業化資助計劃到而家資助咗幾多條智能生產線？'))[0]).toMatchObject({ kind: 'count', sofar: true });
    expect(askedFor(normalizeForMatch('香港有幾多個海底電纜系統？'))[0]?.more).toBeUndefined();
    expect(askedFor(normalizeForMatch('科技企業投資基金投咗幾多錢？'))[0]?.event).toBeUndefined();
  });
});

describe('shares', () => {
  it('reads how many parts each pays (「政府同公司各自出幾多份？」) as a share, which a ratio answers', () => {
    expect(kinds('政府同公司各自出幾多份？')).toEqual(['percent']);
    expect(kinds('參加培訓的費用政府與公司各付幾多？')).toEqual(['percent']);
    expect(kinds('How much do the government and the employer each pay for the training?')).toEqual(['percent']);
    expect(kinds('how is the cost of the training split between government and company?')).toEqual(['percent']);
    expect(kinds("What's the smartphone penetration rate in Hong Kong?")).toEqual(['percent']);
    expect(kinds('What is the funding ratio under the training programme?')).toEqual(['percent']);
    // "how much of the 10bn" asks a part of a sum, in money.
    expect(kinds('how much of the 10bn goes to universities?')).not.toContain('percent');
  });

  it('reads "how big is the pot" as a sum, and "where can a firm get help" as asking who', () => {
    expect(kinds('how big is the pot?')).toEqual(['money']);
    expect(kinds('策略性創科基金有幾大？')).toEqual(['money']);
    expect(kinds('Where can an overseas fintech firm get help setting up here?')).toEqual(['who']);
    expect(kinds('Where is the fintech office?')).toEqual(['place']);
    // 「電子錢包」 is a wallet, not money.
    expect(kinds('政府發了多少個電子錢包一類的儲值支付牌照？')).toEqual(['count']);
  });
});

describe('coverage', () => {
  it('asks for a share: 「覆蓋率已逾九成」 answers it, a count does not', () => {
    expect(kinds('5G而家覆蓋咗幾多？')).toEqual(['percent']);
    expect(kinds('5G 而家覆蓋咗全港幾多？')).toEqual(['percent']);
    expect(kinds('How much of the city does the 5G network reach at this point?')).toEqual(['percent']);
  });
});

describe('bare amounts and limits', () => {
  it('reads what one can get as a limit, and what each one gets as a sum per one: a scheme\'s whole budget answers neither', () => {
    expect(askedFor(normalizeForMatch('how much can they get?'))[0]).toMatchObject({ kind: 'count', limit: true });
    expect(askedFor(normalizeForMatch('每個團隊能拿多少錢？'))[0]).toMatchObject({ kind: 'money', perUnit: true });
    expect(askedFor(normalizeForMatch('每所大學每年可獲多少資助？'))[0]).toMatchObject({ perUnit: true });
    // (…or what each one's funding is: 「每個實驗室經費」.)
    expect(askedFor(normalizeForMatch('每个实验室经费大概多少？'))[0]).toMatchObject({ kind: 'money', perUnit: true });
    expect(askedFor(normalizeForMatch('How much seed money can a smart-living startup get from Cyberport?'))[0]).toMatchObject({ kind: 'money', perUnit: true });
    expect(askedFor(normalizeForMatch('數碼港投資創業基金有幾多錢？'))[0]?.limit).toBeUndefined();
    expect(askedFor(normalizeForMatch('數碼港投資創業基金有幾多錢？'))[0]?.perUnit).toBeUndefined();
  });
  it('lets money answer a bare 「幾多」 or "how much", not a count of things', () => {
    expect(askedFor(normalizeForMatch('每間最多有幾多？'))[0]).toMatchObject({ kind: 'count', orMoney: true, limit: true });
    // Getting a bare amount is getting money.
    expect(askedFor(normalizeForMatch('每間最多攞到幾多？'))[0]).toMatchObject({ kind: 'money', limit: true });
    expect(askedFor(normalizeForMatch('有幾多間公司？'))[0]?.orMoney).toBeUndefined();
    // "what's the most" asks for a limit; 「哪三間」, "which 11 economies" for the things by name.
    expect(askedFor(normalizeForMatch("What's the most a small business can get?"))[0]).toMatchObject({ limit: true });
    expect(kinds('Which 11 economies do the partner institutions come from?')).toEqual(['list']);
    expect(kinds('政府新設的哪一個職位負責統籌？')).not.toContain('list');
    // 單 counts cases: a sum of money does not answer 「批咗幾多單？」.
    expect(askedFor(normalizeForMatch('到而家批咗幾多單？'))[0]?.orMoney).toBeUndefined();
    expect(askedFor(normalizeForMatch('全港有幾多個 Wi-Fi.HK 熱點？'))[0]).toMatchObject({ kind: 'count', counted: 'wi-fi.hk熱點' });
    // The thing counted before the verb putting it up, when only a classifier follows the count word.
    expect(askedFor(normalizeForMatch('香港的智慧灯柱一共装了多少根？'))[0]).toMatchObject({ kind: 'count', counted: '智慧燈柱' });
    // …but not what has them: 「科學園有幾多間」 does not count 科學園.
    expect(askedFor(normalizeForMatch('科學園有幾多間？'))[0]?.counted).toBeUndefined();
    // 「嚟香港開業」 is what the counted companies come to do: 科企 is what is counted.
    expect(askedFor(normalizeForMatch('政府想引幾多間科企嚟香港開業？'))[0]).toMatchObject({ kind: 'count', counted: '科企' });
    expect(askedFor(normalizeForMatch('有多少間科技公司進駐了科學園？'))[0]).toMatchObject({ kind: 'count', counted: '科技公司' });
    // "signed up to" is no limit.
    expect(askedFor(normalizeForMatch('How many accounts are signed up to FPS?'))[0]).toEqual({ kind: 'count', counted: 'accounts' });
    expect(askedFor(normalizeForMatch('each company can get up to how much?'))[0]?.limit).toBe(true);
    expect(askedFor(normalizeForMatch('how many labs are there?'))[0]?.orMoney).toBeUndefined();
  });
});

describe('which sum and which event', () => {
  it('reads a price noun as asking for money, whatever the question word', () => {
    expect(kinds('科學園旁的創新斗室每月租金是多少？')).toEqual(['money']);
    expect(kinds("what's the monthly salary they get")).toEqual(['money']);
    expect(kinds('What has InnoHK cost the government so far?')).toEqual(['money']);
    // 幾多人民幣 is a sum of renminbi, not a head count.
    expect(kinds('內地總共撥咗幾多人民幣俾香港啲大學？')).toEqual(['money']);
    expect(kinds('有多少人參加？')).toEqual(['count:人名位']);
    // A money word naming the subject is no ask for a sum when an open question is asked of it.
    expect(kinds('電訊公司投得頻譜所繳付的費用，在稅務上可享甚麼優惠？')).toEqual([]);
    expect(kinds("What was the total government expenditure in Hong Kong's 2024-25 Budget?")).toEqual(['money']);
    // "location data" is a kind of data, not a question where.
    expect(kinds('What was that lab set up in 2021 to get the public interested in mapping and location data?')).toEqual([]);
    expect(kinds('Which district is Cyberport located in?')).toEqual(['place']);
    expect(kinds('which districts are most of them in?')).toEqual(['place']);
    expect(kinds('具体是哪几所大学拿到了？')).toEqual(['who:university']);
  });

  it('names the event a date question asks about', () => {
    expect(askedFor(normalizeForMatch('申請截止日期是何時？'))[0]?.event).toContain('截止');
    expect(askedFor(normalizeForMatch('When did the hub open?'))[0]?.event).toContain('啟用');
    expect(askedFor(normalizeForMatch('微電子研發院何時成立？'))[0]?.event).toContain('成立');
    // 「幾時開始有得用」: when it was launched, not a date some figure was counted on.
    expect(askedFor(normalizeForMatch('轉數快係幾時開始有得用㗎？'))[0]?.event).toContain('推出');
    expect(askedFor(normalizeForMatch('幾時開始？'))[0]?.event).toBeUndefined();
    expect(askedFor(normalizeForMatch('這個系統是哪一年推出的？'))[0]?.event).toContain('推出');
    expect(askedFor(normalizeForMatch('when did it launch though?'))[0]?.event).toContain('推出');
    expect(askedFor(normalizeForMatch('when did the CDI go live?'))[0]?.event).toContain('啟用');
    // 「起好」 is Cantonese for built: when the buildings are completed (落成).
    expect(askedFor(normalizeForMatch('河套嗰個港深科技園啲樓幾時起好㗎？'))[0]?.event).toContain('落成');
    // A service goes live when it is launched: 「於 2022 年 9 月推出一站式「資助易」網上平台」.
    expect(askedFor(normalizeForMatch('when did it go live?'))[0]?.event).toContain('推出');
    expect(askedFor(normalizeForMatch('转数快是哪一年上线的？'))[0]?.event).toContain('推出');
    expect(askedFor(normalizeForMatch('數碼港是哪一年開始營運的？'))[0]?.event).toContain('啟用');
    expect(askedFor(normalizeForMatch('转数快是哪一年上线的？'))[0]?.event).toContain('啟用');
    // A plan launched is one published: 「公布《香港創新科技發展藍圖》」.
    expect(askedFor(normalizeForMatch('那份發展藍圖是甚麼時候推出的？'))[0]?.event).toContain('公布');
    // An exhibition or contest is held (「創意展於 2022年 10 月舉行」); 「公開展示」 holds no 開展 (a launch).
    expect(askedFor(normalizeForMatch('首次公開展示優勝原型的展覽是何時舉行的？'))[0]?.event).toEqual(['舉行', '舉辦']);
    expect(askedFor(normalizeForMatch('When was the first exhibition held?'))[0]?.event).toContain('舉行');
    expect(askedFor(normalizeForMatch('那個計劃何時開展？'))[0]?.event).toContain('推出');
    // A lab starts work when it is set up; a building opening is not its founding.
    expect(askedFor(normalizeForMatch('地理空間實驗室是甚麼時候開始運作的？'))[0]?.event).toContain('成立');
    expect(askedFor(normalizeForMatch('When did the lab start operating?'))[0]?.event).toContain('成立');
    expect(askedFor(normalizeForMatch('數碼港幾時開幕？'))[0]?.event).not.toContain('成立');
    // A centre one starts using (「可以開始使用」) is put into use: 「預計於 2024 年啟用」.
    expect(askedFor(normalizeForMatch('微電子中心預計何時可以開始使用？'))[0]?.event).toContain('啟用');
    // A thing provided from a year on (「由 2024 年起提供」) starts to be provided then.
    expect(askedFor(normalizeForMatch('佢幾時開始提供創科土地？'))[0]?.event).toContain('起提供');
  });
});

describe('a limit asked without "how much"', () => {
  it('reads "what\'s the max" as an amount that is a limit', () => {
    expect(askedFor(normalizeForMatch('whats the max a company can get from it?'))[0]).toMatchObject({ kind: 'count', orMoney: true, limit: true });
  });

  it('reads a count of bodies taking part (「有多少間銀行參與」, "how many have joined") as one stated with taking part', () => {
    expect(askedFor(normalizeForMatch('有多少間銀行參與？'))[0]?.event).toContain('參與');
    expect(askedFor(normalizeForMatch('how many startups have joined so far?'))[0]?.event).toContain('加入');
    expect(askedFor(normalizeForMatch('有多少間銀行？'))[0]?.event).toBeUndefined();
  });

  it('reads 「截至甚麼時候」, "as of when" as the date a figure is counted to', () => {
    expect(askedFor(normalizeForMatch('这个数字截至什么时候？'))).toEqual([{ kind: 'date', asOf: true }]);
    expect(askedFor(normalizeForMatch('是哪一年推出的？'))[0]?.asOf).toBeUndefined();
  });

  it('reads 「每個月」, "a month" as a monthly sum', () => {
    expect(askedFor(normalizeForMatch('每个月能补贴多少钱？'))[0]).toMatchObject({ kind: 'money', monthly: true });
    expect(askedFor(normalizeForMatch('How much is the allowance a month?'))[0]).toMatchObject({ kind: 'money', monthly: true });
    expect(askedFor(normalizeForMatch('每年可獲多少資助？'))[0]?.monthly).toBeUndefined();
  });

  it('reads "the biggest grant" as a limit, and 「幾多 grant」 as money', () => {
    expect(askedFor(normalizeForMatch("What's the biggest grant a startup can get from Cyberport's incubator?"))[0]).toMatchObject({ kind: 'count', orMoney: true, limit: true });
    expect(askedFor(normalizeForMatch('每間 start-up 最多有幾多 grant？'))).toEqual([{ kind: 'money', limit: true }]);
    expect(kinds('which is the biggest start-up?')).not.toContain('money');
  });
});

describe('lists', () => {
  it('reads "which industries" as asking for several things, not "what scheme"', () => {
    expect(kinds('重点瞄准哪些行业？')).toEqual(['list']);
    expect(kinds('what kind of companies have moved in?')).toEqual(['list']);
    expect(kinds('佢投資啲咩企業？')).toEqual(['list']);
    expect(kinds('數碼港有咩計劃可以幫手？')).toEqual([]);
  });
});

describe('who benefits', () => {
  it('is not a question for a body\'s name', () => {
    expect(kinds('大灣區青年就業計劃又係幫邊個？')).toEqual([]);
    expect(kinds('資助對象是誰？')).toEqual([]);
    expect(kinds('who can get money from it?')).toEqual([]);
    expect(kinds('who could receive funding from the scheme?')).toEqual([]);
    expect(kinds('邊個負責？')).toEqual(['who']);
    expect(kinds('who gets to run it?')).toEqual(['who']);
  });
});

describe('what an English count counts, and which of two has more', () => {
  it.each([
    ['How does the number of FPS accounts compare with PayNow users?', 'fps accounts'],
    ['How many FPS transactions happen on an average day', 'fps transactions'],
    ['how many shops accept FPS?', 'shops'],
    ['how many new cables are due', 'new cables'],
    ['how many companies has it invested in', 'companies'],
  ])('%s counts %s', (q, counted) => {
    expect(askedFor(normalizeForMatch(q)).find((a) => a.kind === 'count')?.counted).toBe(counted);
  });

  it('counts tenants like companies (the science park\'s are firms)', () => {
    expect(askedFor('how many tenants does the science park have?').find((a) => a.kind === 'count')?.unit).toBe('間家所個');
  });

  it.each([['數碼港同新加坡嘅 Block71 比，邊度多 startup？'], ['數碼港同新加坡 Block71 比，邊度嘅 start-up 多啲？']])('%s asks which has more, not where', (q) => {
    expect(askedFor(normalizeForMatch(q)).some((a) => a.kind === 'place')).toBe(false);
  });

  it('still reads 「喺邊度」 as asking where', () => {
    expect(askedFor(normalizeForMatch('數據中心會起喺邊度？')).some((a) => a.kind === 'place')).toBe(true);
  });
});
