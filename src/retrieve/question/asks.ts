/**
 * What a question asks for — a date, a count, an amount of money, a place, a person or body, a rank…
 * — so the answer can be checked for it: a passage about the right subject that lacks the asked-for
 * kind of fact (「微電子研發院何時成立？」 against a passage with no date) does not answer the question.
 * Works on the matching form (normalizeForMatch: HK Traditional, lower case), in written Chinese,
 * Cantonese and English.
 */

export type AskKind = 'date' | 'duration' | 'percent' | 'money' | 'count' | 'size' | 'area' | 'rank' | 'place' | 'who' | 'person' | 'list' | 'rule' | 'activity';

export interface Ask {
  kind: AskKind;
  /**
   * For counts of people or organisations: the classifiers the number must carry (人名位 or 間家所),
   * so 「多少人參加」 is not answered by 「800 間公司」. Absent: any number.
   */
  unit?: string;
  /**
   * For counts: what is counted, as written in the question (「多少根智慧燈柱」 → 智慧燈柱, "how many
   * laboratories" → laboratories). The answering figure must be about it.
   */
  counted?: string;
  /** `counted` and its words and translations, in matching form (set by the answerability check). */
  countedForms?: string[];
  /** What is counted is a thing no document names (set by the answerability check): no figure counts it. */
  unnamed?: boolean;
  /**
   * A bare 「幾多？」 or "how much" names no unit: a sum of money answers it as well as a count
   * (「每間最多攞到幾多？」 → 「最高資助額為 50 萬元」).
   */
  orMoney?: boolean;
  /** For who: the kind of body asked for (「哪幾所大學」, "which universities" → university): a body of another kind does not answer. */
  body?: 'university' | 'company';
  /** For counts: how many more are to come (「未來還會新增幾條」): a count of those there are does not answer it. */
  more?: boolean;
  /** For counts: how many there are so far (「到而家資助咗幾多條」): a target (「目標是…超過 130 條」) does not answer it. */
  sofar?: boolean;
  /** For dates: the day is asked (「哪天」, "what date"): a year alone does not answer it, a month at least must be said. */
  fine?: boolean;
  /** For dates: the date a figure is counted to (「截至甚麼時候」, "as of when"), which 「截至 2022 年 12 月」 states. */
  asOf?: boolean;
  /** The question asks for a limit (「最多」, 「上限」, "at most"): a plain total does not answer it. */
  limit?: boolean;
  /**
   * The question asks how much each one gets (「每個團隊能拿多少錢？」): a sum stated per one (「每所…每年
   * 提供 1,600 萬元」) or a cap answers it, a scheme's total does not.
   */
  perUnit?: boolean;
  /** A level set against another side (「稅率同新加坡比係咪低啲」): the sheet's 「全球稅率最低」 states it too. */
  level?: boolean;
  /** For sums: a monthly amount (「每個月能補貼多少錢？」, "how much a month"): a yearly or one-off sum does not answer it. */
  monthly?: boolean;
  /** For places: where things come from (「來自哪些國家」, "which countries"): countries named, not where something is. */
  origin?: boolean;
  /** …asked as "where do they come from" (「來自邊度」): 「來自全球 11 個經濟體」 says so too. */
  from?: boolean;
  /**
   * For dates: the event asked about (founding, launch, opening, completion, publication, deadline,
   * signing), as words an answering sentence may use for it. 「申請截止日期是何時？」 is not answered
   * by the year a scheme was set up. For sums: an increase (「之後仲會加幾多？」), which a sentence
   * stating what was invested does not answer. For counts of people: attendance (「多少人參加」), which
   * 「試用人數」 does not state.
   */
  event?: string[];
}

/** Events a date question asks about: the question's words for it → the fact sheet's words for it. */
const EVENTS: Array<{ asked: RegExp; stated: string[] }> = [
  // (…or a target "by" a date: 「在 2025 年或之前完成所有…審計」.)
  { asked: /(截止|限期|\bdeadline\b|\bclos(e|ing) date\b)/, stated: ['截止', '限期', '或之前', '前完成', '內完成'] },
  { asked: /(成立|創立|創辦|建立|\bfounded\b|\bestablished\b|\bset up\b|\bcreated\b)/, stated: ['成立', '創立', '創辦', '設立', '建立', '開設', '成為', '啟用'] },
  // A service goes live when it is launched or opens: 「推出一站式「資助易」網上平台」.
  {
    asked: /(上線|\b(go|goes|went|gone|going) live\b)/,
    stated: ['啟用', '推出', '啟動', '投入', '運作', '開放', '開設', '開始', '設立', '實施'],
  },
  // A lab or team starts work when it is set up (「地理空間實驗室於 2021 年 5 月成立」); a building opens when it opens.
  {
    asked: /(開始運作|開始營運|投入運作|\bstart(ed|s)? (operating|operations|work(ing)?)\b|\bbegan (operating|operations|work(ing)?)\b)/,
    stated: ['啟用', '開幕', '開業', '投入', '運作', '開始', '設立', '成立', '開設'],
  },
  {
    asked: /(啟用|開始用|開幕|開業|投入服務|投入運作|投入使用|開始運作|開始營運|入伙|入住|有人住|搬入|搬進|遷入|\bopen(ed|s|ing)?\b|\boperational\b|\bin service\b|\bmov(?:e|es|ed|ing) in(?:to)?\b)/,
    // (A platform starts being used when it is launched: 「於 2022 年 9 月推出一站式「資助易」網上平台」.)
    stated: ['啟用', '開幕', '開業', '落成', '投入', '運作', '開放', '入住', '入伙', '開設', '開始', '設立', '推出'],
  },
  // An exhibition or contest is held: 「首屆「城市創科大挑戰」創意展於 2022年 10 月舉行」.
  { asked: /(舉行|舉辦|\bheld\b|\btak(?:e|es|en|ing) place\b|\btook place\b)/, stated: ['舉行', '舉辦'] },
  // (「公開展示」 is no 開展.)
  {
    asked: /(推出|出台|啟動|(?<!公)開展|推行|實施|有得用|面世|問世|開始使用|開始提供|\blaunch(ed|es)?\b|\bintroduced?\b|\broll(ed)? out\b|\b(became|become|been) available\b)/,
    // (A plan or report is launched when it is published: 「在 2022 年 12 月公布《香港創新科技發展藍圖》」.)
    // (…and a thing starts being used when it is put into use: 「預計於 2024 年啟用」.)
    // (…and from when it is provided: 「港深創科園由 2024 年起提供的創科土地」.)
    stated: ['推出', '出台', '啟動', '開展', '推行', '實施', '設立', '成立', '開始', '發表', '公布', '公佈', '發布', '發佈', '啟用', '起提供', '起開放', '起實施'],
  },
  // (「幾時起好」, 「建好」: Cantonese and colloquial for built.)
  { asked: /(竣工|完工|建成|建好|起好|起成|\bcompleted?\b|\bfinish(ed)?\b|\bbuilt\b)/, stated: ['完成', '竣工', '落成', '建成'] },
  { asked: /(發表|公布|公佈|發布|發佈|\bpublish(ed)?\b|\breleased?\b|\bannounced?\b|\bunveil(ed)?\b)/, stated: ['發表', '公布', '公佈', '發布', '發佈', '推出'] },
  { asked: /(簽署|簽訂|\bsign(ed)?\b)/, stated: ['簽署', '簽訂', '簽'] },
];

// ("when" after another question word or a yes/no opener joins a clause, "…a tax break when they pay…",
// unless it follows and/or, by/until/since or know/tell me.)
const DATE =
  /((哪|邊)(一)?個財政年度|\bwhat (financial|fiscal) year\b|何時|幾時|甚麼時候|什麼時候|啥時候|啥時|咩時候|乜嘢時候|哪一年|哪年|邊一年|邊年|哪個月|邊個月|幾月|何年|何日|幾號|哪一天|哪天|哪幾天|邊幾日|邊日|(?<!^\s*(?:what|which|who|whom|how|where|why|do|does|did|can|could|will|would|should|is|are)\b[^?,;]*?(?<!\b(?:and|or|but|by|until|till|since|know|me))\s)\bwhen\b|\bwhat (year|month|dates?)\b|\bwhich (dates?|days?)\b|\bdeadline\b|\bwhat(?:'s| is| are| was| were) the (?:\w+ )?(dates?|timeline|timetable)\b|\bwhich (year|month)\b|\bsince when\b|\bhow soon\b)/;
const AS_OF_ASKED = /(截至|截止到?)(甚麼|什麼|咩|乜嘢?|幾時|何時|哪)|\bas (of|at) when\b|\bup to when\b|\bas of what date\b/u;
const DURATION = /(多久|幾耐|多長時間|多少年|幾多年|幾年|有效期|年期|\bhow long\b|\bhow many (years|months)\b|\bover what (time ?frame|period)\b|\bwhat (time ?frame|period)\b)/;
// (「按比例共同投資的基金」 says how it invests: 按/以 比例 asks no share.)
const PERCENT =
  /(率[^，,。？?]{0,8}(多少|幾多|幾高)|百分之幾|百分比|幾多成|幾成|多少成|(?<![按以])比例|(?<![按以])比率|(各自?|分別)(出|付|支付|負擔|承擔|俾|畀|給|出資)(了|咗)?(幾多|多少)份?|各佔(幾多|多少)|增幅|升幅|增長了多少|增加了多少|覆蓋(咗|了|到|率)?(全港|香港|本港)?(幾多|多少|幾成|幾廣|多廣|多大|幾大)|\bhow much of (the|hong kong|its|their|our)\b(?!\s*(hk)?\$?\s*\d)|\b(split|shared|divided) between\b|\b(funding|cost|matching|money) split\b|\beach (pay|pays|contribute|contributes|chip in|chips in|put in|puts in)\b|\b(pay|pays|contribute|contributes|chip in|chips in|put in|puts in|cover|covers)\b[^?]{0,20}\b(vs\.?|versus)\s|\b(what|funding|matching|cost[- ]sharing|subsidy) ratio\b|\bwhat (percentage|share|proportion)\b|\b(penetration|adoption|coverage|take-up|uptake|unemployment|survival|failure|success) rates?\b|\bby (roughly |about )?(how much|what percentage)\b|\bpercent(age)?\b)/;
/** A fund or its money: "how big is the pot" asks a sum, not a size. */
const FUND_NOUN = /\b(pot|kitty|war chest|funds?)\b|基金/;
/** Words naming an amount of money: they ask for one only when nothing else is asked (「預算是多少」, not 「撥款從哪年開始」). */
const MONEY_NOUN = /(金額|款額|預算|造價|成本|費用|撥款|經費|資助額|資金規模|投資額|開支|支出|收入|營業額|盈利|利潤|\bbudget\b|\bprice\b|\bfees?\b)/;
const STATED_SUM = /\d\s*(萬|億)?\s*(元|港元)|\$\s*\d|\d+(\.\d+)? ?(million|billion|bn)\b/;
/** Money put in, which a comparison of "more" measures in dollars (私人投資, 資金, "funding"). */
const INVESTED = /(投資|資金|注資|融資|資助|捐款|\b(investment|funding|money|capital)\b)$/u;
/** Sums that are money whatever else the question asks (「每月租金是多少」 is not answered by 「500 個單位」). */
const PRICE_NOUN = /(租金|月租|薪金|薪酬|薪水|人工(?!智能)|工資|月薪|年薪|價錢|價格|售價|收費|學費|獎金|津貼|補貼|\b(rents?|salary|salaries|wages?|stipends?|allowances?|prices?|fees?|prize money)\b)/;

const SIZE = /((?<![哪邊])幾大|多大|\bhow (big|large)\b|\bsize of\b)/;
// (「佔地有幾大」 asks the land it takes: an area, not a count of what it holds.)
const AREA = /(面積|佔地|占地|平方米|平方呎|公頃|\bhectares?\b|\bsquare (metres|meters|feet)\b|\b(floor|land|site|total|gross) (area|space)\b|\bhow much (floor |land )?(area|space)\b)/;
/** A change (上調了多少, "increase by how much") is answered by an amount or a percentage alike. */
const CHANGE = /(上調|下調|調升|調高|調整|提高|增加|減少|削減|增長|上升|下降|升咗|跌咗|追加|加碼|\b(increase|decrease|raise|cut|grow|grew|rise|rose|fall|fell|boost|bump)\w*\b|\btop(s|ped|ping)? (it |them )?up\b)/;
/** 「院長是誰」: a person by role, not the body responsible. */
const ROLE = /(院長|主席|局長|署長|司長|部長|總裁|行政總裁|負責人|創辦人|校長|會長|主管|官員|專員|\b(head|president|chair(man|woman|person)?|director|founder|ceo|secretary|minister|commissioner|officials?)\b)/;
/** A name asked for (「叫咩名」, 「名字是甚麼」, "what's … name"). */
const NAME_ASKED = /(叫(咩|甚麼|什麼|乜嘢?)名|叫做(甚麼|什麼|咩|乜嘢?)|(名字|姓名)(是|係)?(甚麼|什麼|咩|乜嘢?)|\bwhat(?:'s| is| was) (?:the |his |her |their )?[a-z' ]{0,30}\bnames?\b)/;
/** "which official announced it": a person by role, asked with "which". */
const WHICH_PERSON = /\bwhich (officials?|ministers?|secretary|person|people|leaders?|professors?|scientists?)\b/;
/**
 * 「排名第幾」, 「排名如何」, 「邊個排高啲」, "where did HK land", "where is HK on that index": asking the position;
 * 「這個排名出自哪份報告？」 asks about the ranking itself.
 */
const RANK =
  /(第幾|排第|(?<!安)排(名|在|喺)?第?(多少|幾多)(名|位)?|排得?(高|低|前|後)|排(喺|在)(第|前|後)|(?<!(這|那|呢|嗰|該|此)(個|項)?)排名(?!(是|係)?(哪|邊|出自|由))|名次|排行|\brank(ed|ings?|s)?\b(?! (is|was|comes?) (from|published))|\bwhat place\b|\bwhich place\b|\bposition\b|\bwhere (does|did|do|is|was|will) [a-z' -]{1,30}\b(sit|sits|stand|stands|come|comes|fall|falls|placed?)\b(?! from\b)|\bwhere (does|did|do) [a-z' -]{1,30}\bland\s*(in|on|at|worldwide|globally|overall|[?？]|$)|\bwhere (is|was|does|did) [a-z' -]{1,30}\b(on|in) (that|this|it)\s*[?？]?\s*$|\bwhere (is|was|does|did) [a-z' -]{1,30}\b(on|in) the [a-z/ -]{0,40}\b(index|indices|ranking|rankings|league table)\b)/;
const PLACE =
  /(哪裏|哪裡|何處|何地|喺邊(?!(一)?(年|個月|日|天))|邊度(?![嘅的]?[^，,。？?\u4e00-\u9fff]{0,12}(多|少|高|低|大|細|平|貴|好|快|強|勁)[^，,。？?]{0,12}?(啲|過|d|[？?]|$)|[嘅的][\u4e00-\u9fff]{1,4}?(多|少|高|低|大|細|平|貴|好|快|強|勁)(啲|過|d))|在哪(?!(一)?(年|個?月|天|日|時|個財政)|(幾|些|一)?個?(方面|領域|範疇|類|種|樣|點))|位於哪|設於何|設在哪|設於哪|建在哪|地點|選址|地址|(甚麼|什麼|咩|乜嘢?|哪個|哪一個|邊個)地方|^where\b|\bwhere (is|are|was|were|will|would|should|can|do|does|did)\b|\blocated (in|at)\b|\b(the|its|their) location\b(?! data)|(邊|哪)(一)?個?區(?!域)|\bwhich (districts?|areas?|part of(?! (the )?(investhk|invest ?hk|invest hong kong|government|[a-z]+ (department|bureau|office|authority|council|corporation|agency|commission)))|buildings?|sites?)\b|\bheadquarter)/;
/** "where can a fintech firm get help", 「可以去邊度求助」: asking who helps. */
const WHERE_HELP = /(\bwhere (can|could|do|does|should|would|might) [a-z' -]{1,40}?\b(get|find|seek|look for|turn (to )?for) (help|support|advice|assistance|guidance)\b|(去|向|搵|找)(邊度|哪裏|哪裡|邊個|誰)(求助|尋求協助|尋求支援|幫手|幫忙))/u;
/** "where do they come from", 「來自邊度」: where things come from, said by country or by 來自 (「從哪裏來」 may ask by what means). */
const COME_FROM = /(\bwhere (do|does|did|are|were|is) [a-z' -]{1,30}?\b(?:(?:come|comes|coming) )?from\b|來自(哪裏|哪裡|邊度|何處|何方))/u;
/** 「來自哪些國家」, 「邊幾個國家」, "which countries": places, by name. */
const WHICH_COUNTRIES = /((哪些|哪幾個|邊幾個|邊啲|邊個|哪個|甚麼|什麼|咩|(哪|邊)\s*\d+\s*個)(國家|地區|經濟體|城市)|\bwhich (countries|economies|cities|regions)\b|\bwhat countries\b)/;
/** An average asked: 「平均」, "average", "on average", "typical". */
const AVERAGE = /(平均|\baverage\b|\bon average\b|\btypical(ly)?\b|\bmean\b)/;
/** Which of several has the most (「邊間…最多」, "which … the most", "the largest of them"). */
const WHICH_MOST =
  /((邊|哪)(間|個|所|家|一|啲|些|位)?[^，,。？?]{0,12}(最多|最大|最高|最少|最低|最長|最快|最強|最受歡迎)|\bwhich\b[^?.]*\bthe (most|largest|biggest|highest|lowest|fewest|least|best)\b|\bthe (most|largest|biggest|highest) (of|among) (them|those|these)\b)/;

/** 「哪些公司」, "which companies": the bodies themselves are asked for, by name. */
const WHICH_BODIES =
  /((哪|邊)(些|幾|啲|兩|二|2)?(所|間|家|個|支)?(私人|本地|海外|外國|內地|國際|政府)?(公司|企業|機構|銀行|大學|部門|團體|組織|交易所|交易平台|營運者|隊伍|團隊|隊|風投|創投|投資基金|投資者)|(哪|邊)([兩二三四五六七八九十]|\d+)(間|家)(?=[？?，,。]|$)|(公司|企業|機構|銀行|大學|院校)[，,]?[^，,。？?]{0,8}(係|是)?(哪|邊)(幾|兩|些)(間|家|所)?(?=[？?]|$)|\bwhich (two |2 )?([a-z-]+ ){0,2}(companies|firms|start-?ups|organi[sz]ations|bodies|institutions|banks|insurers|universities|departments|agencies|operators|exchanges|platforms|teams|winners)\b|\b(name|list) (the |those |these |some of the )?([a-z-]+ )?(companies|firms|organi[sz]ations|institutions|banks|insurers|universities|operators|exchanges|platforms)\b)/;
/** 「嗰八間虛擬銀行分別叫咩名」, "what are the eight banks called": the names of counted bodies. */
const NAMES_OF_COUNTED =
  /([兩二三四五六七八九十\d]+|幾)(間|家|所)\p{Script=Han}{1,10}?(分別|各自)?(叫|係|是|的名稱是|嘅名係)?(咩|什麼|甚麼|乜嘢?)名|\bwhat are (the )?(\d+|two|three|four|five|six|seven|eight|nine|ten) [a-z -]{2,30}(called|named)\b|\bwhat are (the|their) names\b/u;
/** 「幫邊個」, 「對象是誰」, "who is it for": who benefits, not who runs it. */
const BENEFICIARY = /((幫|資助|支援|協助|惠及|針對|面向|服務)(緊|咗|了)?(邊個|誰|邊啲人|哪些人|甚麼人|咩人)|(針對|面向|惠及|適用於|對象(是|係|為)?)(哪些|哪類|哪種|邊啲|邊類|咩|甚麼|什麼)(企業|公司|機構|人士|行業)|對象(是|係|為)?(誰|邊個|甚麼人|咩人)|\bwho(?:'s|’s| is| are) (?:it|they|this|that|the (?:scheme|programme|program|fund)) (?:for|aimed at|meant for|targeted at|intended for)\b|\bwho (is it for|does it (help|serve|benefit|support|fund|subsidi[sz]e)|can apply|is eligible|(can|could) (get|receive|benefit|use)( (money|funding|funds|grants?|support|subsidies))?( from)? (it|this|that|them|the (fund|scheme|programme|program))\b|gets? (the )?(money|funding|funds|grants?) from)\b|\bwho (?:can|could|may) (?:join|take part|participate|sign up|enrol|enroll|benefit)\b|\bwho benefits?\b|\bwho(?:'s|’s| is| are) (?:the |this |that )[a-z0-9&'’ -]{1,60}? (?:for|aimed at|meant for|targeted at|intended for)\s*[?？]?\s*$)/;
/** How many so far: 「到而家」, 「至今」, "so far", "to date". */
const SO_FAR = /(到而家|到目前為止|至今|迄今|到現在|目前為止|\bso far\b|\bto date\b|\bup to now\b|\bby now\b)/u;
/** How many more are to come: 「未來還會新增幾條」, "how many new … are due". */
// ("How many new businesses have set up" asks how many there are: new ones already here are no more to come.)
const MORE_TO_COME = /(新增|再多|還會|仲會|未來|將會有|\bhow many (more|additional|extra)\b|\bhow many new\b(?![^?]*\b(have|has|had|did|were|was)\b)|\bdue to\b)/u;
/** Whether something is free or charged for (「要俾錢嗎」; not 「用嚟跨境俾錢？」, paying with it). */
const CHARGE_ASKED =
  /(是否免費|係咪免費|免唔免費|免費(的)?(嗎|㗎|呀|嘛)|((要|需要|會|使唔使|使不使)(收費|付費|俾錢|畀錢)|收費)(嗎|㗎|呀|嘛|[？?]|$)|收(唔|不)收(費|錢)|要(唔|不)要(錢|俾錢|收費)|手續費|\bfree (to|of)\b|\bfree\?|\bis (it|there) (a )?(charge|fee)\b|\b(be|get|gets|are|is) charged\b|\bcost anything\b)/u;
/** 「哪天」, 「幾月幾號」, "what date", "which day": a date finer than a year. */
const FINE_DATE = /(哪天|哪一天|邊日|邊一日|幾號|幾月幾|哪一日|具體日期|確實日期|具體(哪|幾|何時)|\bwhat date\b|\bwhen exactly\b|\bexactly when\b|\bwhich day\b|\bexact date\b|\bwhat day\b)/u;
/** 「哪幾所大學」, 「邊間大學」, "which universities": universities by name. */
const WHICH_UNIVERSITIES = /((哪|邊)(些|幾|啲|一)?(所|間|家|個)?(本地|海外|外國|內地)?(大學|院校|高校)|\bwhich (\w+ )?universit(y|ies)\b|\bname the universit)/u;
/** Words of law and regulation, in a question or its translations: what a rule is, not what it is about. */
export const RULE_WORD =
  /(法例|法律|條例|規例|法規|規管|立法|監管|規定|規則|守則|要求|\b(laws?|legislation|regulations?|regulated|regulating|regulatory|rules?|legal|require[sd]?|requirements?)\b)/u;
/** 「哪些公司」, "which companies/firms": companies by name. */
const WHICH_COMPANIES = /((哪|邊)(些|幾|啲|一)?(間|家|個)?(公司|企業)|\bwhich (\w+ )?(companies|firms|startups|start-ups)\b)/u;
/**
 * A question about laws, rules or regulation (a regulator or a sandbox is a thing named, not a rule asked),
 * or about who may apply (「要咩資格」, 「申請條件」, "eligibility"): a rule, which a description does not state.
 */
// ("Trial products under relaxed rules" is the 監管沙盒, asked by who runs it, not by what its rules say.)
const RULE_ASKED = /((咩|甚麼|什麼|乜嘢?|哪些|邊啲|有何)(資格|條件)|申請資格|申請條件|入住資格|\b(eligibility|qualifications)\b|法例|法律|條例|規例|法規|規管|立法|監管(?!機構|局|當局|沙盒)|規則|守則|\b(laws?|legislation|regulations?|regulated|regulating|regulatory(?! sandbox)|(?<!\b(?:relaxed|looser|lighter|eased|loosened|relaxing) )rules|legal)\b)/;
/** What a body works on (「做咩研究」, 「從事哪方面的工作」, "what does it focus on"), not what it is. */
const ACTIVITY_ASKED =
  /((做|從事|進行|專注|負責|主力)(甚麼|什麼|咩|乜嘢?|哪些|哪方面|邊方面|邊啲)(的|嘅)?(研究|工作|範疇|領域|項目)|(哪|邊)(方面|個領域|些領域|啲領域)(的|嘅)?(研究|工作)|\bwhat (?:does|do|did|will) (?:it|they|the [a-z0-9 ]{2,30}?) (?:work on|focus on|research|study|specialise in|specialize in)\b|\bwhat (?:kind of |sort of )?(?:research|work) (?:does|do|is|will)\b)/;
/** "who" asks only as a question word, not as a relative pronoun ("housing for people who work there"). */
const WHO = /(誰|邊個|邊位|專人|人(專門|專責)?負責|負責人|邊一位|何人|哪位|哪一位|(?<![a-z]+ )\bwho\b|\b(and|but|so|then|exactly|by|to|for|of|with|tell me|know) who\b|\bwhom\b)/;
const COMPARATIVE = /(比|相比|較|高啲|多啲|更多|更高|(啲|一些)[？?！!。]?$)/;
/** "Who has more virtual banks, Hong Kong or Singapore?": which side, not a body (a comparison of how many). */
const WHO_MORE = /\bwho(?:'s| has| have| had| is)? (?:got |handed out |issued |approved |licensed |granted )?(?:more|fewer)\b/;
const CLASSIFIERS = '個人名位間家所項宗單隻條支隊座根部套枚架款種類次批張筆份本組輪期屆幢棟層';
const MONEY = new RegExp(String.raw`(幾錢|(攞|拿|獲|收)(到|得)?(多少|幾多)(?![${CLASSIFIERS}])(?=$|[^\p{Script=Han}]|[錢呀啊㗎呢吖喎咩嘅資撥])|(注資|投資|投|注|預留|撥出|撥款|撥|投放|投入|斥資|涉及|花費|花|籌集|批出|資助)(了|咗|咗總共|了總共)?(多少|幾多)(?![${CLASSIFIERS}])|涉資|(多少|幾多)[\p{Script=Han}]{0,4}?(錢(?!包)|款項|款額|人民幣|港元|港幣|美元|資金|經費|資助|津貼|補貼|撥款|獎金|租金|薪金|人工(?!智能)|工資|投資|注資|私人投資)|(多少|幾多)(億|萬)|(多少|幾多) ?(grants?|funding|money|cash|subsid(y|ies)|capital)\b|\bhow much (?:\w+ )?(money|funding|cash|capital|investment|subsidy|allowance|rent)\b|\bwhat(?:'s| is| was) the (?:(?:total|overall|estimated|final) )?(?:[a-z]+ )?(cost|budget|bill|price tag)\b|\bwhat (has|have|did|does|will) .{1,40} cost\b|\bcost of (building|the)\b|\bhow much (does|did|will|would|could|might) (it|that|this|they|these|those) cost\b|\bhow much (did|does|do|has|have|was|were|is|are|will)\b.*\b(cost|invest|inject|pour|spend|spent|raise|receive|get|earmark|allocate|fund|grant|pay)|\bhow much .*\b(invested|injected|poured|spent|raised|earmarked|allocated|granted)\b)`, 'u');
/** "what's the monthly salary", "what is the rent": a sum asked for without "how much". */
const WHAT_PRICE = /\bwhat(?:'s|s| is| was| are| were) (?:the |(?:[a-z]+ ){0,2}[a-z]+['’]s )(?:[\w&]+ ){0,2}(cost|budget|price|fees?|rent|salary|wages?|pay|stipend|allowance|funding|expenditure|spending|amount|sum)\b/;
/** 「頭嗰幾座」, 「呢幾間」 are "the few", not a question. */
const COUNT = new RegExp(`((?<![嗰呢這那頭前首好十])幾多|多少|(?<![嗰呢這那頭前首好十邊哪\\d])幾[${CLASSIFIERS}]|\\bhow many\\b|\\bnumber of\\b|\\bhow much\\b)`);

/** Classifiers after 多少/幾(多), grouped where any member answers any other. */
const PEOPLE = '人名位';
/** 個 too: 「八個虛擬銀行牌照」 answers how many banks hold a licence. */
const ORGANISATIONS = '間家所個';
const CLASSIFIER_AFTER = new RegExp(`(?:多少|幾多|幾)(個|人次|人(?!民)|[${CLASSIFIERS.replace('人', '')}])`);
/** Counted nouns in English, mapped to a classifier class. */
/** "how many" and up to two words before the noun counted, none a verb ("how many services could people use" counts no people). */
const HOW_MANY_OF = String.raw`\bhow many (?:(?!(?:could|can|do|does|did|are|is|were|was|will|would|have|has|had)\b)\w+ ){0,2}`;
/** "how many visitors", "how many local people": people counted. */
const EN_PEOPLE = new RegExp(
  String.raw`${HOW_MANY_OF}(people|persons|attendees|visitors|participants|employees|staff|workers|users|students|researchers|scholars|academics|talents|residents|members|graduates|professionals|engineers|scientists|applicants)\b`,
);
const EN_ORGANISATIONS = new RegExp(
  String.raw`${HOW_MANY_OF}(companies|firms|start-?ups|businesses|enterprises|organisations|organizations|institutions|universities|banks|insurers|exchanges|operators|funds|centres|centers|laboratories|labs|institutes|platforms|tenants)\b`,
);

/** The classifier class a count question asks for, or undefined when any number answers it. */
function countUnit(q: string): string | undefined {
  const m = q.match(CLASSIFIER_AFTER);
  if (m && m[1] !== '個') {
    if (ORGANISATIONS.includes(m[1]!)) return ORGANISATIONS;
    if (m[1] === '人次' || PEOPLE.includes(m[1]!)) return PEOPLE;
    // Other classifiers vary between question and text (幾張牌照 / 八個牌照): any number answers them.
    return undefined;
  }
  // 多少人參加 / 幾多人: a bare 人 after the question word.
  if (/(多少|幾多)(個)?(人(?!民)|市民|學者|大學生|學生|員工|僱員|研究人員|人才)/.test(q)) return PEOPLE;
  if (/(多少|幾多)(個|名|位)?\p{Script=Han}{0,4}(員|者)(?=[？?，,。\s]|$)/u.test(q)) return PEOPLE;
  if (/(多少|幾多)(個)?(公司|企業|機構|初創|大學|院校|銀行)/.test(q)) return ORGANISATIONS;
  if (EN_PEOPLE.test(q)) return PEOPLE;
  if (EN_ORGANISATIONS.test(q)) return ORGANISATIONS;
  return undefined;
}

/**
 * The kinds of fact a (single-part) question asks for. More specific kinds win over a generic count:
 * 「注資了多少」 asks for money, 「增長了多少」 for a percentage, 「多少年」 for a duration. Open
 * questions (what, which, why, yes/no) ask for no particular kind and return [].
 */
export function askedFor(normalizedQuestion: string): Ask[] {
  const q = normalizedQuestion;
  const asks: Ask[] = [];
  if (DATE.test(q)) {
    const event = EVENTS.find((e) => e.asked.test(q));
    // 「這個數字截至甚麼時候？」, "as of when?": the date a figure is counted to, which 「截至…」 states.
    const asOf = AS_OF_ASKED.test(q);
    asks.push({ kind: 'date', ...(asOf ? { asOf: true } : event ? { event: event.stated } : {}), ...(FINE_DATE.test(q) ? { fine: true } : {}) });
  }
  if (DURATION.test(q)) asks.push({ kind: 'duration' });
  // 「邊間大學嘅實驗室最多？」, "which university got the most money": a ranking among them.
  const whichMost = WHICH_MOST.test(q);
  if (RANK.test(q) || whichMost) asks.push({ kind: 'rank' });
  // "Where did it rank" asks for a rank, not a place.
  if (WHICH_COUNTRIES.test(q)) asks.push({ kind: 'place', origin: true });
  else if (COME_FROM.test(q)) asks.push({ kind: 'place', origin: true, from: true });
  // "Where can a firm get help?": from whom, a body, not a place.
  else if (WHERE_HELP.test(q)) asks.push({ kind: 'who' });
  else if (PLACE.test(q) && !asks.some((a) => a.kind === 'rank')) asks.push({ kind: 'place' });
  // 「邊個高啲」 in a comparison means "which one".
  // 「幫邊個？」, 「對象是誰？」 ask who benefits, which the sheet says in words (「香港青年」), not by a body's name.
  const beneficiary = BENEFICIARY.test(q);
  // (「邊間…最多」 asks which one by its rank: a body named without one does not answer it.)
  const person = ROLE.test(q) || WHICH_PERSON.test(q);
  // ("what's the commissioner's name?": the person holding a role, by name.)
  const roleName = ROLE.test(q) && NAME_ASKED.test(q);
  if (!whichMost && (roleName || (WHO.test(q) && !beneficiary && !/邊個(月|年|時|地方|區|行業|範疇|領域|產業|類|種)/.test(q) && !COMPARATIVE.test(q) && !WHO_MORE.test(q)) || (WHICH_BODIES.test(q) && !beneficiary) || NAMES_OF_COUNTED.test(q) || WHICH_PERSON.test(q))) {
    asks.push(
      person ? { kind: 'person' } : WHICH_UNIVERSITIES.test(q) ? { kind: 'who', body: 'university' } : WHICH_COMPANIES.test(q) ? { kind: 'who', body: 'company' } : { kind: 'who' },
    );
  }
  // 「撥款 1 億元開發的平台有甚麼用途？」 states its sum: the word 撥款 does not ask for one.
  const money = MONEY.test(q) || (asks.length === 0 && MONEY_NOUN.test(q) && COUNT.test(q) && !STATED_SUM.test(q) && !CLASSIFIER_AFTER.test(q)) || (PRICE_NOUN.test(q) && COUNT.test(q) && !CLASSIFIER_AFTER.test(q)) || WHAT_PRICE.test(q) || ((MONEY_NOUN.test(q) || FUND_NOUN.test(q)) && SIZE.test(q));
  const specific = AREA.test(q) ? 'area' : CHANGE.test(q) ? null : PERCENT.test(q) ? 'percent' : money ? 'money' : SIZE.test(q) ? 'size' : null;
  if (specific) asks.push({ kind: specific });
  // A count, unless the question word was already read as a duration, percentage or amount.
  const countWord = q.match(COUNT)?.[0];
  const countIsOther = asks.some((a) => ['duration', 'percent', 'money', 'rank', 'area'].includes(a.kind));
  if (countWord && !countIsOther && !(countWord === 'how much' && specific)) {
    const named = countedThing(q);
    // ("how many things can I do on the app": a vague noun says nothing of what a figure must count, though
    // it still asks a count, not a sum.)
    const thing = named?.replace(VAGUE_COUNTED, '') || undefined;
    // 「幾多個研究員」 counts people whatever the classifier.
    const unit = thing && PEOPLE_NOUN.test(thing) ? PEOPLE : countUnit(q);
    // A count of people is checked by its classifier; what else is counted must be specific to check.
    const counted = unit === PEOPLE ? undefined : thing;
    const bare = !unit && !named && !CLASSIFIER_AFTER.test(q) && !/\bhow many\b/.test(q);
    // 「多少人參加」, "how many visitors": attendance, which 「試用人數超過 4,260 人」 does not state.
    // What they came to do, when the question says (「參與試用」), states it too.
    const doing = q.match(/(試用|使用|登記|申請|受惠|\b(tried|tested|used|trial)\b)/)?.[0];
    // (Said of the people counted, in the clause counting them: 「參加「研究人才庫」的機構，每間最多可以聘請幾位」 counts hires.)
    const countingClause = q.split(/[，,；;]/).find((c) => COUNT.test(c)) ?? q;
    // (…and so do bodies taking part, 「有多少間銀行參與？」: 「八個虛擬銀行牌照」 counts licences.)
    const attendance =
      unit === PEOPLE && ATTENDANCE.test(countingClause)
        ? { event: [...ATTENDANCE_STATED, ...(doing ? [DOING_STATED[doing] ?? doing] : [])] }
        : TAKING_PART.test(countingClause)
          ? { event: TAKING_PART_STATED }
          : {};
    asks.push({ kind: 'count', unit, ...(counted ? { counted } : {}), ...(bare ? { orMoney: true } : {}), ...attendance, ...(MORE_TO_COME.test(q) ? { more: true } : SO_FAR.test(q) ? { sofar: true } : {}) });
  }
  // 「香港的初創企業數目與深圳相比，哪一方較多？」 compares how many: the home side's count must be stated.
  if (!asks.some((a) => a.kind === 'count' || a.kind === 'money' || a.kind === 'percent')) {
    const compared = comparedQuantity(q);
    // (More investment, 「邊個帶到多啲私人投資」, is a sum: the sheet gives it in 億元, not as a count.)
    if (compared !== null) asks.push(INVESTED.test(compared) || MONEY_NOUN.test(compared) ? { kind: 'money' } : { kind: 'count', ...(compared ? { counted: compared } : {}) });
    else {
      // 「人工同深圳比邊度高啲？」, "is its unemployment rate higher than Shenzhen's": a figure for the home side.
      const level = comparedLevel(q);
      // A rank compared is answered by the ranks; 「邊度…高啲」 asks which, not where.
      if (level && !asks.some((a) => a.kind === 'rank')) {
        asks.splice(0, asks.length, ...asks.filter((a) => a.kind !== 'place'));
        asks.push(level);
      }
    }
  }
  // 「之後仲會加幾多？」, 「會唔會再加錢？」: a sum added, stated as an increase (「將增資 4 億元」).
  if (MORE_MONEY.test(q)) {
    const sum = asks.find((a) => a.kind === 'money' || (a.kind === 'count' && a.orMoney));
    if (sum) sum.event = INCREASE_STATED;
    else if (!asks.length) asks.push({ kind: 'money', event: INCREASE_STATED });
  }
  // "the average amount", 「平均每間」: a figure stated as an average (「每日平均成交量」), not a total or a cap.
  if (AVERAGE.test(q)) for (const a of asks) if ((a.kind === 'money' || a.kind === 'count') && !a.event) a.event = ['平均'];
  // 「香港對生成式人工智能有甚麼監管規定？」, "is there a cybersecurity law": what the law says, which a
  // sentence stating no rule (a fund, a target) does not answer however much it shares.
  // (A date or sum asked of a regulatory thing, 「監管沙盒是哪一年推出的？」, asks that, not its rules.)
  if (RULE_ASKED.test(q) && asks.length === 0) asks.push({ kind: 'rule' });
  // 「嗰個中心做咩研究？」, "what does it work on?": the work it does, which a sentence saying only
  // when and where it opened does not state.
  if (asks.length === 0 && ACTIVITY_ASKED.test(q)) asks.push({ kind: 'activity' });
  // 「這些熱點都是免費的嗎？」, "is it free?": whether it costs, which only a price stated answers.
  if (asks.length === 0 && CHARGE_ASKED.test(q)) asks.push({ kind: 'money' });
  // 「重點瞄準哪些行業？」, "what kind of companies": the answer names several, in a list.
  if (asks.length === 0 && (LIST.test(q) || WHICH_N.test(q))) asks.push({ kind: 'list' });
  // "what's the max a company can get": an amount that is a limit.
  if (!asks.some((a) => a.kind === 'count' || a.kind === 'money') && WHAT_LIMIT.test(q)) asks.push({ kind: 'count', orMoney: true });
  // 「每家企業最多能拿多少？」 is not answered by the scheme's total budget.
  const limit = LIMIT.test(q) || WHAT_LIMIT.test(q);
  for (const a of asks) {
    if (limit && (a.kind === 'count' || a.kind === 'money')) a.limit = true;
    else if (!limit && PER_UNIT.test(q) && (a.kind === 'money' || (a.kind === 'count' && a.orMoney))) a.perUnit = true;
    if (MONTHLY.test(q) && (a.kind === 'money' || (a.kind === 'count' && a.orMoney))) a.monthly = true;
  }
  return asks;
}

/** Asking how many came to something. */
const ATTENDANCE = /(參加|參與|出席|參觀|入場|觀眾|到訪|與會|\b(attend(ed|ees?|ance|ing)?|visit(ed|ors?)|went to|turn(ed)? out|turnout|participants?|took part)\b)/;
/** Bodies taking part in something (「有多少間銀行參與」, "how many banks take part"). */
const TAKING_PART = /(參與|參加|加入|\b(take|took|taking) part\b|\bparticipat\w*|\bjoin(ed)?\b)/;
const TAKING_PART_STATED = ['參與', '參加', '加入', '合作', '伙伴', '夥伴', '匯聚', '匯集', '進駐', '參賽'];
/** How the sheet would state attendance. */
const ATTENDANCE_STATED = ['參加', '參與', '出席', '參觀', '入場', '觀眾', '人次', '到訪', '訪客', '與會'];

const DOING_STATED: Record<string, string> = { tried: '試用', tested: '試用', trial: '試用', used: '使用' };

/** Asking for money added to what there was (not 「再加上」, "and besides"). */
const MORE_MONEY = /(再加(?!上)|加多|加幾多|加多少|漲多少|漲了多少|漲幾多|加咗幾多|加了多少|增加了多少|增加咗幾多|加錢|再注資|追加|再投入|再撥|增資|\b(how much more|top(ped|s)? up|inject(ed|ing)? more|add(ed|ing)? more|put(ting)? (in )?more|more money|extra money)\b)/;
/** How the sheet states money added. */
const INCREASE_STATED = ['增資', '再注資', '增撥', '增加', '倍增', '額外', '追加', '再投放'];

const LIST =
  /((哪些|哪幾|哪幾類|邊啲|邊幾類)(行業|範疇|領域|產業|類型|種類|類別|技術)|(甚麼|什麼|咩)(行業|產業|類型|種類|類別|類|樣的?企業|企業|公司)|(哪些|哪幾|邊啲|邊幾)(計劃|項目|措施|租戶|租户)|\b(which|what) (industries|sectors|fields|areas|(?:kinds?|types?|sorts?) of (?=[a-z]+[^s]s\b)|technologies)\b)/;
/** 「每所」, 「每個」: each one, by its classifier. */
export const EACH_ONE = '每[個間家所名位隊宗項支條]';
/** 「每個團隊能拿多少」, 「每所大學每年可獲多少」, "how much does each school get". */
const PER_UNIT = new RegExp(String.raw`(${EACH_ONE}\p{Script=Han}{0,6}?(能|可|會|可以|能夠)?(拿|攞|獲|得到|收到|分到|領取)|${EACH_ONE}\p{Script=Han}{1,6}?(的|嘅)?(經費|資助額|撥款)|\beach (one|school|company|firm|team|university|start-?up|applicant)\b|\bcan (a|an|one) [a-z-]+(?: [a-z-]+)? (get|receive|claim|apply for)\b|\bper (company|firm|school|team|start-?up|project|applicant)\b)`, 'u');
/** 「每個月」, "a month": a sum asked by the month. */
const MONTHLY = /(每個?月|一個月|按月|\b(per|a|each) month\b|\bmonthly\b)/u;
/** "what's the max a company can get", "the biggest grant a start-up can get". */
const WHAT_LIMIT = /\bwhat(?:'s|s| is| was)? the (max|maximum|most|highest|cap|ceiling|limit|minimum)\b|\b(biggest|largest) (possible )?(grants?|subsid(y|ies)|amount|sum|award|payout)\b/;
/** 「哪三間大學」, "which 11 economies": the things themselves, by name, three or more (a list). */
const WHICH_N = /((哪|邊)([三四五六七八九十]|\d+)(間|家|所|個|位|名)|\bwhich (\d+|three|four|five|six|seven|eight|nine|ten) [a-z]+)/;
const LIMIT = /(最多|最高|上限|最少|至少|最低|\bhow much (can|could) (they|i|we|you|a company|a firm|a start-?up|each( one)?|one) (get|receive|claim|apply for)\b|\bmax(imum)?\b|(?<!\b(sign(ed|s|ing)?|set|sets|setting|built|came|come|coming|add(ed|s)?|lead(s|ing)?|led|live[ds]?|liv(ing)?|catch(ing)?|caught|keep(ing)?|kept|end(ed|s)?|open(ed|s)?|put) )\bup to\b(?! (the )?(end|start|beginning|middle|now|date|today|this|last|(19|20)\d{2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|\bat (most|least)\b|\bminimum\b|\bceiling\b|\bcap\b)/;

/** Asking which of two has more (「哪一方較多」, 「多還是少」, "more or fewer"). */
const MORE_OR_FEWER =
  new RegExp(String.raw`(較多|較少|更多|更少|多啲|少啲|多過|少過|孰多|孰少|多還是少|多定少|多了還是少了|增加了還是減少了|差多少|相差多少|差幾多|差幾遠|相差幾遠|多咗定少咗|邊個多|哪個多|誰多|\bmore or (fewer|less)\b|\b(more|fewer) [a-z -]{2,30} than\b|\bwhich (has|have|had) more\b|${WHO_MORE.source})`);
const COMPARES = /(相比|比較|對比|比起|\bcompare)/;
/** Two things set side by side (「香港同深圳」, 「比 2022 年」, "than Singapore"). */
const TWO_SIDES = /(比|同|與|和|跟|及|還是|定|\bthan\b|\bcompare|\bvs\.?\b|\bversus\b|\bor\b)/;
/** The noun whose number is compared: before 數目/數量 (「初創企業數目」), or after 多啲/更多 (「多啲獨角獸公司」). */
const COMPARED_NOUN = /([\p{Script=Han}]{2,10})(數目|數量|人數|總數)|(?:多啲|更多|較多)([\p{Script=Han}]{2,8})|\bnumber of ((?:[a-z][a-z-]*\s+){0,2}?[a-z][a-z-]*?s)\b|\b(?:more|fewer) ((?:[a-z][a-z-]*\s+){0,1}?[a-z][a-z-]*?s) than\b|\b(?:more|fewer) ((?:[a-z][a-z-]*\s+){0,2}?[a-z][a-z-]*?s)(?=\s*[,:?]|\s+(?:in|at|between)\b)/u;

/**
 * A comparison of quantities: '' when no noun is named, the noun when one is, null when the question
 * compares no quantity (「邊個高啲」 may compare anything).
 */
function comparedQuantity(q: string): string | null {
  if (!TWO_SIDES.test(q)) return null;
  const m = q.match(COMPARED_NOUN);
  if (!m) return null;
  // 「虛擬銀行數量相比怎麼樣？」 compares how many without saying "more": the noun says it is a number.
  if (!MORE_OR_FEWER.test(q) && !(COMPARES.test(q) && (m[2] || m[4]))) return null;
  if (m[4] ?? m[5] ?? m[6]) return (m[4] ?? m[5] ?? m[6])!;
  // 「香港的初創企業」: the noun after the last possessive, without the region.
  const noun = (m[1] ?? m[3]!).split(/[的嘅之]/).pop()!.replace(/^(香港|本港|內地|深圳|新加坡)/, '').replace(/(公司|企業)?(邊度|哪裏|嗎|呢).*$/, '$1');
  return noun.length >= 2 ? noun : '';
}

/** Asking which of two is higher or lower (「邊度高啲」, 「哪個更高」, "higher or lower than"). */
const HIGHER_OR_LOWER = /(更高|較高|高啲|高過|更低|較低|低啲|低過|高還是低|高定低|(邊度|邊個|邊間|哪個|哪裏|哪裡|哪邊)(比較|較|更)?(高|低)(?=[？?]|$)|\b(higher|lower)\b)/;
/** A rate set against the other side (「覆蓋率比南韓高」). */
const RATE_COMPARED = /(率|比例|比率|百分比)\s*(比|同|與|和|跟)/u;
/** What is compared, before the other side (「科技行業的失業率和深圳比」 → 失業率). */
const COMPARED_ATTRIBUTE = /([\p{Script=Han}]{2,12})(?:同|與|和|跟)[\p{Script=Han}]{1,8}(?:相比|比較|比)/u;

/**
 * A comparison of levels: a percentage for a rate (失業率), otherwise a figure of any kind (人工, 開支),
 * which the home side's answer must state. Null when the question compares no level.
 */
function comparedLevel(q: string): Ask | null {
  if (!HIGHER_OR_LOWER.test(q) || !TWO_SIDES.test(q.replace(HIGHER_OR_LOWER, ''))) return null;
  const noun = q.match(COMPARED_ATTRIBUTE)?.[1]?.split(/[的嘅之，,]/).pop() ?? '';
  // (…or set straight against the other side: 「覆蓋率比南韓高還是低」.)
  if (/(率|比例|比率|百分比)$/.test(noun) || RATE_COMPARED.test(q) || /\b(rate|share|percentage|proportion)\b/.test(q)) return { kind: 'percent', level: true };
  // 「人工同深圳比邊度高」: a salary or price compared is a sum of its own kind (a budget does not answer it).
  if (PRICE_NOUN.test(q)) return { kind: 'money', level: true };
  return { kind: 'count', orMoney: true, level: true };
}

/** A noun for people (研究員, "staff"): counted by its classifier, never the subject a count is of. */
export const PEOPLE_NOUN = /(員|者|人才|市民|居民|學生|大學生|畢業生|旅客|遊客|用戶|會員|\b(?:staff|employees|workers|people|persons|researchers|students|graduates|users|members|residents|visitors))$/u;

/** Words that end what is counted: verbs, particles and question words after the noun. */
const COUNTED_END = /[？?，,。、的嘅在於喺係是為有可能會已將被由從向讓令給曾正仲都亦也就而及和與同並嚟來]|參加|參與|加入|獲|受|提供|投資|成立|設立|使用|登記|批出|申請|運作|營運|進駐|入駐|落戶|匯集/u;
const EN_COUNTED = /\b(?:how many|number of) ((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)/;
/** Words that end a noun phrase: what follows them is no part of the thing counted. */
const EN_PHRASE_END = /^(has|have|had|is|are|was|were|do|does|did|will|would|can|could|should|may|might|it|they|there|in|on|at|of|for|to|by|with|from|and|or|the|a|an|this|that|these|those)$/;

/** Nouns that count nothing in particular: "things", 「東西」. */
const VAGUE_COUNTED = /^(?:(?:different|other|various|many|more)\s+)?(?:things|stuff|items|ones|bits)$|^(?:東西|嘢|樣嘢|事情)$/u;

/**
 * The plural counted after "how many" or "number of", with up to two words before it, before a verb or
 * preposition: the first word ending in s and any such words after it ("the number of FPS accounts"
 * counts accounts, though "fps" ends in s; "how many shops accept FPS" counts shops).
 */
function englishCounted(q: string): string | undefined {
  const m = q.match(EN_COUNTED);
  if (!m) return undefined;
  const words = m[1]!.trim().split(/\s+/);
  const end = words.findIndex((w) => EN_PHRASE_END.test(w));
  const phrase = end < 0 ? words : words.slice(0, end);
  let last = phrase.findIndex((w) => /s$/.test(w));
  if (last < 0) return undefined;
  while (last + 1 < phrase.length && /s$/.test(phrase[last + 1]!)) last++;
  return phrase.slice(0, last + 1).join(' ');
}

/** 「X一共裝了多少根」: the thing, the verb putting it up, the count word and its classifier at the end (「科學園有幾多間」 counts what 科學園 has, not 科學園). */
const COUNTED_BEFORE = new RegExp(`([\\p{Script=Han}a-z0-9.-]{2,12}?)(?:一共|總共|合共|共|而家|現時|目前)*(?:裝|安裝|裝設|設置|建|興建|起)(?:了|咗)?(?:多少|幾多)[${CLASSIFIERS}][？?]?$`, 'u');
/**
 * What a count question counts: the noun after 多少/幾多 and a classifier (「多少根智慧燈柱」), or the
 * plural after "how many". Undefined for people and organisations (their classifiers say enough) and
 * when no noun follows (「有多少？」).
 */
function countedThing(q: string): string | undefined {
  const en = englishCounted(q);
  if (en) return en;
  // 「幾多個 Wi-Fi.HK 熱點」: the noun may follow a space; 「幾多個」 itself is no noun.
  const m = q.match(new RegExp(`(?:多少|幾多|幾)(?:個|[${CLASSIFIERS}])?\\s*((?![多個])[\\p{Script=Han}a-z0-9.+-][\\p{Script=Han}a-z0-9.+\\s-]{1,14})`, 'u'));
  // 「智慧燈柱一共裝了多少根？」: the counted thing before the verb, when nothing follows the classifier.
  if (!m) return q.replace(/\s+/g, '').match(COUNTED_BEFORE)?.[1]!.split(/[的嘅之]/u).pop()?.replace(/^(香港|全港|本港)/u, '') || undefined;
  const end = m[1]!.search(COUNTED_END);
  const noun = end < 0 ? m[1]! : m[1]!.slice(0, end);
  return noun.length >= 2 ? noun : undefined;
}
