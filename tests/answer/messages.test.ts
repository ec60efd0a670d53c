import { describe, expect, it } from 'vitest';
import { ASK_LABELS } from '../../src/answer/evidence.js';
import { factMissingMessage } from '../../src/answer/messages.js';

describe('declining a fact the sheet does not state', () => {
  it('names the missing fact as a reader would say it, in the question\'s language', () => {
    const en = (...kinds: Array<keyof typeof ASK_LABELS>) => factMissingMessage(kinds.map((k) => ASK_LABELS[k].en), 'en');
    expect(en('who')).toBe('Sorry, the fact sheet mentions this but does not say who is responsible.');
    expect(en('duration')).toBe('Sorry, the fact sheet mentions this but does not say how long.');
    expect(en('date', 'place')).toBe('Sorry, the fact sheet mentions this but does not say the date or the place.');
    expect(factMissingMessage([ASK_LABELS.money['zh-Hant']], 'zh-Hant')).toBe('抱歉，這份資料提到相關內容，但沒有提供金額。');
    expect(factMissingMessage([ASK_LABELS.money['zh-Hans']], 'zh-Hans')).toBe('抱歉，这份资料提到相关内容，但没有提供金额。');
  });
});
