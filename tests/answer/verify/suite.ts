/**
 * The verification suite: LLM-style completions over the fact sheet's real passages
 * (completions.jsonl), each labelled faithful or not with the kind of fault. Shared by
 * verify-suite.test.ts and scripts/verify-report.ts.
 *
 * A row: { id, batch, kind, faithful, passages: [passage ids, in the order the model saw them],
 *          question, completion } — markers [n] in `completion` refer to `passages[n-1]`, so a
 * loopback fake OpenAI server can replay a row by renumbering them to the prompt's order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadPrompts } from '../../../src/answer/prompts.js';
import { type LlmVerdict, verifyLlmAnswer } from '../../../src/answer/verify/index.js';
import { PROJECT_ROOT } from '../../../src/config/env.js';
import { cleanDocument } from '../../../src/ingest/clean-document.js';
import { readCorpus } from '../../../src/ingest/corpus.js';
import { toPassages } from '../../../src/ingest/passages.js';
import { renumberMarkers } from '../../../src/contract/markers.js';
import type { Passage } from '../../../src/ingest/types.js';

export const SUITE_FILE = path.join(PROJECT_ROOT, 'tests', 'answer', 'verify', 'completions.jsonl');
export const ALLOWED_LINK_HOSTS = ['www.gov.hk', 'www.itib.gov.hk'];

export interface SuiteRow {
  id: string;
  /** 1: written first, the verifier was tuned on it; 2, 3: held out, run only once written. */
  batch: number;
  kind: string;
  faithful: boolean;
  passages: string[];
  question: string;
  completion: string;
}

export interface SuiteResult {
  row: SuiteRow;
  verdict: LlmVerdict;
  accepted: boolean;
  /** The answer a client would see (sanitised) when accepted. */
  served: string | null;
}

/** Kinds whose false accepts must be zero. */
export const ZERO_FALSE_ACCEPT_KINDS = ['wrong-number', 'numeral-inflation', 'invented-entity'];

export function loadSuite(file = SUITE_FILE): SuiteRow[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SuiteRow);
}

/** Passages of the real fact sheet by id, as the ingest pipeline cuts them. */
export function factSheetPassages(corpusDir = path.join(PROJECT_ROOT, 'corpus')): Map<string, Passage> {
  const out = new Map<string, Passage>();
  for (const doc of readCorpus(corpusDir).map(cleanDocument)) for (const p of toPassages(doc)) out.set(p.id, p);
  return out;
}

export function projectPromptTexts(): string[] {
  const p = loadPrompts(path.join(PROJECT_ROOT, 'prompts'));
  return [p.system, p.answer, p.condense];
}

/**
 * A row's completion renumbered for a prompt that numbered the passages `given` (the texts the
 * server sent the model, in order) — for replaying the suite through the fake OpenAI server.
 * Null when a passage the row cites was not given.
 */
export function completionForPrompt(row: SuiteRow, given: string[], byId = factSheetPassages()): string | null {
  const to = row.passages.map((id) => given.indexOf(byId.get(id)?.text ?? '\u0000') + 1);
  if (to.some((n) => n === 0)) return null;
  return renumberMarkers(row.completion, (n) => to[n - 1] ?? n);
}

/** Unsafe output: a tag, a script/data URL, or a link/URL to a host not allowed. */
export function unsafeOutput(text: string): string | null {
  if (/<\/?[a-z][^>]*>/i.test(text)) return 'html tag';
  if (/javascript:|vbscript:|data:[a-z]+\//i.test(text)) return 'script or data url';
  for (const m of text.matchAll(/https?:\/\/([^/\s)\]]+)/gi)) {
    const host = m[1]!.toLowerCase();
    if (!ALLOWED_LINK_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return `link to ${host}`;
  }
  return null;
}

export function runSuite(rows = loadSuite()): SuiteResult[] {
  const passages = factSheetPassages();
  const prompts = projectPromptTexts();
  return rows.map((row) => {
    const texts = row.passages.map((id) => {
      const p = passages.get(id);
      if (!p) throw new Error(`${row.id}: no passage ${id} in the fact sheet (was the corpus or the passage cutting changed?)`);
      return p.text;
    });
    const verdict = verifyLlmAnswer(row.completion, texts, { prompts, allowedLinkHosts: ALLOWED_LINK_HOSTS });
    return { row, verdict, accepted: verdict.ok, served: verdict.ok ? verdict.answer : null };
  });
}

export interface KindStats {
  kind: string;
  faithful: boolean;
  total: number;
  accepted: number;
  rejected: number;
  /** html-link rows: accepted and still unsafe (must be 0). */
  unsafe: number;
}

export function tabulate(results: SuiteResult[]): KindStats[] {
  const by = new Map<string, KindStats>();
  for (const r of results) {
    const s = by.get(r.row.kind) ?? { kind: r.row.kind, faithful: r.row.faithful, total: 0, accepted: 0, rejected: 0, unsafe: 0 };
    s.total++;
    if (r.accepted) s.accepted++;
    else s.rejected++;
    if (r.served !== null && unsafeOutput(r.served)) s.unsafe++;
    by.set(r.row.kind, s);
  }
  return [...by.values()].sort((a, b) => Number(b.faithful) - Number(a.faithful) || a.kind.localeCompare(b.kind));
}

export interface Summary {
  faithfulTotal: number;
  falseRejects: number;
  falseRejectRate: number;
  /** Unfaithful rows accepted, html-link rows excluded (they may pass once sanitised). */
  falseAccepts: number;
  falseAcceptsZeroKinds: number;
  unsafeServed: number;
}

export function summarize(results: SuiteResult[]): Summary {
  const faithful = results.filter((r) => r.row.faithful);
  const falseRejects = faithful.filter((r) => !r.accepted).length;
  const unfaithful = results.filter((r) => !r.row.faithful && r.row.kind !== 'html-link');
  return {
    faithfulTotal: faithful.length,
    falseRejects,
    falseRejectRate: faithful.length ? falseRejects / faithful.length : 0,
    falseAccepts: unfaithful.filter((r) => r.accepted).length,
    falseAcceptsZeroKinds: unfaithful.filter((r) => r.accepted && ZERO_FALSE_ACCEPT_KINDS.includes(r.row.kind)).length,
    unsafeServed: results.filter((r) => r.served !== null && unsafeOutput(r.served)).length,
  };
}

/** The kind → accepted/rejected table as text. */
export function formatTable(results: SuiteResult[]): string {
  const rows = tabulate(results);
  const head = ['kind', 'faithful', 'n', 'accepted', 'rejected', 'outcome'];
  const body = rows.map((s) => {
    const outcome = s.kind === 'html-link'
      ? `served unsafe: ${s.unsafe}`
      : s.faithful
        ? `false rejects: ${s.rejected}`
        : `false accepts: ${s.accepted}`;
    return [s.kind, s.faithful ? 'yes' : 'no', String(s.total), String(s.accepted), String(s.rejected), outcome];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const sum = summarize(results);
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    `faithful: ${sum.faithfulTotal}, false rejects: ${sum.falseRejects} (${(sum.falseRejectRate * 100).toFixed(1)}%)`,
    `unfaithful accepted: ${sum.falseAccepts} (of which wrong numbers / numeral inflation / invented entities: ${sum.falseAcceptsZeroKinds})`,
    `unsafe markup or links served: ${sum.unsafeServed}`,
  ].join('\n');
}
