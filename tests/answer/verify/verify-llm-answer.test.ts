/**
 * The entry: verifyLlmAnswer on the false accepts reported in issue 9, each served before with a
 * real citation to the Cyberport passage, plus the API src/answer/verify.ts keeps for its callers.
 */
import { describe, expect, it } from 'vitest';
import { verifyLlmAnswer } from '../../../src/answer/verify/index.js';
import { factSheetPassages, projectPromptTexts } from './suite.js';

const passages = [...factSheetPassages().values()];
const passage = (needle: string) => passages.find((p) => p.text.includes(needle))!.text;
const CYBERPORT = passage('匯集超過 1,900 家');
const SCIENCE_PARK = passage('匯集逾 1,000 家');
const opts = { prompts: projectPromptTexts(), allowedLinkHosts: ['www.gov.hk'] };
const verify = (answer: string, given = [CYBERPORT]) => verifyLlmAnswer(answer, given, opts);

describe('verifyLlmAnswer: the false accepts of issue 9 are rejected', () => {
  it.each([
    ['190 for 1,900', '數碼港是一個深具創意的數碼社區，匯集超過 190 家初創企業和科技公司。[1]', 'numbers'],
    ['Chinese-numeral inflation', '數碼港是一個深具創意的數碼社區，匯集超過一萬家初創企業和科技公司。[1]', 'numbers'],
    ['a claim with no digits', '數碼港已於去年關閉。[1]', 'claims'],
    ['an uncited invented sentence', '數碼港匯集超過 1,900 家初創企業和科技公司。[1] 它亦是全港最大的科技園區。', 'citation'],
    ['the system prompt echoed', 'You are the question-answering assistant of a Hong Kong government FAQ page about innovation and technology. [1]', 'prompt-echo'],
  ])('%s', (_, answer, check) => {
    expect(verify(answer)).toMatchObject({ ok: false, check });
  });

  it('serves raw <script>, javascript: and off-site links only sanitised', () => {
    const v = verify('數碼港匯集超過 1,900 家初創企業和科技公司，詳見[網站](https://evil.example.com)及[這裏](javascript:alert(1))。[1]<script>alert(1)</script>');
    expect(v).toEqual({ ok: true, answer: '數碼港匯集超過 1,900 家初創企業和科技公司，詳見網站及這裏。[1]', markers: [1] });
  });
});

describe('verifyLlmAnswer: faithful answers pass', () => {
  it.each([
    '數碼港是一個深具創意的數碼社區，匯集超過 1,900 家初創企業和科技公司。[1]',
    '数码港汇集了超过1,900家初创企业和科技公司。[1]',
    'Cyberport is a creative digital community with more than 1,900 start-ups and technology companies. [1]',
    '數碼港匯集超過一千九百家初創企業和科技公司。[1]',
  ])('%s', (answer) => {
    expect(verify(answer)).toEqual({ ok: true, answer, markers: [1] });
  });

  it('checks each sentence against the passages it cites', () => {
    const answer = '香港科學園匯集逾 1,000 家科技公司。[2] 數碼港匯集超過 1,900 家初創企業和科技公司。[1]';
    expect(verify(answer, [CYBERPORT, SCIENCE_PARK])).toEqual({ ok: true, answer, markers: [2, 1] });
    expect(verify('香港科學園匯集逾 1,900 家科技公司。[2]', [CYBERPORT, SCIENCE_PARK])).toMatchObject({ ok: false, check: 'numbers' });
  });

  it('rejects missing and out-of-range markers', () => {
    expect(verify('數碼港匯集超過 1,900 家初創企業和科技公司。')).toMatchObject({ ok: false, check: 'markers' });
    expect(verify('數碼港匯集超過 1,900 家初創企業和科技公司。[2]')).toMatchObject({ ok: false, check: 'markers' });
  });
});
