/** Small text helpers for display and screen readers. */

/** For display only: drop private-use glyphs (PDF bullet characters such as U+F0B7) and odd leading space. */
export function forDisplay(s: string | null | undefined): string {
  return String(s || '').replace(/[\uE000-\uF8FF]/g, '').replace(/^[ \t\u3000]+/, '');
}

/**
 * Rough language of a text (Han characters vs Latin words), so screen readers pick the right voice.
 * Chinese text is tagged with `chinese`: the script the visitor reads (the UI's), Traditional by default.
 */
export function textLang(s: string, chinese: 'zh-Hant' | 'zh-Hans' = 'zh-Hant'): 'zh-Hant' | 'zh-Hans' | 'en' {
  const han = (String(s).match(/[\u3400-\u9fff]/g) || []).length;
  const latin = (String(s).match(/[A-Za-z]+/g) || []).length;
  return han > latin ? chinese : 'en';
}
