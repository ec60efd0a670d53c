/** What a partial exemplar's label says is uncovered, as a reply to a reworded question states it. */
import { describe, expect, it } from 'vitest';
import { exemplarUncovered } from '../../src/answer/exemplar-answer.js';
import type { Exemplar } from '../../src/retrieve/exemplars/exemplar-bank.js';

const labelled = (question: string, uncovered: string[]) => ({ question, uncovered }) as unknown as Exemplar;

describe('exemplarUncovered', () => {
  it('keeps the label\'s phrases when they are the question\'s: its names named, most of its words used', () => {
    const ex = labelled("Cyberport vs Singapore's Block71 - which has more start-ups?", ['number of start-ups at Block71']);
    expect(exemplarUncovered(ex, "Cyberport vs Singapore's Block71: which hosts more start-ups?", 'en')).toEqual(['number of start-ups at Block71']);
    // "invested" is "investment" by its first letters.
    const fund = labelled('How much has the Science Park venture fund invested, and what has it earned?', ["the fund's returns or investment performance"]);
    expect(exemplarUncovered(fund, "How much has the Science Park's venture fund invested so far, and what returns has it made?", 'en')).toEqual([
      "the fund's returns or investment performance",
    ]);
  });

  it('says "the rest of your question" when the phrase names what the question does not, or shares too few words', () => {
    const london = labelled('Does London have more fintech companies than Hong Kong?', ["London's number of fintech companies"]);
    expect(exemplarUncovered(london, 'Does Shenzhen have more fintech companies than Hong Kong?', 'en')).toEqual(['the rest of your question']);
    const ranking = labelled("How does Hong Kong's data centre market rank against Singapore's?", ["Singapore's data centre market ranking"]);
    expect(exemplarUncovered(ranking, "How does Hong Kong's smart city ranking stack up against Singapore's?", 'en')).toEqual(['the rest of your question']);
    const startups = labelled('香港的初創企業數目與新加坡相比如何？', ['新加坡的初創企業數目']);
    expect(exemplarUncovered(startups, '香港的獨角獸企業數目與新加坡相比如何？', 'zh-Hant')).toEqual(['問題的其餘部分']);
    expect(exemplarUncovered(startups, '香港的独角兽企业数目与新加坡相比如何？', 'zh-Hans')).toEqual(['问题的其余部分']);
  });

  it('writes a Chinese label in the reply\'s script, and gives nothing for a reply in the other language', () => {
    const cables = labelled('香港的海底電纜系統數目，比新加坡多還是少？', ['新加坡的海底電纜系統數目']);
    expect(exemplarUncovered(cables, '香港的海底电缆系统数目比新加坡多吗？', 'zh-Hans')).toEqual(['新加坡的海底电缆系统数目']);
    expect(exemplarUncovered(cables, '香港海底電纜系統數目同新加坡比係咪多啲？', 'zh-Hant')).toEqual(['新加坡的海底電纜系統數目']);
    expect(exemplarUncovered(cables, 'Does Hong Kong have more subsea cables than Singapore?', 'en')).toBeNull();
  });
});
