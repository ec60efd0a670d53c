import { describe, expect, it } from 'vitest';
import { isFollowUp, pointsBack, resolveFollowUp, resolveQuestion, withoutDiscourse } from '../../src/retrieve/follow-up.js';

describe('follow-up detection', () => {
  const history = [
    { role: 'user' as const, content: 'InnoHK的第一個創新平台是甚麼？' },
    { role: 'assistant' as const, content: '首個平台是專注醫療科技的「Health@InnoHK」。[1]' },
  ];
  it('recognises pronoun references and ellipsis', () => {
    expect(resolveFollowUp('那它的第二個呢？', history)?.kind).toBe('reference');
    expect(resolveFollowUp('那數碼港呢？', history)?.kind).toBe('ellipsis');
    expect(resolveFollowUp('And Cyberport?', history)?.context).toContain('InnoHK');
    // An acknowledgement before the new subject does not hide the ellipsis.
    expect(resolveFollowUp('ok and the science park?', history)?.kind).toBe('ellipsis');
    expect(resolveFollowUp('好，咁數碼港呢？', history)?.kind).toBe('ellipsis');
    // "there" points back; the existential "is there" does not.
    expect(resolveFollowUp('is there any housing for people who work there?', history)?.kind).toBe('reference');
    expect(isFollowUp('Are there any funding schemes for universities to start companies?', history)).toBe(false);
    // A new subject pointed at with a demonstrative is still a new subject; one starting with a pronoun is not.
    expect(resolveFollowUp('咁元朗嗰個微電子中心呢？', history)?.kind).toBe('ellipsis');
    // After an opener, a name is a new subject (「那科學園幾時擴建？」); a verb asks more of the same one.
    expect(resolveFollowUp('那科學園幾時擴建？', history)?.kind).toBe('ellipsis');
    expect(resolveFollowUp('咁投咗幾多間公司？', history)?.kind).toBe('reference');
    // …and so does a time (一年), though jieba tags it a numeral as it does 第二個.
    expect(resolveFollowUp('咁一年大概幾多間會受惠？', history)?.kind).toBe('reference');
    // "what about X - has it opened?": "it" is X, a new subject.
    expect(resolveFollowUp('ok, what about the advanced manufacturing centre - has it opened?', history)?.kind).toBe('ellipsis');
    expect(resolveFollowUp('what about it - has it opened?', history)?.kind).toBe('reference');
    // Only the kind of fact asked (「總金額呢？」, "and the date?") asks it of the same subject.
    expect(resolveFollowUp('总金额呢？', history)?.kind).toBe('reference');
    expect(resolveFollowUp('And the date?', history)?.kind).toBe('reference');
    expect(resolveFollowUp('那總部呢？', history)?.kind).toBe('ellipsis');
  });
  it('reads the start of long turns only, so a long history costs what a short one does', () => {
    const long = (s: string) => s.repeat(100).slice(0, 1000);
    const answered = [
      { role: 'user' as const, content: `數碼港有幾多間公司？${long('請問')}` },
      { role: 'assistant' as const, content: `${long('數碼港匯集超過 1,900 家初創企業。')} [1]` },
    ];
    const one = resolveFollowUp('佢幾時成立？', answered)!;
    expect(one.context.startsWith('數碼港有幾多間公司？')).toBe(true);
    expect(one.context.length).toBeLessThanOrEqual(500);
    // A reply without citations (a decline) is read with the exchange before it: both still bounded.
    const declined = [...answered, { role: 'user' as const, content: long('佢有冇基金？') }, { role: 'assistant' as const, content: long('資料沒有提及。') }];
    const two = resolveFollowUp('佢幾時成立？', declined)!;
    expect(two.context).toContain('數碼港');
    expect(two.context.length).toBeLessThanOrEqual(800);
  });
  it('leaves standalone questions and first turns alone', () => {
    expect(isFollowUp('香港科技園公司成立了哪間附屬公司負責港深創科園的營運？', history)).toBe(false);
    expect(isFollowUp('那它的第二個呢？', [])).toBe(false);
  });
  it('reads a possessive bound to the question\'s own subject as no pointer back', () => {
    // The government is whose data: the question names its own subject before the verb.
    expect(isFollowUp('does the government share its data with the public?', history)).toBe(false);
    expect(isFollowUp('is the Science Park expanding its floor space in future?', history)).toBe(false);
    // After a preposition, or with a pronoun subject, it still points back.
    expect(resolveFollowUp('what is the budget for its expansion?', history)?.kind).toBe('reference');
    expect(resolveFollowUp('how much did they invest in its expansion?', history)?.kind).toBe('reference');
  });
});

describe('a thing named by its kind ("the research centre") two exchanges back', () => {
  const history = [
    { role: 'user' as const, content: 'how much money is set aside for life and health tech?' },
    { role: 'assistant' as const, content: 'HK$10 billion, including a Life and Health Innovation Research Centre in the Loop park [1].' },
    { role: 'user' as const, content: 'how much of that goes to the universities?' },
    { role: 'assistant' as const, content: 'HK$6 billion of it, for thematic research institutes [1].' },
  ];
  it('takes the exchange that named it as the context', () => {
    const r = resolveQuestion("when's the research centre opening?", history);
    expect(r.followUp).toMatchObject({ kind: 'reference', definite: true });
    expect(r.followUp?.context).toContain('Research Centre');
  });
  it('leaves a thing the last exchange names to the usual reading', () => {
    expect(resolveQuestion('and the thematic research institutes?', history).followUp?.definite).toBeUndefined();
  });
});

describe('corrections', () => {
  const history = [
    { role: 'user' as const, content: '傑出創科學人計劃做咩？' },
    { role: 'assistant' as const, content: '吸引更多世界各地知名學者來港。[1]' },
  ];
  it('reads an apology before "I meant to ask", in either script, as a correction', () => {
    expect(resolveQuestion('不好意思，我其实想问人才住宿方面有什么安排', history)).toMatchObject({ question: '人才住宿方面有什么安排', followUp: null });
    expect(resolveQuestion('不好意思，我其實是想問再工業化資助計劃的智能生產線目標數目。', history).question).toBe('再工業化資助計劃的智能生產線目標數目。');
  });
  it('reads 「搞錯了，我想問的是…」 as a correction keeping the last ask', () => {
    expect(resolveQuestion('搞错了，我想问的是创科创投基金。', history)).toMatchObject({ question: '创科创投基金。', followUp: { kind: 'ellipsis' } });
  });
  it('reads an interjection before "I meant" as a correction, and an ask named by a noun (「配額有效期」) as its own', () => {
    expect(resolveQuestion('hmm actually I meant the Smart Government Innovation Lab, what does that one do?', history).question).toBe(
      'the Smart Government Innovation Lab, what does that one do?',
    );
    expect(resolveQuestion('Oops, I meant the STEM Internship Scheme. who does it fund?', history).question).toBe('the STEM Internship Scheme. who does it fund?');
    expect(resolveQuestion('不好意思，我想問的是「科技人才入境計劃」的配額有效期。', history)).toEqual({ question: '「科技人才入境計劃」的配額有效期。', followUp: null, standsAlone: true });
  });
  it('a correction with its own ask stands alone, and 「唔係呀，我問緊…」 is one', () => {
    expect(resolveQuestion('sorry I meant fintech companies specifically, how many are there?', history)).toMatchObject({ followUp: null, standsAlone: true });
    expect(resolveQuestion('唔係呀，我問緊新田科技城，佢同河套有咩關係？', history).question).toBe('新田科技城，佢同河套有咩關係？');
  });
  it('reads 「抱歉，我問的是X，它…」 as a correction with its own ask', () => {
    expect(resolveQuestion('抱歉，我问的是数码港，它是做什么的？', history)).toMatchObject({ question: '数码港，它是做什么的？', followUp: null, standsAlone: true });
  });
  it('drops the subject a correction sets aside ("…, not digital intelligence"), after "no sorry, I meant" too', () => {
    expect(resolveQuestion('no sorry, I meant data centres, not digital intelligence - where does HK rank for those?', history).question).toBe(
      'data centres - where does HK rank for those?',
    );
    // (A Chinese correction keeps it: 「，唔係職位」 sets aside the ask, whose words still find the passage.)
    expect(resolveQuestion('唔好意思，我想問嘅係公司數目嘅增幅，唔係職位。', history).question).toBe('公司數目嘅增幅，唔係職位。');
  });
  it('leaves an apology before a new question alone', () => {
    expect(resolveQuestion('不好意思，數碼港有幾多間公司？', history).question).toContain('數碼港有幾多間公司');
  });
});

describe('a demonstrative after the things it names', () => {
  it('points at them, not back at the conversation', () => {
    expect(pointsBack('那人工智能、量子科技这些基础研究呢？预留了多少？')).toBe(false);
    expect(pointsBack('咁元朗嗰個微電子中心呢？')).toBe(false);
    expect(pointsBack('InnoHK 嗰啲平台喺邊㗎？')).toBe(false);
    expect(pointsBack('這個排名出自哪份報告？')).toBe(true);
    expect(pointsBack('咁嗰個基金有幾多錢？')).toBe(true);
    expect(pointsBack('請問這個排名出自哪份報告？')).toBe(true);
    // A long question without a demonstrative is read in linear time (the first form of this rule backtracked for seconds).
    expect(pointsBack('那个和私人风投基金按配对方式共同投资本地创科初创的政府基金，到2023年3月底投了多少家企业？')).toBe(true);
    expect(pointsBack('政府每年撥給本地國家重點實驗室及相關分中心的經費上限從哪個財政年度開始翻了一番翻倍後是多少')).toBe(false);
  });
});

describe('pointing back', () => {
  it('reads pronouns in either script and in English', () => {
    expect(pointsBack('这个排名是哪家机构发布的？')).toBe(true);
    expect(pointsBack('當中有多少間已經上市？')).toBe(true);
    expect(pointsBack('how many of them are listed?')).toBe(true);
    expect(pointsBack('數碼港有幾多間公司？')).toBe(false);
    // "There" points back at a place: 「那里会有人才住房吗？」 is about the place just named, not a new subject.
    expect(pointsBack('那里会有人才住房吗？')).toBe(true);
    expect(pointsBack('嗰度有幾大？')).toBe(true);
    // A Cantonese classifier opening the question is "the": 「個中心」 is the centre just named (個人 is "personal").
    expect(pointsBack('個中心喺邊區？')).toBe(true);
    expect(pointsBack('個人資料點處理？')).toBe(false);
    // After a verb a demonstrative points back: 「推行這些措施」 are the measures just named.
    expect(pointsBack('推行這些措施總共花了多少公帑？')).toBe(true);
    expect(pointsBack('人工智能、量子科技這些基礎研究有冇資助？')).toBe(false);
    // 「入面」 opening a question is inside the thing just named.
    expect(pointsBack('入面會唔會有宿舍俾搞科研嘅人住？')).toBe(true);
    expect(pointsBack('里面有多少是要跟私人投资一比一配对的？')).toBe(true);
    expect(pointsBack('園區裏面會設研究中心嗎？')).toBe(false);
  });
  it('finds a follow-up written in Simplified script', () => {
    const history = [
      { role: 'user' as const, content: '那世界数字竞争力呢？' },
      { role: 'assistant' as const, content: '香港的世界數碼競爭力排亞太區第3、全球第9[1]。' },
    ];
    expect(resolveFollowUp('这个排名是哪家机构发布的？', history)?.kind).toBe('reference');
  });
});

describe('"both"', () => {
  it('reads the last two subjects as the context', () => {
    const history = [
      { role: 'user' as const, content: 'How many companies are in the Science Park?' },
      { role: 'assistant' as const, content: 'Hong Kong Science Park houses over 1,000 technology companies [1].' },
      { role: 'user' as const, content: 'what about cyberport?' },
      { role: 'assistant' as const, content: 'Cyberport is a creative digital community with over 1,900 start-ups [1].' },
    ];
    const context = resolveFollowUp('are they both being expanded?', history)?.context ?? '';
    expect(context).toContain('Science Park');
    expect(context).toContain('Cyberport');
    expect(resolveFollowUp('are they being expanded?', history)?.context).not.toContain('Science Park');
  });
});

describe('context after a declined reply', () => {
  it('reaches back to the exchange whose subject the declined one was about', () => {
    const history = [
      { role: 'user' as const, content: 'How many startups are at Cyberport?' },
      { role: 'assistant' as const, content: 'Cyberport hosts over 1,900 start-ups and technology companies [1].' },
      { role: 'user' as const, content: 'where is it located exactly?' },
      { role: 'assistant' as const, content: "Sorry, the fact sheet doesn't say." },
    ];
    const f = resolveFollowUp('does it have its own fund for startups?', history);
    expect(f?.context).toContain('Cyberport');
    expect(f?.asked).toBe('where is it located exactly?');
  });
});

describe('openers', () => {
  it('are dropped in either script', () => {
    expect(withoutDiscourse('顺便问下，大湾区青年就业计划面向什么人？')).toBe('大湾区青年就业计划面向什么人？');
    expect(withoutDiscourse('明白。另外想問，數碼港有幾多間公司？')).toBe('數碼港有幾多間公司？');
    // (「好吧」 is one opener: cutting 「好」 alone left 「吧」 as a word of the question.)
    expect(withoutDiscourse('好吧。政府有沒有打算再多建一座？')).toBe('政府有沒有打算再多建一座？');
  });
});

describe('an announced topic change', () => {
  const history = [
    { role: 'user' as const, content: 'What does the Hong Kong Academy of Sciences do?' },
    { role: 'assistant' as const, content: 'It advises the government on research and technology policy [1].' },
  ];
  it('stands alone, pronouns and all', () => {
    expect(resolveQuestion('Separate question - how many Wi-Fi.HK hotspots are there, and are they free?', history)).toEqual({
      question: 'how many Wi-Fi.HK hotspots are there, and are they free?',
      followUp: null,
      standsAlone: true,
    });
    expect(resolveQuestion('轉個話題，虛擬資產嗰份政策宣言係幾時發表㗎？', history).followUp).toBeNull();
  });
});

describe('returning to an earlier subject', () => {
  const history = [
    { role: 'user' as const, content: '數碼港有幾多間公司？' },
    { role: 'assistant' as const, content: '數碼港匯集超過1,900家初創企業和科技公司[1]。' },
    { role: 'user' as const, content: '科學園呢？' },
    { role: 'assistant' as const, content: '香港科學園匯集逾1,000家科技公司[1]。' },
  ];
  it('takes the exchange about that subject as context, not the last one', () => {
    const r = resolveQuestion('返返去頭先數碼港嗰個，佢個投資創業基金投咗幾多間公司？', history);
    expect(r.question).toBe('數碼港嗰個，佢個投資創業基金投咗幾多間公司？');
    expect(r.followUp).toMatchObject({ kind: 'reference', asked: '數碼港有幾多間公司？' });
  });
  it('stands alone when no earlier exchange names it, keeping the subject', () => {
    expect(resolveQuestion('ok and back to Cyberport - is there anything for smart living startups?', history)).toEqual({
      question: 'Cyberport - is there anything for smart living startups?',
      followUp: null,
    });
  });
  it('is not read into "pushed back to 2024"', () => {
    expect(resolveQuestion('Why was the opening pushed back to 2024?', history).question).toBe('Why was the opening pushed back to 2024?');
  });
});

describe('an ellipsis after an unanswered question', () => {
  const history = [
    { role: 'user' as const, content: '现在有几个虚拟资产交易平台拿到牌照了？' },
    { role: 'assistant' as const, content: '已發出兩個虛擬資產交易平台牌照[1]。' },
    { role: 'user' as const, content: '是哪两家？' },
    { role: 'assistant' as const, content: '抱歉，資料單張沒有提及這一點。' },
  ];
  it('repeats the ask of the earlier question it parallels', () => {
    expect(resolveFollowUp('那储值支付工具牌照呢？', history)).toMatchObject({ kind: 'ellipsis', asked: '现在有几个虚拟资产交易平台拿到牌照了？' });
    const contest = [
      { role: 'user' as const, content: '優勝方案的原型有多少人試用過？' },
      { role: 'assistant' as const, content: '試用人數超過 4,260 人[1]。' },
      { role: 'user' as const, content: '第二屆何時舉行？' },
      { role: 'assistant' as const, content: '抱歉，資料單張沒有提及這一點。' },
    ];
    expect(resolveFollowUp('那首屆創意展呢？', contest)).toMatchObject({ kind: 'ellipsis', asked: '第二屆何時舉行？' });
  });

  it('repeats the answered ask when the new subject parallels neither (「每个团队最多能拿多少？」 was of the other scheme)', () => {
    const fund = [
      { role: 'user' as const, content: '产学研1+计划总共有多少钱？' },
      { role: 'assistant' as const, content: '政府預計在 2023 年設立 100 億元的「產學研 1+計劃」[1]。' },
      { role: 'user' as const, content: '每个团队最多能拿多少？' },
      { role: 'assistant' as const, content: '抱歉，資料單張沒有提及這一點。' },
    ];
    expect(resolveFollowUp('那策略性创科基金呢？', fund)).toMatchObject({ kind: 'ellipsis', asked: '产学研1+计划总共有多少钱？' });
  });
});
