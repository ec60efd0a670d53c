/**
 * A loopback fake of the Telegram Bot API (plain node:http) for bots built with grammY's `apiRoot`
 * option. It serves long polling (getUpdates) from updates the test pushes, records every call, and
 * checks sendMessage the way Telegram does: MarkdownV2 must parse (tests/helpers/telegram-markdown-v2.ts)
 * and the text must be 1–4,096 characters after entity parsing; otherwise 400 "Bad Request: …".
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { MarkdownV2Error, parseMarkdownV2 } from './telegram-markdown-v2.js';
import { listenOnLoopback } from './loopback.js';

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  /** The error Telegram would have answered, if any. */
  error?: string;
}

export interface FakeTelegram {
  /** Pass as grammY's client.apiRoot. */
  apiRoot: string;
  calls: ApiCall[];
  /** Queues an update (update_id is assigned) for the next getUpdates. */
  push(update: Record<string, unknown>): number;
  /** Resolves with the first call (made after `since` calls) matching `pred`. */
  waitFor(pred: (c: ApiCall) => boolean, opts?: { since?: number; timeoutMs?: number }): Promise<ApiCall>;
  close(): Promise<void>;
}

const BOT = { id: 7000001, is_bot: true, first_name: 'Fact sheet Q&A', username: 'factsheet_qa_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
const MAX_TEXT = 4096;

export async function startFakeTelegram(token: string): Promise<FakeTelegram> {
  const updates: Array<Record<string, unknown> & { update_id: number }> = [];
  const waiting = new Set<() => void>();
  const sockets = new Set<Socket>();
  const calls: ApiCall[] = [];
  let nextUpdate = 1;
  let nextMessage = 100;
  const wake = () => {
    for (const w of waiting) w();
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      const send = (status: number, payload: unknown) => {
        if (res.writableEnded || res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const bad = (description: string, code = 400) => send(code, { ok: false, error_code: code, description });
      if (!m || m[1] !== token) return bad('Unauthorized', 401);
      const method = m[2]!;
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        return bad('Bad Request: invalid JSON');
      }
      const call: ApiCall = { method, body };
      if (method !== 'getUpdates') calls.push(call);
      const ok = (result: unknown) => send(200, { ok: true, result });
      const fail = (description: string) => {
        call.error = description;
        bad(description);
      };
      const chat = (id: unknown) => ({ id: Number(id), type: 'private', first_name: 'Tester' });

      switch (method) {
        case 'getMe':
          return ok(BOT);
        case 'deleteWebhook':
        case 'sendChatAction':
        case 'answerCallbackQuery':
          return ok(true);
        case 'getUpdates': {
          const offset = Number(body.offset ?? 0);
          const ready = () => updates.filter((u) => u.update_id >= offset);
          // Hold the poll (at most a second, so stopping the bot is quick) until an update arrives.
          if (ready().length === 0 && Number(body.timeout ?? 0) > 0) {
            await new Promise<void>((resolve) => {
              const done = () => {
                waiting.delete(done);
                clearTimeout(timer);
                resolve();
              };
              const timer = setTimeout(done, 1000);
              waiting.add(done);
              req.on('close', done);
            });
          }
          return ok(ready().slice(0, Number(body.limit ?? 100)));
        }
        case 'sendMessage': {
          const text = String(body.text ?? '');
          let visible = text;
          if (body.parse_mode === 'MarkdownV2') {
            try {
              visible = parseMarkdownV2(text).text;
            } catch (err) {
              return fail((err as MarkdownV2Error).message);
            }
          } else if (body.parse_mode !== undefined) {
            return fail(`Bad Request: unsupported parse_mode in this fake: ${String(body.parse_mode)}`);
          }
          if (visible.trim().length === 0) return fail('Bad Request: message text is empty');
          if (visible.length > MAX_TEXT) return fail('Bad Request: message is too long');
          return ok({ message_id: ++nextMessage, date: Math.floor(Date.now() / 1000), chat: chat(body.chat_id), from: BOT, text: visible });
        }
        case 'editMessageReplyMarkup':
          return ok({ message_id: Number(body.message_id), date: Math.floor(Date.now() / 1000), chat: chat(body.chat_id), from: BOT, text: '' });
        default:
          return fail(`Bad Request: method ${method} not faked`);
      }
    });
  });
  const port = await listenOnLoopback(server, sockets);

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    push(update) {
      const id = nextUpdate++;
      updates.push({ ...update, update_id: id });
      wake();
      return id;
    },
    async waitFor(pred, { since = 0, timeoutMs = 20_000 } = {}) {
      const t0 = Date.now();
      for (;;) {
        const found = calls.slice(since).find(pred);
        if (found) return found;
        if (Date.now() - t0 > timeoutMs) throw new Error(`fake-telegram: no matching call within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        wake();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
