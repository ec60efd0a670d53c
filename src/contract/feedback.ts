/** Feedback on one answer (👍/👎 with an optional reason), referencing the answerId the chat endpoints return. */
import { z } from 'zod/v4';

export const RATINGS = ['up', 'down'] as const;
export type Rating = (typeof RATINGS)[number];

export const MAX_FEEDBACK_REASON_CHARS = 500;

export const feedbackRequestSchema = z
  .object({
    answerId: z.string().uuid().describe('The answerId of a reply from POST /api/chat or /v1/chat/completions'),
    rating: z.enum(RATINGS).describe('up = 👍, down = 👎'),
    reason: z.string().trim().max(MAX_FEEDBACK_REASON_CHARS).optional().describe('Free text; personal data is redacted before storage'),
  })
  .describe('Sending feedback again for the same answer replaces the earlier one. Unknown fields are ignored.');
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

export const feedbackResponseSchema = z.object({
  answerId: z.string(),
  rating: z.enum(RATINGS),
  /** True when this replaced earlier feedback on the same answer. */
  replaced: z.boolean(),
});
