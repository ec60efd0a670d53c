import fs from 'node:fs';
import { z } from 'zod';

export const evalItemSchema = z.object({
  id: z.string(),
  lang: z.string().default('zh-Hant'),
  question: z.string().min(1),
  history: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })).default([]),
  gold: z.array(z.string()).default([]),
  facts: z.array(z.array(z.string())).default([]),
  answerable: z.boolean(),
});
export type EvalItem = z.infer<typeof evalItemSchema>;

export function readDataset(file: string): EvalItem[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = evalItemSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

const strip = (s: string) => s.replace(/\s+/g, '');

/** A passage answers the item when it contains one of its gold strings (whitespace ignored). */
export function isGoldPassage(item: EvalItem, passageText: string): boolean {
  const t = strip(passageText);
  return item.gold.some((g) => t.includes(strip(g)));
}

/** Every fact group has an alternative in the answer (whitespace ignored, case-insensitive). */
export function factsPresent(item: EvalItem, answer: string): boolean {
  const a = strip(answer).toLowerCase();
  return item.facts.every((group) => group.some((alt) => a.includes(strip(alt).toLowerCase())));
}
