import { ChatOpenAI } from '@langchain/openai';
import { AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { Turn } from '../contract/chat.js';
import { stripMarkers } from '../contract/markers.js';
import { type Prompts, fill } from './prompts.js';

export interface LlmConfig {
  baseUrl?: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  temperature: number;
}

export const NOT_IN_SOURCES = 'NOT_IN_SOURCES';

/**
 * Any OpenAI-compatible chat endpoint (OpenAI, Azure, DeepSeek, Qwen, Ollama, vLLM) through
 * LangChain. No retries: a slow or failing model falls back to the extractive answer instead.
 */
export class LlmClient {
  private readonly chat: ChatOpenAI;

  constructor(
    readonly config: LlmConfig,
    private readonly prompts: Prompts,
  ) {
    this.chat = new ChatOpenAI({
      model: config.model,
      // Local servers (Ollama, vLLM) accept any key, but the client insists on one.
      apiKey: config.apiKey ?? 'not-needed',
      temperature: config.temperature,
      maxRetries: 0,
      timeout: config.timeoutMs,
      configuration: config.baseUrl ? { baseURL: config.baseUrl } : undefined,
    });
  }

  /** The prompt texts the model is given (an answer that quotes them is rejected). */
  get promptTexts(): string[] {
    return [this.prompts.system, this.prompts.answer, this.prompts.condense];
  }

  private async complete(messages: Array<SystemMessage | HumanMessage | AIMessage>, signal?: AbortSignal): Promise<string> {
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const res = await this.chat.invoke(messages, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    const content = typeof res.content === 'string' ? res.content : res.content.map((c) => ('text' in c ? c.text : '')).join('');
    return content.trim();
  }

  /** Rewrites a follow-up into a standalone question using the conversation. */
  async condense(question: string, history: Turn[], signal?: AbortSignal): Promise<string> {
    // Earlier answers' [n] markers point at citations the model never sees: drop them.
    const transcript = history
      .map((t) => `${t.role === 'user' ? 'User' : 'Assistant'}: ${stripMarkers(t.content)}`)
      .join('\n');
    const out = await this.complete([new HumanMessage(fill(this.prompts.condense, { history: transcript, question }))], signal);
    return out.split('\n')[0]!.trim() || question;
  }

  /** Answers from numbered passages; returns NOT_IN_SOURCES when they do not answer it. */
  async answer(
    input: { question: string; language: string; passages: string[]; title: string; updated: string },
    signal?: AbortSignal,
  ): Promise<string> {
    const passages = input.passages.map((p, i) => `[${i + 1}] ${p}`).join('\n\n');
    const user = fill(this.prompts.answer, {
      passages,
      question: input.question,
      language: input.language,
      title: input.title,
      updated: input.updated,
    });
    return this.complete([new SystemMessage(this.prompts.system), new HumanMessage(user)], signal);
  }
}
