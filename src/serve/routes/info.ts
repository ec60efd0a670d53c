import path from 'node:path';
import { Router } from 'express';
import { PROJECT_ROOT } from '../../config/paths.js';
import { ApiError } from '../../contract/errors.js';
import { buildOpenApi } from '../../contract/openapi.js';
import type { ServiceState } from '../state.js';
import { requireReady } from './common.js';

/**
 * A note for the public without the server's file layout: absolute paths become project-relative
 * (models/Xenova/…) or, outside the project, just their last part.
 */
export function withoutAbsolutePaths(text: string): string {
  return text.replace(/(^|[\s"'(])(\/[^\s"'),;]+)/g, (_m, before: string, p: string) => {
    const rel = path.relative(PROJECT_ROOT, p);
    return before + (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : `…/${path.basename(p)}`);
  });
}

export function infoRouter(state: ServiceState): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', (_req, res) => {
    if (!state.ready) {
      res.status(503).json(
        state.loadError
          ? { status: 'failed', error: withoutAbsolutePaths(state.loadError) }
          : { status: 'loading', ...(state.loading ? { phase: state.loading.phase, progress: withoutAbsolutePaths(state.loading.detail) } : {}) },
      );
      return;
    }
    const { index, answers } = state.ready;
    // What was actually loaded (not what the manifest claims): the counts a damaged index would get wrong.
    const documents = [...index.documents.values()].map(({ meta }) => ({ id: meta.id, title: meta.title, updated: meta.updated ?? null }));
    res.json({
      status: 'ready',
      retrieval: index.dense ? 'hybrid' : 'lexical',
      model: index.dense ? index.dense.embedder.settings.modelId : null,
      modelNote: index.denseNote === null ? null : withoutAbsolutePaths(index.denseNote),
      answerMode: answers.mode.name,
      passages: index.byId.size,
      exemplars: answers.exemplarCount,
      // Off (null) when its model is missing or invalid: the service then answers without it.
      answerGate: answers.gate ? { threshold: answers.gate.threshold, trainedAt: answers.gate.model.trainedAt } : null,
      documents,
      corpusUpdated: documents.map((d) => d.updated).filter(Boolean).sort().pop() ?? null,
      indexBuiltAt: index.manifest.builtAt,
    });
  });

  // What a client (the widget) shows and enforces: the corpus it answers from and the request limits.
  router.get('/api/meta', (_req, res) => {
    const { index } = requireReady(state);
    const documents = index.manifest.documents.map((d) => ({ id: d.id, title: d.title, updated: d.updated }));
    res.json({
      documents,
      corpusUpdated: documents.map((d) => d.updated).filter(Boolean).sort().pop() ?? null,
      limits: state.limits,
    });
  });

  router.get('/api/passages/:id', (req, res) => {
    const { index } = requireReady(state);
    const p = index.byId.get(req.params.id);
    if (!p) throw new ApiError('passage_not_found', `No passage with id ${req.params.id}`);
    const doc = index.documents.get(p.docId);
    res.json({ ...p, document: p.docId, documentTitle: doc?.meta.title ?? p.docId, updated: doc?.meta.updated ?? null });
  });

  router.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApi(state.info, state.limits));
  });
  return router;
}
