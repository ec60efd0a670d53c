import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Answer records of test servers go to a temporary folder, never data/.
    setupFiles: ['./tests/helpers/setup-env.ts'],
    // Native addons (hnswlib, jieba, onnxruntime) are not safe to share across worker threads.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A committed `.only` would silently drop every other test: refuse it.
    allowOnly: false,
    // A skipped test would hide a missing capability in CI: the reporter fails the run instead.
    reporters: ['default', './tests/helpers/no-skip-reporter.ts'],
  },
});
