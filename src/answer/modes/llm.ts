import type { Turn } from '../../contract/chat.js';
import { distinctMarkers, renumberMarkers, stripMarkers } from '../../contract/markers.js';
import { normalizeForMatch } from '../../text/normalize.js';
import { ASK_LABELS, carries } from '../evidence.js';
import type { DocumentMeta } from '../../ingest/types.js';
import { toCitations } from '../citations.js';
import { type LlmClient, NOT_IN_SOURCES } from '../llm-client.js';
import { LlmBusyError } from '../llm-gate.js';
import { uncoveredMessage } from '../messages.js';
import { type VerifyOptions, verifyLlmAnswer } from '../verify/index.js';
import { errorLine } from '../llm-errors.js';
import type { AnswerMode, AnswerRequest, ModeOutcome } from './mode.js';

const LANGUAGE_NAMES = { en: 'English', 'zh-Hans': 'Simplified Chinese', 'zh-Hant': 'Traditional Chinese' } as const;

/** Answers with an OpenAI-compatible model from the numbered passages; the answer is verified before use. */
export class LlmMode implements AnswerMode {
  readonly name = 'llm' as const;
  readonly readsPassages = true;
  readonly timeoutMs: number;

  constructor(
    private readonly client: LlmClient,
    private readonly documents: ReadonlyMap<string, { meta: DocumentMeta }>,
    /** The prompts the model saw (an answer quoting them is rejected) and the hosts links may point to. */
    private readonly verifyOptions: VerifyOptions,
  ) {
    this.timeoutMs = client.config.timeoutMs;
  }

  condense(message: string, history: Turn[], signal?: AbortSignal): Promise<string> {
    return this.client.condense(message, history, signal);
  }

  async answer({ question, language, retrieval, uncovered: notFound, asks, signal }: AnswerRequest): Promise<ModeOutcome> {
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
    const verdict = verifyLlmAnswer(raw, passages.map((p) => p.text), this.verifyOptions);
    if (!verdict.ok) return { kind: 'fallback', reason: `${verdict.check}: ${verdict.reason}` };
    const checked = verdict.answer;
    // Renumber markers 1..n in order of first use, so citations are contiguous and all cited.
    const order = distinctMarkers(checked);
    // The answer must state what was asked (a date for 「何時」…); what it leaves out is uncovered.
    const said = normalizeForMatch(stripMarkers(checked));
    // A list is the model's own prose (「…，以及…」), not a quoted enumeration: its items are checked
    // against the passages above, not its punctuation here.
    const missing = asks.filter((a) => a.kind !== 'list' && !carries(said, a, normalizeForMatch(question)));
    if (asks.length > 0 && missing.length === asks.length) return { kind: 'decline' };
    const uncovered = [...notFound, ...missing.map((a) => ASK_LABELS[a.kind][language])];
    const renumbered = renumberMarkers(checked, (n) => order.indexOf(n) + 1);
    const answer = uncovered.length ? `${renumbered}\n${uncoveredMessage(uncovered, language)}` : renumbered;
    const cited = order.map((n) => passages[n - 1]!);
    return { kind: 'answer', answer: { answer, answerable: true, citations: toCitations(cited, retrieval), uncovered, mode: this.name, language } };
  }
}
