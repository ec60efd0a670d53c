import { describe, expect, it } from 'vitest';
import { ASK_LABELS } from '../../src/answer/evidence.js';
import { factMissingMessage, premiseMessage } from '../../src/answer/messages.js';

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

describe('declining a doer the sheet does not name', () => {
  it('says whom the sheet names instead, in the question\'s language', () => {
    const p = { kind: 'actor' as const, asked: ['數碼港'], given: ['香港生產力促進局'] };
    expect(premiseMessage(p, 'zh-Hant')).toBe('抱歉，這份資料沒有提及由 數碼港 負責；資料所載的是 香港生產力促進局。');
    expect(premiseMessage(p, 'zh-Hans')).toBe('抱歉，这份资料没有提及由 数码港 负责；资料所载的是 香港生产力促进局。');
    expect(premiseMessage({ ...p, asked: ['Cyberport'] }, 'en')).toBe('Sorry, the fact sheet does not say Cyberport did this; it names 香港生產力促進局.');
  });
});
