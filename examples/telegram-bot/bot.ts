/**
 * Example adapter: a Telegram bot (grammY) in front of the fact-sheet Q&A service. It asks
 * POST /api/chat for a reply already rendered for Telegram (format "markdown", platform "telegram":
 * MarkdownV2, numbered sources with passage links, at most 4,096 characters), keeps a short history
 * per chat for follow-up questions, and sends 👍/👎 to POST /api/feedback.
 *
 *   TELEGRAM_BOT_TOKEN=123:abc FACTSHEET_API_URL=https://qa.example.gov.hk npx tsx examples/telegram-bot/bot.ts
 */
import { Bot, GrammyError, InlineKeyboard } from 'grammy';

type Lang = 'zh-Hant' | 'zh-Hans' | 'en';
type Turn = { role: 'user' | 'assistant'; content: string };

const TEXT: Record<Lang, Record<'start' | 'thanks' | 'why' | 'noted' | 'busy' | 'loading' | 'down' | 'tooLong', string>> = {
  'zh-Hant': {
    start: '你好！我根據香港特區政府《創新及科技》便覽（2023年6月30日更新）回答問題，並附上資料來源。請直接輸入你的問題。',
    thanks: '謝謝你的意見！',
    why: '可以告訴我們哪裏不對嗎？（直接回覆這則訊息，可略過）',
    noted: '已記錄，謝謝！',
    busy: '問題太多了，請稍等一會再試。',
    loading: '服務正在啟動，請稍後再試。',
    down: '暫時無法連接問答服務，請稍後再試。',
    tooLong: '問題太長了，請簡短一點。',
  },
  'zh-Hans': {
    start: '你好！我根据香港特区政府《创新及科技》便览（2023年6月30日更新）回答问题，并附上资料来源。请直接输入你的问题。',
    thanks: '谢谢你的意见！',
    why: '可以告诉我们哪里不对吗？（直接回复这则消息，可略过）',
    noted: '已记录，谢谢！',
    busy: '问题太多了，请稍等一会再试。',
    loading: '服务正在启动，请稍后再试。',
    down: '暂时无法连接问答服务，请稍后再试。',
    tooLong: '问题太长了，请简短一点。',
  },
  en: {
    start: 'Hello! I answer questions from the Hong Kong Government fact sheet "Innovation and Technology" (updated 30 June 2023), with sources. Just type your question.',
    thanks: 'Thanks for the feedback!',
    why: 'Could you tell us what was wrong? (Reply to this message; optional)',
    noted: 'Noted, thank you!',
    busy: 'Too many questions at once; please wait a moment and try again.',
    loading: 'The service is starting; please try again shortly.',
    down: 'The Q&A service cannot be reached right now; please try again later.',
    tooLong: 'That question is too long; please shorten it.',
  },
};

/** Telegram's language_code (zh-hk, zh-hans, en…) → the bot's own strings. */
export function botLanguage(code: string | undefined): Lang {
  const c = (code ?? '').toLowerCase();
  if (c === 'zh-hans' || c === 'zh-cn' || c === 'zh-sg') return 'zh-Hans';
  if (c.startsWith('zh')) return 'zh-Hant';
  return 'en';
}

export interface BotOptions {
  token: string;
  /** The Q&A service, e.g. https://qa.example.gov.hk (no trailing slash needed). */
  serviceUrl: string;
  /** Telegram Bot API root (tests point it at a local fake). */
  apiRoot?: string;
  /** Turns of history kept per chat (user + assistant), for follow-up questions. */
  historyTurns?: number;
}

class ServiceError extends Error {
  constructor(readonly status: number, readonly code: string) {
    super(`${status} ${code}`);
  }
}

export function createBot(opts: BotOptions): Bot {
  const service = opts.serviceUrl.replace(/\/+$/, '');
  const bot = new Bot(opts.token, { client: opts.apiRoot ? { apiRoot: opts.apiRoot } : undefined });
  const histories = new Map<number, Turn[]>();
  /** Message id of a "why?" prompt → the answer it asks about. */
  const whyPrompts = new Map<number, string>();
  const keep = opts.historyTurns ?? 6;

  async function call<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${service}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
    const json = (await res.json().catch(() => ({}))) as T & { error?: { code: string } };
    if (!res.ok) throw new ServiceError(res.status, json.error?.code ?? 'unknown');
    return json;
  }

  bot.command(['start', 'help'], (ctx) => ctx.reply(TEXT[botLanguage(ctx.from?.language_code)].start));

  bot.on('message:text', async (ctx) => {
    const lang = botLanguage(ctx.from.language_code);
    const question = ctx.message.text;

    // A reply to our "what was wrong?" prompt is the reason for a 👎.
    const about = ctx.message.reply_to_message && whyPrompts.get(ctx.message.reply_to_message.message_id);
    if (about) {
      whyPrompts.delete(ctx.message.reply_to_message!.message_id);
      await call('/api/feedback', { answerId: about, rating: 'down', reason: question.slice(0, 500) }).catch(() => undefined);
      await ctx.reply(TEXT[lang].noted);
      return;
    }

    await ctx.replyWithChatAction('typing');
    const history = histories.get(ctx.chat.id) ?? [];
    let reply: { answer: string; answerId: string };
    try {
      reply = await call('/api/chat', { message: question, history, format: 'markdown', platform: 'telegram' });
    } catch (err) {
      const e = err instanceof ServiceError ? err : null;
      const text = e?.status === 429 ? TEXT[lang].busy : e?.status === 503 ? TEXT[lang].loading : e?.code === 'message_too_long' ? TEXT[lang].tooLong : TEXT[lang].down;
      await ctx.reply(text);
      return;
    }
    histories.set(ctx.chat.id, [...history, { role: 'user' as const, content: question }, { role: 'assistant' as const, content: reply.answer }].slice(-keep));
    await ctx.reply(reply.answer, {
      parse_mode: 'MarkdownV2',
      link_preview_options: { is_disabled: true },
      reply_markup: new InlineKeyboard().text('👍', `fb:up:${reply.answerId}`).text('👎', `fb:down:${reply.answerId}`),
    });
  });

  bot.callbackQuery(/^fb:(up|down):([0-9a-f-]{36})$/, async (ctx) => {
    const lang = botLanguage(ctx.from.language_code);
    const [, rating, answerId] = ctx.match;
    try {
      await call('/api/feedback', { answerId, rating });
    } catch {
      await ctx.answerCallbackQuery({ text: TEXT[lang].down });
      return;
    }
    await ctx.answerCallbackQuery({ text: TEXT[lang].thanks });
    await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard().text(rating === 'up' ? '👍 ✓' : '👎 ✓', 'fb:done') });
    if (rating === 'down' && ctx.chat) {
      const prompt = await ctx.api.sendMessage(ctx.chat.id, TEXT[lang].why, { reply_markup: { force_reply: true, selective: true } });
      whyPrompts.set(prompt.message_id, answerId!);
    }
  });
  bot.callbackQuery('fb:done', (ctx) => ctx.answerCallbackQuery());

  bot.catch((err) => {
    const e = err.error;
    console.error(`[telegram-bot] update ${err.ctx.update.update_id} failed: ${e instanceof GrammyError ? e.description : String(e)}`);
  });
  return bot;
}

// Run directly: long polling until Ctrl-C.
if (import.meta.url === `file://${process.argv[1]}`) {
  const token = process.env.TELEGRAM_BOT_TOKEN;
  const serviceUrl = process.env.FACTSHEET_API_URL ?? 'http://127.0.0.1:3000';
  if (!token) {
    console.error('Set TELEGRAM_BOT_TOKEN (from @BotFather) and FACTSHEET_API_URL (the Q&A service).');
    process.exit(1);
  }
  const bot = createBot({ token, serviceUrl });
  process.once('SIGINT', () => void bot.stop());
  process.once('SIGTERM', () => void bot.stop());
  await bot.start({ onStart: (me) => console.log(`[telegram-bot] @${me.username} answering from ${serviceUrl}`) });
}
