/**
 * Reply formats for chat apps: the request options both chat endpoints accept, and the platform
 * presets they name. The renderer that applies them is src/serve/render/.
 */
import { z } from 'zod/v4';

/** "text": plain text that no chat app interprets as markup; "markdown": escaped for the platform's dialect. */
export const REPLY_FORMATS = ['text', 'markdown'] as const;
export type ReplyFormat = (typeof REPLY_FORMATS)[number];

/**
 * Platforms with known rules: their message limit and markdown dialect. "generic" has no limit and
 * uses CommonMark; "telegram" caps at 4,096 characters and uses MarkdownV2.
 */
export const PLATFORMS = ['generic', 'telegram'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const MIN_REPLY_CHARS = 200;
export const MAX_REPLY_CHARS = 65_536;

/** Fields added to both chat request bodies. Without `format` the answer is returned as before. */
export const replyOptionsShape = {
  format: z
    .enum(REPLY_FORMATS)
    .optional()
    .describe('Render the answer for a chat app: markers stay as [n] and a numbered "Sources" footer (section, short quote, passage link) follows.'),
  platform: z.enum(PLATFORMS).optional().describe('Preset for the message limit and markdown dialect (default generic). Needs format.'),
  maxChars: z
    .number()
    .int()
    .min(MIN_REPLY_CHARS)
    .max(MAX_REPLY_CHARS)
    .optional()
    .describe("Longest reply, in UTF-16 code units (what chat apps count); lower than the platform's limit wins. Needs format."),
};

export interface ReplyOptions {
  format?: ReplyFormat;
  platform?: Platform;
  maxChars?: number;
}

/** platform and maxChars only mean something for a rendered reply: asking for them alone is a mistake. */
export function checkReplyOptions(v: ReplyOptions, ctx: z.RefinementCtx): void {
  if (!v.format && (v.platform !== undefined || v.maxChars !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['format'], message: 'platform and maxChars apply only with format ("text" or "markdown")' });
  }
}
