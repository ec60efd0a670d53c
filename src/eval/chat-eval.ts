import type { ChatAnswer } from '../contract/chat.js';
import { percentile } from './metrics.js';
import { type EvalItem, factsPresent, isGoldPassage, missingFacts } from './dataset.js';
import { OUTCOMES, type Outcome, isRight, outcomeOf } from './outcome.js';

export interface ChatEvalOptions {
  /** Base URL of a running server (e.g. the one `startServer` returned). */
  url: string;
  verbose: boolean;
  /** Cleaned document texts by id, to check that every citation is verbatim at its offsets. */
  documents: Map<string, string>;
}

const fmt = (x: number) => (Number.isNaN(x) ? '  —  ' : x.toFixed(3));

/** Asks every question through POST /api/chat and scores citations, facts, refusals and latency. */
export async function runChatEval(items: EvalItem[], opts: ChatEvalOptions): Promise<void> {
  // Warm-up, so the first question's latency is not the JIT's.
  for (let i = 0; i < 3; i++) await ask(opts.url, items[i % items.length]!);
  const rows: Array<{ item: EvalItem; res: ChatAnswer; ms: number }> = [];
  for (const item of items) {
    const t = performance.now();
    const res = await ask(opts.url, item);
    rows.push({ item, res, ms: performance.now() - t });
  }
  let verbatim = 0;
  let citations = 0;
  let markersOk = 0;
  for (const { res } of rows) {
    for (const c of res.citations) {
      citations++;
      if (opts.documents.get(c.document)?.slice(c.start, c.end) === c.text) verbatim++;
    }
    const markers = new Set([...res.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    const ids = new Set(res.citations.map((c) => c.marker));
    if ([...markers].every((m) => ids.has(m)) && [...ids].every((m) => markers.has(m))) markersOk++;
  }
  const answerable = rows.filter((r) => r.item.answerable);
  const langs = [...new Set(rows.map((r) => r.item.lang))].sort();
  console.log('chat endpoint (POST /api/chat):');
  console.log('           lang      n  cit.R@5  facts  refusal-acc   p50 ms  p95 ms');
  for (const lang of [...langs, 'all']) {
    const sel = rows.filter((r) => lang === 'all' || r.item.lang === lang);
    const ans = sel.filter((r) => r.item.answerable);
    const citR = ans.filter((r) => r.res.citations.slice(0, 5).some((c) => isGoldPassage(r.item, c.text))).length / ans.length;
    const facts = ans.filter((r) => r.res.answerable && factsPresent(r.item, r.res.answer)).length / ans.length;
    const refusal = sel.filter((r) => r.res.answerable === r.item.answerable).length / sel.length;
    const ms = sel.map((r) => r.ms);
    console.log(
      `           ${lang.padEnd(8)} ${String(sel.length).padStart(3)}  ${fmt(citR)}   ${fmt(facts)}  ${fmt(refusal)}       ${percentile(ms, 50).toFixed(1).padStart(6)}  ${percentile(ms, 95).toFixed(1).padStart(6)}`,
    );
  }
  const falseRefusals = answerable.filter((r) => !r.res.answerable).length;
  const falseAnswers = rows.filter((r) => !r.item.answerable && r.res.answerable).length;
  console.log(
    `           verbatim citations ${verbatim}/${citations}; markers ↔ citations consistent ${markersOk}/${rows.length}; ` +
      `wrongly declined ${falseRefusals}/${answerable.length}; wrongly answered ${falseAnswers}/${rows.length - answerable.length}`,
  );
  confusion(rows, (r) => r.item.kind, 'kind');
  confusion(rows, (r) => r.item.lang, 'language');
  confusion(rows, (r) => (r.item.history.length ? 'follow-up' : 'single turn'), 'turn');
  if (opts.verbose) {
    for (const { item, res } of rows) {
      const outcome = outcomeOf(item, res);
      if (!isRight(outcome)) {
        const uncovered = res.uncovered?.length ? ` uncovered=${JSON.stringify(res.uncovered)}` : '';
        console.log(`  ✗ ${item.id} [${item.lang} ${item.kind}] ${item.question}\n    → ${outcome}${uncovered}${why(item, res)}: ${res.answer.replace(/\n/g, ' ').slice(0, 160)}`);
      }
    }
  }
}

/** Why an answer to an answerable item is wrong: no gold citation in the top 5, or the fact groups it lacks. */
function why(item: EvalItem, res: ChatAnswer): string {
  if (!res.answerable || !item.answerable) return '';
  if (!res.citations.slice(0, 5).some((c) => isGoldPassage(item, c.text))) return ' (no gold citation)';
  const missing = missingFacts(item, res.answer);
  return missing.length ? ` (cited; facts missing ${JSON.stringify(missing)})` : '';
}

/** Outcomes per group (kind or language): answered right/wrong, declined rightly/wrongly, partial. */
function confusion(rows: Array<{ item: EvalItem; res: ChatAnswer }>, key: (r: { item: EvalItem }) => string, label: string): void {
  const groups = [...new Set(rows.map(key))].sort();
  if (label !== 'language' && groups.length < 2) return;
  const short: Record<Outcome, string> = {
    'answered right': 'ans✓',
    'answered wrong': 'ans✗',
    'declined rightly': 'dec✓',
    'declined wrongly': 'dec✗',
    'partial right': 'part✓',
    'partial wrong': 'part✗',
  };
  console.log(`           outcomes by ${label}:`);
  console.log(`           ${label.padEnd(24)}   n  ${OUTCOMES.map((o) => short[o].padStart(6)).join('')}   right`);
  for (const g of [...groups, 'all']) {
    const sel = rows.filter((r) => g === 'all' || key(r) === g);
    const counts = OUTCOMES.map((o) => sel.filter((r) => outcomeOf(r.item, r.res) === o).length);
    const right = sel.filter((r) => isRight(outcomeOf(r.item, r.res))).length / sel.length;
    console.log(`           ${g.padEnd(24)} ${String(sel.length).padStart(3)}  ${counts.map((c) => String(c).padStart(6)).join('')}   ${fmt(right)}`);
  }
}

async function ask(url: string, item: EvalItem, retried = false): Promise<ChatAnswer> {
  // A kept-alive socket the server closes as the next request goes out resets it (ECONNRESET, seen on a loaded
  // machine after thousands of requests): the question is asked again, once.
  const r = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: item.question, history: item.history }),
  }).catch((e: unknown) => {
    if (retried) throw e;
    return null;
  });
  if (r === null) return ask(url, item, true);
  if (!r.ok) throw new Error(`${item.id}: HTTP ${r.status} ${await r.text()}`);
  return (await r.json()) as ChatAnswer;
}
