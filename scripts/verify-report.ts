/**
 * Prints how answer verification (src/answer/verify/) judges the completion suite
 * tests/answer/verify/completions.jsonl: per kind of completion, how many were accepted and
 * rejected, the false-reject rate on faithful answers and the false accepts on unfaithful ones.
 *
 *   npx tsx scripts/verify-report.ts            # the table
 *   npx tsx scripts/verify-report.ts --details  # also every wrong verdict, with its reason
 */
import { formatTable, runSuite, summarize } from '../tests/answer/verify/suite.js';

const details = process.argv.includes('--details') || process.argv.includes('-v');
const results = runSuite();
console.log(formatTable(results));

// Rows were written in three batches; the verifier was tuned on the first, and each held-out
// batch was first run only after it was written (the git log has its numbers at that time).
console.log('');
for (const batch of [...new Set(results.map((r) => r.row.batch))].sort()) {
  const rs = results.filter((r) => r.row.batch === batch);
  const s = summarize(rs);
  const name = batch === 1 ? 'batch 1 (tuning)' : `batch ${batch} (held out)`;
  console.log(`${name.padEnd(20)} ${String(rs.length).padStart(3)} rows: false rejects ${s.falseRejects}/${s.faithfulTotal}, unfaithful accepted ${s.falseAccepts}, unsafe served ${s.unsafeServed}`);
}

if (details) {
  const wrong = results.filter((r) => r.accepted === !r.row.faithful && r.row.kind !== 'html-link');
  console.log(wrong.length ? '\nWrong verdicts:' : '\nNo wrong verdicts.');
  for (const r of wrong) {
    console.log(`- ${r.row.id} ${r.accepted ? 'ACCEPTED' : `REJECTED [${r.verdict.ok ? '' : r.verdict.check}] ${r.verdict.ok ? '' : r.verdict.reason}`}`);
    console.log(`    ${r.row.completion}`);
  }
}
