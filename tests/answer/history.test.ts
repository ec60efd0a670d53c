import { describe, expect, it } from 'vitest';
import { HISTORY_TURN_CHARS, HISTORY_WINDOW_TURNS, recentHistory } from '../../src/answer/history.js';
import { sourceIntro } from '../../src/answer/messages.js';
import type { Turn } from '../../src/contract/chat.js';

const reply = [
  'According to the fact sheet "創新及科技" (updated 30 June 2023), quoted in its original Traditional Chinese:',
  '數碼港是一個深具創意的數碼社區，匯集超過 1,900 家初創企業和科技公司。 [1]',
  'Key terms: 數碼港 (Cyberport); 初創企業 (start-ups). Glosses: CC-CEDICT, CC BY-SA 4.0.',
  'Related passages: [2]',
].join('\n');

describe('the history an answer reads', () => {
  it('keeps the newest turns only, each cut to its first characters', () => {
    const long: Turn[] = Array.from({ length: 20 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `${i}`.padEnd(3000, '字') }));
    const recent = recentHistory(long);
    expect(recent).toHaveLength(HISTORY_WINDOW_TURNS);
    expect(recent[0]!.content.startsWith('14')).toBe(true);
    expect(recent.every((t) => t.content.length === HISTORY_TURN_CHARS)).toBe(true);
  });

  it("reads a reply without its key-terms line, which only glosses the quote's words", () => {
    const [, assistant] = recentHistory([{ role: 'user', content: 'How many companies are at Cyberport?' }, { role: 'assistant', content: reply }]);
    expect(assistant!.content).not.toContain('Key terms');
    expect(assistant!.content).not.toContain('start-ups');
    expect(assistant!.content).toContain('匯集超過 1,900 家初創企業');
    expect(assistant!.content).toContain('Related passages: [2]');
  });

  it('reads a reply without the opening that names its source, in each language and for several documents', () => {
    const sheet = { id: 'factsheet', title: '創新及科技', language: 'zh-Hant', updated: '2023-06-30' };
    const other = { id: 'other', title: '另一份文件', language: 'zh-Hant' };
    for (const lang of ['en', 'zh-Hant', 'zh-Hans'] as const) {
      for (const docs of [[sheet], [sheet, other]]) {
        const content = `${sourceIntro(docs, lang)}\n數碼港匯集超過 1,900 家初創企業。 [1]`;
        const [, assistant] = recentHistory([{ role: 'user', content: '數碼港有幾多間公司？' }, { role: 'assistant', content }]);
        expect(assistant!.content).toBe('數碼港匯集超過 1,900 家初創企業。 [1]');
      }
    }
    // A reply of the assistant's own words keeps its opening.
    const own = '根據資料，數碼港匯集超過 1,900 家初創企業。';
    expect(recentHistory([{ role: 'assistant', content: own }])[0]!.content).toBe(own);
  });

  it("leaves a user's message alone, even one that starts a line with the label", () => {
    const user = 'Question about this:\nKey terms: what are they?';
    expect(recentHistory([{ role: 'user', content: user }])[0]!.content).toBe(user);
  });
});
