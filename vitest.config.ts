import { defineConfig } from 'vitest/config';

// Speed is measured by `npm run bench`, never by a test: a test must not fail because the
// 2-core machine is busy, so the per-test and per-hook limits are generous (vitest's 5 s / 10 s
// defaults failed real tests under load).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
