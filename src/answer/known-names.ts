/**
 * Whether the documents know a name a question uses (a place, body or person): a question about a
 * name they never mention is about something else (「新加坡有多少家金融科技公司？」). jieba tags loosely and
 * readers shorten, translate and abbreviate names, so a name is known in any of these ways.
 */
import type { Concept } from '../text/analyze.js';
import { normalizeForMatch } from '../text/normalize.js';

export interface NameEvidence {
  /** Whether any passage of the corpus mentions a term. */
  mentions: (term: string) => boolean;
  /** The question's concepts that render the name (Cyberport → 數碼港). */
  translations: Concept[];
  /** The retrieved passages: in matching form without whitespace, and as written. */
  passages: Array<{ compact: string; text: string }>;
}

/**
 * Known when the corpus mentions the name or a translation of it, more than half of its distinctive
 * part, its characters in order as an abbreviation (中科院 → 中國科學院), or, for an English acronym,
 * its spelled-out form (WIPO).
 */
export function isKnownName(name: string, evidence: NameEvidence): boolean {
  const { mentions } = evidence;
  return (
    (mentions(name) && !latinInsideWord(name, evidence)) ||
    (isEnglishPhrase(name) ? (!NAMES_BODY_EN.test(name) && rendersEveryWord(name, evidence)) || rendersWhole(name, evidence) : evidence.translations.some((c) => c.alternatives.some((a) => a !== c.label && mentions(a)))) ||
    (!FORMAL.test(name) && knownPart(name, mentions)) ||
    // (A formal name joining two fields, 「創新及科技基金」, is a full name, not a short form, and is
    // named only whole: 創新及科技 is in many others.)
    evidence.passages.some((p) => (!FORMAL.test(name) && abbreviates(normalizeForMatch(name), p.compact)) || spellsOut(name, p.text))
  );
}

/**
 * An office or bureau is named whole ("Digital Policy Office"), and so is a post ("Government Chief
 * Information Officer"): its words rendered one by one (數碼, 政策, 辦公室) name no body the documents have.
 */
const NAMES_BODY_EN = /\s(office|bureau|department|authority|commission|council|agency|ministry|board|officer|commissioner)$/i;

/**
 * A Latin-script name no retrieved passage holds as a word of its own is not mentioned however the
 * corpus holds its letters (InnoEX inside InnoExpress): a passage naming it would be retrieved.
 */
function latinInsideWord(name: string, evidence: NameEvidence): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]+$/.test(name)) return false;
  const whole = new RegExp(`(?<![A-Za-z0-9])${name}(?![A-Za-z0-9])`, 'i');
  return !evidence.passages.some((p) => whole.test(p.text));
}

/**
 * A Chinese short form keeps its full form's characters in order (中科院 → 中國科學院): the text names
 * it when a run starting with its first character holds the rest within a short span.
 */
export function abbreviates(short: string, text: string): boolean {
  if (!HAN_ONLY.test(short) || short.length < 3) return false;
  const span = short.length * 2 + 1;
  for (let i = text.indexOf(short[0]!); i >= 0; i = text.indexOf(short[0]!, i + 1)) {
    let at = i;
    const ok = [...short.slice(1)].every((ch) => {
      const j = text.indexOf(ch, at + 1);
      if (j < 0 || j - i >= span) return false;
      at = j;
      return true;
    });
    if (ok) return true;
  }
  return false;
}
const HAN_ONLY = /^\p{Script=Han}+$/u;
const FORMAL = /^\p{Script=Han}{2,}及\p{Script=Han}{2,}$/u;

/** An English acronym (WIPO) is named by a passage that spells it out (World Intellectual Property Organization). */
export function spellsOut(acronym: string, text: string): boolean {
  const a = acronym.replace(/['’]s$/, '');
  if (!/^[A-Z]{2,6}$/.test(a)) return false;
  for (const m of text.matchAll(/(?:[A-Z][a-z]+(?:\s+(?:of|and|for|the|on)\b)?\s*){2,8}/g)) {
    const initials = [...m[0].matchAll(/\b[A-Z]/g)].map((x) => x[0]).join('');
    if (initials.includes(a)) return true;
  }
  return false;
}

/** Words any English name of a scheme or place may end with: they tell no name apart. */
const GENERIC_EN = new Set(['scheme', 'schemes', 'programme', 'program', 'fund', 'funds', 'park', 'centre', 'center', 'hub', 'office', 'project', 'plan', 'initiative', 'the', 'of', 'and', 'for', 'hong', 'kong']);
const isEnglishPhrase = (name: string) => /^[A-Za-z][A-Za-z-]*(\s+[A-Za-z][A-Za-z-]*)+$/.test(name.trim());

/** The glossary renders the whole English name ("Fintech Proof-of-Concept Subsidy Scheme" → 拍住上) by a form the corpus uses. */
function rendersWhole(name: string, evidence: NameEvidence): boolean {
  const whole = name.toLowerCase().replace(/\s+/g, ' ').trim();
  return evidence.translations.some((c) => c.label.includes(whole) && c.alternatives.some((a) => a !== c.label && evidence.mentions(a)));
}

/**
 * An English name of several words ("Top Talent Pass Scheme") is known when its distinctive words are
 * all rendered by translations the corpus mentions: one common word inside it ("talent" → 人才) does
 * not make the name known.
 */
function rendersEveryWord(name: string, evidence: NameEvidence): boolean {
  const words = name.toLowerCase().split(/[\s-]+/).filter((w) => !GENERIC_EN.has(w));
  const rendered = (w: string) =>
    evidence.mentions(w) ||
    evidence.translations.some((c) => c.label.split(/[\s-]+/).includes(w) && c.alternatives.some((a) => a !== c.label && evidence.mentions(a))) ||
    // An acronym (WIPO) a passage spells out.
    (/^[a-z]{2,6}$/.test(w) && evidence.passages.some((p) => spellsOut(w.toUpperCase(), p.text)));
  return words.length > 0 && words.every(rendered);
}

/**
 * jieba tags loosely (智能化 as a place): a Chinese name counts as known when a word of more than half its
 * length (two characters or more) inside it, other than 香港, is mentioned; 新加坡 and 澳門 have none.
 */
function knownPart(entity: string, mentions: (term: string) => boolean): boolean {
  // The distinctive part of a name: not the region it starts with, nor the suffix every company has.
  const e = normalizeForMatch(entity).replace(/^(香港|本港)/, '').replace(/(有限公司|集團|控股)$/, '');
  if (!/\p{Script=Han}/u.test(e) || e.length < 3) return false;
  // More than half of it: 「投資」 inside 香港投資管理有限公司 does not make that company known.
  for (let len = e.length - 1; len >= Math.max(2, Math.ceil((e.length + 1) / 2)); len--) {
    for (let i = 0; i + len <= e.length; i++) if (mentions(e.slice(i, i + len))) return true;
  }
  return false;
}

/** What names a research or ranking institution, the kind a place is put before to say where it is. */
const INSTITUTION_ZH = /(學院|大學|研究院|研究所|智庫)$/u;
const INSTITUTION_EN: Array<[RegExp, string]> = [
  [/^think[- ]?tanks?\b/, '智庫'],
  [/^(business )?schools?\b|^institutes?\b|^academ(y|ies)\b|^colleges?\b/, '學院'],
  [/^universit(y|ies)\b/, '大學'],
];

/**
 * A place put before an institution the documents name, to say where it is: 「瑞士洛桑國際管理發展學院」,
 * 「倫敦那個智庫」, "that London think tank" — the ranking's source, not a place the question is about.
 * (The institution must be named in the documents' words: 「新加坡國立大學」 stays a place the sheet lacks.)
 */
export function placesKnownInstitution(place: string, normalizedQuestion: string, mentions: (term: string) => boolean): boolean {
  const n = normalizeForMatch(place);
  const at = normalizedQuestion.indexOf(n);
  if (at < 0) return false;
  const rest = normalizedQuestion
    .slice(at + n.length)
    .replace(/^\s*(?:['’]s\s+|的|嘅|(?:那|嗰|這|呢)(?:個|家|間|所))?\s*/u, '');
  if (HAN_ONLY.test(n)) {
    // The institution's name within the next words (「洛桑國際管理發展學院」 holds 國際管理發展學院), whole.
    const head = rest.replace(/\s+/g, '').slice(0, 14);
    for (let end = 2; end <= head.length; end++) {
      const name = head.slice(0, end);
      if (!INSTITUTION_ZH.test(name)) continue;
      for (let start = 0; start <= end - 2; start++) {
        const candidate = name.slice(start);
        if ((candidate.length >= 4 || (start === 0 && candidate === '智庫')) && mentions(candidate)) return true;
      }
    }
    return false;
  }
  // ("London think tank": one capitalised word, then the kind of institution, which the documents name.)
  return /^[a-z]+$/.test(n) && INSTITUTION_EN.some(([kind, zh]) => kind.test(rest) && mentions(zh));
}
