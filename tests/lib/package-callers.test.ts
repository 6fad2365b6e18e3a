import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callsFromImporters, isTestPath } from '../../lib/package-callers.js';
import { fixturesDir, lintWith, type Context } from './probe.js';

/** tests/fixtures/mixed-callers: a package of its own (see its README). */
const packageDir = path.join(fixturesDir, 'mixed-callers');

/** What callsFromImporters answers for `exportName` when `file` of the package is linted: each call as `importer:line`. */
function importerCalls(file: string, exportName: string): string[] | null {
  const filename = path.join(packageDir, file);
  let answer: string[] | null | undefined;
  lintWith(
    readFileSync(filename, 'utf8'),
    (context: Context) => ({
      Program() {
        const calls = callsFromImporters(context, exportName);
        answer = calls?.map((call) => `${String(call.loc.start.line)}:${call.callee.type}`) ?? null;
      },
    }),
    { filename },
  );
  if (answer === undefined) throw new Error('the probe did not run');
  return answer;
}

describe('isTestPath', () => {
  it('knows test folders and test file names inside a package', () => {
    expect(isTestPath('test/secrets.js')).toBe(true);
    expect(isTestPath('src/__tests__/a.ts')).toBe(true);
    expect(isTestPath('lib/a.spec.ts')).toBe(true);
    expect(isTestPath('src/a.test.mjs')).toBe(true);
    expect(isTestPath('lib/testing.js')).toBe(false);
    expect(isTestPath('lib/deploy/functions/services/testLab.js')).toBe(false);
  });
});

describe('callsFromImporters', () => {
  it('follows named and namespace imports to their calls, and leaves test code out', () => {
    // src/commands/set-secret.ts line 4 (named import), src/commands/rotate.ts line 5 (namespace); test/ is not read.
    expect(importerCalls('src/secrets.ts', 'readSecret')?.sort()).toEqual(['4:Identifier', '5:MemberExpression']);
  });

  it('follows CommonJS: the module object (also as `(0, m.f)(...)`) and destructured names', () => {
    expect(importerCalls('src/cjs/helpers.cjs', 'readConfig')?.sort()).toEqual(['5:Identifier', '5:SequenceExpression']);
  });

  it('is null when an importer hands the export on as a value', () => {
    expect(importerCalls('src/regions.ts', 'ensureRegion')).toBeNull();
  });

  it('is null when an importer hands the whole module object on, even without naming the export', () => {
    expect(importerCalls('src/clock.ts', 'tick')).toBeNull();
  });

  it('is empty when no module imports the export', () => {
    expect(importerCalls('src/handler.ts', 'handle')).toEqual([]);
  });

  it('is null for the package entry point, whose exports code outside the package calls', () => {
    expect(importerCalls('src/index.ts', 'main')).toBeNull();
  });
});
