import 'dotenv/config';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { indexOptions } from '../compose.js';
import { ConfigError, loadEnv, resolvePath } from '../config/env.js';
import { loadIndex } from '../index/load-index.js';
import type { Passage } from '../ingest/types.js';
import { DATABASE_FILE, openDatabase } from '../records/database.js';
import { passagePagePath } from '../contract/links.js';
import { collectReport } from '../report/report-data.js';
import { reportHtml } from '../report/report-html.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/**
 * `npm run report [-- --days 30] [--out FILE]`: a static HTML report for the content owners from the
 * answer records in DATA_DIR (read-only; the service may keep running), written to
 * DATA_DIR/report-<date>.html unless --out says otherwise.
 */
function fail(line: string): never {
  console.error(`[report] ${line}`);
  process.exit(1);
}

try {
  const env = loadEnv();
  const { values } = parseArgs({ options: { days: { type: 'string', default: '30' }, out: { type: 'string' } } });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650) fail(`--days must be a whole number from 1 to 3650, got "${values.days}"`);

  const dataDir = resolvePath(env.DATA_DIR);
  const opts = indexOptions(env); // also points the word segmentation at the lexicon
  let passages: Passage[] = [];
  let title = 'fact-sheet Q&A';
  try {
    // Checked, never rebuilt here; an index built for other settings still lists its passages.
    const index = await loadIndex({ ...opts, rebuildIfStale: false, acceptStale: true });
    passages = index.passages;
    title = `《${index.manifest.documents.map((d) => d.title).join('》《')}》 Q&A`;
    await index.close();
  } catch (err) {
    console.warn(`[report] no usable index in ${opts.indexDir} (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): passages are listed by id only`);
  }

  let db;
  try {
    db = openDatabase(dataDir, { readonly: true });
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  const data = collectReport(db, { days, passages });
  db.close();
  const out = path.resolve(values.out ?? path.join(dataDir, `report-${data.to}.html`));
  const base = env.PUBLIC_BASE_URL;
  const passageUrl = base ? (id: string) => `${base}${passagePagePath(id)}` : undefined;
  writeFileAtomic(out, reportHtml(data, { database: path.join(dataDir, DATABASE_FILE), title, passageUrl }));
  console.log(
    `[report] ${data.from} – ${data.to}: ${data.totals.answers} questions (${data.totals.answered} answered, ${data.totals.partial} partial, ${data.totals.declined} declined), ` +
      `${data.totals.up} 👍 / ${data.totals.down} 👎, ${data.declinedTopics.length} unanswered topics${data.questionsStored ? '' : ' (question log off)'}`,
  );
  console.log(`[report] wrote ${out}`);
} catch (err) {
  fail(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err));
}
