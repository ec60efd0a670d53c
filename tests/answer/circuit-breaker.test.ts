import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from '../../src/answer/circuit-breaker.js';
import { LlmBusyError, LlmGate } from '../../src/answer/llm-gate.js';

const fail = () => Promise.reject(new Error('upstream 500'));
const ok = () => Promise.resolve('ok');

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures, half-opens after the cooldown, closes on a good trial', async () => {
    let now = 0;
    const b = new CircuitBreaker({ failures: 3, cooldownMs: 1000, now: () => now });
    await expect(b.run(fail)).rejects.toThrow('upstream');
    await expect(b.run(ok)).resolves.toBe('ok'); // a success resets the count
    for (let i = 0; i < 3; i++) await expect(b.run(fail)).rejects.toThrow('upstream');
    expect(b.state).toBe('open');
    await expect(b.run(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    now = 1000;
    expect(b.state).toBe('half-open');
    await expect(b.run(fail)).rejects.toThrow('upstream'); // a failed trial reopens at once
    expect(b.state).toBe('open');
    now = 2000;
    await expect(b.run(ok)).resolves.toBe('ok');
    expect(b.state).toBe('closed');
  });

  it('lets one trial through while half-open and ignores errors the caller caused', async () => {
    let now = 0;
    const b = new CircuitBreaker({ failures: 1, cooldownMs: 10, now: () => now });
    await expect(b.run(fail)).rejects.toThrow();
    now = 10;
    let release!: () => void;
    const trial = b.run(() => new Promise<string>((r) => (release = () => r('ok'))));
    await expect(b.run(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    release();
    await trial;
    const aborted = new Error('client went away');
    await expect(b.run(() => Promise.reject(aborted), (e) => e !== aborted)).rejects.toBe(aborted);
    expect(b.state).toBe('closed');
  });
});

describe('LlmGate', () => {
  it('queues past the concurrency, refuses past the queue, and drops a waiter whose signal aborts', async () => {
    const gate = new LlmGate({ concurrency: 1, maxQueue: 1, retryAfterSeconds: 7 });
    let release!: () => void;
    const first = gate.run(() => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    const waiting = gate.run(ok, controller.signal);
    expect(gate.stats).toEqual({ running: 1, queued: 1 });
    await expect(gate.run(ok)).rejects.toMatchObject({ name: 'LlmBusyError', retryAfterSeconds: 7 });
    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    expect(gate.stats).toEqual({ running: 1, queued: 0 });
    const next = gate.run(ok);
    release();
    await first;
    await expect(next).resolves.toBe('ok');
    expect(gate.stats).toEqual({ running: 0, queued: 0 });
    expect(new LlmBusyError(1)).toBeInstanceOf(Error);
  });
});
