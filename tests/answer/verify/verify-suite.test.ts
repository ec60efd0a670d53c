/**
 * The completion suite (completions.jsonl): faithful and unfaithful LLM answers over the real
 * fact-sheet passages, judged by verifyLlmAnswer. Prints the kind → accepted/rejected table
 * (also: npx tsx scripts/verify-report.ts) and holds the verifier to its targets.
 */
import { describe, expect, it } from 'vitest';
import {
  ZERO_FALSE_ACCEPT_KINDS,
  completionForPrompt,
  factSheetPassages,
  formatTable,
  loadSuite,
  runSuite,
  summarize,
  tabulate,
  unsafeOutput,
} from './suite.js';

const rows = loadSuite();
const results = runSuite(rows);
const stats = tabulate(results);
const summary = summarize(results);
const kind = (k: string) => stats.find((s) => s.kind === k);

describe('verification suite', () => {
  it('prints the kind → accepted/rejected table', () => {
    console.log(`\n${formatTable(results)}\n`);
    expect(stats.length).toBeGreaterThan(0);
  });

  it('has at least 100 completions over real passages, faithful and unfaithful of every kind', () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const k of ['faithful-zh-hant', 'faithful-zh-hans', 'faithful-en', ...ZERO_FALSE_ACCEPT_KINDS, 'invented-claim', 'invented-clause', 'uncited-sentence', 'prompt-echo', 'html-link']) {
      expect(kind(k)?.total, k).toBeGreaterThanOrEqual(5);
    }
  });

  it('accepts no invented number or entity', () => {
    const accepted = results.filter((r) => r.accepted && ZERO_FALSE_ACCEPT_KINDS.includes(r.row.kind)).map((r) => r.row.id);
    expect(accepted).toEqual([]);
    expect(summary.falseAcceptsZeroKinds).toBe(0);
  });

  it('accepts no uncited sentence, prompt echo or bad marker', () => {
    for (const k of ['uncited-sentence', 'prompt-echo', 'bad-markers']) expect(kind(k)?.accepted, k).toBe(0);
  });

  it('accepts at most 10 % of invented claims without figures (whole sentences or added clauses)', () => {
    const claims = ['invented-claim', 'invented-clause'].map((k) => kind(k)!);
    const accepted = claims.reduce((n, s) => n + s.accepted, 0);
    const total = claims.reduce((n, s) => n + s.total, 0);
    expect(accepted / total).toBeLessThanOrEqual(0.1);
  });

  it('rejects at most 5 % of faithful answers', () => {
    const wrong = results.filter((r) => r.row.faithful && !r.accepted).map((r) => `${r.row.id}: ${r.verdict.ok ? '' : r.verdict.reason}`);
    expect(summary.falseRejectRate, wrong.join('\n')).toBeLessThanOrEqual(0.05);
  });

  it('never serves markup, script URLs or links to other hosts', () => {
    expect(summary.unsafeServed).toBe(0);
    const markup = results.filter((x) => x.row.kind === 'html-link');
    // Nearly all such rows are unsafe as written (one links only to an allowed host).
    expect(markup.filter((r) => unsafeOutput(r.row.completion) !== null).length).toBeGreaterThanOrEqual(markup.length - 1);
    for (const r of markup) if (r.served !== null) expect(unsafeOutput(r.served), r.row.id).toBeNull();
  });

  it('can renumber a row for the passage order of a prompt (replay through the fake OpenAI server)', () => {
    const byId = factSheetPassages();
    const row = rows.find((r) => r.passages.length === 2)!;
    const [a, b] = row.passages.map((id) => byId.get(id)!.text);
    const replay = completionForPrompt(row, ['other passage', b!, a!], byId)!;
    expect(replay).toBe(row.completion.replace(/\[1\]/g, '[@3]').replace(/\[2\]/g, '[2]').replace(/\[@3\]/g, '[3]'));
    expect(completionForPrompt(row, [a!], byId)).toBeNull();
  });
});
