/**
 * The answer gate: its model file, its arithmetic, its training (logistic regression, cross-validated
 * by whole sets), and the answer service declining with it on the real index and the shipped exemplars.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerGate, GATE_FEATURES, type GateModel, RESCUE_FEATURES, logisticProbability, readGateModel } from '../../src/answer/answer-gate.js';
import { type GateRow, actionTable, crossValidate, fitLogistic } from '../../src/answer/gate-training.js';
import { answerGate, createServices, exemplarBank, indexOptions } from '../../src/compose.js';
import { loadEnv } from '../../src/config/env.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { type LoadedIndex, loadIndex } from '../../src/index/load-index.js';
import { tempDir } from '../helpers/paths.js';

const SHIPPED = path.join(PROJECT_ROOT, 'exemplars', 'answer-gate.json');

/** A model whose gate weighs one feature only (all others 0), for arithmetic checks. */
function oneFeatureModel(feature: string, weight: number, bias: number): GateModel {
  const shipped = readGateModel(SHIPPED);
  const n = GATE_FEATURES.length;
  const gate = { ...shipped.gate, mean: new Array(n).fill(0), scale: new Array(n).fill(1), weights: GATE_FEATURES.map((f) => (f === feature ? weight : 0)), bias };
  return { ...shipped, gate };
}

function writeModel(model: unknown): string {
  const file = path.join(tempDir('gate'), 'gate.json');
  fs.writeFileSync(file, JSON.stringify(model));
  return file;
}

describe('the gate model file', () => {
  it('the shipped model is valid, lists the features in order and was trained on the shipped exemplars', () => {
    const model = readGateModel(SHIPPED);
    expect(model.gate.features).toEqual(GATE_FEATURES);
    expect(model.rescue.features).toEqual(RESCUE_FEATURES);
    expect(model.trainedOn.exemplars).toBeGreaterThan(10000);
    expect(model.gate.rows.all - model.gate.rows.positive).toBeGreaterThan(100);
    expect(model.rescue.rows.positive).toBeGreaterThan(50);
    // Cross-validated, at the default thresholds each acts more often rightly than wrongly.
    const env = loadEnv({});
    const gate = model.gate.crossValidation.find((r) => r.threshold === env.ANSWER_GATE_THRESHOLD)!;
    expect(gate.rightly).toBeGreaterThan(2 * gate.wrongly);
    // (The rescue's table counts an answer right only with the gold citation; end to end its answers to
    // declined questions fix more refusals than they cost, README "Answer gate and rescue".)
    const rescue = model.rescue.crossValidation.find((r) => r.threshold === env.ANSWER_RESCUE_THRESHOLD)!;
    expect(rescue.rightly).toBeGreaterThan(rescue.wrongly);
  });

  it('rejects a model with other features, saying to retrain it', () => {
    const model = readGateModel(SHIPPED);
    const file = writeModel({ ...model, gate: { ...model.gate, features: [...model.gate.features.slice(1), 'something_else'] } });
    expect(() => readGateModel(file)).toThrow(/features must be exactly.*npm run train:gate/);
  });

  it('rejects weights that do not match the features, and a scale of 0', () => {
    const model = readGateModel(SHIPPED);
    expect(() => readGateModel(writeModel({ ...model, rescue: { ...model.rescue, weights: model.rescue.weights.slice(1) } }))).toThrow(/one number per feature/);
    expect(() => readGateModel(writeModel({ ...model, gate: { ...model.gate, scale: model.gate.scale.map(() => 0) } }))).toThrow(/scale/);
  });

  it('a missing or damaged model leaves the service answering without a gate, and says so in the log', () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => lines.push(l) });
    expect(answerGate({ ...loadEnv({}), ANSWER_GATE_FILE: path.join(tempDir('gate'), 'missing.json') }, logger)).toBeNull();
    expect(answerGate({ ...loadEnv({}), ANSWER_GATE_FILE: writeModel({ format: 2 }) }, logger)).toBeNull();
    expect(lines.filter((l) => l.includes('answering without it'))).toHaveLength(2);
    expect(answerGate({ ...loadEnv({}), ANSWER_GATE_FILE: 'none' }, logger)).toBeNull();
    expect(answerGate(loadEnv({}), logger)).toBeInstanceOf(AnswerGate);
  });
});

describe('the gate', () => {
  it('is a logistic function of the standardised features', () => {
    const gate = new AnswerGate(oneFeatureModel('confidence', 2, -1), 0.35, 0.7);
    const features = (confidence: number) => GATE_FEATURES.map((f) => (f === 'confidence' ? confidence : 7));
    expect(gate.probability(features(0))).toBeCloseTo(1 / (1 + Math.exp(1)), 12);
    expect(gate.probability(features(1))).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(gate.probability(features(0.5))).toBeCloseTo(0.5, 12);
  });

  it('without a labelled set, is the cross-validation models that never learned from it', () => {
    const gate = new AnswerGate(readGateModel(SHIPPED), 0.35, 0.7);
    const unseen = gate.without('tune-hard');
    expect(unseen).not.toBe(gate);
    expect(unseen.model.gate.weights).toEqual(gate.model.gate.folds.find((f) => f.sets.includes('tune-hard'))!.weights);
    expect(unseen.model.rescue.weights).toEqual(gate.model.rescue.folds.find((f) => f.sets.includes('tune-hard'))!.weights);
    expect([unseen.threshold, unseen.rescueThreshold]).toEqual([0.35, 0.7]);
    // Every labelled set is in exactly one fold; a set it never learned from needs no other model.
    const sets = fs.readdirSync(path.join(PROJECT_ROOT, 'exemplars')).filter((f) => f.endsWith('.jsonl')).map((f) => f.replace(/\.jsonl$/, ''));
    expect(gate.model.gate.folds.flatMap((f) => f.sets).sort()).toEqual(sets.sort());
    expect(gate.without('blind-hard')).toBe(gate);
  });

  it('judges only with a bank at least half the size it learned from', () => {
    const gate = new AnswerGate(readGateModel(SHIPPED), 0.35, 0.7);
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
      const positive = (x + 0.3 * (rand() - 0.5) > 0.5) !== invert;
      return { set, features: [x * 10, rand()], positive };
    });
  }

  it('learns a positive weight for the informative feature and little for noise', () => {
    const data = [...rows('a', 300, 1), ...rows('b', 300, 2)];
    const fit = fitLogistic(data, { l2: 1 });
    expect(fit.weights[0]).toBeGreaterThan(2);
    expect(Math.abs(fit.weights[1]!)).toBeLessThan(0.5);
    expect(logisticProbability(fit, [9, 0.5])).toBeGreaterThan(0.9);
    expect(logisticProbability(fit, [1, 0.5])).toBeLessThan(0.1);
    // Right on most rows it learned from.
    const right = data.filter((r) => logisticProbability(fit, r.features) > 0.5 === r.positive).length;
    expect(right / data.length).toBeGreaterThan(0.85);
  });

  it('predicts each set with a model that never saw it', () => {
    // Set "odd" inverts the relationship: a model that saw it would be pulled towards it; one that
    // did not predicts its rows backwards.
    const data = [...rows('a', 200, 3), ...rows('odd', 200, 4, true)];
    const { probabilities: p, models } = crossValidate(data, 2);
    expect(models.map((m) => m.sets)).toEqual([['a'], ['odd']]);
    expect(p.every((v) => Number.isFinite(v) && v > 0 && v < 1)).toBe(true);
    const odd = data.map((r, i) => ({ r, p: p[i]! })).filter(({ r }) => r.set === 'odd');
    const backwards = odd.filter(({ r, p }) => p > 0.5 !== r.positive).length;
    expect(backwards / odd.length).toBeGreaterThan(0.8);
  });

  it('counts what each threshold would act on, rightly and wrongly: the gate below it, the rescue from it', () => {
    const data: GateRow[] = [
      { set: 's', features: [], positive: false },
      { set: 's', features: [], positive: true },
      { set: 's', features: [], positive: false },
    ];
    expect(actionTable(data, [0.1, 0.2, 0.6], [0.15, 0.5, 0.7], 'below')).toEqual([
      { threshold: 0.15, acted: 1, rightly: 1, wrongly: 0 },
      { threshold: 0.5, acted: 2, rightly: 1, wrongly: 1 },
      { threshold: 0.7, acted: 3, rightly: 2, wrongly: 1 },
    ]);
    expect(actionTable(data, [0.1, 0.8, 0.6], [0.5, 0.7], 'from')).toEqual([
      { threshold: 0.5, acted: 2, rightly: 1, wrongly: 1 },
      { threshold: 0.7, acted: 1, rightly: 1, wrongly: 0 },
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
    expect(gated.trace.gate!.probability).toBeLessThan(loadEnv({}).ANSWER_GATE_THRESHOLD);
    expect(gated.trace.gate!.features).toHaveLength(GATE_FEATURES.length);
  });

  it('keeps answering what the sheet answers, plainly worded questions included', async () => {
    // (A gate trained on hard questions alone declined the plain ones: in those sets the answerable
    // questions are paraphrased and the unanswerable ones name their subject plainly.)
    const plain = ['What is InnoHK?', '阿里巴巴成立了甚麼基金？', '政府成立的五所研發中心分別是哪幾所？'];
    for (const q of ['數碼港匯聚了多少家初創企業？', 'How many tech companies are there at the Science Park?', '科學園有幾多間科技公司？', ...plain]) {
      const r = await services().answer(q, []);
      expect(r.result.answerable, q).toBe(true);
      expect(r.trace.gate!.probability, q).toBeGreaterThan(loadEnv({}).ANSWER_GATE_THRESHOLD);
    }
  });

  // A question from a labelled set, answered as a new one: the set's exemplars held out, and the gate's
  // cross-validation models that never learned from it.
  const unseen = (set: string, overrides: Partial<ReturnType<typeof loadEnv>> = {}) => {
    const env = { ...loadEnv({}), EMBEDDING_MODEL: 'none', ...overrides };
    const answers = createServices(env, index, null, pino({ level: 'silent' })).answers;
    answers.useExemplars(exemplarBank(env, index).without(set));
    if (answers.gate) answers.useGate(answers.gate.without(set));
    return answers;
  };
  // It describes the 香港科學院 and the 香港青年科學院 instead of naming them ("academic bodies advising the
  // government"): the checks find too little of its words. (The model is retrained each round; the example is one
  // its cross-validation model, which never learned from the question's set, rescues.)
  const DESCRIBED = '香港有两家给政府在科研和科技政策上出主意的学术机构，是哪两家？';

  it('answers with the best sentences a question the checks decline, when the rescue is sure', async () => {
    const without = await unseen('tune-hans-5', { ANSWER_GATE_FILE: 'none' }).answer(DESCRIBED, []);
    expect(without.result.answerable).toBe(false);
    expect(without.trace.rescue).toBeUndefined();
    const rescued = await unseen('tune-hans-5').answer(DESCRIBED, []);
    expect(rescued.result.answerable).toBe(true);
    expect(rescued.trace.rescue!.probability).toBeGreaterThanOrEqual(loadEnv({}).ANSWER_RESCUE_THRESHOLD);
    expect(rescued.trace.rescue!.features).toHaveLength(RESCUE_FEATURES.length);
    expect(rescued.result.citations[0]!.text).toContain('香港科學院及香港青年科學院');
    expect(rescued.result.answer).toContain('香港青年科學院');
  });

  it('leaves declined what the rescue is not sure of, and never rescues a contradicted premise', async () => {
    // Adjacent: the sheet says nothing of the Hong Kong Observatory's forecasts.
    const adjacent = await unseen('tune-hard-36').answer('天文台明天的天氣預報準確嗎？', []);
    expect(adjacent.result.answerable).toBe(false);
    expect(adjacent.trace.rescue?.probability ?? 0).toBeLessThan(loadEnv({}).ANSWER_RESCUE_THRESHOLD);
    const premise = await unseen('tune-hard-36').answer('2020 年的初創企業調查顯示香港有多少間初創企業？', []);
    expect(premise.result.answerable).toBe(false);
    expect(premise.trace.declineReason).toBe('premise');
    expect(premise.trace.rescue).toBeUndefined();
  });

  it('weighs a question answered in part by the parts it answers, not by the part the sheet lacks', async () => {
    // The e-HKD's launch date is not in the sheet; how the HKMA prepares is.
    const r = await unseen('tune-hard-7').answer('数码港元什么时候正式推出？金管局目前用什么方式在做准备？', []);
    expect(r.result.answerable).toBe(true);
    expect(r.result.uncovered).toHaveLength(1);
    expect(r.result.answer).toContain('三軌道');
    expect(r.trace.gate!.probability).toBeGreaterThanOrEqual(loadEnv({}).ANSWER_GATE_THRESHOLD);
    const part = await unseen('tune-yue-2').answer('微電子研發院會設喺邊？幾時成立？政府想佢做到啲咩？', []);
    expect(part.result.answerable).toBe(true);
    expect(part.result.answer).toContain('領先機構');
  });

  it('does not judge with a bank far smaller than the one it learned from', async () => {
    const dir = tempDir('gate-exemplars');
    fs.writeFileSync(path.join(dir, 'few.jsonl'), `${JSON.stringify({ id: 'f1', question: '數碼港有多少家初創企業？', answerable: true, gold: ['匯集超過 1,900 家初創企業'] })}\n`);
    const r = await services({ EXEMPLARS_DIR: dir }).answer(DRONE, []);
    expect(r.result.answerable).toBe(true);
    expect(r.trace.gate!.probability).not.toBeNull();
  });
});
