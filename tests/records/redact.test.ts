import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../src/records/redact.js';

describe('redactPersonalData', () => {
  it.each([
    ['我的身份證號碼是A123456(7)，可以查詢嗎？', '我的身份證號碼是[HKID]，可以查詢嗎？'],
    ['HKID: AB 987654 (A) please', 'HKID: [HKID] please'],
    ['身份證 Z6834725 遺失', '身份證 [HKID] 遺失'],
    ['my id is c668668(e)? no: c668668(a)', 'my id is c668668(e)? no: [HKID]'],
    ['請致電 9123 4567 找我', '請致電 [PHONE] 找我'],
    ['打俾我91234567啦', '打俾我[PHONE]啦'],
    ['call +852 2345-6789 or (852) 3123 4567 or 852-61234567', 'call [PHONE] or [PHONE] or [PHONE]'],
    ['內地手機 +86 138 0013 8000', '內地手機 [PHONE]'],
    ['UK +44 (20) 7946-0958.', 'UK [PHONE].'],
    ['請電郵至chan.tai-man+faq@example.gov.hk查詢', '請電郵至[EMAIL]查詢'],
    ['Mail A.B@mail.example.co.uk, thanks', 'Mail [EMAIL], thanks'],
    ['reach me at 12345678@qq.com or 98765432', 'reach me at [EMAIL] or [PHONE]'],
  ])('%s', (input, expected) => {
    expect(redactPersonalData(input).text).toBe(expected);
  });

  it('leaves the facts people ask about alone', () => {
    for (const q of [
      '香港有多少個Wi-Fi熱點？大約47,000個嗎？',
      '轉數快有1,193 萬個帳戶登記',
      '2023年6月30日更新的資料',
      'InnoHK 有 28 所研發實驗室，投資 100 億元',
      'How many of the 1,900 start-ups at Cyberport?',
      '科學園 12345 平方米',
      'Is 5G coverage above 90%?',
    ]) {
      expect(redactPersonalData(q)).toEqual({ text: q, counts: { email: 0, hkid: 0, phone: 0 } });
    }
  });

  it('counts what it removed', () => {
    expect(redactPersonalData('A123456(7) 9123 4567 a@b.hk 6123-4567').counts).toEqual({ email: 1, hkid: 1, phone: 2 });
  });
});
