/**
 * The harness every held-out corpus test shares (tests/corpus/README.md): a
 * rule's folder under tests/corpus/ holds realistic bug files (every line
 * where a report should start carries the rule's marker comment), their
 * minimal fixes in `fixed/`, correct look-alikes in `correct-*`, and the
 * sibling modules they import in `shared/`. `describeCorpus` lints every file
 * in both modes (untyped, and typed through tests/corpus/tsconfig.json) and
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

const testsDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(testsDir);
export const corpusRoot = path.join(testsDir, 'corpus');

export const MODES = ['untyped', 'typed'] as const;
export type Mode = (typeof MODES)[number];
export type Kind = 'bug' | 'fixed' | 'correct' | 'shared';

export interface CorpusSpec {
  /** The rule's name without the plugin prefix; its corpus is tests/corpus/<name>/. */
  readonly name: string;
  readonly rule: unknown;
  /** The marker comment on every line where a report should start. */
  readonly marker: RegExp;
  /**
   * Marked lines only the checker can see (a parameter typed `unknown`, a type
   * declared in another file): the untyped pass neither counts them nor calls a
   * report there a false positive.
   */
  readonly typedOnly?: RegExp;
  /** Minimum recall per mode. */
  readonly bars: Readonly<Record<Mode, number>>;
  /** The corpus must hold at least this many bug files. */
  readonly minBugFiles: number;
}

export interface CorpusFile {
  readonly absolute: string;
  /** Relative to the rule's corpus folder, with `/` separators. */
  readonly relative: string;
  readonly kind: Kind;
  readonly text: string;
  /** 1-based lines carrying the marker. */
  readonly expected: ReadonlySet<number>;
  /** The subset of `expected` the untyped mode is not held to. */
  readonly typedOnly: ReadonlySet<number>;
}

export interface ModeResult {
  readonly mode: Mode;
  readonly expected: number;
  readonly hit: number;
  readonly recall: number;
  readonly missed: readonly string[];
  readonly falsePositives: readonly string[];
  readonly fatal: readonly string[];
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

export function loadCorpus(spec: Pick<CorpusSpec, 'name' | 'marker' | 'typedOnly'>): CorpusFile[] {
  const ruleDir = path.join(corpusRoot, spec.name);
  return listTsFiles(ruleDir).map((absolute) => {
    const relative = path.relative(ruleDir, absolute).split(path.sep).join('/');
    const text = readFileSync(absolute, 'utf8');
    const expected = new Set<number>();
    const typedOnly = new Set<number>();
    text.split(/\r?\n/).forEach((line, index) => {
      if (spec.marker.test(line)) expected.add(index + 1);
      if (spec.typedOnly?.test(line)) typedOnly.add(index + 1);
    });
    return { absolute, relative, kind: kindOf(relative), text, expected, typedOnly };
  });
}

function configFor(spec: Pick<CorpusSpec, 'name' | 'rule'>, mode: Mode): Linter.Config[] {
  const plugin: ESLint.Plugin = { rules: { [spec.name]: spec.rule as Rule.RuleModule } };
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
      rules: { [`async-pitfalls/${spec.name}`]: 'error' },
    },
  ];
}

export function lintCorpus(spec: Pick<CorpusSpec, 'name' | 'rule' | 'marker'>, files: readonly CorpusFile[], mode: Mode): ModeResult {
  const ruleId = `async-pitfalls/${spec.name}`;
  const linter = new Linter({ cwd: repoRoot });
  const config = configFor(spec, mode);
  let expected = 0;
  let hit = 0;
  const missed: string[] = [];
  const falsePositives: string[] = [];
  const fatal: string[] = [];
  for (const file of files) {
    const lines = file.text.split(/\r?\n/);
    const source = (line: number): string => (lines[line - 1] ?? '').replace(spec.marker, '').replace(/\/\/\s*$/, '').trim();
    const messages = linter.verify(file.text, config, { filename: file.absolute });
    for (const message of messages) {
      if (message.fatal || message.ruleId === null) fatal.push(`${file.relative}:${String(message.line)} ${message.message}`);
    }
    const reports = messages.filter((message) => message.ruleId === ruleId);
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
      falsePositives.push(`${file.relative}:${String(report.line)}:${String(report.column)}  [${report.messageId ?? '?'}] ${source(report.line)}`);
    }
  }
  return { mode, expected, hit, recall: expected === 0 ? 0 : hit / expected, missed, falsePositives, fatal };
}

export function formatResults(spec: Pick<CorpusSpec, 'name' | 'bars'>, files: readonly CorpusFile[], results: readonly ModeResult[]): string {
  const count = (kind: Kind) => String(files.filter((file) => file.kind === kind).length);
  const lines = [
    `${spec.name} corpus: ${count('bug')} bug files, ${count('fixed')} fixed twins, ${count('correct')} correct-* files, ${count('shared')} shared modules`,
    '',
    '| mode    | expected lines | reported | recall | bar  | false positives | parse errors |',
    '| ------- | -------------- | -------- | ------ | ---- | --------------- | ------------ |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.mode.padEnd(7)} | ${String(r.expected).padStart(14)} | ${String(r.hit).padStart(8)} | ${r.recall.toFixed(3).padStart(6)} | ${spec.bars[r.mode].toFixed(2)} | ${String(r.falsePositives.length).padStart(15)} | ${String(r.fatal.length).padStart(12)} |`,
    );
  }
  for (const r of results) {
    lines.push('', `${r.mode}: missed (${String(r.missed.length)})`);
    for (const miss of r.missed) lines.push(`  ${miss}`);
    lines.push(`${r.mode}: false positives (${String(r.falsePositives.length)})`);
    for (const extra of r.falsePositives) lines.push(`  ${extra}`);
    if (r.fatal.length > 0) {
      lines.push(`${r.mode}: parse errors (${String(r.fatal.length)})`);
      for (const f of r.fatal) lines.push(`  ${f}`);
    }
  }
  return lines.join('\n');
}

/** Registers the corpus checks of one rule: layout, parse, recall bar per mode, no false positives. */
export function describeCorpus(spec: CorpusSpec): void {
  describe(`${spec.name} corpus`, () => {
    const files = loadCorpus(spec);
    const results = new Map<Mode, ModeResult>();

    beforeAll(() => {
      for (const mode of MODES) results.set(mode, lintCorpus(spec, files, mode));
      console.log(formatResults(spec, files, [...results.values()]));
    }, 240_000);

    const result = (mode: Mode): ModeResult => {
      const found = results.get(mode);
      if (!found) throw new Error(`no result for ${mode}`);
      return found;
    };

    it('is laid out as documented: markers only in bug files, each with a fixed twin', () => {
      const relatives = new Set(files.map((file) => file.relative));
      expect(files.filter((file) => file.kind === 'bug').length).toBeGreaterThanOrEqual(spec.minBugFiles);
      for (const file of files) {
        if (file.kind === 'bug') {
          expect(file.expected.size, `${file.relative} has no marker line`).toBeGreaterThan(0);
          expect(relatives.has(`fixed/${file.relative}`), `${file.relative} has no fixed twin`).toBe(true);
        } else {
          expect(file.expected.size, `${file.relative} must not carry markers`).toBe(0);
        }
        if (file.kind === 'fixed') {
          expect(relatives.has(file.relative.slice('fixed/'.length)), `${file.relative} has no bug twin`).toBe(true);
        }
      }
    });

    for (const mode of MODES) {
      describe(mode, () => {
        it('parses every file', () => {
          expect(result(mode).fatal).toEqual([]);
        });

        it(`reports at least ${String(spec.bars[mode] * 100)}% of the marked lines`, () => {
          const r = result(mode);
          expect(r.expected).toBeGreaterThan(0);
          expect(r.recall, `missed:\n${r.missed.join('\n')}`).toBeGreaterThanOrEqual(spec.bars[mode]);
        });

        it('reports nothing else', () => {
          expect(result(mode).falsePositives).toEqual([]);
        });
      });
    }
  });
}
