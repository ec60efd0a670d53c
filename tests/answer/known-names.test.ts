import { describe, expect, it } from 'vitest';
import { isKnownName, placesKnownInstitution } from '../../src/answer/known-names.js';
import { normalizeForMatch } from '../../src/text/normalize.js';

const corpus = ['中國科學院香港創新研究院於2019年4月在香港成立', '智能化生產線', '世界知識產權組織（World Intellectual Property Organization）'];
const mentions = (t: string) => corpus.some((p) => p.includes(t));
const known = (name: string, passages = corpus) =>
  isKnownName(name, { mentions, translations: [], passages: passages.map((p) => ({ compact: p.replace(/\s+/g, ''), text: p })) });

describe('names the documents know', () => {
  it('knows a name they mention, or more than half of its distinctive part', () => {
    expect(known('中國科學院')).toBe(true);
    expect(known('智能化')).toBe(true);
    expect(known('新加坡')).toBe(false);
    // 「投資」 inside it is not enough (and the company suffix is not distinctive).
    expect(known('香港投資管理有限公司', [...corpus, '投資'])).toBe(false);
  });

  it('knows a Latin-script name only as a word of its own (InnoEX is not InnoExpress)', () => {
    const express = ['科技園公司設立大灣區創科快線 InnoExpress'];
    const knownIn = (name: string) =>
      isKnownName(name, { mentions: (t) => express.some((p) => p.toLowerCase().includes(t.toLowerCase())), translations: [], passages: express.map((p) => ({ compact: p, text: p })) });
    expect(knownIn('InnoEX')).toBe(false);
    expect(knownIn('InnoExpress')).toBe(true);
  });

  it('knows an English name the glossary renders whole by a form the corpus uses', () => {
    const corpus2 = ['「拍住上」金融科技概念驗證測試資助計劃提供財政誘因'];
    const translations = [{ label: 'fintech proof-of-concept subsidy scheme', alternatives: ['fintech proof-of-concept subsidy scheme', '拍住上'], source: 'glossary' as const }];
    const evidence = { mentions: (t: string) => corpus2.some((p) => p.includes(t)), translations, passages: corpus2.map((p) => ({ compact: p, text: p })) };
    expect(isKnownName('Fintech Proof-of-Concept Subsidy Scheme', evidence)).toBe(true);
    expect(isKnownName('Fintech Sandbox Scheme', { ...evidence, translations: [] })).toBe(false);
  });

  it('knows an abbreviation whose characters a passage holds in order', () => {
    expect(known('中科院')).toBe(true);
    expect(known('中科院', ['中國人民銀行科技司的學院'])).toBe(false);
  });

  it('knows an English name of several words only when every distinctive word is rendered', () => {
    const concept = (label: string, ...alternatives: string[]) => ({ label, alternatives: [label, ...alternatives], source: 'dictionary' as const });
    const withTranslations = (name: string, translations: ReturnType<typeof concept>[]) =>
      isKnownName(name, { mentions: (t) => ['人才', '透過', '計劃', '數碼港', '投資創業基金', '共同企業加速計劃', '創新'].includes(t), translations, passages: [] });
    // "talent" → 人才 alone does not make the Top Talent Pass Scheme known.
    expect(withTranslations('Top Talent Pass Scheme', [concept('talent', '人才'), concept('pass', '透過'), concept('scheme', '計劃')])).toBe(false);
    expect(withTranslations('Cyberport Macro Fund', [concept('cyberport', '數碼港'), concept('macro fund', '投資創業基金')])).toBe(true);
    // A hyphenated name is rendered as the glossary writes it: "co-acceleration" renders both its words.
    expect(withTranslations('Co-Acceleration Programme', [concept('co-acceleration', '共同企業加速計劃'), concept('programme', '計劃')])).toBe(true);
    expect(withTranslations('Co-Innovation Programme', [concept('innovation', '創新'), concept('programme', '計劃')])).toBe(false);
    // A word neither rendered nor mentioned leaves the name unknown, whatever the acronym beside it.
    expect(known('WIPO Global')).toBe(false);
  });

  it('knows an office or bureau only by its whole name, not its words one by one', () => {
    const concept = (label: string, ...alternatives: string[]) => ({ label, alternatives: [label, ...alternatives], source: 'glossary' as const });
    const evidence = (translations: ReturnType<typeof concept>[]) => ({ mentions: (t: string) => ['數碼', '政策', '辦公室', '引進重點企業辦公室'].includes(t), translations, passages: [] });
    expect(isKnownName('Digital Policy Office', evidence([concept('digital', '數碼'), concept('policy', '政策'), concept('office', '辦公室')]))).toBe(false);
    expect(isKnownName('Strategic Enterprises Office', evidence([concept('strategic enterprises office', '引進重點企業辦公室')]))).toBe(true);
    // (…and a post: "Government Chief Information Officer" is no 政府, 龍頭, 資訊 rendered one by one.)
    const post = { mentions: (t: string) => ['政府', '龍頭', '資訊'].includes(t), translations: [concept('government', '政府'), concept('chief', '龍頭'), concept('information', '資訊')], passages: [] };
    expect(isKnownName('Government Chief Information Officer', post)).toBe(false);
  });

  it('knows an English acronym a passage spells out', () => {
    expect(known('WIPO')).toBe(true);
    expect(known("WIPO's")).toBe(true);
    expect(known('UNESCO')).toBe(false);
  });

  it('reads a place put before an institution the documents name as saying where it is, not what about', () => {
    const sheet = ['國際管理發展學院《2022 年世界數碼競爭力排名》', '英國金融智庫 Z/Yen', '香港科技園公司'];
    const said = (t: string) => sheet.some((p) => p.includes(t));
    const places = (place: string, q: string) => placesKnownInstitution(place, normalizeForMatch(q), said);
    expect(places('瑞士', '瑞士洛桑国际管理发展学院的世界数字竞争力排名中，香港排第几？')).toBe(true);
    expect(places('倫敦', '在倫敦那個智庫的「智慧中心」排名中，香港排全球第幾？')).toBe(true);
    expect(places('London', "How does HK place on that London think tank's list?")).toBe(true);
    // An institution the documents do not name, or a place before something other than an institution, stays.
    expect(places('新加坡', '新加坡國立大學有幾多間初創？')).toBe(false);
    expect(places('新加坡', '新加坡科技園公司有幾多租戶？')).toBe(false);
    expect(places('Singapore', "How many startups are in Singapore's science park?")).toBe(false);
  });
});
