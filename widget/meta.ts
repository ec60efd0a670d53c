/**
 * What the service says about itself (GET {endpoint}/api/meta): the documents it answers from, the
 * corpus date and the request limits. The built-in defaults describe the fact sheet this service was
 * made for and stand in until the answer arrives, or when it never does.
 */
import type { Sheet } from './strings.js';

export interface MetaDocument {
  id: string;
  title: string;
  updated: string | null;
}

export interface Meta {
  documents: MetaDocument[];
  corpusUpdated: string | null;
  limits: { maxMessageChars: number; maxHistoryTurns: number };
}

export const DEFAULT_META: Meta = {
  documents: [{ id: 'innovation-and-technology.zh-Hant', title: '創新及科技', updated: '2023-06-30' }],
  corpusUpdated: '2023-06-30',
  limits: { maxMessageChars: 1000, maxHistoryTurns: 20 },
};

const META_TIMEOUT_MS = 15000;

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isCount = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;

/** Validates a /api/meta body; whatever is missing or malformed keeps its default. */
export function parseMeta(body: unknown): Meta {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const docs = Array.isArray(b.documents)
    ? b.documents.flatMap((d): MetaDocument[] => {
        const o = (d && typeof d === 'object' ? d : {}) as Record<string, unknown>;
        const title = typeof o.title === 'string' ? o.title.trim().slice(0, 200) : '';
        if (!title) return [];
        return [{ id: typeof o.id === 'string' ? o.id : '', title, updated: isDate(o.updated) ? o.updated : null }];
      })
    : [];
  const limits = (b.limits && typeof b.limits === 'object' ? b.limits : {}) as Record<string, unknown>;
  return {
    documents: docs.length ? docs : DEFAULT_META.documents,
    corpusUpdated: docs.length ? (isDate(b.corpusUpdated) ? b.corpusUpdated : null) : DEFAULT_META.corpusUpdated,
    limits: {
      maxMessageChars: isCount(limits.maxMessageChars, 1) ? limits.maxMessageChars : DEFAULT_META.limits.maxMessageChars,
      maxHistoryTurns: isCount(limits.maxHistoryTurns, 0) ? limits.maxHistoryTurns : DEFAULT_META.limits.maxHistoryTurns,
    },
  };
}

/** Fetches and validates the service's meta; rejects on a network error, timeout or non-2xx (503 while loading). */
export function fetchMeta(endpoint: string): Promise<Meta> {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = setTimeout(() => controller?.abort(), META_TIMEOUT_MS);
  return fetch(endpoint + '/api/meta', {
    method: 'GET',
    mode: 'cors',
    credentials: 'omit',
    headers: { Accept: 'application/json' },
    signal: controller ? controller.signal : undefined,
  })
    .then((res) => {
      if (!res.ok) throw new Error(`GET /api/meta: HTTP ${res.status}`);
      return res.json();
    })
    .then(parseMeta)
    .finally(() => clearTimeout(timer));
}

/** The parts of the meta the UI texts use. */
export function sheetOf(meta: Meta): Sheet {
  return {
    titles: meta.documents.map((d) => d.title).filter((t, i, all) => all.indexOf(t) === i),
    updated: meta.corpusUpdated,
    maxChars: meta.limits.maxMessageChars,
  };
}

/** Title of the document a citation comes from (by id), else the first document's. */
export function documentTitle(meta: Meta, documentId: unknown): string {
  const doc = meta.documents.find((d) => d.id === documentId) ?? meta.documents[0] ?? DEFAULT_META.documents[0]!;
  return doc.title;
}
