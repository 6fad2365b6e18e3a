/**
 * Held-out corpus for `no-floating-promise`: realistic fire-and-forget bugs
 * (every line where a report should start ends with `// expect-floating`),
 * their minimal fixes in `fixed/`, tricky correct code in `correct-*`, and the
 * sibling modules they import in `shared/`. Lints every file in both modes and
 * measures recall (reported marker lines / all marker lines) and false
 * positives (reports on unmarked lines, and any report in fixed/, correct-*,
 * shared/). A missed line is a finding about the rule, never a reason to edit
 * the corpus.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type ESLint, type Rule } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../rules/no-floating-promise.js';

const testsDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(testsDir);
const corpusRoot = path.join(testsDir, 'corpus');
const ruleDir = path.join(corpusRoot, 'no-floating-promise');
const MARKER = /\/\/\s*expect-floating\b/;
const RULE_ID = 'async-pitfalls/no-floating-promise';

const BARS = { typed: 0.95, untyped: 0.8 } as const;
type Mode = keyof typeof BARS;

type Kind = 'bug' | 'fixed' | 'correct' | 'shared';

interface CorpusFile {
  readonly absolute: string;
  /** Relative to the rule's corpus folder, with `/` separators. */
  readonly relative: string;
  readonly kind: Kind;
  readonly text: string;
  /** 1-based lines carrying the marker. */
  readonly expected: ReadonlySet<number>;
}

interface Finding {
  readonly where: string;
  readonly detail: string;
}

interface ModeResult {
  readonly mode: Mode;
  readonly expected: number;
  readonly hit: number;
  readonly recall: number;
  readonly missed: readonly Finding[];
  readonly falsePositives: readonly Finding[];
  readonly fatal: readonly Finding[];
}

function listTsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTsFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
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

function configFor(mode: Mode): Linter.Config[] {
  const plugin: ESLint.Plugin = { rules: { 'no-floating-promise': rule as unknown as Rule.RuleModule } };
  return [
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
}

function lintCorpus(files: readonly CorpusFile[], mode: Mode): ModeResult {
  const linter = new Linter({ cwd: repoRoot });
  const config = configFor(mode);
  let expected = 0;
  let hit = 0;
  const missed: Finding[] = [];
  const falsePositives: Finding[] = [];
  const fatal: Finding[] = [];
  for (const file of files) {
    const messages = linter.verify(file.text, config, { filename: file.absolute });
    for (const message of messages) {
      if (message.fatal || message.ruleId === null) {
        fatal.push({ where: `${file.relative}:${String(message.line)}`, detail: message.message });
      }
    }
    const reports = messages.filter((message) => message.ruleId === RULE_ID);
    const reportedLines = new Set(reports.map((report) => report.line));
    if (file.kind === 'bug') {
      for (const line of file.expected) {
        expected++;
        if (reportedLines.has(line)) hit++;
        else missed.push({ where: `${file.relative}:${String(line)}`, detail: sourceLine(file, line) });
      }
    }
    for (const report of reports) {
      if (file.kind === 'bug' && file.expected.has(report.line)) continue;
      falsePositives.push({
        where: `${file.relative}:${String(report.line)}:${String(report.column)}`,
        detail: `[${report.messageId ?? '?'}] ${sourceLine(file, report.line)}`,
      });
    }
  }
  return { mode, expected, hit, recall: expected === 0 ? 0 : hit / expected, missed, falsePositives, fatal };
}

function sourceLine(file: CorpusFile, line: number): string {
  return (file.text.split(/\r?\n/)[line - 1] ?? '').replace(MARKER, '').trim();
}

function formatReport(files: readonly CorpusFile[], results: readonly ModeResult[]): string {
  const count = (kind: Kind) => String(files.filter((file) => file.kind === kind).length);
  const lines = [
    `no-floating-promise corpus: ${count('bug')} bug files, ${count('fixed')} fixed twins, ${count('correct')} correct-* files, ${count('shared')} shared modules`,
    '',
    '| mode    | expected lines | reported | recall | bar  | false positives | parse errors |',
    '| ------- | -------------- | -------- | ------ | ---- | --------------- | ------------ |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.mode.padEnd(7)} | ${String(r.expected).padStart(14)} | ${String(r.hit).padStart(8)} | ${r.recall.toFixed(3).padStart(6)} | ${BARS[r.mode].toFixed(2)} | ${String(r.falsePositives.length).padStart(15)} | ${String(r.fatal.length).padStart(12)} |`,
    );
  }
  for (const r of results) {
    lines.push('', `${r.mode}: missed (${String(r.missed.length)})`);
    for (const f of r.missed) lines.push(`  ${f.where}  ${f.detail}`);
    lines.push(`${r.mode}: false positives (${String(r.falsePositives.length)})`);
    for (const f of r.falsePositives) lines.push(`  ${f.where}  ${f.detail}`);
    if (r.fatal.length > 0) {
      lines.push(`${r.mode}: parse errors (${String(r.fatal.length)})`);
      for (const f of r.fatal) lines.push(`  ${f.where}  ${f.detail}`);
    }
  }
  return lines.join('\n');
}

describe('no-floating-promise corpus', () => {
  const files = loadCorpus();
  const results = new Map<Mode, ModeResult>();

  beforeAll(() => {
    results.set('untyped', lintCorpus(files, 'untyped'));
    results.set('typed', lintCorpus(files, 'typed'));
    console.log(formatReport(files, [...results.values()]));
  }, 240_000);

  const result = (mode: Mode): ModeResult => {
    const found = results.get(mode);
    if (!found) throw new Error(`no result for ${mode}`);
    return found;
  };

  it('is laid out as documented: markers only in bug files, each with a fixed twin', () => {
    const relatives = new Set(files.map((file) => file.relative));
    const bugs = files.filter((file) => file.kind === 'bug');
    expect(bugs.length).toBeGreaterThanOrEqual(25);
    for (const file of files) {
      if (file.kind === 'bug') {
        expect(file.expected.size, `${file.relative} has no // expect-floating line`).toBeGreaterThan(0);
        expect(relatives.has(`fixed/${file.relative}`), `${file.relative} has no fixed twin`).toBe(true);
      } else {
        expect(file.expected.size, `${file.relative} must not carry markers`).toBe(0);
      }
      if (file.kind === 'fixed') {
        expect(relatives.has(path.posix.basename(file.relative)), `${file.relative} has no bug twin`).toBe(true);
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
        expect(r.recall, `missed:\n${r.missed.map((f) => `${f.where}  ${f.detail}`).join('\n')}`).toBeGreaterThanOrEqual(
          BARS[mode],
        );
      });

      it('reports nothing else', () => {
        expect(result(mode).falsePositives).toEqual([]);
      });
    });
  }
});
