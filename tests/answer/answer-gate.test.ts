/**
 * The answer gate: its model file, its arithmetic, its training (logistic regression, cross-validated
 * by whole sets), and the answer service declining with it on the real index and the shipped exemplars.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerGate, GATE_FEATURES, type GateModel, readGateModel } from '../../src/answer/answer-gate.js';
import { type GateRow, crossValidatedProbabilities, declineTable, fitLogistic, predict } from '../../src/answer/gate-training.js';
import { answerGate, createServices, indexOptions } from '../../src/compose.js';
import { loadEnv } from '../../src/config/env.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { type LoadedIndex, loadIndex } from '../../src/index/load-index.js';
import { tempDir } from '../helpers/paths.js';

const SHIPPED = path.join(PROJECT_ROOT, 'exemplars', 'answer-gate.json');

/** A model weighing one feature only (all others 0), for arithmetic checks. */
function oneFeatureModel(feature: string, weight: number, bias: number): GateModel {
  const shipped = readGateModel(SHIPPED);
  const n = GATE_FEATURES.length;
  return {
    ...shipped,
    mean: new Array(n).fill(0),
    scale: new Array(n).fill(1),
    weights: GATE_FEATURES.map((f) => (f === feature ? weight : 0)),
    bias,
  };
}

function writeModel(model: unknown): string {
  const file = path.join(tempDir('gate'), 'gate.json');
  fs.writeFileSync(file, JSON.stringify(model));
  return file;
}

describe('the gate model file', () => {
  it('the shipped model is valid, lists the features in order and was trained on the shipped exemplars', () => {
    const model = readGateModel(SHIPPED);
    expect(model.features).toEqual(GATE_FEATURES);
    expect(model.trainedOn.exemplars).toBeGreaterThan(10000);
    expect(model.trainedOn.unanswerable).toBeGreaterThan(100);
    // Its cross-validated table: at the default threshold it declines more rightly than wrongly.
    const atDefault = model.crossValidation.find((r) => r.threshold === loadEnv({}).ANSWER_GATE_THRESHOLD)!;
    expect(atDefault.rightly).toBeGreaterThan(2 * atDefault.wrongly);
  });

  it('rejects a model with other features, saying to retrain it', () => {
    const model = readGateModel(SHIPPED);
    const file = writeModel({ ...model, features: [...model.features.slice(1), 'something_else'] });
    expect(() => readGateModel(file)).toThrow(/features must be exactly.*npm run train:gate/);
  });

  it('rejects weights that do not match the features, and a scale of 0', () => {
    const model = readGateModel(SHIPPED);
    expect(() => readGateModel(writeModel({ ...model, weights: model.weights.slice(1) }))).toThrow(/one number per feature/);
    expect(() => readGateModel(writeModel({ ...model, scale: model.scale.map(() => 0) }))).toThrow(/scale/);
  });

  it('a missing or damaged model leaves the service answering without a gate, and says so in the log', () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => lines.push(l) });
    expect(answerGate({ ...loadEnv({}), ANSWER_GATE_FILE: path.join(tempDir('gate'), 'missing.json') }, logger)).toBeNull();
    expect(answerGate({ ...loadEnv({}), ANSWER_GATE_FILE: writeModel({ format: 1 }) }, logger)).toBeNull();
    expect(lines.filter((l) => l.includes('answering without it'))).toHaveLength(2);
    expect(answerGate({ ...loadEnv({}), ANSWER_GATE_FILE: 'none' }, logger)).toBeNull();
    expect(answerGate(loadEnv({}), logger)).toBeInstanceOf(AnswerGate);
  });
});

describe('the gate', () => {
  it('is a logistic function of the standardised features', () => {
    const gate = new AnswerGate(oneFeatureModel('confidence', 2, -1), 0.35);
    const features = (confidence: number) => GATE_FEATURES.map((f) => (f === 'confidence' ? confidence : 7));
    expect(gate.probability(features(0))).toBeCloseTo(1 / (1 + Math.exp(1)), 12);
    expect(gate.probability(features(1))).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(gate.probability(features(0.5))).toBeCloseTo(0.5, 12);
  });

  it('judges only with a bank at least half the size it learned from', () => {
    const gate = new AnswerGate(readGateModel(SHIPPED), 0.35);
    const trained = gate.model.trainedOn.exemplars;
    expect(gate.judges(trained)).toBe(true);
    expect(gate.judges(Math.ceil(trained / 2))).toBe(true);
    expect(gate.judges(Math.floor(trained / 2) - 1)).toBe(false);
    expect(gate.judges(0)).toBe(false);
  });
});

describe('training the gate', () => {
  /** Rows whose label follows feature 0 (with noise), feature 1 pure noise; deterministic. */
  function rows(set: string, n: number, seed: number, invert = false): GateRow[] {
    let s = seed;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    return Array.from({ length: n }, () => {
      const x = rand();
      const answerable = (x + 0.3 * (rand() - 0.5) > 0.5) !== invert;
      return { set, features: [x * 10, rand()], answerable };
    });
  }

  it('learns a positive weight for the informative feature and little for noise', () => {
    const data = [...rows('a', 300, 1), ...rows('b', 300, 2)];
    const fit = fitLogistic(data, { l2: 1 });
    expect(fit.weights[0]).toBeGreaterThan(2);
    expect(Math.abs(fit.weights[1]!)).toBeLessThan(0.5);
    expect(predict(fit, [9, 0.5])).toBeGreaterThan(0.9);
    expect(predict(fit, [1, 0.5])).toBeLessThan(0.1);
    // Right on most rows it learned from.
    const right = data.filter((r) => predict(fit, r.features) > 0.5 === r.answerable).length;
    expect(right / data.length).toBeGreaterThan(0.85);
  });

  it('predicts each set with a model that never saw it', () => {
    // Set "odd" inverts the relationship: a model that saw it would be pulled towards it; one that
    // did not predicts its rows backwards.
    const data = [...rows('a', 200, 3), ...rows('odd', 200, 4, true)];
    const p = crossValidatedProbabilities(data, 2);
    expect(p.every((v) => Number.isFinite(v) && v > 0 && v < 1)).toBe(true);
    const odd = data.map((r, i) => ({ r, p: p[i]! })).filter(({ r }) => r.set === 'odd');
    const backwards = odd.filter(({ r, p }) => p > 0.5 !== r.answerable).length;
    expect(backwards / odd.length).toBeGreaterThan(0.8);
  });

  it('counts what each threshold would decline, rightly and wrongly', () => {
    const data: GateRow[] = [
      { set: 's', features: [], answerable: false },
      { set: 's', features: [], answerable: true },
      { set: 's', features: [], answerable: false },
    ];
    expect(declineTable(data, [0.1, 0.2, 0.6], [0.15, 0.5, 0.7])).toEqual([
      { threshold: 0.15, declined: 1, rightly: 1, wrongly: 0 },
      { threshold: 0.5, declined: 2, rightly: 1, wrongly: 1 },
      { threshold: 0.7, declined: 3, rightly: 2, wrongly: 1 },
    ]);
  });

  it('refuses to fit nothing', () => {
    expect(() => fitLogistic([])).toThrow(/no rows/);
  });
});

describe('the answer service with the gate, on the real index and the shipped exemplars', () => {
  let index: LoadedIndex;
  beforeAll(async () => {
    const env = { ...loadEnv({}), INDEX_DIR: tempDir('gate-index'), EMBEDDING_MODEL: 'none' };
    index = await loadIndex({ ...indexOptions(env), rebuildIfStale: true });
  });
  const services = (overrides: Partial<ReturnType<typeof loadEnv>> = {}) =>
    createServices({ ...loadEnv({}), EMBEDDING_MODEL: 'none', ...overrides }, index, null, pino({ level: 'silent' })).answers;

  // The sheet says nothing of drones; 香港 and 牌照 (the virtual bank licences) carry the checks.
  const DRONE = '香港飛無人機要唔要牌照？';

  it('declines an adjacent question the checks alone answer, saying why in the trace', async () => {
    const without = await services({ ANSWER_GATE_FILE: 'none' }).answer(DRONE, []);
    expect(without.result.answerable).toBe(true);
    expect(without.trace.gate?.probability).toBeNull();
    const gated = await services().answer(DRONE, []);
    expect(gated.result.answerable).toBe(false);
    expect(gated.result.citations).toEqual([]);
    expect(gated.trace.declineReason).toBe('unlikely');
    expect(gated.trace.gate!.probability).toBeLessThan(0.35);
    expect(gated.trace.gate!.features).toHaveLength(GATE_FEATURES.length);
  });

  it('keeps answering what the sheet answers', async () => {
    for (const q of ['數碼港匯聚了多少家初創企業？', 'How many tech companies are there at the Science Park?', '科學園有幾多間科技公司？']) {
      const r = await services().answer(q, []);
      expect(r.result.answerable, q).toBe(true);
      expect(r.trace.gate!.probability, q).toBeGreaterThan(0.35);
    }
  });

  it('does not judge with a bank far smaller than the one it learned from', async () => {
    const dir = tempDir('gate-exemplars');
    fs.writeFileSync(path.join(dir, 'few.jsonl'), `${JSON.stringify({ id: 'f1', question: '數碼港有多少家初創企業？', answerable: true, gold: ['匯集超過 1,900 家初創企業'] })}\n`);
    const r = await services({ EXEMPLARS_DIR: dir }).answer(DRONE, []);
    expect(r.result.answerable).toBe(true);
    expect(r.trace.gate!.probability).not.toBeNull();
  });
});
