import { defineConfig } from 'vitest/config';

// Speed is measured by `npm run bench`, never by a test: a test must not fail because the
// 2-core machine is busy, so the per-test and per-hook limits are generous (vitest's 5 s / 10 s
// defaults failed real tests under load).
// `isolate: false`: the test files of a worker share one module graph, so TypeScript, ts-morph
// and remark are loaded once per worker instead of once per file (a third of the suite's CPU
// time). No test mocks modules or changes process-wide state; what runs with other state
// (env, cwd, crashes) runs in a child process.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    isolate: false,
  },
});
