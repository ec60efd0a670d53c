import { describe, expect, it } from 'vitest';
import { carries } from '../../src/answer/evidence.js';
import type { Ask } from '../../src/retrieve/question/asks.js';
import { normalizeForMatch } from '../../src/text/normalize.js';

const says = (sentence: string, ask: Ask, question = '') => carries(normalizeForMatch(sentence), ask, normalizeForMatch(question));

describe('does a sentence state the asked-for kind of fact', () => {
  it('dates', () => {
    expect(says('中國科學院香港創新研究院於 2019 年 4 月在香港成立。', { kind: 'date' })).toBe(true);
    expect(says('政府打算設立一所微電子研發院，推動香港微電子的發展。', { kind: 'date' })).toBe(false);
  });

  it('durations, also in school or financial years', () => {
    expect(says('增撥 3 億元，在未來三個學年，繼續向每所公帑資助中學提供最多 100 萬元的資助。', { kind: 'duration' })).toBe(true);
    expect(says('延長配額有效期至兩年。', { kind: 'duration' })).toBe(true);
    expect(says('向每所公帑資助中學提供最多 100 萬元的資助。', { kind: 'duration' })).toBe(false);
  });

  it('count: applications approved answer how many businesses were approved', () => {
    const approved = '「科技券」計劃獲業界的廣泛支持，出台至今已批出超過 2 萬１千宗申請，推動企業利用科技提高生產力。';
    const companies = { kind: 'count' as const, unit: '間家所個', counted: 'companies', countedForms: ['公司', '企業'] };
    expect(says(approved, companies, 'How many companies got approved for the tech voucher?')).toBe(true);
    // Not how many use it: an application is not a user.
    expect(says(approved, companies, 'How many companies use the tech voucher?')).toBe(false);
  });

  it('list: several things named in one enumeration', () => {
    expect(says('聚焦吸引生命健康科技、人工智能與數據科學等產業的企業。', { kind: 'list' })).toBe(true);
    expect(says('目標是未來五年吸引不少於 100 間具潛力的創科企業在港設立或擴展業務。', { kind: 'list' })).toBe(false);
  });

  it('place: a region of a ranking (亞太區) locates nothing', () => {
    expect(says('政府打算設立一所微電子研發院，冀成為亞太區內支援微電子發展的領先機構之一。', { kind: 'place' })).toBe(false);
    expect(says('科技園公司正於元朗創新園發展微電子中心。', { kind: 'place' })).toBe(true);
  });

  it('place: a place named as where something is, not merely named', () => {
    expect(says('科技園公司正於元朗創新園發展微電子中心，預計於 2024 年啟用。', { kind: 'place' })).toBe(true);
    expect(says('推展港深創科園與落馬州／新田一帶整合為新田科技城。', { kind: 'place' })).toBe(true);
    expect(says('由 2025 年起分階段完成科學園和數碼港的擴建工程。', { kind: 'place' })).toBe(false);
    expect(says('中國科學院與香港特區政府簽署備忘錄，中國科學院香港創新研究院於 2019 年成立。', { kind: 'place' })).toBe(false);
  });

  it('place: where things are posted or applied for is a platform or website', () => {
    const portal = '機電創科網上平台羅列各政府部門、公營機構以及機電業界的服務願望。';
    expect(says(portal, { kind: 'place' }, 'Where do government departments post their wish lists?')).toBe(true);
    // …but a platform is no answer to where a thing is built.
    expect(says(portal, { kind: 'place' }, 'Where will the new data centre be built?')).toBe(false);
  });

  it('a target is no count of those there are so far (「目標是…超過 130 條」)', () => {
    const target = '目標是將資助的智能生產線在五年間增加至超過 130 條。';
    expect(says(target, { kind: 'count', sofar: true }, '再工業化資助計劃到而家資助咗幾多條智能生產線？')).toBe(false);
    expect(says(target, { kind: 'count' }, '再工業化資助計劃目標資助幾多條智能生產線？')).toBe(true);
  });

  it('how much something rose is said as a share too (「增加資助約 10%」)', () => {
    const rise = '計劃自 2023 年 4 月起增加資助約 10%，並額外為持有博士學位的科研人才提供生活津貼。';
    expect(says(rise, { kind: 'count', orMoney: true }, '从2023年4月起资助提高了多少？')).toBe(true);
    expect(says(rise, { kind: 'count', orMoney: true }, '研究人才庫資助幾多間公司？')).toBe(false);
  });

  it('place: where something moves to is said by the move (「遷入岩洞」)', () => {
    const cavern = '透過馬料水填海計劃及將沙田污水處理廠遷入岩洞，提供主要用作創科發展的新土地。';
    expect(says(cavern, { kind: 'place' }, '沙田污水处理厂要搬到哪里？')).toBe(true);
    expect(says(cavern, { kind: 'place' }, '沙田污水處理廠喺邊度？')).toBe(false);
  });

  it('place: a date between 在 and 設立 is no place (「在 2022 年 7 月設立」)', () => {
    expect(says('科技園公司在 2022 年 7 月設立大灣區創科飛躍學院 InnoAcademy。', { kind: 'place' })).toBe(false);
    expect(says('瑞典卡羅琳醫學院於 2016年在香港科學園設立研究中心。', { kind: 'place' })).toBe(true);
  });

  it('place: where something else is, when that place is the question\'s own subject, does not say where the subject is', () => {
    const innoHk = '「InnoHK 創新香港研發平台」位於香港科學園，首兩個創新平台分別為專注醫療科技的「Health@InnoHK」。';
    expect(says(innoHk, { kind: 'place' }, '香港科學園喺邊區？')).toBe(false);
    expect(says(innoHk, { kind: 'place' }, 'InnoHK 在哪裏？')).toBe(true);
    expect(says('瑞典卡羅琳醫學院於 2016年在香港科學園設立研究中心。', { kind: 'place' }, '卡羅琳醫學院的研究中心在哪裏？')).toBe(true);
    expect(says('瑞典卡羅琳醫學院於 2016年在香港科學園設立研究中心。', { kind: 'place' }, '香港科學園在哪裏？')).toBe(false);
  });

  it('who: the actor named between the verb giving a task and the verb doing it, whatever its name ends in', () => {
    const s = '預留 5 億元進一步加快企業數碼轉型的步伐，讓數碼港推行「數碼轉型支援先導計劃」。';
    expect(says(s, { kind: 'who' }, '數碼轉型支援先導計劃由誰來推行？')).toBe(true);
    expect(says(s, { kind: 'who' }, '數碼港推行的是甚麼計劃？')).toBe(false);
  });

  it('place of origin: countries named, not 「全球 11 個經濟體」 nor where the thing sits', () => {
    const from = { kind: 'place' as const, origin: true };
    expect(says('以及 30 多間來自全球 11 個經濟體的機構。', from, 'InnoHK嗰啲外國機構係嚟自邊幾個國家？')).toBe(false);
    expect(says('「InnoHK 創新香港研發平台」位於香港科學園。', from, 'InnoHK嗰啲外國機構係嚟自邊幾個國家？')).toBe(false);
    expect(says('瑞典卡羅琳醫學院於 2016年在香港科學園設立研究中心。', from, '喺科學園設研究中心嗰間醫學院係邊個國家嘅？')).toBe(true);
    // Asked where they come from, 「來自…」 says it, countries or not.
    expect(says('以及 30 多間來自全球 11 個經濟體的機構。', { ...from, from: true }, 'and where do they come from?')).toBe(true);
  });

  it('an as-of date asked (「截至甚麼時候」) is the one 「截至…」 states, which otherwise dates no event', () => {
    const s = '截至 2022 年 12 月，科技部等內地機構已批出約 7.5 億元人民幣。';
    expect(says(s, { kind: 'date', asOf: true }, '这个数字截至什么时候？')).toBe(true);
    expect(says(s, { kind: 'date' }, '這個計劃何時推出？')).toBe(false);
  });

  it('a sum per one is per the one asked, whatever period follows it (「每間大學一年」 is per university)', () => {
    const perUniversity = { kind: 'money' as const, perUnit: true };
    expect(says('「大學科技初創企業資助計劃」對每所參與大學每年提供 1,600 萬元的資助。', perUniversity, '每間大學一年攞到幾多資助？')).toBe(true);
  });

  it('a monthly sum is stated by the month: 「每年提供 1,600 萬元」 is not one', () => {
    const monthly = { kind: 'money' as const, monthly: true };
    expect(says('「大學科技初創企業資助計劃」對每所參與大學每年提供 1,600 萬元的資助。', monthly, '每个月能补贴多少钱？')).toBe(false);
    expect(says('計劃為每名入職者提供每月 18,000 元的津貼。', monthly, '每个月能补贴多少钱？')).toBe(true);
  });

  it('who: a commissioner (「工業專員」) is one, unless the question names the post itself', () => {
    const s = '設立「工業專員」，專責統籌和督導「再工業化」的策略工作。';
    expect(says(s, { kind: 'who' }, 'who is in charge of coordinating re-industrialisation?')).toBe(true);
    expect(says(s, { kind: 'who' }, '「工業專員」而家係邊位官員做緊？')).toBe(false);
  });

  it('who: an organisation (組織) is a body; a kind of thing is said in words joined by 和', () => {
    expect(says('〔世界知識產權組織（World Intellectual Property Organization）《2022 年全球創新指數》〕', { kind: 'who' })).toBe(true);
    expect(says('資助本地機構或企業進行創新科技研究和應用。', { kind: 'list' }, '它資助甚麼類型的項目？')).toBe(true);
    expect(says('資助本地機構或企業進行創新科技研究和應用。', { kind: 'list' }, '它資助哪些行業？')).toBe(false);
    expect(says('首兩個創新平台分別為專注醫療科技的「Health@InnoHK」，以及專注人工智能及機械人科技的「AIR@InnoHK」。', { kind: 'list' }, '各自專攻咩範疇？')).toBe(true);
  });

  it('rank: a cap (「最高資助額」) is no rank; who: 「每所參與大學」 names no university', () => {
    expect(says('計劃的最高資助額為 50 萬元。', { kind: 'rank' })).toBe(false);
    expect(says('全球智慧城市指數排名第 19。', { kind: 'rank' })).toBe(true);
    expect(says('「大學科技初創企業資助計劃」對每所參與大學每年提供 1,600 萬元的資助。', { kind: 'who' }, '參與的是哪幾所大學？')).toBe(false);
  });

  it('who: a body the sentence names, other than those the question names', () => {
    expect(says('香港金融管理局（金管局）、證券及期貨事務監察委員會及保險業監管局已推出監管沙盒。', { kind: 'who' })).toBe(true);
    expect(says('成立 50 億元的「策略性創科基金」，投資具發展潛力的企業。', { kind: 'who' })).toBe(false);
    expect(says('科技園公司已向基金注資 3.5 億元。', { kind: 'who' }, '科技園公司注資了給哪間公司？')).toBe(false);
    // 「香港的大學」 names no university.
    expect(says('香港的大學可申請內地的科技資助。', { kind: 'who' }, '具體是哪幾所大學拿到了？')).toBe(false);
    // A counted kind names no body: how many licences were issued is not which banks hold them.
    expect(says('已發出八個虛擬銀行牌照、四個虛擬保險公司牌照。', { kind: 'who' }, 'which banks got them?')).toBe(false);
    expect(says('「研究人才庫」資助每間合資格公司或機構聘用最多四名研究人才。', { kind: 'who' }, '目前有哪些公司入選了？')).toBe(false);
    // Teams counted, universities as the kind a grant goes to: no one named.
    expect(says('25 隊來自大學／大專院校組及公開組的優勝者獲得研發的財政資源。', { kind: 'who' }, 'which teams won it?')).toBe(false);
    expect(says('政府會從中撥出 60 億元用作資助大學及科研機構設立主題研究院。', { kind: 'who' }, '是哪幾所大學？')).toBe(false);
    // What a body works on is stated by what it researches or strengthens, not by when it opened.
    expect(says('瑞典卡羅琳醫學院於 2016年在香港科學園設立研究中心，加強再生醫學研究。', { kind: 'activity' }, '佢做咩研究？')).toBe(true);
    expect(says('麻省理工學院於 2016 年在香港開設首個海外創新中心。', { kind: 'activity' }, '麻省理工嗰個中心做咩研究？')).toBe(false);
    // (…the first of a kind, described: 「開設首個海外創新中心」 names no one who runs it.)
    expect(says('麻省理工學院於 2016 年在香港開設首個海外創新中心。', { kind: 'who' }, "Who runs MIT's innovation centre in Hong Kong? 麻省理工學院")).toBe(false);
    // (…the kind a verb acts on after words of grammar: 「以支援大學所屬團隊」.)
    const grant = '「大學科技初創企業資助計劃」對每所參與大學每年提供 1,600 萬元的資助，以支援大學所屬團隊成立的科技初創企業。';
    expect(says(grant, { kind: 'who', body: 'university' }, '參與的是哪幾所大學？')).toBe(false);
    // (…nor the kind a sum is for, 「一半為大學初創企業提供…」, or the kind designated, 「本地指定大學」.)
    expect(says('資助的其中一半為大學初創企業提供與私人投資一比一的資金配對。', { kind: 'who', body: 'university' }, '有哪幾所大學參加？')).toBe(false);
    expect(says('計劃將會擴展至涵蓋在本地指定大學在大灣區設立的分校修讀 STEM 相關課程的大學生。', { kind: 'who', body: 'university' }, '有邊幾間大學參加？')).toBe(false);
    expect(says('國際管理發展學院《2022 年世界數碼競爭力排名》。', { kind: 'who' }, '這個排名是哪家機構發布的？')).toBe(true);
    expect(says('中國科學院香港創新研究院於 2022 年 6 月正式成立。', { kind: 'who' }, 'who set it up?')).toBe(true);
    // Companies asked for are named as companies, not as an office.
    const office = '聯同「引進重點企業辦公室」，配合 50 億元「策略性創科基金」。';
    expect(says(office, { kind: 'who', body: 'company' }, 'which companies has it put money into so far?')).toBe(false);
    expect(says(office, { kind: 'who' }, 'who does it work with?')).toBe(true);
    // Universities asked for are named as universities, not as labs.
    const labs = '香港與內地合作：香港現有 16 所國家重點實驗室及六所國家工程技術研究中心香港分中心。';
    expect(says(labs, { kind: 'who', body: 'university' }, '這16所實驗室分別設在哪些大學？')).toBe(false);
    expect(says('瑞典卡羅琳醫學院於 2016年在香港科學園設立研究中心。', { kind: 'who', body: 'university' }, 'which universities set up centres?')).toBe(true);
    expect(says('香港科技園公司已成立附屬公司──港深創新及科技園有限公司。', { kind: 'who' }, '邊個負責？')).toBe(true);
  });

  it('area: a whole asked is not what an expansion adds, unless the addition is asked', () => {
    const added = '由 2025 年起分階段完成科學園和數碼港的擴建工程，提供合共約 100,000 平方米的額外樓面面積。';
    expect(says(added, { kind: 'area' }, '香港科學園現時的總樓面面積是多少平方米？')).toBe(false);
    expect(says(added, { kind: 'area' }, '科學園同數碼港擴建完之後總共會多出幾多平方米嘅樓面？')).toBe(true);
    expect(says('先進製造業中心提供約 108,600 平方米樓面面積。', { kind: 'area' }, '先進製造業中心總樓面面積有多大？')).toBe(true);
  });

  it('money: spending or earnings asked are sums of their own kind', () => {
    const grant = '創新科技署向這些機構提供的資助上限自 2022/23 財政年度起倍增至每年 4.4 億元。';
    expect(says(grant, { kind: 'money' }, '創新科技署每年嘅開支預算有幾多？')).toBe(false);
    expect(says(grant, { kind: 'money' }, "What was Hong Kong's total R&D spending last year?")).toBe(false);
    expect(says(grant, { kind: 'money' }, '資助上限每年有幾多？')).toBe(true);
    // What is spent on one thing is the sum set aside for it; spending on research as a whole is an expenditure.
    const upgrade = '預留約 2億元提升「智方便」平台的運作。';
    expect(says(upgrade, { kind: 'money' }, 'How much are they spending to upgrade iAM Smart?')).toBe(true);
    expect(says(upgrade, { kind: 'money' }, 'How much does Hong Kong spend on research and development?')).toBe(false);
    expect(says(upgrade, { kind: 'money' }, 'Does Hong Kong spend more on R&D per person than Singapore?')).toBe(false);
  });

  it('count: how many more are to come is no count of those there are', () => {
    const more = { kind: 'count' as const, more: true };
    expect(says('香港設有 12 個海底電纜系統，並透過九枚通訊衞星提供對外通訊服務。', more)).toBe(false);
    expect(says('在 2025 年或之前利用先進資訊科技推行 100 項新的數碼政府項目。', more)).toBe(true);
    // A part of the figure before it (「包括至少 20 間…」) shares that clause's target.
    const part = { kind: 'count' as const, unit: '間家所個', more: true, countedForms: ['龍頭創科企業'] };
    expect(says('目標是未來五年吸引不少於 100 間具潛力或代表性的創科企業在港設立或擴展業務，包括至少 20 間龍頭創科企業。', part)).toBe(true);
    expect(says('香港現有 16 所國家重點實驗室，包括 20 間龍頭創科企業。', part)).toBe(false);
  });

  it('count: the first few (「首三座」) are no count of all there will be', () => {
    const first = '首三座樓宇已開始興建，將按計劃於 2024 年年底開始分階段落成。';
    expect(says(first, { kind: 'count' }, '港深創科園起晒總共會有幾多棟樓？')).toBe(false);
    expect(says(first, { kind: 'count' }, '第一期有幾多座樓？')).toBe(true);
  });

  it('date: the day asked is not answered by a year alone', () => {
    const fine = { kind: 'date' as const, fine: true };
    expect(says('位於將軍澳創新園的先進製造業中心已於 2022 年啟用。', fine)).toBe(false);
    expect(says('位於將軍澳創新園的先進製造業中心已在 2022 年 4 月開幕。', fine)).toBe(true);
  });

  it('rule: a law, regulation, licence or sandbox stated', () => {
    expect(says('修訂法例，新建樓宇須預留空間裝設流動通訊設施。', { kind: 'rule' })).toBe(true);
    expect(says('香港金融管理局已推出監管沙盒。', { kind: 'rule' })).toBe(true);
    expect(says('足夠的算力基礎是推動香港的科研和人工智能產業發展的先決條件之一。', { kind: 'rule' })).toBe(false);
  });

  it('list: an enumeration, or two industries joined by 和 for a question on industries', () => {
    expect(says('提供為數據科技和電訊服務業特別設計的基礎設施。', { kind: 'list' }, '主要是給哪些行業用的？')).toBe(true);
    expect(says('專注醫療科技的平台，以及專注人工智能及機械人科技的平台。', { kind: 'list' }, 'which 11 economies?')).toBe(false);
  });

  it('money: a rent, salary or fee must be stated as one', () => {
    expect(says('2023 年 3 月每日平均成交量為 118 萬宗交易，涉及 83 億元。', { kind: 'money' }, 'how much is the rent per month?')).toBe(false);
    expect(says('計劃的最高資助額為 50 萬元。', { kind: 'money' }, '最多資助幾多？')).toBe(true);
    // 人工智能 is no wage.
    expect(says('人工智能平台獲撥款 30 億元。', { kind: 'money' }, '人工智能平台有幾多錢？')).toBe(true);
  });

  it('count: a ratio or a version number counts nothing', () => {
    expect(says('以 2（政府）：1（企業）的配對形式資助本地企業員工接受培訓，尤其是與「工業 4.0」有關的培訓。', { kind: 'count' })).toBe(false);
    expect(says('共有 1.5 萬個帳戶。', { kind: 'count' })).toBe(true);
    // A stretch of time counts no things: 「未來三個學年」 says nothing of how many schools.
    expect(says('在未來三個學年，繼續向每所公帑資助中學提供資助。', { kind: 'count', unit: '間家所個' }, '有幾多間學校參加咗？')).toBe(false);
    expect(says('已向 27 間科技企業投資。', { kind: 'count', unit: '間家所個' })).toBe(true);
  });

  it('a sum per one is stated per one, or as a cap, in the clause giving it', () => {
    const each = { kind: 'money' as const, perUnit: true };
    expect(says('「大學科技初創企業資助計劃」對每所參與大學每年提供 1,600 萬元的資助。', each)).toBe(true);
    expect(says('預計在 2023 年設立 100 億元的「產學研 1+計劃」並接受申請，以配對形式資助不少於 100 支大學研發團隊。', each)).toBe(false);
    // …per the one asked of: a sum per secondary school is none per primary school.
    const secondary = '繼續向每所公帑資助中學，提供最多 100 萬元的資助，以舉辦與資訊科技相關的課外活動。';
    expect(says(secondary, each, '「奇趣IT識多啲」計劃每所小學可以分到多少錢？')).toBe(false);
    expect(says(secondary, each, '中學IT創新實驗室計劃每所中學可以分到多少錢？')).toBe(true);
    // A university is one however named.
    expect(says('「大學科技初創企業資助計劃」對每所參與大學每年提供 1,600 萬元的資助。', each, '每間參與院校每年可獲多少撥款？')).toBe(true);
  });

  it('money added is stated as an increase', () => {
    const more = { kind: 'money' as const, event: ['增資', '再注資'] };
    expect(says('基金將增資 4 億元，幫助更多具潛質的科技初創企業。', more)).toBe(true);
    expect(says('科技園公司的「科技企業投資基金」已向 27 間科技企業投資超過 3.26 億元。', more)).toBe(false);
    // …or as a share of what there was.
    expect(says('計劃自 2023 年 4 月起增加資助約 10%。', { kind: 'money', event: ['增資', '增加'] })).toBe(true);
  });

  it('jobs count people employed', () => {
    expect(says('香港共有 3,985 間初創企業，提供14,932 個職位。', { kind: 'count', unit: '人名位' })).toBe(true);
    // …and accounts count people signed up.
    expect(says('截至 2023 年 3 月底已錄得超過 1,193 萬個帳戶登記。', { kind: 'count', unit: '人名位' })).toBe(true);
    expect(says('香港設有 12 個海底電纜系統。', { kind: 'count', unit: '人名位' })).toBe(false);
  });

  it('counts of people are not counts of companies, years or money', () => {
    const people: Ask = { kind: 'count', unit: '人名位' };
    expect(says('試用人數超過 4,700 人。', people)).toBe(true);
    expect(says('香港有超過 800 間金融科技公司。', people)).toBe(false);
    expect(says('瑞典卡羅琳醫學院於 2016年在香港科學園設立研究中心。', { kind: 'count' })).toBe(false);
    expect(says('阿里巴巴集團啟動了 10 億元的香港創業者基金。', { kind: 'count' })).toBe(false);
    expect(says('數碼港匯集超過 1,900 家初創企業和科技公司。', { kind: 'count', unit: '間家所個' })).toBe(true);
  });

  it('money, percentages and ratios', () => {
    expect(says('成立 50 億元的「策略性創科基金」。', { kind: 'money' })).toBe(true);
    expect(says('已向 27 間科技企業投資。', { kind: 'money' })).toBe(false);
    expect(says('覆蓋率已逾九成的 5G 網絡。', { kind: 'percent' })).toBe(true);
    expect(says('以 2（政府）：1（企業）的配對形式資助。', { kind: 'percent' })).toBe(true);
  });

  it('places: a locating verb or a district, not Hong Kong and not the subject itself', () => {
    expect(says('位於將軍澳的數據技術中心啟用。', { kind: 'place' })).toBe(true);
    expect(says('中國科學院香港創新研究院於 2019 年 4 月在香港成立。', { kind: 'place' })).toBe(false);
    expect(says('數碼港是一個深具創意的數碼社區。', { kind: 'place' }, '數碼港位於哪一區？')).toBe(false);
  });

  it('English sentences (generated answers): figures and dates are checked', () => {
    expect(says('It opened in 2019. [1]', { kind: 'date' })).toBe(true);
    expect(says('It hosts over 1,900 start-ups.', { kind: 'count', unit: '人名位' })).toBe(true);
    expect(says('It promotes research.', { kind: 'money' })).toBe(false);
  });
});

describe('dates and people, more closely', () => {
  it('an as-of date is no date of an event', () => {
    expect(says('快速支付系統「轉數快」（截至 2023 年 3 月底已錄得超過 1,193 萬個帳戶登記）。', { kind: 'date' })).toBe(false);
    expect(says('「轉數快」於 2018 年 9 月推出。', { kind: 'date' })).toBe(true);
  });
});
