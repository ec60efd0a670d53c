import { Router } from 'express';
import type { Passage } from '../../ingest/types.js';
import { passagePagePath } from '../../contract/links.js';
import { pageLanguage, passageErrorPage, passagePage } from '../pages/passage-page.js';
import type { ServiceState } from '../state.js';

/** The run of passages around `p` in the same document and section, in reading order. */
function sectionOf(p: Passage, passages: readonly Passage[]): Passage[] {
  const doc = passages.filter((q) => q.docId === p.docId).sort((a, b) => a.ordinal - b.ordinal);
  const at = doc.findIndex((q) => q.id === p.id);
  let start = at;
  let end = at;
  while (start > 0 && doc[start - 1]!.section === p.section) start--;
  while (end < doc.length - 1 && doc[end + 1]!.section === p.section) end++;
  return doc.slice(start, end + 1);
}

/** GET /passages/:id — the human-readable page a citation links to (?lang=zh-Hant|zh-Hans|en for its labels). */
export function passagePageRouter(state: ServiceState): Router {
  const router = Router();
  router.get('/passages/:id', (req, res) => {
    const lang = pageLanguage(req.query.lang);
    res.type('html').setHeader('Cache-Control', 'public, max-age=300');
    if (!state.ready) {
      res.status(503).setHeader('Retry-After', '5').send(passageErrorPage('notReady', lang));
      return;
    }
    const { index } = state.ready;
    const passage = index.byId.get(req.params.id);
    const doc = passage && index.documents.get(passage.docId)?.meta;
    if (!passage || !doc) {
      res.status(404).send(passageErrorPage('notFound', lang));
      return;
    }
    const path = passagePagePath(passage.id);
    res.send(
      passagePage({
        passage,
        section: sectionOf(passage, index.passages),
        doc,
        lang,
        canonical: state.delivery.publicBaseUrl ? `${state.delivery.publicBaseUrl}${path}` : null,
        jsonPath: `/api/passages/${encodeURIComponent(passage.id)}`,
      }),
    );
  });
  return router;
}
