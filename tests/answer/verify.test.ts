import { describe, expect, it } from 'vitest';
import { verifyAnswer } from '../../src/answer/verify.js';

describe('LLM answer verification', () => {
  const passages = ['數碼港匯集超過 1,900 家初創企業和科技公司。', '香港科學園匯集逾 1,000 家科技公司。'];
  it('accepts cited numbers that appear in the cited passage', () => {
    expect(verifyAnswer('數碼港匯集超過1,900家初創企業。[1]', passages)).toEqual({ ok: true, markers: [1] });
  });
  it('rejects a number the cited passages do not contain', () => {
    expect(verifyAnswer('數碼港匯集超過 2,500 家初創企業。[1]', passages)).toMatchObject({ ok: false });
    expect(verifyAnswer('科學園有 1,900 家公司。[2]', passages)).toMatchObject({ ok: false });
  });
  it('rejects missing or out-of-range markers', () => {
    expect(verifyAnswer('數碼港有很多公司。', passages)).toMatchObject({ ok: false });
    expect(verifyAnswer('數碼港匯集超過 1,900 家。[3]', passages)).toMatchObject({ ok: false });
  });
});
