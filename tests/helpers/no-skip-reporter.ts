import type { Reporter, TestModule } from 'vitest/node';

/**
 * Fails the run when any test was skipped or marked todo: in CI a skip would hide a missing
 * capability (no Chromium, no model fixture) behind a green run. Vitest has no option for this.
 */
export default class NoSkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped = modules.flatMap((m) => [...m.children.allTests('skipped')].map((t) => `${m.moduleId}: ${t.fullName}`));
    if (skipped.length === 0) return;
    console.error(`\n${skipped.length} test(s) skipped — every test must run:\n  ${skipped.join('\n  ')}`);
    process.exitCode = 1;
  }
}
