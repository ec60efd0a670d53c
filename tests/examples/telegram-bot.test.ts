/**
 * The example Telegram bot (examples/telegram-bot) end to end: grammY long-polls a loopback fake of the
 * Bot API, asks the real Q&A server for Telegram-ready replies, and sends feedback to it.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Bot } from 'grammy';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../examples/telegram-bot/bot.js';
import { DATABASE_FILE } from '../../src/records/database.js';
import { type RunningServer, startServer } from '../../src/serve/server.js';
import { type FakeTelegram, startFakeTelegram } from '../helpers/fake-telegram-api.js';
import { tempDir } from '../helpers/paths.js';
import { parseMarkdownV2 } from '../helpers/telegram-markdown-v2.js';

const TOKEN = '123456:TEST-token';
const PUBLIC = 'https://qa.example.gov.hk';
const dataDir = tempDir('bot-data');
let server: RunningServer;
let telegram: FakeTelegram;
let bot: Bot;
let running: Promise<void>;
let nextMessage = 1;

const user = (language_code: string) => ({ id: 42, is_bot: false, first_name: '陳大文', language_code });
const chat = { id: 42, type: 'private', first_name: '陳大文' };

/** Sends a text message as the user; resolves with the bot's reply (its sendMessage call). */
async function say(text: string, language_code = 'zh-hk', extra: Record<string, unknown> = {}) {
  const since = telegram.calls.length;
  telegram.push({ message: { message_id: nextMessage++, date: Math.floor(Date.now() / 1000), chat, from: user(language_code), text, ...extra } });
  return telegram.waitFor((c) => c.method === 'sendMessage', { since });
}

beforeAll(async () => {
  server = await startServer({
    config: { PORT: 0, HOST: '127.0.0.1', INDEX_DIR: tempDir('bot-index'), DATA_DIR: dataDir, EMBEDDING_MODEL: 'none', PUBLIC_BASE_URL: PUBLIC, RATE_LIMIT_PER_MINUTE: 0 },
    logger: pino({ level: 'silent' }),
  });
  telegram = await startFakeTelegram(TOKEN);
  bot = createBot({ token: TOKEN, serviceUrl: server.url, apiRoot: telegram.apiRoot });
  running = bot.start({ drop_pending_updates: true });
  await telegram.waitFor((c) => c.method === 'deleteWebhook');
});
afterAll(async () => {
  await bot?.stop();
  await running;
  await telegram?.close();
  await server?.close();
});

describe('example Telegram bot (grammY) against a fake Bot API', () => {
  it('greets in the user language on /start', async () => {
    const reply = await say('/start', 'zh-hk', { entities: [{ type: 'bot_command', offset: 0, length: 6 }] });
    expect(reply.body.text).toMatch(/^你好！我根據香港特區政府《創新及科技》便覽/);
    const en = await say('/help', 'en', { entities: [{ type: 'bot_command', offset: 0, length: 5 }] });
    expect(en.body.text).toMatch(/^Hello! I answer questions/);
  });

  it('answers with valid MarkdownV2, numbered sources linking the passage pages, and 👍/👎 buttons', async () => {
    const since = telegram.calls.length;
    const reply = await say('數碼港匯集多少家初創企業和科技公司？');
    expect(telegram.calls.slice(since).map((c) => c.method)).toEqual(['sendChatAction', 'sendMessage']);
    expect(reply.error).toBeUndefined();
    expect(reply.body).toMatchObject({ chat_id: 42, parse_mode: 'MarkdownV2', link_preview_options: { is_disabled: true } });
    const { text, entities } = parseMarkdownV2(String(reply.body.text));
    expect(text).toContain('匯集超過 1,900 家初創企業和科技公司。 [1]');
    expect(text).toMatch(/\n\n資料來源\n\[1\] 創科界持份者 — 「數碼港/);
    expect(entities.find((e) => e.type === 'text_link')!.url).toMatch(new RegExp(`^${PUBLIC}/passages/p-[0-9a-f]{12}$`));
    const buttons = (reply.body.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard[0]!;
    expect(buttons.map((b) => b.text)).toEqual(['👍', '👎']);
    expect(buttons[0]!.callback_data).toMatch(/^fb:up:[0-9a-f-]{36}$/);
  });

  it('keeps the chat history, so follow-up questions work', async () => {
    await say('香港科學園匯集了多少家科技公司？');
    const reply = await say('那數碼港呢？');
    expect(parseMarkdownV2(String(reply.body.text)).text).toContain('匯集超過 1,900 家初創企業和科技公司');
  });

  it('sends 👎 and then the reason the user replies with to POST /api/feedback', async () => {
    const answer = await say('轉數快有多少個帳戶登記？');
    const answerId = /fb:down:(.+)$/.exec(JSON.stringify(answer.body.reply_markup))![1]!.replace(/".*$/, '');
    const since = telegram.calls.length;
    telegram.push({
      callback_query: { id: 'cb1', from: user('zh-hk'), chat_instance: 'ci', data: `fb:down:${answerId}`, message: { message_id: 555, date: 0, chat, text: 'x' } },
    });
    const prompt = await telegram.waitFor((c) => c.method === 'sendMessage', { since });
    expect(prompt.body).toMatchObject({ text: '可以告訴我們哪裏不對嗎？（直接回覆這則訊息，可略過）', reply_markup: { force_reply: true } });
    expect(telegram.calls.slice(since).find((c) => c.method === 'answerCallbackQuery')!.body).toMatchObject({ callback_query_id: 'cb1', text: '謝謝你的意見！' });
    expect(telegram.calls.slice(since).find((c) => c.method === 'editMessageReplyMarkup')!.body).toMatchObject({ message_id: 555 });

    const promptId = telegram.calls.indexOf(prompt); // the fake numbers messages from 101 upwards
    expect(promptId).toBeGreaterThan(-1);
    const noted = await say('數字唔係最新，我電話 9123 4567', 'zh-hk', { reply_to_message: { message_id: await sentMessageId(prompt), date: 0, chat, text: 'x' } });
    expect(noted.body.text).toBe('已記錄，謝謝！');
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(db.prepare('SELECT rating, reason FROM feedback WHERE answer_id = ?').get(answerId)).toEqual({ rating: 'down', reason: '數字唔係最新，我電話 [PHONE]' });
    } finally {
      db.close();
    }
  });

  it('answers English questions with an English footer, and declines politely without sources', async () => {
    const en = parseMarkdownV2(String((await say('How many start-ups does Cyberport host?', 'en')).body.text)).text;
    expect(en).toContain('\n\nSources\n[1] ');
    const decline = parseMarkdownV2(String((await say('香港明天天氣如何？')).body.text)).text;
    expect(decline).toMatch(/^抱歉，這份資料沒有涵蓋你的問題。/);
    expect(decline).not.toContain('資料來源');
  });

  it('tells the user when the service cannot be reached', async () => {
    const fake = await startFakeTelegram('999:other');
    const offline = createBot({ token: '999:other', serviceUrl: 'http://127.0.0.1:9', apiRoot: fake.apiRoot });
    const run = offline.start();
    try {
      fake.push({ message: { message_id: 1, date: 0, chat, from: user('zh-cn'), text: '数码港有多少家公司？' } });
      const reply = await fake.waitFor((c) => c.method === 'sendMessage');
      expect(reply.body.text).toBe('暂时无法连接问答服务，请稍后再试。');
    } finally {
      await offline.stop();
      await run;
      await fake.close();
    }
  });
});

/** The message_id the fake gave a sendMessage call (ids count up from 101 in call order). */
async function sentMessageId(call: { body: Record<string, unknown> }): Promise<number> {
  const sends = telegram.calls.filter((c) => c.method === 'sendMessage' && !c.error);
  return 101 + sends.indexOf(call as (typeof sends)[number]);
}
