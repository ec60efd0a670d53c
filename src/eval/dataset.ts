import fs from 'node:fs';
import { type QuestionSetItem, parseQuestionSet } from '../contract/question-set.js';

/** An evaluation question (the question-set format shared with the exemplars). */
export type EvalItem = QuestionSetItem;

/** A question set for evaluation: every line must be a valid row. */
export function readDataset(file: string): EvalItem[] {
  const { items, errors } = parseQuestionSet(fs.readFileSync(file, 'utf8'), file);
  if (errors.length) throw new Error(errors[0]);
  return items;
}

const strip = (s: string) => s.replace(/\s+/g, '');

/** A passage answers the item when it contains one of its gold strings (whitespace ignored). */
export function isGoldPassage(item: EvalItem, passageText: string): boolean {
  const t = strip(passageText);
  return item.gold.some((g) => t.includes(strip(g)));
}

/** The fact groups with no alternative in the answer (whitespace ignored, case-insensitive). */
export function missingFacts(item: EvalItem, answer: string): string[][] {
  const a = strip(answer).toLowerCase();
  return item.facts.filter((group) => !group.some((alt) => a.includes(strip(alt).toLowerCase())));
}

/** Every fact group has an alternative in the answer. */
export function factsPresent(item: EvalItem, answer: string): boolean {
  return missingFacts(item, answer).length === 0;
}
