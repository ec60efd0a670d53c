import { describe, expect, it } from 'vitest';
import { unsupportedClaims } from '../../../src/answer/verify/claims.js';
import { citedText } from '../../../src/answer/verify/match-text.js';

const claims = (sentence: string, passage: string, english = false) => unsupportedClaims(sentence, citedText([passage]), english).map((c) => c.word);
const CYBERPORT = '數碼港是一個深具創意的數碼社區，匯集超過 1,900 家初創企業和科技公司。';

describe('unsupportedClaims', () => {
  it('rejects negation, closure and superlatives the passage does not state', () => {
    expect(claims('數碼港已於去年關閉。', CYBERPORT)).toEqual(expect.arrayContaining(['關閉', '去年']));
    expect(claims('數碼港是香港最大的科技園區。', CYBERPORT)).toEqual(['最大']);
    expect(claims('數碼港沒有初創企業。', CYBERPORT)).toEqual(['沒有']);
    expect(claims('Cyberport was closed last year.', CYBERPORT, true)).toEqual(['closed', 'last year']);
    expect(claims('Cyberport is the only digital community.', CYBERPORT, true)).toEqual(['only']);
    expect(claims('Cyberport offers free office space.', CYBERPORT, true)).toEqual(['free']);
  });

  it('accepts such words when the passage has them', () => {
    expect(claims('全球稅率最低的數據中心市場。', '全球稅率最低的數據中心市場（戴德梁行）。')).toEqual([]);
    expect(claims('Hong Kong has the lowest tax rate for data centres.', '全球稅率最低的數據中心市場。', true)).toEqual([]);
    expect(claims('Hong Kong has the highest tax rate for data centres.', '全球稅率最低的數據中心市場。', true)).toEqual(['highest']);
    expect(claims('no fewer than 100 teams', '資助不少於 100 支大學研發團隊', true)).toEqual([]);
    expect(claims('funding at least 100 teams', '資助不少於 100 支大學研發團隊', true)).toEqual([]);
  });

  it('does not mistake words that merely contain a negating character', () => {
    expect(claims('Hong Kong Science Park provides one-stop support services.', '提供基礎設施和一站式支援服務。', true)).toEqual([]);
    expect(claims('支援不同發展階段的創科企業。', '支援不同發展階段的創科企業。')).toEqual([]);
  });

  it('rejects a sentence that repeats what a passage negates without the negation', () => {
    const passage = '「科技人才入境計劃」提供快速處理安排，撤銷聘用本地僱員的要求、延長配額有效期至兩年。';
    expect(claims('「科技人才入境計劃」要求僱主優先聘用本地僱員。', passage)).toHaveLength(1);
    expect(claims('「科技人才入境計劃」撤銷了聘用本地僱員的要求。', passage)).toEqual([]);
    // 不少於 means "at least": dropping it is no reversal.
    expect(claims('以配對形式資助至少 100 支大學研發團隊。', '以配對形式資助不少於 100 支有潛質的大學研發團隊。')).toEqual([]);
  });
});
