/**
 * Corpora for `no-blocking-in-async` and `no-io-in-constructor`, laid out like
 * the no-floating-promise one (tests/corpus/README.md): realistic bug files
 * where every line a report should start on ends with `// expect-report`, their
 * minimal fixes in `fixed/`, correct look-alikes in `correct-*`, and sibling
 * modules in `shared/`. Lints every file in both modes and measures recall
 * (reported marker lines / all marker lines) and false positives (any other
 * report). A missed line is a finding about the rule, never a reason to edit
 * the corpus.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type ESLint, type Rule } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import noBlockingInAsync from '../rules/no-blocking-in-async.js';
import noIoInConstructor from '../rules/no-io-in-constructor.js';

const testsDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(testsDir);
const corpusRoot = path.join(testsDir, 'corpus');
const MARKER = /\/\/\s*expect-report\b/;

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
  readonly recall: number;
  readonly missed: readonly string[];
  readonly falsePositives: readonly string[];
  readonly fatal: readonly string[];
}

const RULES = {
  'no-blocking-in-async': noBlockingInAsync,
  'no-io-in-constructor': noIoInConstructor,
} as const;

function listTsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTsFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

function loadCorpus(ruleDir: string): CorpusFile[] {
  return listTsFiles(ruleDir).map((absolute) => {
    const relative = path.relative(ruleDir, absolute).split(path.sep).join('/');
    const text = readFileSync(absolute, 'utf8');
    const expected = new Set<number>();
    text.split(/\r?\n/).forEach((line, index) => {
      if (MARKER.test(line)) expected.add(index + 1);
    });
    const [first] = relative.split('/');
    const kind: Kind =
      first === 'fixed' ? 'fixed' : first === 'shared' ? 'shared' : path.posix.basename(relative).startsWith('correct-') ? 'correct' : 'bug';
    return { absolute, relative, kind, text, expected };
  });
}

function lintCorpus(name: keyof typeof RULES, files: readonly CorpusFile[], mode: Mode): ModeResult {
  const ruleId = `async-pitfalls/${name}`;
  const plugin: ESLint.Plugin = { rules: { [name]: RULES[name] as unknown as Rule.RuleModule } };
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
      rules: { [ruleId]: 'error' },
    },
  ];
  const linter = new Linter({ cwd: repoRoot });
  let expected = 0;
  let hit = 0;
  const missed: string[] = [];
  const falsePositives: string[] = [];
  const fatal: string[] = [];
  for (const file of files) {
    const messages = linter.verify(file.text, config, { filename: file.absolute });
    for (const message of messages) {
      if (message.fatal || message.ruleId === null) fatal.push(`${file.relative}:${String(message.line)} ${message.message}`);
    }
    const reports = messages.filter((message) => message.ruleId === ruleId);
    const reported = new Set(reports.map((report) => report.line));
    if (file.kind === 'bug') {
      for (const line of file.expected) {
        expected++;
        if (reported.has(line)) hit++;
        else missed.push(`${file.relative}:${String(line)}  ${sourceLine(file, line)}`);
      }
    }
    for (const report of reports) {
      if (file.kind === 'bug' && file.expected.has(report.line)) continue;
      falsePositives.push(`${file.relative}:${String(report.line)}:${String(report.column)}  [${report.messageId ?? '?'}] ${sourceLine(file, report.line)}`);
    }
  }
  return { mode, expected, hit, recall: expected === 0 ? 0 : hit / expected, missed, falsePositives, fatal };
}

function sourceLine(file: CorpusFile, line: number): string {
  return (file.text.split(/\r?\n/)[line - 1] ?? '').replace(MARKER, '').trim();
}

for (const name of Object.keys(RULES) as (keyof typeof RULES)[]) {
  describe(`${name} corpus`, () => {
    const files = loadCorpus(path.join(corpusRoot, name));
    const results = new Map<Mode, ModeResult>();

    beforeAll(() => {
      for (const mode of ['untyped', 'typed'] as const) results.set(mode, lintCorpus(name, files, mode));
      const lines = [`${name} corpus: ${String(files.filter((file) => file.kind === 'bug').length)} bug files`];
      for (const r of results.values()) {
        lines.push(`${r.mode}: ${String(r.hit)}/${String(r.expected)} marked lines (recall ${r.recall.toFixed(3)}), ${String(r.falsePositives.length)} false positives`);
        for (const miss of r.missed) lines.push(`  missed ${miss}`);
        for (const extra of r.falsePositives) lines.push(`  extra  ${extra}`);
      }
      console.log(lines.join('\n'));
    }, 240_000);

    const result = (mode: Mode): ModeResult => {
      const found = results.get(mode);
      if (!found) throw new Error(`no result for ${mode}`);
      return found;
    };

    it('is laid out as documented: markers only in bug files, each with a fixed twin', () => {
      const relatives = new Set(files.map((file) => file.relative));
      expect(files.filter((file) => file.kind === 'bug').length).toBeGreaterThanOrEqual(12);
      for (const file of files) {
        if (file.kind === 'bug') {
          expect(file.expected.size, `${file.relative} has no // expect-report line`).toBeGreaterThan(0);
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
          expect(r.recall, `missed:\n${r.missed.join('\n')}`).toBeGreaterThanOrEqual(BARS[mode]);
        });

        it('reports nothing else', () => {
          expect(result(mode).falsePositives).toEqual([]);
        });
      });
    }
  });
}
