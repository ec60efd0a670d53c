/**
 * Fitting the answer gate: L2-regularised logistic regression (Newton's method, through ml-matrix's
 * solver) on standardised features, and cross-validation that holds whole question sets out — questions
 * of one set share a writer and a style, so a set's questions never teach the model about each other.
 */
import { Matrix, solve } from 'ml-matrix';
import { logisticProbability } from './answer-gate.js';

export interface GateRow {
  /** The question set it came from (cross-validation folds are whole sets). */
  set: string;
  features: number[];
  /** Its label: for the gate, whether the sheet answers it; for the rescue, whether the best sentences do. */
  positive: boolean;
}

/** A fitted model, as the gate file stores it and `logisticProbability` reads it. */
export interface LogisticFit {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Per feature: mean and standard deviation (1 for a constant feature, which then weighs nothing). */
function standardisation(rows: readonly number[][]): { mean: number[]; scale: number[] } {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((a, r) => a + r[j]!, 0) / n);
  const scale = mean.map((m, j) => Math.sqrt(rows.reduce((a, r) => a + (r[j]! - m) ** 2, 0) / n) || 1);
  return { mean, scale };
}

/** Fits P(positive) = σ(bias + Σ wᵢ·(xᵢ − meanᵢ)/scaleᵢ); `l2` penalises the weights (not the bias). */
export function fitLogistic(rows: readonly GateRow[], opts: { l2?: number; iterations?: number } = {}): LogisticFit {
  if (rows.length === 0) throw new Error('no rows to fit the gate on');
  const l2 = opts.l2 ?? 1;
  const { mean, scale } = standardisation(rows.map((r) => r.features));
  const d = mean.length + 1;
  const x = rows.map((r) => [1, ...r.features.map((v, j) => (v - mean[j]!) / scale[j]!)]);
  const y = rows.map((r) => (r.positive ? 1 : 0));
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < (opts.iterations ?? 25); it++) {
    const gradient = new Array<number>(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      const p = sigmoid(xi.reduce((a, v, j) => a + v * w[j]!, 0));
      const c = p * (1 - p);
      for (let j = 0; j < d; j++) {
        gradient[j]! += (p - y[i]!) * xi[j]!;
        const row = hessian[j]!;
        const cx = c * xi[j]!;
        for (let k = j; k < d; k++) row[k]! += cx * xi[k]!;
      }
    }
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < j; k++) hessian[j]![k] = hessian[k]![j]!;
      if (j > 0) {
        gradient[j]! += l2 * w[j]!;
        hessian[j]![j]! += l2;
      }
    }
    const step = solve(new Matrix(hessian), Matrix.columnVector(gradient)).to1DArray();
    w = w.map((v, j) => v - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { mean, scale, weights: w.slice(1), bias: w[0]! };
}

/**
 * Each row's probability from a model fitted without its set: `folds` groups of whole sets (sets in
 * name order, dealt round), each predicted by a model fitted on the others; and those models.
 */
export function crossValidate(rows: readonly GateRow[], folds = 5, opts: { l2?: number } = {}): { probabilities: number[]; models: Array<LogisticFit & { sets: string[] }> } {
  const sets = [...new Set(rows.map((r) => r.set))].sort();
  const foldOf = new Map(sets.map((s, i) => [s, i % folds]));
  const probabilities = new Array<number>(rows.length).fill(NaN);
  const models: Array<LogisticFit & { sets: string[] }> = [];
  for (let k = 0; k < Math.min(folds, sets.length); k++) {
    const fit = fitLogistic(rows.filter((r) => foldOf.get(r.set) !== k), opts);
    models.push({ sets: sets.filter((s) => foldOf.get(s) === k), ...fit });
    rows.forEach((r, i) => {
      if (foldOf.get(r.set) === k) probabilities[i] = logisticProbability(fit, r.features);
    });
  }
  return { probabilities, models };
}

/**
 * At each threshold: how many rows a model would act on, and of those how many rightly and wrongly.
 * The gate acts (declines) below the threshold, rightly on a negative row; the rescue acts (answers)
 * from it, rightly on a positive one.
 */
export function actionTable(rows: readonly GateRow[], probabilities: readonly number[], thresholds: readonly number[], acts: 'below' | 'from') {
  return thresholds.map((threshold) => {
    const acted = rows.filter((_, i) => (acts === 'below' ? probabilities[i]! < threshold : probabilities[i]! >= threshold));
    const rightly = acted.filter((r) => r.positive === (acts === 'from')).length;
    return { threshold, acted: acted.length, rightly, wrongly: acted.length - rightly };
  });
}
