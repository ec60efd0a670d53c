/**
 * The HTTP API contract, written once: zod schemas validate requests, the TypeScript types are
 * inferred from them, and the OpenAPI document (./openapi.ts) is generated from the same schemas.
 */
import { z } from 'zod/v4';
import { checkReplyOptions, replyOptionsShape } from './reply-format.js';

export const LANGUAGES = ['zh-Hant', 'zh-Hans', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

/** Answer modes the service can run; each is implemented in src/answer/modes/. */
export const ANSWER_MODES = ['extractive', 'llm'] as const;
export const answerModeSchema = z.enum(ANSWER_MODES);
export type AnswerModeName = z.infer<typeof answerModeSchema>;

export const RETRIEVAL_MODES = ['lexical', 'hybrid'] as const;
export const retrievalModeSchema = z.enum(RETRIEVAL_MODES);
export type RetrievalMode = z.infer<typeof retrievalModeSchema>;

export interface Limits {
  maxMessageChars: number;
  maxHistoryTurns: number;
}

/** Per-turn ceiling for history: assistant answers quote passages, so allow more than a message. */
export const MAX_TURN_CHARS = 8000;
/** Request bodies above this are refused with payload_too_large. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Request URLs above this are refused with uri_too_long (414); past Node's header limit, 431 JSON. */
export const MAX_URL_CHARS = 8 * 1024;

export const turnSchema = z.object({ role: z.enum(['user', 'assistant']), content: z.string().max(MAX_TURN_CHARS) });
export type Turn = z.infer<typeof turnSchema>;

/** The user's last message in a history (what a follow-up follows), if any. */
export function lastUserMessage(history: readonly Turn[]): string | undefined {
  return history.filter((t) => t.role === 'user').at(-1)?.content;
}

/** Characters nobody can see: controls (NUL), format characters (ZWSP, RLO, BOM), fillers, spaces. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}\s\u2800]/gu;

/** True when the text has at least one character a reader could see. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/**
 * A message of invisible characters only (ZWSP, RLO, NUL…) is empty. The message limit holds for
 * the text as the service reads it (NFKC): one character such as U+FDFA
 * expands to 18, so a 1,000-character message could otherwise cost as much as 18,000.
 */
function messageSchema(limits: Limits) {
  return z
    .string()
    .trim()
    .min(1)
    .max(limits.maxMessageChars)
    .superRefine((value, ctx) => {
      if (!hasVisibleText(value)) {
        ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: value, message: 'message has no visible characters' });
      } else if (value.normalize('NFKC').length > limits.maxMessageChars) {
        ctx.addIssue({ code: 'too_big', origin: 'string', maximum: limits.maxMessageChars, inclusive: true, input: value, message: 'message is too long once normalised (NFKC)' });
      }
    });
}

export function chatRequestSchema(limits: Limits) {
  // Unknown fields are stripped (ignored), per the API contract.
  return z
    .object({
      message: messageSchema(limits),
      history: z.array(turnSchema).max(limits.maxHistoryTurns).default([]),
      stream: z.boolean().optional(),
      ...replyOptionsShape,
    })
    .superRefine(checkReplyOptions)
    .describe('Unknown fields are ignored.');
}
export type ChatRequest = z.infer<ReturnType<typeof chatRequestSchema>>;

export const citationSchema = z.object({
  marker: z.number().int().min(1),
  id: z.string(),
  document: z.string(),
  section: z.string(),
  text: z.string().describe('The passage verbatim, as indexed'),
  start: z.number().int().describe('Offset in the cleaned document'),
  end: z.number().int(),
  score: z.number(),
});
export type Citation = z.infer<typeof citationSchema>;

export const chatAnswerSchema = z.object({
  answer: z.string().describe('Every [n] refers to the citation with marker n; every citation is cited.'),
  answerable: z.boolean(),
  citations: z.array(citationSchema),
  uncovered: z
    .array(z.string())
    .describe(
      'Parts of the question the documents do not cover (a partial answer: answerable with the covered part cited); empty when the answer is complete or the question is declined.',
    ),
  mode: answerModeSchema,
  language: languageSchema,
});
export type ChatAnswer = z.infer<typeof chatAnswerSchema>;

/** What the chat endpoints send: the answer, its id (for feedback) and a link to each cited passage's page. */
export const chatResponseSchema = chatAnswerSchema.extend({
  answerId: z.string().uuid().describe('Reference this answer in POST /api/feedback'),
  citations: z.array(
    citationSchema.extend({
      url: z.string().describe('The passage page /passages/{id}: absolute when PUBLIC_BASE_URL is set, else root-relative'),
    }),
  ),
});
export type ChatResponse = z.infer<typeof chatResponseSchema>;

export const passageResponseSchema = z.object({
  id: z.string(),
  docId: z.string(),
  document: z.string(),
  documentTitle: z.string(),
  section: z.string(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  ordinal: z.number().int(),
  updated: z.string().nullable(),
});

const documentInfoSchema = z.object({ id: z.string(), title: z.string(), updated: z.string().nullable() });

export const readySchema = z.object({
  status: z.literal('ready'),
  retrieval: retrievalModeSchema,
  model: z.string().nullable(),
  modelNote: z.string().nullable(),
  answerMode: answerModeSchema,
  passages: z.number().int(),
  /** Labelled questions (first questions and follow-ups) a message may reword (0: exemplars off or none found). */
  exemplars: z.number().int(),
  /** The answer gate (`npm run train:gate`): its decline threshold and when its model was trained; null when off. */
  answerGate: z.object({ threshold: z.number(), trainedAt: z.string() }).nullable(),
  documents: z.array(documentInfoSchema),
  corpusUpdated: z.string().nullable(),
  indexBuiltAt: z.string(),
});

export const metaSchema = z.object({
  documents: z.array(documentInfoSchema),
  corpusUpdated: z.string().nullable(),
  limits: z.object({ maxMessageChars: z.number().int(), maxHistoryTurns: z.number().int() }),
});

const contentPart = z.looseObject({ type: z.string(), text: z.string().optional() });

export const openAiRequestSchema = z.object({
  model: z.string().optional(),
  messages: z
    .array(
      z.looseObject({
        role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
        content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
      }),
    )
    .min(1),
  stream: z.boolean().optional(),
  ...replyOptionsShape,
}).superRefine(checkReplyOptions);
export type OpenAiRequest = z.infer<typeof openAiRequestSchema>;

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
