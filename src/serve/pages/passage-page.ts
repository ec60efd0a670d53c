/**
 * The human-readable page of one cited passage (/passages/:id): the passage highlighted in its
 * section, with the document's title, publisher and date and a link to the source when the metadata
 * has one. A citation can then be a plain link in bots, e-mail and copied answers. Every value from
 * the corpus is HTML-escaped (escape-html); the page has no script.
 */
import escapeHtml from 'escape-html';
import type { Language } from '../../contract/chat.js';
import type { DocumentMeta, Passage } from '../../ingest/types.js';

const LABELS: Record<Language, { htmlLang: string; locale: string; updated: string; publisher: string; source: string; cited: string; note: string; json: string; notFound: string; notReady: string }> = {
  'zh-Hant': {
    htmlLang: 'zh-Hant-HK',
    locale: 'zh-HK',
    updated: '更新日期',
    publisher: '發布機構',
    source: '資料來源',
    cited: '引用段落',
    note: '本頁顯示問答服務所引用的段落原文及其所在章節。',
    json: '機器可讀格式 (JSON)',
    notFound: '找不到這個段落。資料更新後，段落編號可能已經改變。',
    notReady: '服務正在載入資料，請稍後再試。',
  },
  'zh-Hans': {
    htmlLang: 'zh-Hans',
    locale: 'zh-CN',
    updated: '更新日期',
    publisher: '发布机构',
    source: '资料来源',
    cited: '引用段落',
    note: '本页显示问答服务所引用的段落原文（繁体中文）及其所在章节。',
    json: '机器可读格式 (JSON)',
    notFound: '找不到这个段落。资料更新后，段落编号可能已经改变。',
    notReady: '服务正在加载资料，请稍后再试。',
  },
  en: {
    htmlLang: 'en',
    locale: 'en-GB',
    updated: 'Updated',
    publisher: 'Publisher',
    source: 'Source',
    cited: 'Cited passage',
    note: 'This page shows the passage the Q&A service cited, verbatim (in the original Traditional Chinese), within its section.',
    json: 'Machine-readable (JSON)',
    notFound: 'No such passage. Passage ids can change when the document is updated.',
    notReady: 'The service is still loading its documents; please try again shortly.',
  },
};

export function pageLanguage(query: unknown): Language {
  return query === 'en' || query === 'zh-Hans' || query === 'zh-Hant' ? query : 'zh-Hant';
}

function formatDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

const STYLE = `
  :root { color-scheme: light; --ink: #1b1b1b; --muted: #5b5b5b; --accent: #0b5cad; --mark: #fff1b8; }
  body { margin: 0; font: 17px/1.7 system-ui, "Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei", sans-serif; color: var(--ink); background: #fafafa; }
  main { max-width: 44rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; background: #fff; min-height: 100vh; box-sizing: border-box; }
  .doc { margin: 0 0 .25rem; color: var(--muted); font-size: .95rem; }
  .doc strong { color: var(--ink); }
  h1 { font-size: 1.5rem; line-height: 1.35; margin: .25rem 0 1.25rem; }
  .passage { margin: 0 0 1rem; }
  .passage.cited { background: var(--mark); outline: 3px solid var(--mark); border-radius: 2px; }
  .passage.cited::before { content: attr(data-label); display: block; font-size: .8rem; font-weight: 600; color: var(--muted); }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 2rem 0 0; padding-top: 1rem; border-top: 1px solid #ddd; font-size: .95rem; }
  dt { color: var(--muted); }
  dd { margin: 0; overflow-wrap: anywhere; }
  a { color: var(--accent); }
  .note { color: var(--muted); font-size: .9rem; margin-top: 1.5rem; }
`;

function shell(lang: Language, title: string, body: string, canonical?: string | null): string {
  return `<!doctype html>
<html lang="${LABELS[lang].htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}">\n` : ''}<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface PassagePageInput {
  passage: Passage;
  /** The passages of its section, in reading order (the cited one among them). */
  section: Passage[];
  doc: DocumentMeta;
  lang: Language;
  /** Absolute URL of this page when the public address is configured. */
  canonical: string | null;
  /** Root-relative link to the JSON form. */
  jsonPath: string;
}

export function passagePage({ passage, section, doc, lang, canonical, jsonPath }: PassagePageInput): string {
  const t = LABELS[lang];
  const paragraphs = section
    .map((p) =>
      p.id === passage.id
        ? `<p class="passage cited" id="${escapeHtml(p.id)}" data-label="${escapeHtml(t.cited)}"><mark>${escapeHtml(p.text)}</mark></p>`
        : `<p class="passage" id="${escapeHtml(p.id)}">${escapeHtml(p.text)}</p>`,
    )
    .join('\n');
  const facts: string[] = [];
  if (doc.publisher) facts.push(`<dt>${t.publisher}</dt><dd>${escapeHtml(doc.publisher)}</dd>`);
  if (doc.updated) facts.push(`<dt>${t.updated}</dt><dd><time datetime="${escapeHtml(doc.updated)}">${escapeHtml(formatDate(doc.updated, t.locale))}</time></dd>`);
  if (doc.url) facts.push(`<dt>${t.source}</dt><dd><a href="${escapeHtml(doc.url)}" rel="noopener noreferrer">${escapeHtml(doc.source ?? doc.url)}</a></dd>`);
  else if (doc.source) facts.push(`<dt>${t.source}</dt><dd>${escapeHtml(doc.source)}</dd>`);
  const body = `<p class="doc"><strong>《${escapeHtml(doc.title)}》</strong>${doc.updated ? ` · ${escapeHtml(formatDate(doc.updated, t.locale))}` : ''}</p>
<h1>${escapeHtml(passage.section)}</h1>
${paragraphs}
<dl>
${facts.join('\n')}
</dl>
<p class="note">${t.note} <a href="${escapeHtml(jsonPath)}">${t.json}</a></p>`;
  return shell(lang, `${passage.section} — 《${doc.title}》`, body, canonical);
}

/** A small page for a missing passage or a service still loading. */
export function passageErrorPage(kind: 'notFound' | 'notReady', lang: Language): string {
  return shell(lang, LABELS[lang][kind], `<h1>${LABELS[lang][kind]}</h1>`);
}
