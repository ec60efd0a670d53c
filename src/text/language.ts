import { toSimplified, toTraditional } from './normalize.js';

import type { Language } from '../contract/chat.js';

export type { Language };

/**
 * Reply language of a message: English when Latin words dominate, otherwise Simplified when the
 * text changes under Simplified → Traditional conversion more than under the reverse.
 */
export function detectLanguage(text: string): Language {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latinWords = (text.match(/[A-Za-z]{2,}/g) ?? []).length;
  if (han === 0 || latinWords > han / 2) return latinWords > 0 || han === 0 ? 'en' : 'zh-Hant';
  const simplifiedChars = countDiff(text, toTraditional(text));
  const traditionalChars = countDiff(text, toSimplified(text));
  return simplifiedChars > traditionalChars ? 'zh-Hans' : 'zh-Hant';
}

function countDiff(a: string, b: string): number {
  let n = 0;
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) if (a[i] !== b[i]) n++;
  return n;
}
