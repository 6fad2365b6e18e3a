import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@typescript-eslint/parser';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportedPromiseFunctions, noteLintedFile, readExports } from '../../lib/cross-file.js';
import type { Answer } from '../../lib/promise-oracle.js';
import { fixturesLibDir, probeCalls, type LintOptions } from './probe.js';

type Summary = ReadonlyMap<string, Answer> | null;

/** exportedPromiseFunctions for each specifier, as seen from the linted file `from`. */
function summaries(specifiers: readonly string[], options: LintOptions = {}): Summary[] {
  return probeCalls('probe();', (context) => specifiers.map((specifier) => exportedPromiseFunctions(context, specifier)), options)[0] ?? [];
}

function summary(specifier: string, options: LintOptions = {}): Summary {
  return summaries([specifier], options)[0] ?? null;
}

const storeExports: Record<string, Answer | undefined> = {
  save: 'yes',
  load: 'yes',
  flush: 'yes',
  default: 'yes',
  format: 'unknown',
};

function pick(map: Summary, names: readonly string[]): Record<string, Answer | undefined> {
  if (!map) throw new Error('no summary');
  return Object.fromEntries(names.map((name) => [name, map.get(name)]));
}

describe('exportedPromiseFunctions', () => {
  it('reads the exports of tests/fixtures/store.ts', () => {
    const store = summary('./store.js');
    expect(pick(store, Object.keys(storeExports))).toEqual(storeExports);
    // `format` returns `string`: whatever the summary says, never yes.
    expect(store?.get('format')).not.toBe('yes');
  });

  it('resolves `.js` to `.ts`, bare specifiers, `.mjs` to `.mts`, and directory indexes', () => {
    const [js, bare, ts] = summaries(['./store.js', './store', './store.ts']);
    expect(js).not.toBeNull();
    expect(bare).toBe(js);
    expect(ts).toBe(js);
    const fromLib = { filename: path.join(fixturesLibDir, 'main.ts') };
    expect(pick(summary('./twin.mjs', fromLib), ['open'])).toEqual({ open: 'yes' });
    expect(pick(summary('./pkg', fromLib), ['ready'])).toEqual({ ready: 'yes' });
    expect(pick(summary('../store.js', fromLib), ['save'])).toEqual({ save: 'yes' });
  });

  it('gives null for a missing file, a file that does not parse, or a linted file without a path', () => {
    expect(summary('./missing.js')).toBeNull();
    expect(summary('./lib')).toBeNull();
    expect(summary('./lib/broken.js')).toBeNull();
    expect(summary('./store.js', { filename: 'file.ts' })).toBeNull();
  });

  it('reads the file with the importer’s parser but without its project (typed mode)', () => {
    expect(pick(summary('./store.js', { typed: true }), Object.keys(storeExports))).toEqual(storeExports);
  });

  it('reads CommonJS exports', () => {
    const legacy = summary('./lib/legacy.cjs', { sourceType: 'commonjs' });
    expect(pick(legacy, ['save', 'load', 'flush', 'format', 'version'])).toEqual({
      save: 'yes',
      load: 'yes',
      flush: 'yes',
      format: 'unknown',
      version: undefined,
    });
  });

  describe('cache', () => {
    const dir = mkdtempSync(path.join(fixturesLibDir, 'tmp-'));
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    const from = { filename: path.join(dir, 'main.ts') };
    const file = path.join(dir, 'jobs.ts');
    /** Sets the file's mtime, and lets the clock pass the second for which a stat is reused. */
    const at = (seconds: number, target = file): void => {
      utimesSync(target, seconds, seconds);
      later();
    };
    let now = Date.now();
    const later = (): void => {
      now += 1_001;
      vi.setSystemTime(now);
    };
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
      later();
      return () => {
        vi.useRealTimers();
      };
    });

    it('is reread when the mtime changes, and only then', () => {
      writeFileSync(file, 'export function run(): string | Promise<string> { return "a"; }\n');
      at(1_700_000_000);
      const first = summary('./jobs.js', from);
      expect(first?.get('run')).toBe('unknown');
      expect(summary('./jobs.js', from)).toBe(first);

      // Same mtime: the cached summary stands, even though the text changed.
      writeFileSync(file, 'export async function run() {}\nexport async function stop() {}\n');
      at(1_700_000_000);
      expect(summary('./jobs.js', from)).toBe(first);

      at(1_700_000_010);
      const second = summary('./jobs.js', from);
      expect(second).not.toBe(first);
      expect(pick(second, ['run', 'stop'])).toEqual({ run: 'yes', stop: 'yes' });
    });

    it('forgets a file that is deleted and caches a file that stops parsing as null', () => {
      const gone = path.join(dir, 'gone.ts');
      writeFileSync(gone, 'export async function run() {}\n');
      expect(summary('./gone.js', from)?.get('run')).toBe('yes');
      rmSync(gone);
      later();
      expect(summary('./gone.js', from)).toBeNull();

      const flaky = path.join(dir, 'flaky.ts');
      writeFileSync(flaky, 'export async function run() {}\n');
      at(1_700_000_000, flaky);
      expect(summary('./flaky.js', from)?.get('run')).toBe('yes');
      writeFileSync(flaky, 'export async function run( {\n');
      at(1_700_000_020, flaky);
      expect(summary('./flaky.js', from)).toBeNull();
    });

    it('does not parse a file that mentions neither `async` nor `Promise`: nothing there can return a promise', () => {
      const plain = path.join(dir, 'plain.ts');
      writeFileSync(plain, 'export function run(): void {}\nexport function add(a: number, b: number) { return a + b; }\n');
      expect(summary('./plain.js', from)).toEqual(new Map());
    });

    it('takes the summary of a file this run has linted from its ESTree, when the linted text is the file on disk', () => {
      const linted = path.join(dir, 'linted.ts');
      const text = 'export async function save() {}\nprobe();\n';
      writeFileSync(linted, text);
      probeCalls(text, (context) => {
        noteLintedFile(context);
      }, { filename: linted });
      // Other text of the same size: only a summary recorded from the linted text still says `save`.
      writeFileSync(linted, 'export async function evas() {}\nprobe();\n');
      at(1_700_000_100, linted);
      expect(pick(summary('./linted.js', from), ['save', 'evas'])).toEqual({ save: 'yes', evas: undefined });
      // Once a lookup has seen the file, a later change of its mtime is a change of the file.
      at(1_700_000_200, linted);
      expect(pick(summary('./linted.js', from), ['save', 'evas'])).toEqual({ save: undefined, evas: 'yes' });
    });

    it('ignores a linted text that differs from the file on disk (an unsaved editor buffer)', () => {
      const edited = path.join(dir, 'edited.ts');
      writeFileSync(edited, 'export async function onDisk() {}\n');
      probeCalls('export async function inBuffer() {}\nprobe();\n', (context) => {
        noteLintedFile(context);
      }, { filename: edited });
      expect(pick(summary('./edited.js', from), ['onDisk', 'inBuffer'])).toEqual({ onDisk: 'yes', inBuffer: undefined });
    });

    it('reuses a stat for a second: a change shows within a second, not at once', () => {
      const timed = path.join(dir, 'timed.ts');
      writeFileSync(timed, 'export async function first() {}\n');
      at(1_700_000_300, timed);
      expect(summary('./timed.js', from)?.get('first')).toBe('yes');
      writeFileSync(timed, 'export async function second() {}\n');
      utimesSync(timed, 1_700_000_400, 1_700_000_400);
      expect(summary('./timed.js', from)?.get('second')).toBeUndefined();
      later();
      expect(summary('./timed.js', from)?.get('second')).toBe('yes');
    });

    it('skips files too large to read', () => {
      mkdirSync(path.join(dir, 'big'), { recursive: true });
      writeFileSync(path.join(dir, 'big', 'index.ts'), `export async function run() {}\n//${'x'.repeat(1_000_000)}\n`);
      expect(summary('./big', from)).toBeNull();
    });
  });
});

describe('readExports', () => {
  function read(code: string): ReadonlyMap<string, Answer> {
    return readExports(parse(code, { sourceType: 'module' }));
  }

  it('reads every export form of tests/fixtures/lib/exports.ts', () => {
    const exportsFile = summary('./exports.js', { filename: path.join(fixturesLibDir, 'main.ts') });
    expect(
      pick(exportsFile, ['persist', 'format', 'drain', 'thenable', 'log', 'ids', 'pages', 'connect', 'count', 'other', 'wrapped', 'default', 'save', 'hidden']),
    ).toEqual({
      persist: 'yes',
      format: 'unknown',
      drain: 'yes',
      thenable: 'yes',
      log: 'no',
      ids: 'no',
      pages: 'no',
      connect: 'yes',
      count: undefined,
      other: undefined,
      wrapped: 'yes',
      default: 'yes',
      save: undefined,
      hidden: undefined,
    });
  });

  it('reads default exports of functions, arrows and names', () => {
    expect(read('export default async function () {}').get('default')).toBe('yes');
    expect(read('export default async () => {};').get('default')).toBe('yes');
    expect(read('export default function named(): void {}').get('default')).toBe('no');
    expect(read('const run = async () => {}; export default run;').get('default')).toBe('yes');
    expect(read('export default class {}').get('default')).toBeUndefined();
  });

  it('reads only the top level', () => {
    const inner = read(`
      export function outer() {
        async function inner() {}
        return inner;
      }
      if (Math.random()) {
        // not a declaration at the top level
      }
    `);
    expect(inner.get('outer')).toBe('unknown');
    expect(inner.has('inner')).toBe(false);
  });

  it('is empty for a module without function exports', () => {
    expect([...read('export const a = 1; export type T = string; import "./x.js";').entries()]).toEqual([]);
  });
});
