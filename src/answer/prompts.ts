import fs from 'node:fs';
import path from 'node:path';

export interface Prompts {
  system: string;
  answer: string;
  condense: string;
}

const FILES: Record<keyof Prompts, { file: string; placeholders: string[] }> = {
  system: { file: 'system.md', placeholders: [] },
  answer: { file: 'answer.md', placeholders: ['{passages}', '{question}'] },
  condense: { file: 'condense.md', placeholders: ['{history}', '{question}'] },
};

/** Reads prompts/ once at start; a missing file or placeholder fails start-up, not the first request. */
export function loadPrompts(dir: string): Prompts {
  const out = {} as Prompts;
  for (const [key, spec] of Object.entries(FILES) as Array<[keyof Prompts, (typeof FILES)[keyof Prompts]]>) {
    const file = path.join(dir, spec.file);
    if (!fs.existsSync(file)) throw new Error(`Prompt file missing: ${file}`);
    const text = fs.readFileSync(file, 'utf8').trim();
    for (const ph of spec.placeholders) {
      if (!text.includes(ph)) throw new Error(`Prompt ${file} lacks the placeholder ${ph}`);
    }
    out[key] = text;
  }
  return out;
}

/** Fills {name} placeholders in one pass, so text inserted for one cannot be read as another. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? values[name]! : m));
}
