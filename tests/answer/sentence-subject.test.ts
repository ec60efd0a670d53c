import { describe, expect, it } from 'vitest';
import { isAboutOther, subjectTerms } from '../../src/answer/sentence-subject.js';
import { normalizeForMatch } from '../../src/text/normalize.js';

const about = (sentence: string, question: string) => {
  const asked = normalizeForMatch(question);
  return isAboutOther(normalizeForMatch(sentence), subjectTerms(asked), asked);
};
/** As answerability asks it: with the question's own words, which tell the place it names. */
const aboutAsked = (sentence: string, question: string) => {
  const asked = normalizeForMatch(question);
  return isAboutOther(normalizeForMatch(sentence), subjectTerms(asked), asked, asked);
};

describe('what a sentence is about', () => {
  it('reads the things a text names, as jieba cuts them, without the home region', () => {
    expect(subjectTerms(normalizeForMatch('人工智能超算中心會起喺邊度？'))).toContain('超算中心');
    expect(subjectTerms(normalizeForMatch('位於將軍澳創新園的先進製造業中心已於 2022 年啟用'))).toEqual(expect.arrayContaining(['將軍澳創新園', '先進製造業中心']));
    expect(subjectTerms(normalizeForMatch('「InnoHK 創新香港研發平台」位於香港科學園'))).toContain('innohk創新香港研發平台');
    // A document's title is one thing, the agreement, not the centre it speaks of.
    const agreement = subjectTerms(normalizeForMatch('2023 年 3 月，科技部與香港特區政府簽署《內地與香港關於加快建設香港國際創新科技中心的安排》。'));
    expect(agreement).toEqual(['內地與香港關於加快建設香港國際創新科技中心的安排']);
  });

  it('a sentence naming another thing and not the asked one is about the other', () => {
    expect(about('「InnoHK 創新香港研發平台」位於香港科學園，首兩個創新平台分別為專注醫療科技的「Health@InnoHK」。', '人工智能超算中心會起喺邊度？')).toBe(true);
  });

  it('a sentence naming the asked thing, its distinctive part or a short form of it is about it', () => {
    expect(about('科技園公司正於元朗創新園發展微電子中心，預計於 2024 年啟用。', '我說的是元朗那個微電子中心，甚麼時候啟用？')).toBe(false);
    expect(about('政府會就建立人工智能超算中心進行可行性研究，並在 2023/24 年度完成。', '當局有否研究興建人工智能超級運算中心？')).toBe(false);
  });

  it('facilities told apart by their district alone are different things (將軍澳創新園, 元朗創新園)', () => {
    expect(about('位於將軍澳創新園的先進製造業中心已於 2022 年啟用，提供約 108,600 平方米樓面面積。', '元朗創新園的微電子中心樓面面積有多大？')).toBe(true);
  });

  it('the documents\' topic words (科技 of 科技園公司 and of 數據科技) do not make another thing the asked one', () => {
    const amc = '位於將軍澳創新園的先進製造業中心已於 2022 年啟用，科技園公司正就興建第二個先進製造業中心進行可行性研究。';
    expect(about(amc, '將軍澳個數據技術中心係做咩㗎？位於將軍澳的數據技術中心已啟用，提供為數據科技和電訊服務業特別設計的基礎設施。')).toBe(true);
    expect(about(amc, '科技園公司幾時開始興建第二個？')).toBe(false);
  });

  it('a sentence naming the asked thing only as the place of another is about the other', () => {
    const karolinska = '瑞典卡羅琳醫學院於 2016年在香港科學園設立研究中心，加強再生醫學研究。';
    const innocell = '在香港科學園旁興建的創新斗室，提供約 500 個住宿單位，獲接納申請的住戶於 2021 年 6 月中起陸續入住。';
    expect(aboutAsked(karolinska, '科學園係幾時開幕㗎？')).toBe(true);
    expect(aboutAsked(innocell, '香港科學園是在哪一年開幕的？')).toBe(true);
    // …unless the question too names it as the place of what it asks about.
    expect(aboutAsked(innocell, '在科學園旁的創新斗室幾時有人入住？')).toBe(false);
    // (…or as what the thing asked about is beside: 「科學園旁邊的創新斗室」.)
    expect(aboutAsked(innocell, '科學園旁邊的創新斗室什麼時候開始有人入住？')).toBe(false);
    expect(aboutAsked(innocell, '科學園附近嗰個創新斗室幾時有人入住？')).toBe(false);
    // A sentence that names it as its subject is about it.
    expect(aboutAsked('香港科學園匯集逾 1,000 家科技公司。', '香港科學園是在哪一年開幕的？')).toBe(false);
  });

  it('a bare 「中心」 names no one centre, and Latin letters share no word with the question', () => {
    expect(subjectTerms(normalizeForMatch('中心打算建在哪里？'))).toEqual([]);
    // Words parted by a space (a question's expansions, 「企業 公司」) make no 企業公司.
    expect(subjectTerms('發展 初創企業 企業 公司 科技')).toEqual([]);
    const innohk = '「InnoHK 創新香港研發平台」位於香港科學園，以及專注人工智能及機械人科技的「AIR@InnoHK」。';
    expect(about(innohk, 'AI 超算中心將來會起喺邊度？')).toBe(true);
  });

  it('a sentence naming nothing (「計劃自 2023 年 4 月起增加資助」) may be about anything', () => {
    expect(about('計劃自 2023 年 4 月起增加資助約 10%。', '研究人才庫的資助何時增加？')).toBe(false);
  });
});
