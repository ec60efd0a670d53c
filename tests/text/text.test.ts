import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeQuery, tokensForIndex } from '../../src/text/analyze.js';
import { detectLanguage } from '../../src/text/language.js';
import { normalizeForMatch, toTraditional } from '../../src/text/normalize.js';
import { mergeDuplicates } from '../../src/text/dictionary.js';
import { hasName, mayNameThing, segmentPrecise } from '../../src/text/segment.js';
import { findSynonyms, parseSynonyms } from '../../src/text/synonyms.js';
import { quotedNameVariants, quotedOwnWords } from '../../src/text/quoted-names.js';

describe('segmentation (jieba with the HK Traditional dictionary)', () => {
  it.each([
    ['「智方便」平台提供一站式數碼服務', '智方便'],
    ['快速支付系統「轉數快」的帳戶登記', '轉數快'],
    ['數碼港投資創業基金', '數碼港'],
    ['落馬洲河套地區的港深創科園', '港深創科園'],
    ['香港科學園匯集逾1000家科技公司', '香港科學園'],
    ['科學園和數碼港的擴建工程', '科學園'],
    ['InnoHK創新香港研發平台', 'InnoHK'],
    // Cantonese 「而家」 (now) stays a word of its own, not glued to the verb after it (而家批).
    ['到而家批咗幾多單？', '而家'],
  ])('keeps the HK term whole in %s', (text, term) => {
    expect(segmentPrecise(text)).toContain(term);
  });

  it('reads new coinages jieba lists without a part of speech (電競/x) or as set phrases (無人機/l) as things that may be named', () => {
    for (const w of ['電競', '無人機', '智慧燈柱']) expect(mayNameThing(w)).toBe(true);
    for (const w of ['推動', '最高']) expect(mayNameThing(w)).toBe(false);
  });

  it('reads common words jieba\'s dictionary tags as names (智慧/nr, 樓宇/nr, 城市/ns) as the common words they are', () => {
    for (const w of ['智慧', '樓宇', '城市', '容納', '範疇']) expect(hasName(w)).toBe(false);
    for (const w of ['數碼港', '科技園公司', '沙田']) expect(hasName(w)).toBe(true);
  });

  it('weighs a word spelled alike in both scripts once, by its common sense (会 v, not the rare 會 zg)', () => {
    // With jieba's last-line-wins, 會 weighed 9 and 「裏面會設」 split 裏/面會 (a noun: "meeting").
    expect(segmentPrecise('園區裏面會設研究中心嗎')).toEqual(expect.arrayContaining(['裏面', '研究', '中心']));
    expect(segmentPrecise('園區裏面會設研究中心嗎')).not.toContain('面會');
    expect(mergeDuplicates('會 92091 v\n會 9 zg\n幾 8320 m\n幾 14 zg\n網 14 zg\n網 7209 n\n')).toBe('會 92100 v\n幾 8334 m\n網 7223 n\n');
  });

  it('keeps Cantonese question words whole (幾多, 邊個)', () => {
    expect(segmentPrecise('政府同公司各自出幾多份')).toContain('幾多');
    expect(segmentPrecise('香港同首爾比邊個排得前啲')).toContain('邊個');
  });

  it('segments converted mainland vocabulary in Traditional script', () => {
    expect(segmentPrecise('人工智能超算中心進行可行性研究')).toEqual(expect.arrayContaining(['人工智能', '可行性研究']));
  });
});

describe('normalisation', () => {
  it('converts Simplified to Hong Kong Traditional', () => {
    expect(toTraditional('香港有多少个Wi-Fi热点？数码港在哪里？')).toBe('香港有多少個Wi-Fi熱點？數碼港在哪裏？');
    // Text already in Traditional is left alone: the Simplified phrase tables would read 「周一般」 as 週一 (Monday).
    expect(toTraditional('香港金融科技周一般在幾月舉行？')).toBe('香港金融科技周一般在幾月舉行？');
    expect(toTraditional('金融科技周一般在几月举行？')).toContain('舉行');
  });

  it('folds full-width digits and thousands separators for matching', () => {
    expect(normalizeForMatch('２萬１千 47,000 1,193 萬 ＩｎｎｏＨＫ')).toBe('2萬1千47000 1193萬innohk');
  });

  it('folds variant characters to the forms the fact sheet uses (公佈 → 公布, 彙集 → 匯集)', () => {
    expect(normalizeForMatch('公佈《藍圖》')).toBe(normalizeForMatch('公布《藍圖》'));
    expect(normalizeForMatch('汇集')).toBe('匯集');
    // (賬 and 帳 are both written in Hong Kong; the sheet writes 帳戶.)
    expect(normalizeForMatch('即時轉賬')).toBe(normalizeForMatch('即時轉帳'));
  });

  it('reads sums and counts in Chinese numerals before 萬 or 億 as the sheet writes them (一百億 → 100億)', () => {
    expect(normalizeForMatch('政府拿一百億出來')).toBe('政府拿100億出來');
    expect(normalizeForMatch('三千五百萬、五十億、兩萬一千宗')).toBe('3500萬、50億、2萬1千宗');
    // (No numeral before it: 「千萬」 is "by all means", 「萬一」 "in case".)
    expect(normalizeForMatch('千萬不要 萬一')).toBe('千萬不要 萬一');
  });

  it('reads Simplified 里 as 裏 where the conversion leaves it (「指数里」), but not in 阿里巴巴', () => {
    expect(normalizeForMatch('创新指数里排第几')).toBe('創新指數裏排第幾');
    expect(normalizeForMatch('阿里巴巴')).toBe('阿里巴巴');
  });

  it('reads years written digit by digit in Chinese numerals as the sheet writes them (二零一九 → 2019)', () => {
    expect(normalizeForMatch('二零一九至二零二一年間')).toBe('2019至2021年間');
    expect(normalizeForMatch('二〇二二年')).toBe('2022年');
    // (Other numerals are no year: 一九 alone, 二十.)
    expect(normalizeForMatch('十二月')).toBe('十二月');
  });

  it('counts buildings by 座 as the sheet does (「頭三棟樓」, 「兩幢」), leaving 棟 elsewhere alone', () => {
    expect(normalizeForMatch('頭三棟樓')).toBe('頭三座樓');
    expect(normalizeForMatch('两幢大楼')).toBe('兩座大樓');
    expect(normalizeForMatch('棟樑')).toBe('棟樑');
  });

  it('drops PDF layout spaces between Chinese and figures or Latin names, not between words', () => {
    expect(normalizeForMatch('「產學研 1+計劃」於 2023 年 3 月 Hong Kong')).toBe('「產學研1+計劃」於2023年3月hong kong');
    // (A reader's 「从一到N」 is the sheet's 「從一到 N」.)
    expect(normalizeForMatch('「從一到 N」，「InnoHK 創新香港研發平台」')).toBe(normalizeForMatch('「从一到N」，「InnoHK创新香港研发平台」'));
  });

  it('detects the reply language', () => {
    expect(detectLanguage('香港有多少个Wi-Fi热点？')).toBe('zh-Hans');
    expect(detectLanguage('香港有多少個Wi-Fi熱點？')).toBe('zh-Hant');
    expect(detectLanguage('科技園嘅基金投咗幾多間公司？')).toBe('zh-Hant');
    expect(detectLanguage('What is InnoHK?')).toBe('en');
  });
});

describe('synonyms', () => {
  it('maps English entity names to the fact sheet terms', () => {
    const q = analyzeQuery('How many start-ups are in Cyberport and the Science Park?');
    expect(q.tokens).toEqual(expect.arrayContaining(['數碼港', '初創企業', '科學園']));
  });

  // Glossary entries for words the sheet says otherwise (統計 → 調查) and English the general dictionary
  // renders badly or not at all ("VC fund", "businesses").
  it.each([
    ['根據最近一次官方統計，本港的初創公司總數為何？', ['調查']],
    ['有冇個網站可以幫公司搵啱用嘅政府資助？', ['網上平台']],
    ['園區的擴建工程預計何時完成？', ['科學園']],
    ['佢第一個海外創新中心喺邊？', ['首個']],
    ['who will the institute work with?', ['研發院']],
    ['who organises it then?', ['負責', '舉辦']],
    ['政府專登搵咗個人負責統籌再工業化，嗰個職位叫咩？', ['專員', '專門']],
    ['Someone told me HK wants to put server farms inside caves. Is that a thing?', ['數據中心']],
    ["How many startups has Cyberport's VC fund backed?", ['投資創業基金']],
    ['how many digital-only banks are allowed to operate in HK?', ['虛擬銀行']],
    ["Can students at HK universities' mainland branch campuses join the tech internship scheme?", ['分校']],
    ['How many people are on the payroll of Hong Kong start-ups altogether?', ['職位']],
    ['Is there a pilot subsidy for banks that team up with fintech startups?', ['夥拍']],
    ['how many tech companies is the government aiming to attract?', ['目標']],
    ['how much has the government spent on InnoHK in total?', ['投放']],
    ["What's happening with open banking APIs in Hong Kong?", ['api']],
    ['Roughly how many fintech businesses operate in Hong Kong?', ['公司']],
    ['how much outside money has it pulled in?', ['私人投資', '吸引']],
    ['科技企业投资基金撬动了多少社会资本跟投？', ['私人投資', '吸引']],
    ["How much extra money is the Science Park putting into its new co-acceleration programme?", ['共同企業加速計劃']],
    ['how many local universities and institutes are in it?', ['本地院校']],
    ['What will the Hong Kong-Shenzhen I&T Park be used for?', ['港深創科園']],
    ['全港做金融科技嘅公司大概有幾多間？', ['香港']],
    ['成個香港而家有幾多個 Wi-Fi.HK 免費上網點？', ['熱點']],
    ['以后会扩大范围吗？', ['擴展', '涵蓋範圍']],
  ])('renders %s in the sheet\'s words (%j)', (q, forms) => {
    expect(analyzeQuery(q).expansions).toEqual(expect.arrayContaining(forms));
  });

  it('reads "expanding" a place as building more of it (擴建), not a start-up expanding its business (擴展)', () => {
    const expansions = analyzeQuery('are they expanding it at all?').expansions;
    expect(expansions).toContain('擴建');
    expect(expansions).not.toContain('擴展');
  });

  it('keeps a Hong Kong district whole (lexicon/hk-places.txt): 薄扶林, not 薄 and 扶林', () => {
    expect(segmentPrecise('在薄扶林的數碼港')).toContain('薄扶林');
  });

  it('reads a word made by 化 as its stem too (智能化 → 智能), when the dictionary gives it no synonym', () => {
    const concept = analyzeQuery('智能化生產線有幾多條？').concepts.find((c) => c.label === '智能化');
    expect(concept?.alternatives).toEqual(['智能化', '智能']);
    // (化 alone after one character is a word of its own: 文化 keeps to itself.)
    expect(analyzeQuery('香港的文化').concepts.find((c) => c.label === '文化')?.alternatives).toEqual(['文化']);
  });

  it('reads quoted common words as the reader\'s own, and coinages, names and titles as names', () => {
    const own = (q: string) => [...quotedOwnWords(normalizeForMatch(q))];
    expect(own('把政府部门的“需求清单”放上网的平台叫什么？')).toEqual(['需求清單']);
    expect(own('香港“高才通”计划的申请条件是什么？')).toEqual([]);
    expect(own('香港的“优才计划”每年配额是多少？')).toEqual([]);
    expect(own('《香港智慧城市蓝图3.0》一共提出了多少项措施？')).toEqual([]);
    expect(own('《需求清单》是哪年发表的？')).toEqual([]);
  });

  it('writes a quoted name the ways readers write it: digits as numerals, 數字 as 數碼, 創科 as 科技', () => {
    expect(quotedNameVariants('從0到1')).toEqual(['從0到1', '從零到一']);
    expect(quotedNameVariants('數字港元')).toContain('數碼港元');
    expect(quotedNameVariants('創科人才入境計劃')).toEqual(expect.arrayContaining(['科技人才入境計劃', '創新科技人才入境計劃']));
    expect(quotedNameVariants('轉數快')).toEqual(['轉數快']);
  });

  it('reads words of asking and hedging (我想問, "fair enough", "exactly") as no concept', () => {
    const labels = (q: string) => analyzeQuery(q).concepts.map((c) => c.label);
    expect(labels('唔係呀，我想問金融科技公司有幾多間。')).not.toContain('我想問');
    expect(labels('fair enough. how much does each uni get?')).not.toContain('fair');
    expect(labels('to do what exactly?')).not.toContain('exactly');
    // (Cantonese 「過埋嚟」, "come over as well", names nothing.)
    expect(labels('內地啲科研撥款可以過埋嚟香港用')).not.toContain('過埋');
    // (「在…方面」, "as regards", frames the subject without naming one.)
    expect(labels('香港在无人机和低空经济方面有什么政策？')).not.toContain('方面');
    // (jieba's guess 「那該」 is a demonstrative pair, no word.)
    expect(labels('那該計劃具體資助企業做甚麼？')).not.toContain('那該');
    // (Cantonese 「成個」, "the whole", names nothing.)
    expect(labels('成個香港而家有幾多個熱點？')).not.toContain('成個');
    // (「那塊」, "that area", frames the subject; jieba's guess 「官來」 joins a noun to the 來 of purpose.)
    const official = labels('政府是不是专门设了一个官来统筹制造业升级那块的工作？');
    expect(official).not.toContain('那塊');
    expect(official).not.toContain('官來');
    expect(official).toContain('製造業');
  });

  it("drops jieba's guesses that glue a modal or a determiner to a neighbour (內會, 間會, 給每), keeping dictionary words and unknown names", () => {
    const labels = (q: string) => analyzeQuery(q).concepts.map((c) => c.label);
    expect(labels('那園區內會設立甚麼研究中心？')).not.toContain('內會');
    expect(labels('咁一年大概幾多間會受惠？')).not.toContain('間會');
    // (…or "again" to a verb: 「兩地又簽咗咩」.)
    expect(labels('2023年3月兩地又簽咗咩？')).not.toContain('又簽');
    expect(labels('2023年3月兩地又簽咗咩？')).toContain('兩地');
    // 「给每所大学」: no passage says 給每, and a concept none has keeps the answer from the one that does.
    expect(labels('大学科技初创企业资助计划每年给每所大学拨多少钱？')).not.toContain('給每');
    expect(labels('大学科技初创企业资助计划每年给每所大学拨多少钱？')).toContain('每年');
    expect(labels('研資局每年撥幾多研究經費俾啲大學？')).toContain('研資局');
  });

  it('reads money added in English ("topped up", "adding") as the sheet\'s 增資', () => {
    expect(analyzeQuery('has it been topped up since then?').expansions).toContain('增資');
    expect(analyzeQuery('how much more is it adding?').expansions).toContain('增資');
  });

  it('reads formal paraphrases as the sheet words them, and question words as no subject', () => {
    const q = analyzeQuery('特區政府為本港創科發展訂立整體路線圖的文件，是在何年何月對外發表的？');
    expect(q.expansions).toEqual(expect.arrayContaining(['香港', '藍圖', '制訂', '公布']));
    expect(q.concepts.map((c) => c.label)).not.toContain('何年何月');
    expect(analyzeQuery('目前設於香港的國家級重點實驗室共有幾所？').concepts.map((c) => c.label)).toEqual(expect.not.arrayContaining(['幾所']));
    expect(analyzeQuery('目前設於香港的國家級重點實驗室共有幾所？').expansions).toContain('國家');
  });

  it('maps Cantonese colloquialisms and common variants', () => {
    expect(analyzeQuery('數碼港喺邊度？').expansions).toContain('位於');
    expect(analyzeQuery('初創公司有幾多間？').expansions).toContain('初創企業');
    // Particles are read but ask about nothing: no concept for 嘅/咗.
    expect(analyzeQuery('科技園嘅基金投咗幾多間公司？').concepts.map((c) => c.label)).not.toContain('嘅');
    // Cantonese 「唔」 is the negation of 「會唔會」, not a subject; 中小企 is one word (not 中小 and 企有).
    expect(analyzeQuery('之後會唔會再加錢？').concepts.map((c) => c.label)).toEqual(expect.not.arrayContaining(['唔', '後會']));
    expect(analyzeQuery('它對中小企有甚麼好處？').concepts.map((c) => c.label)).toContain('中小企');
    // 「份工」 is a job (職位).
    expect(analyzeQuery('啲初創加埋總共提供咗幾多份工？').expansions).toContain('職位');
    // 「投了」: the verb, not its aspect particle (a lone character is no concept).
    expect(analyzeQuery('到現在投了多少家公司？').concepts.map((c) => c.label)).toEqual(['公司']);
    // 「有個…」, 「搵人諗辦法」: "there is a…", "find people to think of": no subject.
    expect(analyzeQuery('有個比賽係搵人諗辦法解決城市生活問題，叫咩名？').concepts.map((c) => c.label)).toEqual(expect.not.arrayContaining(['有個', '諗', '揾']));
    // 「俾人用」 (for people to use), 「最後」: no subject.
    expect(analyzeQuery('政府有冇開放數據俾人用？').concepts.map((c) => c.label)).not.toContain('俾人用');
    // 「聽講仲有個…」 ("I heard there is also…") says how the subject is brought up, not what it is.
    expect(analyzeQuery('聽講仲有個微電子中心，喺邊度起㗎？').concepts.map((c) => c.label)).toEqual(expect.not.arrayContaining(['聽講', '仲有']));
  });

  it('reads everyday words for virtual assets as the sheet\'s (crypto, 加密貨幣, 交易所)', () => {
    expect(analyzeQuery('香港的 crypto 交易所现在有几家拿到牌照了？').expansions).toEqual(expect.arrayContaining(['虛擬資產', '交易平台']));
    expect(analyzeQuery('How many crypto exchanges are licensed?').expansions).toContain('虛擬資產交易平台');
  });

  it('reads official English names and everyday wording as the sheet writes them', () => {
    expect(analyzeQuery('what about the Global STEM Professorship Scheme?').expansions).toContain('傑出創科學人計劃');
    // Everyday English for the sheet's wording: jobs created, renowned scholars, financial incentives.
    expect(analyzeQuery('How many people do Hong Kong startups employ?').expansions).toContain('職位');
    expect(analyzeQuery('bringing well-known scientists to work in Hong Kong').expansions).toContain('學者');
    expect(analyzeQuery('Is there a cash incentive for banks?').expansions).toContain('財政誘因');
    // (Expansions are in the matching form: 岩洞 is read as 巖洞.)
    expect(analyzeQuery("Hong Kong's tech roadmap from late 2022").expansions).toContain('藍圖');
    expect(analyzeQuery('Is HK thinking of putting data centres inside caves?').expansions).toContain('巖洞');
    expect(analyzeQuery('a big yearly fintech conference or festival').expansions).toContain('香港金融科技周');
    // Official English names of schemes and platforms.
    expect(analyzeQuery('No, I was asking about the E&M InnoPortal').expansions).toContain('機電創科網上平台');
    expect(analyzeQuery('the STEM Internship Scheme').expansions).toContain('創科實習計劃');
    expect(analyzeQuery('the official who coordinates the push to bring manufacturing back').expansions).toEqual(expect.arrayContaining(['統籌', '再工業化']));
    expect(analyzeQuery('它现在覆盖的科技领域有扩大吗？').expansions).toEqual(expect.arrayContaining(['涵蓋', '範疇']));
    expect(analyzeQuery('How much is the RAISe+ scheme worth?').expansions).toContain('產學研1+計劃');
    expect(analyzeQuery('日後新落成的樓宇在手機通訊設備方面有甚麼法定要求？').expansions).toEqual(expect.arrayContaining(['流動通訊', '新建']));
    expect(analyzeQuery('where are the overseas partners from? like how many countries').expansions).toContain('經濟體');
    expect(analyzeQuery('what about frontier stuff like quantum, any money for that').expansions).toContain('資金');
    expect(analyzeQuery('How many people got to try out the gadgets from the city innovation contest?').expansions).toEqual(expect.arrayContaining(['城市創科大挑戰', '原型']));
    // Government services online: 全面電子化, 「一網通辦」.
    expect(analyzeQuery('When will all government services go fully online?').expansions).toContain('全面電子化');
    expect(analyzeQuery('政府打算在甚麼時候讓所有政府服務都可以在網上辦妥？').expansions).toContain('一網通辦');
    // "signed up" is registering, not signing an agreement.
    expect(analyzeQuery('How many people have signed up for FPS?').expansions).toContain('登記');
    expect(analyzeQuery('How many people have signed up for FPS?').expansions).not.toContain('簽署');
    expect(analyzeQuery('转数快3月份每天成交金额大概多少？').expansions).toEqual(expect.arrayContaining(['每日', '成交量']));
  });

  it('reads an acronym only in capitals: "it" and "most" are words, IT and MOST are names', () => {
    expect(analyzeQuery('how much has it invested so far?').expansions).not.toContain('資訊科技');
    expect(analyzeQuery('Which schools get money for IT labs?').expansions).toContain('資訊科技');
    expect(analyzeQuery('which districts are most of them in?').expansions).not.toContain('科技部');
    expect(analyzeQuery('What did MOST and Hong Kong sign?').expansions).toContain('科技部');
    // "us" and "uses" are no United States.
    expect(analyzeQuery('Cyberport uses matching funding to help us').expansions).not.toContain('美國');
    expect(analyzeQuery('Which US university opened a centre here?').expansions).toContain('美國');
    // Hong Kong short forms the sheet writes in full.
    expect(analyzeQuery('中科院跟港府签过什么？').expansions).toEqual(expect.arrayContaining(['中國科學院', '香港特區政府']));
    expect(analyzeQuery('證監會同保監局有冇監管沙盒？').expansions).toEqual(expect.arrayContaining(['證券及期貨事務監察委員會', '保險業監管局']));
  });

  it('leaves no lone letter of an apostrophe as a concept', () => {
    expect(analyzeQuery("What's Cyberport's fund?").concepts.map((c) => c.label)).not.toContain('s');
  });

  it('matches Latin terms as whole words, with plurals, longest first', () => {
    const entries = parseSynonyms(['park\t公園', 'science park\t科學園', 'licence\t牌照']);
    const hits = findSynonyms('science parks and licences', entries);
    expect(hits.map((h) => h.term)).toEqual(['science park', 'licence']);
    expect(findSynonyms('parkland', entries)).toEqual([]);
  });

  it('matches a -y term\'s plural in -ies, but not past or -ing forms ("funded" is no fund), nor an acronym spelt longer', () => {
    const entries = parseSynonyms(['fund\t基金', 'subsidy\t資助', 'IT\t資訊科技']);
    const terms = (text: string) => findSynonyms(text, entries).map((h) => h.term);
    expect(terms('two subsidies and a subsidy')).toEqual(['subsidy', 'subsidy']);
    expect(terms('the scheme funded a funding round')).toEqual([]);
    expect(terms('funds, itself, items')).toEqual(['fund']);
  });

  it('gives Simplified and Traditional text the same index tokens', () => {
    expect(tokensForIndex('数码港投资创业基金')).toEqual(tokensForIndex('數碼港投資創業基金'));
  });
});

describe('the glossary file', () => {
  it('lists each term once (a second line would silently shadow or merge the first)', () => {
    const terms = fs
      .readFileSync(new URL('../../lexicon/synonyms.tsv', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split('\t')[0]!.trim().toLowerCase());
    expect(terms.filter((t, i) => terms.indexOf(t) !== i)).toEqual([]);
  });

  it('may write a Latin letter or digit beside Chinese with or without the sheet\'s space (「B輪」, 「B 輪」)', () => {
    // Passages and expansions are matched in one form: the layout space between scripts is dropped from both.
    const sheet = normalizeForMatch(fs.readFileSync(new URL('../../corpus/innovation-and-technology.zh-Hant.txt', import.meta.url), 'utf8'));
    for (const e of ['B輪', 'B 輪', '從一到N', 'InnoHK創新香港研發平台']) expect(sheet).toContain(normalizeForMatch(e));
  });
});
