/**
 * A bound on concurrent LLM calls: at most `concurrency` run, at most `maxQueue` wait (first come,
 * first served); past that a call is refused at once with LlmBusyError, which the HTTP layer turns
 * into 503 llm_busy with Retry-After. A waiting call leaves the queue when its signal aborts (its
 * request's deadline or the client going away), so the queue never holds abandoned work.
 */
export class LlmBusyError extends Error {
  override name = 'LlmBusyError';
  constructor(readonly retryAfterSeconds: number) {
    super('Too many LLM calls are running or waiting');
  }
}

interface Waiter {
  start: () => void;
}

export interface LlmGateOptions {
  concurrency: number;
  maxQueue: number;
  /** What a refused caller is told to wait (seconds). */
  retryAfterSeconds: number;
}

export class LlmGate {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(private readonly opts: LlmGateOptions) {}

  get stats(): { running: number; queued: number } {
    return { running: this.running, queued: this.queue.length };
  }

  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.running < this.opts.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.opts.maxQueue) return Promise.reject(new LlmBusyError(this.opts.retryAfterSeconds));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.running++;
          resolve();
        },
      };
      const onAbort = () => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private release(): void {
    this.running--;
    this.queue.shift()?.start();
  }
}
