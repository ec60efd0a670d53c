import { describe, expect, it } from 'vitest';
import { ASK_NOUN, hasQuestionWord } from '../../../src/retrieve/question/question-words.js';

describe('question words', () => {
  it.each(['研究預計何時完成？', '政府會否研究？', '共有幾所？', '什么时候成立的？', '咁保險業嘅開放API搞成點？', '佢有冇資助？', '那麼政府在人工智能超算中心方面有何計劃？', '仲使唔使公司請返本地人？', '科技園喺大灣區開咗邊兩樣新嘢？', '咁再工業化及科技培訓計劃又係點資助？', '生命健康嗰 100 億會點分？', 'which companies got them?', '新蓋的大廈是不是一定要留位置？', '政府會不會再加？', '能不能運到香港？', 'whats the data technology hub in TKO for'])(
    '%s asks something',
    (q) => expect(hasQuestionWord(q)).toBe(true),
  );
  it.each(['那數碼港呢？', '紅杉呢？', 'the Innovation and Technology Venture Fund, the government one', '在香港科學園旁邊', '科技園係重點項目之一'])(
    '%s asks nothing of its own',
    (q) => expect(hasQuestionWord(q)).toBe(false),
  );
  it.each(['金額', '總金額', '總人數', '日期', 'budget', '用途', '資助對象'])('%s only names the kind of fact asked', (w) => expect(ASK_NOUN.test(w)).toBe(true));
  it.each(['總部', '商業數據通', '資金'])('%s names a thing', (w) => expect(ASK_NOUN.test(w)).toBe(false));
});
