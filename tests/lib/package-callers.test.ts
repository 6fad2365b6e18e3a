import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callsFromImporters, isTestPath } from '../../lib/package-callers.js';
import { fixturesDir, fixturesLibDir, lintWith, type Context } from './probe.js';

/** tests/fixtures/mixed-callers: a package of its own (see its README). */
const packageDir = path.join(fixturesDir, 'mixed-callers');

/** What callsFromImporters answers for `exportName` when `file` of the package (or an absolute path) is linted: each call as `line:callee`. */
function importerCalls(file: string, exportName: string): string[] | null {
  const filename = path.resolve(packageDir, file);
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

describe('the answers kept per importer', () => {
  const dir = mkdtempSync(path.join(fixturesLibDir, 'tmp-callers-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  let now = Date.now();
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    return () => {
      vi.useRealTimers();
    };
  });

  it('are read again when the stat of the importer changes, and only then', () => {
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "tmp-callers", "main": "main.js" }\n');
    const target = path.join(dir, 'jobs.ts');
    writeFileSync(target, 'export function run(): Promise<void> { return Promise.resolve(); }\n');
    const importer = path.join(dir, 'use.ts');
    /** Writes the importer with that mtime, and lets the clock pass the second for which a stat is reused. */
    const write = (text: string, seconds: number): void => {
      writeFileSync(importer, text);
      utimesSync(importer, seconds, seconds);
      now += 1_001;
      vi.setSystemTime(now);
    };
    write("import { run } from './jobs.js';\nrun();\n", 1_700_000_000);
    expect(importerCalls(target, 'run')).toEqual(['2:Identifier']);
    // The same size and mtime: the kept answer stands, the text is not read again.
    write("import { run } from './jobs.js';\n\nrun()\n", 1_700_000_000);
    expect(importerCalls(target, 'run')).toEqual(['2:Identifier']);
    write("import { run } from './jobs.js';\n\nrun()\n", 1_700_000_010);
    expect(importerCalls(target, 'run')).toEqual(['3:Identifier']);
  });
});
