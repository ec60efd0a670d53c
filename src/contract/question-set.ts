import { z } from 'zod/v4';

/**
 * One labelled question (a line of a question set, JSON Lines): the evaluation sets under `tests/eval/`
 * and the exemplars under `exemplars/` share this format.
 */
export const questionSetItemSchema = z.object({
  id: z.string(),
  lang: z.string().default('zh-Hant'),
  question: z.string().min(1),
  history: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })).default([]),
  /** Substrings of the corpus (whitespace ignored) that a correct citation contains. */
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
  /** For a partial item: the parts the corpus does not cover, in the question's language. */
  uncovered: z.array(z.string()).default([]),
  conversation: z.string().optional(),
});

export type QuestionSetItem = z.infer<typeof questionSetItemSchema> & { expect: NonNullable<z.infer<typeof questionSetItemSchema>['expect']> };

/** A question set's rows, and a line-numbered reason for each line that is not a valid row. */
export function parseQuestionSet(text: string, file: string): { items: QuestionSetItem[]; errors: string[] } {
  const items: QuestionSetItem[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      errors.push(`${file}:${i + 1}: not JSON (${(err as Error).message})`);
      return;
    }
    const parsed = questionSetItemSchema.safeParse(json);
    if (!parsed.success) {
      errors.push(`${file}:${i + 1}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
      return;
    }
    items.push({ ...parsed.data, expect: parsed.data.expect ?? (parsed.data.answerable ? 'answer' : 'decline') });
  });
  return { items, errors };
}
