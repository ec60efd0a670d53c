import { describe, expect, it } from 'vitest';
import { descriptionSpans } from '../../src/text/descriptions.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import { analyzeQuery } from '../../src/text/analyze.js';

const described = (q: string) => {
  const n = normalizeForMatch(q);
  return descriptionSpans(n).map(([s, e]) => n.slice(s, e));
};

describe('descriptions: a thing described instead of named', () => {
  it('reads the clauses before 「的那個」 as describing the thing after it', () => {
    expect(described('位於港島南區、定位為數碼社區的那個科技園區，目前聚集了多少家初創和科技公司？')).toEqual(['位於港島南區、定位為數碼社區']);
  });

  it('reads what comes between a demonstrative and 的/嘅 as describing (「嗰個俾錢公司去買科技服務…嘅資助」)', () => {
    expect(described('嗰個俾錢公司去買科技服務、幫中小企升級嘅資助，由開始到而家批咗幾多單申請？')).toEqual(['俾錢公司去買科技服務、幫中小企升級']);
  });

  it('reads a longer Cantonese clause before 嗰 without 嘅 as describing (「…做生意嗰啲券」), not a name before it', () => {
    expect(described('政府幫公司出錢用科技做生意嗰啲券，到而家批咗幾多單啊？')).toEqual(['政府幫公司出錢用科技做生意']);
    expect(described('數碼港嗰個投資基金投咗幾多錢？')).toEqual([]);
  });

  it('reads an English kind of thing and the clause after it ("the scheme where …"), up to a dash', () => {
    expect(described('The scheme where the govt chips in when small companies buy tech services - how many applications?')).toEqual([
      'the scheme where the govt chips in when small companies buy tech services',
    ]);
    expect(described('That famous tech university near Boston - when did it open its hub here?')).toEqual(['that famous tech university near boston']);
  });

  it('reads a Hong Kong district said before a thing (「位於大埔白石角的」, 「在薄扶林的」) as where it is, not any place or year', () => {
    expect(described('位于大埔白石角的香港科学园汇集了多少家科技公司？')).toEqual(['大埔白石角']);
    expect(described('在薄扶林的数码港有多少家初创？')).toEqual(['薄扶林']);
    expect(described('在2022年的調查中有多少間初創？')).toEqual([]);
    expect(described('在新加坡的金融科技公司有多少間？')).toEqual([]);
  });

  it('finds none in a question that names its subject', () => {
    expect(described('科技券至今批出了多少宗申請？')).toEqual([]);
    expect(described('How many applications has the Technology Voucher Programme approved?')).toEqual([]);
  });

  it('marks the concepts of a description, and only those', () => {
    const concepts = analyzeQuery('位於港島南區、定位為數碼社區的那個科技園區，目前聚集了多少家初創和科技公司？').concepts;
    expect(concepts.find((c) => c.label === '港島南區')?.described).toBe(true);
    expect(concepts.find((c) => c.label === '初創')?.described).toBeUndefined();
  });
});
