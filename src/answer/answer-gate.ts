/**
 * The answer gate: logistic models, trained on the labelled questions (`npm run train:gate`), of whether
 * the sheet answers a question the checks found an answer for (the gate), and of whether the best
 * sentences answer a question the checks declined (the rescue).
 *
 * Each check reads one thing (coverage, what is asked, the sentence carrying it); word coverage alone
 * cannot tell a paraphrased answerable question from an adjacent one it does not answer ("Do I need a
 * permit to fly a drone?" covers 香港 and 容許). Weighed together — with how the labelled questions most
 * like this one were labelled, although none is close enough to be this one reworded — they tell more.
 * The rescue answers a declined question only when it is as sure as the checks usually are.
 */
import fs from 'node:fs';
import { z } from 'zod/v4';
import type { Language } from '../contract/chat.js';
import type { AskKind } from '../retrieve/question/asks.js';
import type { Neighbourhood } from '../retrieve/exemplars/exemplar-bank.js';
import type { PartVerdict } from './answerability.js';
import type { RetrievalResult } from '../retrieve/retriever.js';

/** What the gate weighs: the first part's reading, the plan, and the labelled neighbourhood. */
export interface GateSignals {
  language: Language;
  followUp: boolean;
  question: string;
  retrieval: RetrievalResult;
  /** The first part's verdict (answered, for a plan the gate judges). */
  verdict: PartVerdict;
  parts: number;
  /** Parts and asked-for kinds the plan names as uncovered. */
  uncovered: number;
  /** Of the question's concepts: how many no passage mentions, and how many only a few (≤ 3) do. */
  absentConcepts: number;
  rareConcepts: number;
  neighbourhood: Neighbourhood;
}

const LANGUAGES: Language[] = ['en', 'zh-Hans', 'zh-Hant'];
/** Words of written Cantonese (Hong Kong chat), which asks differently from formal Chinese. */
const CANTONESE = /[嘅咗喺冇佢唔啲嚟㗎咩乜嘢]|係咪|係唔係|邊個|邊度|邊間|幾多|點樣|點解/u;
const ASK_KINDS: AskKind[] = ['date', 'duration', 'percent', 'money', 'count', 'size', 'area', 'rank', 'place', 'who', 'person', 'list', 'rule', 'activity'];

/** Feature names, in the order `gateFeatures` returns them; a model file must list exactly these. */
export const GATE_FEATURES: readonly string[] = [
  ...LANGUAGES.map((l) => `lang:${l}`),
  'cantonese',
  'follow_up',
  'confidence',
  'parts',
  'uncovered',
  'concepts',
  'absent_concepts',
  'absent_share',
  'rare_concepts',
  'coverage_1',
  'coverage_2',
  'coverage_gap',
  'score_gap',
  'asks',
  'asks_missing',
  'other_sides_unmatched',
  'sentences',
  'best_sentence_score',
  'similar_answerable',
  'similar_unanswerable',
  'similarity_difference',
  'neighbour_vote',
  'neighbours',
  'log_length',
  'partial',
  ...ASK_KINDS.map((k) => `ask:${k}`),
];

export function gateFeatures(s: GateSignals): number[] {
  const v = s.verdict.status === 'answered' ? s.verdict : null;
  const asks = new Set(v?.asks.map((a) => a.kind) ?? []);
  const [h1, h2] = s.retrieval.hits;
  const concepts = s.retrieval.query.concepts.length;
  const n = s.neighbourhood;
  return [
    ...LANGUAGES.map((l) => (s.language === l ? 1 : 0)),
    CANTONESE.test(s.question) ? 1 : 0,
    s.followUp ? 1 : 0,
    s.retrieval.confidence,
    s.parts,
    s.uncovered,
    concepts,
    s.absentConcepts,
    s.absentConcepts / Math.max(1, concepts),
    s.rareConcepts,
    h1?.coverage ?? 0,
    h2?.coverage ?? 0,
    (h1?.coverage ?? 0) - (h2?.coverage ?? 0),
    (h1?.score ?? 0) - (h2?.score ?? 0),
    v?.asks.length ?? 0,
    v?.missing.length ?? 0,
    v?.unmatched.length ?? 0,
    v?.sentences.length ?? 0,
    Math.max(0, ...(v?.sentences.map((x) => x.score) ?? [])),
    n.answerable,
    n.unanswerable,
    n.answerable - n.unanswerable,
    n.vote,
    n.count / 10,
    Math.log1p(s.question.length),
    s.uncovered > 0 ? 1 : 0,
    ...ASK_KINDS.map((k) => (asks.has(k) ? 1 : 0)),
  ];
}

/** What the rescue weighs besides the gate's features: why the checks declined. */
export const RESCUE_REASONS = ['not_covered', 'fact_missing'] as const;
export const RESCUE_FEATURES: readonly string[] = [...GATE_FEATURES, ...RESCUE_REASONS.map((r) => `declined:${r}`)];

export function rescueFeatures(s: GateSignals, reason: (typeof RESCUE_REASONS)[number]): number[] {
  return [...gateFeatures(s), ...RESCUE_REASONS.map((r) => (r === reason ? 1 : 0))];
}

const numbers = z.array(z.number().finite());
const logisticSchema = z.object({
  /** Standardisation: feature → (x − mean) / scale before the weights. */
  mean: numbers,
  scale: z.array(z.number().finite().positive()),
  weights: numbers,
  bias: z.number().finite(),
});

/** One logistic model, its training rows and its cross-validated table (`npm run train:gate`). */
const modelSchema = logisticSchema.extend({
  features: z.array(z.string()),
  rows: z.object({ all: z.number().int(), positive: z.number().int() }),
  /** At each threshold: how many answers it would act on (the gate: decline; the rescue: give), and of those how many rightly and wrongly. */
  crossValidation: z.array(z.object({ threshold: z.number(), acted: z.number().int(), rightly: z.number().int(), wrongly: z.number().int() })),
  /**
   * The cross-validation's models, each fitted without the sets it lists: evaluation answers a
   * labelled set with the one that never learned from it, as it holds the set's exemplars out.
   */
  folds: z.array(logisticSchema.extend({ sets: z.array(z.string()) })),
});

function sameFeatures(features: readonly string[], expected: readonly string[]): boolean {
  return features.length === expected.length && features.every((f, i) => f === expected[i]);
}

export const gateModelSchema = z
  .object({
    format: z.literal(2),
    trainedAt: z.string(),
    trainedOn: z.object({
      sets: z.number().int(),
      /** Labelled questions in the bank the neighbourhood features were read from. */
      exemplars: z.number().int().positive(),
    }),
    /** P(the sheet answers it) of an answer the checks found: below the gate's threshold, declined. */
    gate: modelSchema,
    /** P(quoting the best sentences answers it) of a question the checks declined: above the rescue's threshold, answered. */
    rescue: modelSchema,
  })
  .refine((m) => sameFeatures(m.gate.features, GATE_FEATURES) && sameFeatures(m.rescue.features, RESCUE_FEATURES), {
    message: `features must be exactly the gate's and the rescue's (${GATE_FEATURES.length} and ${RESCUE_FEATURES.length}; retrain with npm run train:gate)`,
  })
  .refine((m) => [m.gate, ...m.gate.folds, m.rescue, ...m.rescue.folds].every((f) => [f.mean, f.scale, f.weights].every((a) => a.length === f.mean.length) && f.mean.length >= GATE_FEATURES.length), {
    message: 'mean, scale and weights must have one number per feature',
  });

export type GateModel = z.infer<typeof gateModelSchema>;
type Logistic = z.infer<typeof logisticSchema>;

export function logisticProbability(m: Logistic, features: readonly number[]): number {
  let z = m.bias;
  for (let i = 0; i < m.weights.length; i++) z += (m.weights[i]! * (features[i]! - m.mean[i]!)) / m.scale[i]!;
  return 1 / (1 + Math.exp(-z));
}

export class AnswerGate {
  constructor(
    readonly model: GateModel,
    /** Below this probability that the sheet answers the question, the gate declines a checked answer. */
    readonly threshold: number,
    /** From this probability that the best sentences answer it, a declined question is answered with them. */
    readonly rescueThreshold: number,
  ) {}

  /** Probability (0..1) that the sheet answers a question the checks answered, with these features. */
  probability(features: readonly number[]): number {
    return logisticProbability(this.model.gate, features);
  }

  /** Probability (0..1) that quoting the best sentences answers a question the checks declined. */
  rescueProbability(features: readonly number[]): number {
    return logisticProbability(this.model.rescue, features);
  }

  /** The gate as the cross-validation models that never learned from this question set, if they did not. */
  without(set: string): AnswerGate {
    const gate = this.model.gate.folds.find((f) => f.sets.includes(set));
    const rescue = this.model.rescue.folds.find((f) => f.sets.includes(set));
    if (!gate && !rescue) return this;
    const model = { ...this.model, gate: { ...this.model.gate, ...gate, folds: [] }, rescue: { ...this.model.rescue, ...rescue, folds: [] } };
    return new AnswerGate(model, this.threshold, this.rescueThreshold);
  }

  /**
   * Whether the gate judges answers with a bank of this many labelled questions: its neighbourhood
   * features mean what they meant in training only with a bank at least half the size it learned from.
   */
  judges(bankSize: number): boolean {
    return bankSize >= this.model.trainedOn.exemplars / 2;
  }
}

/** Reads and validates a model file; throws saying what is wrong with it. */
export function readGateModel(file: string): GateModel {
  const parsed = gateModelSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'model'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
