import { describe, expect, it } from 'vitest';
import { openingName } from '../../src/answer/described-name.js';

describe('the name a describing sentence opens with', () => {
  it.each([
    ['科技券資助本地企業和機構使用科技服務及方案，以提高生產力。', '科技券'],
    ['「科技券」計劃獲業界的廣泛支持，出台至今已批出超過 2 萬１千宗申請。', '科技券'],
    ['數碼港是一個深具創意的數碼社區，匯集超過 1,900 家初創企業和科技公司。', '數碼港'],
  ])('%s opens with %s', (sentence, name) => {
    expect(openingName(sentence)).toBe(name);
  });

  it.each([['香港特區政府在 2022 年 12 月公布《香港創新科技發展藍圖》。'], ['政府推出的 20 億元創科創投基金，以配對形式…'], ['為協助企業更好發展數碼配套和升級轉型，…']])(
    '%s opens with no one thing (the home region, the government, a purpose)',
    (sentence) => {
      expect(openingName(sentence)).toBeUndefined();
    },
  );
});
