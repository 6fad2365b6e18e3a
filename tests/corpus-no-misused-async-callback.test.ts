/**
 * Held-out corpus for `no-misused-async-callback`: realistic async callbacks
 * handed to APIs that drop or misread their promise (every line where a report
 * should start ends with `// expect-misused`), their minimal fixes in
 * `fixed/`, correct look-alikes in `correct-*`, and the sibling modules they
 * import in `shared/`. Lints every file in both modes and measures recall
 * (reported marker lines / all marker lines) and false positives (reports on
 * unmarked lines, and any report in fixed/, correct-*, shared/), as
 * tests/corpus.test.ts does for no-floating-promise. A missed line is a finding
 * about the rule, never a reason to edit the corpus.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type ESLint, type Rule } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../rules/no-misused-async-callback.js';

const testsDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(testsDir);
const corpusRoot = path.join(testsDir, 'corpus');
const ruleDir = path.join(corpusRoot, 'no-misused-async-callback');
const MARKER = /\/\/\s*expect-misused\b/;
const RULE_ID = 'async-pitfalls/no-misused-async-callback';

/** The bars the rule is held to: recall on marked lines, per mode. */
const BARS = { typed: 0.95, untyped: 0.9 } as const;
type Mode = keyof typeof BARS;
type Kind = 'bug' | 'fixed' | 'correct' | 'shared';

interface CorpusFile {
  readonly absolute: string;
  readonly relative: string;
  readonly kind: Kind;
  readonly text: string;
  readonly expected: ReadonlySet<number>;
}

interface ModeResult {
  readonly mode: Mode;
  readonly expected: number;
  readonly hit: number;
  readonly missed: readonly string[];
  readonly falsePositives: readonly string[];
  readonly fatal: readonly string[];
}

function listTsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTsFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

function kindOf(relative: string): Kind {
  const [first] = relative.split('/');
  if (first === 'fixed') return 'fixed';
  if (first === 'shared') return 'shared';
  return path.posix.basename(relative).startsWith('correct-') ? 'correct' : 'bug';
}

function loadCorpus(): CorpusFile[] {
  return listTsFiles(ruleDir).map((absolute) => {
    const relative = path.relative(ruleDir, absolute).split(path.sep).join('/');
    const text = readFileSync(absolute, 'utf8');
    const expected = new Set<number>();
    text.split(/\r?\n/).forEach((line, index) => {
      if (MARKER.test(line)) expected.add(index + 1);
    });
    return { absolute, relative, kind: kindOf(relative), text, expected };
  });
}

function lintCorpus(files: readonly CorpusFile[], mode: Mode): ModeResult {
  const linter = new Linter({ cwd: repoRoot });
  const plugin: ESLint.Plugin = { rules: { 'no-misused-async-callback': rule as unknown as Rule.RuleModule } };
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser: tsParser as unknown as Linter.Parser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: mode === 'typed' ? { projectService: true, tsconfigRootDir: corpusRoot } : {},
      },
      plugins: { 'async-pitfalls': plugin },
      rules: { [RULE_ID]: 'error' },
    },
  ];
  let expected = 0;
  let hit = 0;
  const missed: string[] = [];
  const falsePositives: string[] = [];
  const fatal: string[] = [];
  for (const file of files) {
    const messages = linter.verify(file.text, config, { filename: file.absolute });
    const line = (n: number) => (file.text.split(/\r?\n/)[n - 1] ?? '').replace(MARKER, '').trim();
    for (const message of messages) {
      if (message.fatal || message.ruleId === null) fatal.push(`${file.relative}:${String(message.line)} ${message.message}`);
    }
    const reports = messages.filter((message) => message.ruleId === RULE_ID);
    const reported = new Set(reports.map((report) => report.line));
    if (file.kind === 'bug') {
      for (const n of file.expected) {
        expected++;
        if (reported.has(n)) hit++;
        else missed.push(`${file.relative}:${String(n)}  ${line(n)}`);
      }
    }
    for (const report of reports) {
      if (file.kind === 'bug' && file.expected.has(report.line)) continue;
      falsePositives.push(`${file.relative}:${String(report.line)}:${String(report.column)} [${report.messageId ?? '?'}] ${line(report.line)}`);
    }
  }
  return { mode, expected, hit, missed, falsePositives, fatal };
}

describe('no-misused-async-callback corpus', () => {
  const files = loadCorpus();
  const results = new Map<Mode, ModeResult>();

  beforeAll(() => {
    for (const mode of ['untyped', 'typed'] as const) results.set(mode, lintCorpus(files, mode));
    const lines = [...results.values()].map(
      (r) =>
        `${r.mode}: ${String(r.hit)}/${String(r.expected)} marked lines (recall ${(r.hit / r.expected).toFixed(3)}), ${String(r.falsePositives.length)} false positives` +
        r.missed.map((m) => `\n  missed ${m}`).join('') +
        r.falsePositives.map((f) => `\n  false positive ${f}`).join(''),
    );
    console.log(`no-misused-async-callback corpus (${String(files.filter((f) => f.kind === 'bug').length)} bug files)\n${lines.join('\n')}`);
  }, 240_000);

  const result = (mode: Mode): ModeResult => {
    const found = results.get(mode);
    if (!found) throw new Error(`no result for ${mode}`);
    return found;
  };

  it('is laid out as documented: markers only in bug files, each with a fixed twin', () => {
    const relatives = new Set(files.map((file) => file.relative));
    const bugs = files.filter((file) => file.kind === 'bug');
    expect(bugs.length).toBeGreaterThanOrEqual(30);
    for (const file of files) {
      if (file.kind === 'bug') {
        expect(file.expected.size, `${file.relative} has no // expect-misused line`).toBeGreaterThan(0);
        expect(relatives.has(`fixed/${file.relative}`), `${file.relative} has no fixed twin`).toBe(true);
      } else {
        expect(file.expected.size, `${file.relative} must not carry markers`).toBe(0);
      }
    }
  });

  for (const mode of ['untyped', 'typed'] as const) {
    describe(mode, () => {
      it('parses every file', () => {
        expect(result(mode).fatal).toEqual([]);
      });

      it(`reports at least ${String(BARS[mode] * 100)}% of the marked lines`, () => {
        const r = result(mode);
        expect(r.hit / r.expected, `missed:\n${r.missed.join('\n')}`).toBeGreaterThanOrEqual(BARS[mode]);
      });

      it('reports nothing else', () => {
        expect(result(mode).falsePositives).toEqual([]);
      });
    });
  }
});
