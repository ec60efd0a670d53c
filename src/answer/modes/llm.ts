import type { Turn } from '../../contract/chat.js';
import { distinctMarkers, renumberMarkers } from '../../contract/markers.js';
import type { DocumentMeta } from '../../ingest/types.js';
import { toCitations } from '../citations.js';
import { type LlmClient, NOT_IN_SOURCES } from '../llm-client.js';
import { LlmBusyError } from '../llm-gate.js';
import { verifyAnswer } from '../verify.js';
import type { AnswerMode, AnswerRequest, ModeOutcome } from './mode.js';

const LANGUAGE_NAMES = { en: 'English', 'zh-Hans': 'Simplified Chinese', 'zh-Hant': 'Traditional Chinese' } as const;

/** Answers with an OpenAI-compatible model from the numbered passages; the answer is verified before use. */
export class LlmMode implements AnswerMode {
  readonly name = 'llm' as const;
  readonly timeoutMs: number;

  constructor(
    private readonly client: LlmClient,
    private readonly documents: ReadonlyMap<string, { meta: DocumentMeta }>,
  ) {
    this.timeoutMs = client.config.timeoutMs;
  }

  condense(message: string, history: Turn[], signal?: AbortSignal): Promise<string> {
    return this.client.condense(message, history, signal);
  }

  async answer({ question, language, retrieval, signal }: AnswerRequest): Promise<ModeOutcome> {
    const passages = retrieval.hits.map((h) => h.passage);
    const doc = this.documents.get(passages[0]!.docId)!.meta;
    let raw: string;
    try {
      raw = await this.client.answer(
        {
          question,
          language: LANGUAGE_NAMES[language],
          passages: passages.map((p) => p.text),
          title: doc.title,
          updated: doc.updated ?? 'unknown',
        },
        signal,
      );
    } catch (err) {
      // Too many calls waiting: the client is told to come back (503), not served a degraded answer.
      if (err instanceof LlmBusyError) throw err;
      return { kind: 'fallback', reason: `LLM error: ${errorLine(err)}` };
    }
    if (raw.includes(NOT_IN_SOURCES)) return { kind: 'decline' };
    const verdict = verifyAnswer(raw, passages.map((p) => p.text));
    if (!verdict.ok) return { kind: 'fallback', reason: verdict.reason };
    // Renumber markers 1..n in order of first use, so citations are contiguous and all cited.
    const order = distinctMarkers(raw);
    const answer = renumberMarkers(raw, (n) => order.indexOf(n) + 1);
    const cited = order.map((n) => passages[n - 1]!);
    return { kind: 'answer', answer: { answer, answerable: true, citations: toCitations(cited, retrieval), mode: this.name, language } };
  }
}

export function errorLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}
