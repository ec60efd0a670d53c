import fs from 'node:fs';
import { z } from 'zod/v4';

export const evalItemSchema = z.object({
  id: z.string(),
  lang: z.string().default('zh-Hant'),
  question: z.string().min(1),
  history: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })).default([]),
  gold: z.array(z.string()).default([]),
  facts: z.array(z.array(z.string())).default([]),
  answerable: z.boolean(),
  /** What kind of question it is (paraphrase, multi_part, absent_fact, …), for per-kind tables. */
  kind: z.string().default('—'),
  /**
   * The right outcome: answer; partial (answer the covered part and say which part is not covered);
   * decline; correct_premise (the question states a year/figure the sheet contradicts: decline, or
   * say what the sheet gives instead). Defaults from `answerable`.
   */
  expect: z.enum(['answer', 'partial', 'decline', 'correct_premise']).optional(),
  conversation: z.string().optional(),
});
export type EvalItem = z.infer<typeof evalItemSchema> & { expect: NonNullable<z.infer<typeof evalItemSchema>['expect']> };

export function readDataset(file: string): EvalItem[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = evalItemSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return { ...parsed.data, expect: parsed.data.expect ?? (parsed.data.answerable ? 'answer' : 'decline') };
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
