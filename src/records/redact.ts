/**
 * Removes personal data from free text before it is stored: Hong Kong identity card numbers, phone
 * numbers and e-mail addresses become [HKID], [PHONE], [EMAIL]. The patterns err towards removing:
 * a mistyped HKID (wrong check digit) or a number from a range not yet allocated is still someone's
 * data, which is why this does not validate against number-range metadata (libphonenumber would keep them).
 */

export type RedactionKind = 'email' | 'hkid' | 'phone';

const PATTERNS: Array<[RedactionKind, RegExp, string]> = [
  // ASCII local part and domain: CJK text around an address is not part of it (請電郵至abc@x.hk查詢).
  ['email', /[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/g, '[EMAIL]'],
  // HKID: one or two letters, six digits, a check digit 0-9 or A, in brackets or not: A123456(7), AB 987654 (A), z1234563.
  ['hkid', /(?<![A-Za-z0-9])[A-Za-z]{1,2} ?\d{6} ?(?:\( ?[0-9Aa] ?\)|[0-9Aa])(?![A-Za-z0-9])/g, '[HKID]'],
  // Any number written with an international prefix: +86 138 0013 8000, +44 (20) 7946-0958, +852 2345 6789.
  ['phone', /\+\d[\d ()-]{6,18}\d/g, '[PHONE]'],
  // Hong Kong numbers: eight digits starting 2-9 (4-4 with a space or hyphen, or none), optionally after 00852 / 852 / (852).
  ['phone', /(?:(?:\+|00) ?852[ -]?|\( ?\+?852 ?\) ?|(?<!\d)852[ -]?)?(?<![\d,.])[2-9]\d{3}[ -]?\d{4}(?![\d,])/g, '[PHONE]'],
];

export interface Redacted {
  text: string;
  /** How many of each kind were removed. */
  counts: Record<RedactionKind, number>;
}

export function redactPersonalData(text: string): Redacted {
  const counts: Record<RedactionKind, number> = { email: 0, hkid: 0, phone: 0 };
  let out = text;
  for (const [kind, pattern, token] of PATTERNS) {
    out = out.replace(pattern, () => {
      counts[kind]++;
      return token;
    });
  }
  return { text: out, counts };
}
