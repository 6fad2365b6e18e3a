import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Fixture packages are inputs to lint (a test file among them is a caller the rules must skip), not suites.
    exclude: [...configDefaults.exclude, 'tests/fixtures/**'],
    // Two cores: one worker per core; typed tests hold a TypeScript program each.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['rules/**/*.ts', 'lib/**/*.ts'],
      thresholds: { lines: 85, functions: 85, branches: 75, statements: 85 },
    },
  },
});
