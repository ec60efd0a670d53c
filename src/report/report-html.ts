/**
 * The report as one static HTML file: tables written here (every value HTML-escaped, question text is
 * user input) and charts drawn by Chart.js, inlined so the file opens anywhere without a network.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import escapeHtml from 'escape-html';
import type { ReportData } from './report-data.js';

const require = createRequire(import.meta.url);

/** Chart.js's self-contained browser build. */
function chartJs(): string {
  const entry = require.resolve('chart.js'); // …/chart.js/dist/chart.cjs
  return fs.readFileSync(path.join(path.dirname(entry), 'chart.umd.js'), 'utf8');
}

const COLORS = { answered: '#2e7d32', partial: '#f9a825', declined: '#c62828', up: '#1565c0', down: '#ad1457', cited: '#00695c', topic: '#6a1b9a' };

const REASONS: Record<string, string> = {
  not_covered: 'not in the fact sheet 資料未有涵蓋',
  fact_missing: 'the asked-for fact is not given 未有提供所問資料',
  premise: 'premise contradicted by the sheet 前提與資料不符',
  unlikely: 'unlike answerable questions (answer gate) 不似可答問題',
  opinion: 'opinion 意見',
  instructions: 'instructions 指令',
  creative: 'creative writing 創作',
  code: 'code 程式',
  person: 'people 人物',
};

const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : '—');
const e = (v: unknown) => escapeHtml(String(v));

function table(head: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${e(empty)}</p>`;
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Data for the charts only (labels and numbers), in a JSON block that cannot close its script tag. */
function chartData(d: ReportData): string {
  const data = {
    days: d.perDay.map((r) => r.day.slice(5)),
    answered: d.perDay.map((r) => r.answered),
    partial: d.perDay.map((r) => r.partial),
    declined: d.perDay.map((r) => r.declined),
    up: d.perDay.map((r) => r.up),
    down: d.perDay.map((r) => r.down),
    outcomes: [d.totals.answered, d.totals.partial, d.totals.declined],
    cited: d.mostCited.map((c) => ({ label: `${c.section} · ${c.passageId}`, count: c.count })),
    topics: d.declinedTopics.map((t) => ({ label: t.word, count: t.count })),
    colors: COLORS,
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

const INIT = `
const d = JSON.parse(document.getElementById('report-data').textContent);
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
const bar = (id, labels, datasets, opts = {}) => new Chart(document.getElementById(id), {
  type: 'bar', data: { labels, datasets }, options: { plugins: { legend: { position: 'bottom' } }, ...opts },
});
bar('chart-per-day', d.days, [
  { label: 'answered 已回答', data: d.answered, backgroundColor: d.colors.answered },
  { label: 'partial 部分回答', data: d.partial, backgroundColor: d.colors.partial },
  { label: 'declined 未能回答', data: d.declined, backgroundColor: d.colors.declined },
], { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } });
new Chart(document.getElementById('chart-outcomes'), {
  type: 'doughnut',
  data: { labels: ['answered 已回答', 'partial 部分回答', 'declined 未能回答'], datasets: [{ data: d.outcomes, backgroundColor: [d.colors.answered, d.colors.partial, d.colors.declined] }] },
  options: { plugins: { legend: { position: 'bottom' } } },
});
bar('chart-feedback', d.days, [
  { label: '👍', data: d.up, backgroundColor: d.colors.up },
  { label: '👎', data: d.down, backgroundColor: d.colors.down },
], { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } });
const horizontal = (id, rows, color, label) => rows.length && bar(id, rows.map((r) => r.label), [{ label, data: rows.map((r) => r.count), backgroundColor: color }],
  { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } });
horizontal('chart-topics', d.topics, d.colors.topic, 'questions');
horizontal('chart-cited', d.cited, d.colors.cited, 'citations');
document.body.dataset.charts = 'ready';
`;

const STYLE = `
  :root { --ink: #1b1b1b; --muted: #5f6368; --line: #e0e0e0; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.5 system-ui, "Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei", sans-serif; color: var(--ink); background: #f5f6f7; }
  header, main { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
  header { padding-top: 24px; }
  h1 { font-size: 24px; margin: 0 0 4px; }
  h2 { font-size: 18px; margin: 0 0 12px; }
  .sub { color: var(--muted); margin: 0 0 16px; }
  .cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin-bottom: 16px; }
  .card, section { background: #fff; border: 1px solid var(--line); border-radius: 8px; }
  .card { padding: 12px 16px; }
  .card b { display: block; font-size: 26px; }
  .card span { color: var(--muted); font-size: 13px; }
  .grid { display: grid; grid-template-columns: 2fr 1fr; gap: 16px; margin-bottom: 16px; }
  section { padding: 16px; margin-bottom: 16px; }
  .grid section { margin-bottom: 0; }
  .chart { position: relative; height: 260px; }
  .chart.tall { height: 320px; }
  table { width: 100%; border-collapse: collapse; margin-top: 12px; font-size: 14px; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { color: var(--muted); font-weight: 600; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  .empty, .note { color: var(--muted); }
  footer { color: var(--muted); font-size: 13px; max-width: 1200px; margin: 0 auto; padding: 0 24px 24px; }
  @media (max-width: 800px) { .cards { grid-template-columns: repeat(3, 1fr); } .grid { grid-template-columns: 1fr; } }
`;

/** Passage text in the table: long passages are cut (the passage page, when linked, has all of it). */
const PASSAGE_CHARS = 160;
const cut = (text: string) => ([...text].length > PASSAGE_CHARS ? `${[...text].slice(0, PASSAGE_CHARS).join('')}…` : text);

export function reportHtml(d: ReportData, source: { database: string; title: string; passageUrl?: (id: string) => string }): string {
  const t = d.totals;
  const cards = [
    [t.answers, 'questions 提問'],
    [t.answered, `answered 已回答 · ${pct(t.answered, t.answers)}`],
    [t.partial, `partial 部分回答 · ${pct(t.partial, t.answers)}`],
    [t.declined, `declined 未能回答 · ${pct(t.declined, t.answers)}`],
    [t.up, '👍 helpful 有用'],
    [t.down, '👎 not helpful 沒有用'],
  ]
    .map(([n, label]) => `<div class="card"><b>${e(n)}</b><span>${e(label)}</span></div>`)
    .join('');

  const topics = d.questionsStored
    ? table(
        ['topic word 主題詞', 'questions 提問', 'also mentioned 相關詞', 'examples 例子'],
        d.declinedTopics.map((x) => [e(x.word), `<span class="n">${x.count}</span>`, e(x.related.join('、')), x.examples.map(e).join('<br>')]),
        'No unanswered questions in this period. 期內沒有未能回答的問題。',
      )
    : `<p class="note">Question text is not stored (STORE_QUESTIONS=false), so topics cannot be shown; the counts above still are. 未有儲存提問內容（STORE_QUESTIONS=false）。</p>`;

  const cited = table(
    ['#', 'section 章節', 'passage 段落', 'citations 引用次數'],
    d.mostCited.map((c, i) => [
      String(i + 1),
      source.passageUrl ? `<a href="${e(source.passageUrl(c.passageId))}">${e(c.section)}</a>` : e(c.section),
      c.text ? e(cut(c.text)) : `<span class="note">${e(c.passageId)} (no longer in the index)</span>`,
      String(c.count),
    ]),
    'No citations in this period.',
  );

  const down = table(
    ['when 時間 (UTC)', 'outcome', 'reason 原因', 'question 提問', 'cited sections 引用章節'],
    d.downVoted.map((f) => [e(f.at.slice(0, 16).replace('T', ' ')), e(f.outcome), f.reason ? e(f.reason) : '—', f.question ? e(f.question) : '<span class="note">not stored</span>', e(f.cited.join('、') || '—')]),
    'No 👎 in this period.',
  );

  const reasons = table(
    ['why declined 原因', 'questions'],
    d.declineReasons.map((r) => [e(REASONS[r.reason] ?? r.reason), String(r.count)]),
    'Nothing declined in this period.',
  );
  const languages = table(
    ['language 語言', 'questions'],
    d.languages.map((l) => [e(l.language), String(l.count)]),
    'No questions in this period.',
  );

  return `<!doctype html>
<html lang="zh-Hant-HK">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(source.title)} — report ${e(d.from)} to ${e(d.to)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${e(source.title)} — content report 內容報告</h1>
<p class="sub">${e(d.from)} – ${e(d.to)} (${d.days} days, Hong Kong time) · generated ${e(d.generatedAt.slice(0, 16).replace('T', ' '))} UTC</p>
<div class="cards">${cards}</div>
</header>
<main>
<div class="grid">
<section><h2>Questions per day 每日提問</h2><div class="chart"><canvas id="chart-per-day" role="img" aria-label="Questions per day by outcome"></canvas></div></section>
<section><h2>Outcomes 回答結果</h2><div class="chart"><canvas id="chart-outcomes" role="img" aria-label="Answered, partial and declined"></canvas></div></section>
</div>
<section><h2>What the fact sheet did not answer 資料未能回答的主題</h2>
<p class="note">Declined questions (not covered) and the uncovered parts of partial answers, grouped by the word they share most.</p>
${d.questionsStored && d.declinedTopics.length ? '<div class="chart tall"><canvas id="chart-topics" role="img" aria-label="Topics of unanswered questions"></canvas></div>' : ''}
${topics}
</section>
<section><h2>Most-cited passages 最常引用的段落</h2>
${d.mostCited.length ? '<div class="chart tall"><canvas id="chart-cited" role="img" aria-label="Most-cited passages"></canvas></div>' : ''}
${cited}
</section>
<div class="grid">
<section><h2>Feedback 使用者評價</h2><div class="chart"><canvas id="chart-feedback" role="img" aria-label="Feedback per day"></canvas></div>
<h2 style="margin-top:16px">👎 answers</h2>${down}</section>
<section><h2>Declines by reason</h2>${reasons}<h2 style="margin-top:16px">Languages</h2>${languages}</section>
</div>
</main>
<footer>Source: ${e(source.database)}. Question text is stored only with STORE_QUESTIONS=true, with identity card numbers, phone numbers and e-mail addresses removed before storage, and deleted after QUESTION_RETENTION_DAYS.</footer>
<script type="application/json" id="report-data">${chartData(d)}</script>
<script>${chartJs()}</script>
<script>${INIT}</script>
</body>
</html>
`;
}
