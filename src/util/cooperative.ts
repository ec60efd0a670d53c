/**
 * Long synchronous work written as a generator that yields at safe points, run either to completion at
 * once (`drain`, for tools and tests) or a slice at a time (`runInSlices`), so a server starting up keeps
 * answering its probes between slices.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to completion without pausing. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps, giving the event loop a turn whenever `sliceMs` has passed since the last. */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = 20): Promise<T> {
  let since = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - since >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}
