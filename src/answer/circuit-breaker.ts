/**
 * A circuit breaker for the LLM: after `failures` consecutive failed calls it opens, and calls fail
 * at once with CircuitOpenError (the service answers extractively without waiting for a timeout).
 * After `cooldownMs` it half-opens: one trial call goes through; success closes the circuit, failure
 * opens it for another cooldown. Calls cut short by the caller (client gone, shutdown) are neither.
 *
 * Hand-written (a few lines of state) rather than opossum: opossum trips on an error percentage over
 * a rolling window and runs its own timeouts, while here the request's one deadline already bounds
 * each call and "N failures in a row" is the rule operators asked for.
 */
export class CircuitOpenError extends Error {
  override name = 'CircuitOpenError';
  constructor() {
    super('LLM circuit breaker is open');
  }
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit; 0 disables the breaker. */
  failures: number;
  cooldownMs: number;
  now?: () => number;
  onChange?: (state: CircuitState) => void;
}

export class CircuitBreaker {
  private consecutive = 0;
  private openedAt: number | null = null;
  private trialRunning = false;
  private readonly now: () => number;

  constructor(private readonly opts: CircuitBreakerOptions) {
    this.now = opts.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.opts.cooldownMs ? 'half-open' : 'open';
  }

  /** Throws CircuitOpenError when a call would not be let through now (cheap; call before queueing). */
  check(): void {
    const s = this.state;
    if (s === 'open' || (s === 'half-open' && this.trialRunning)) throw new CircuitOpenError();
  }

  /**
   * Runs `fn` unless the circuit is open. `isFailure` says whether an error counts against the LLM
   * (errors the caller caused, such as aborting, do not).
   */
  async run<T>(fn: () => Promise<T>, isFailure: (err: unknown) => boolean = () => true): Promise<T> {
    if (this.opts.failures <= 0) return fn();
    this.check();
    const trial = this.state === 'half-open';
    if (trial) this.trialRunning = true;
    try {
      const out = await fn();
      this.succeeded();
      return out;
    } catch (err) {
      if (isFailure(err)) this.failed(trial);
      throw err;
    } finally {
      if (trial) this.trialRunning = false;
    }
  }

  private succeeded(): void {
    const wasOpen = this.openedAt !== null;
    this.consecutive = 0;
    this.openedAt = null;
    if (wasOpen) this.opts.onChange?.('closed');
  }

  private failed(trial: boolean): void {
    this.consecutive++;
    if (trial || this.consecutive >= this.opts.failures) {
      this.openedAt = this.now();
      this.opts.onChange?.('open');
    }
  }
}
