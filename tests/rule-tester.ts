/**
 * One place that builds rule testers. Hybrid rules run the same cases through
 * `typed` (the project service on tests/fixtures) and `untyped` (the same
 * parser, no program): the two modes must agree wherever syntax can tell.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function createRuleTester({ typed }: { typed: boolean }): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: typed
        ? { projectService: true, tsconfigRootDir: fixturesDir }
        : { tsconfigRootDir: fixturesDir },
    },
    defaultFilenames: { ts: path.join(fixturesDir, 'file.ts'), tsx: path.join(fixturesDir, 'react.tsx') },
  });
}

/** Deep copies, so that one tester's run cannot alter the cases another runs. */
export function cloneCases<T>(cases: T): T {
  return structuredClone(cases);
}
