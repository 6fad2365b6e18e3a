/**
 * Corpus for `no-unawaited-value`, laid out like the no-floating-promise one
 * (tests/corpus/README.md): realistic "value used before it exists" bugs in
 * tests/corpus/no-unawaited-value/*.ts (every line where a report should start
 * ends with `// expect-unawaited`, or `// expect-unawaited typed-only` where
 * only the checker can know: a parameter typed `unknown`, a generic, a
 * `T | Promise<T>` from another file), their minimal fixes in `fixed/`, tricky
 * correct code in `correct-*`, the modules they import in `shared/`. Lints
 * every file in both modes; measures recall (reported marker lines / marker
 * lines) and false positives (reports on unmarked lines, and any report in
 * fixed/, correct-*, shared/). A missed line is a finding about the rule, never
 * a reason to edit the corpus.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type ESLint, type Rule } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../rules/no-unawaited-value.js';

const testsDir = path.dirname(fileURLToPath(import.meta.url));
const corpusRoot = path.join(testsDir, 'corpus');
const ruleDir = path.join(corpusRoot, 'no-unawaited-value');
const MARKER = /\/\/\s*expect-unawaited\b.*$/;
const TYPED_ONLY = /\/\/\s*expect-unawaited typed-only\b/;
const RULE_ID = 'async-pitfalls/no-unawaited-value';
const BARS = { typed: 0.95, untyped: 0.9 } as const;
type Mode = keyof typeof BARS;
type Kind = 'bug' | 'fixed' | 'correct' | 'shared';

interface CorpusFile {
  readonly absolute: string;
  readonly relative: string;
  readonly kind: Kind;
  readonly text: string;
  readonly expected: ReadonlySet<number>;
  /** Marked lines the untyped mode is not expected to see (a report there is no false positive either). */
  readonly typedOnly: ReadonlySet<number>;
}

interface ModeResult {
  readonly expected: number;
  readonly hit: number;
  readonly missed: readonly string[];
  readonly falsePositives: readonly string[];
  readonly fatal: readonly string[];
}

function listTsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listTsFiles(full);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
    })
    .sort();
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
    const typedOnly = new Set<number>();
    text.split(/\r?\n/).forEach((line, index) => {
      if (MARKER.test(line)) expected.add(index + 1);
      if (TYPED_ONLY.test(line)) typedOnly.add(index + 1);
    });
    return { absolute, relative, kind: kindOf(relative), text, expected, typedOnly };
  });
}

function lintCorpus(files: readonly CorpusFile[], mode: Mode): ModeResult {
  const linter = new Linter({ cwd: path.dirname(testsDir) });
  const plugin: ESLint.Plugin = { rules: { 'no-unawaited-value': rule as unknown as Rule.RuleModule } };
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser: tsParser as unknown as Linter.Parser,
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
    const lines = file.text.split(/\r?\n/);
    const source = (line: number): string => (lines[line - 1] ?? '').replace(MARKER, '').trim();
    for (const message of messages) {
      if (message.fatal || message.ruleId === null) fatal.push(`${file.relative}:${String(message.line)} ${message.message}`);
    }
    const reports = messages.filter((message) => message.ruleId === RULE_ID);
    const reported = new Set(reports.map((report) => report.line));
    if (file.kind === 'bug') {
      for (const line of file.expected) {
        if (mode === 'untyped' && file.typedOnly.has(line)) continue;
        expected++;
        if (reported.has(line)) hit++;
        else missed.push(`${file.relative}:${String(line)}  ${source(line)}`);
      }
    }
    for (const report of reports) {
      if (file.kind === 'bug' && file.expected.has(report.line)) continue;
      falsePositives.push(`${file.relative}:${String(report.line)}:${String(report.column)} [${report.messageId ?? '?'}] ${source(report.line)}`);
    }
  }
  return { expected, hit, missed, falsePositives, fatal };
}

describe('no-unawaited-value corpus', () => {
  const files = loadCorpus();
  const results = new Map<Mode, ModeResult>();

  beforeAll(() => {
    for (const mode of ['untyped', 'typed'] as const) results.set(mode, lintCorpus(files, mode));
    const summary = [...results].map(
      ([mode, r]) =>
        `${mode}: ${String(r.hit)}/${String(r.expected)} marked lines (recall ${(r.hit / r.expected).toFixed(3)}, bar ${String(BARS[mode])}), ` +
        `${String(r.falsePositives.length)} false positives${r.missed.length > 0 ? `\n  missed:\n    ${r.missed.join('\n    ')}` : ''}` +
        (r.falsePositives.length > 0 ? `\n  false positives:\n    ${r.falsePositives.join('\n    ')}` : ''),
    );
    console.log(`no-unawaited-value corpus (${String(files.filter((file) => file.kind === 'bug').length)} bug files)\n${summary.join('\n')}`);
  }, 240_000);

  const result = (mode: Mode): ModeResult => {
    const found = results.get(mode);
    if (!found) throw new Error(`no result for ${mode}`);
    return found;
  };

  it('is laid out as documented: markers only in bug files, each with a fixed twin', () => {
    const relatives = new Set(files.map((file) => file.relative));
    for (const file of files) {
      if (file.kind === 'bug') {
        expect(file.expected.size, `${file.relative} has no marker`).toBeGreaterThan(0);
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
        expect(r.expected).toBeGreaterThan(0);
        expect(r.hit / r.expected, `missed:\n${r.missed.join('\n')}`).toBeGreaterThanOrEqual(BARS[mode]);
      });

      it('reports nothing else', () => {
        expect(result(mode).falsePositives).toEqual([]);
      });
    });
  }
});
