/**
 * The executed docs: every code block under `## Examples` of every rule page is
 * linted by its rule, without type information (the parser alone) and with it
 * (the project service on tests/fixtures, the block standing in for
 * tests/fixtures/file.ts, as the rule tests do).
 *
 * Page format, under `## Examples`:
 *
 *     #### ❌ Incorrect          or   #### ✅ Correct
 *     <!-- options: {"allowVoid": true} -->   (optional, the line right before a block)
 *     <!-- typed-only -->                     (optional, same line or combined)
 *     ```ts
 *     one independent example per block
 *     ```
 *
 * ❌ blocks must be reported in both modes, and applying the first report's fix
 * (or, lacking one, its first suggestion) must leave code that parses and that
 * the rule reports less. ✅ blocks must not be reported in either mode.
 *
 * The runtime shim (lib/runtime) then runs the blocks of every rule (each must
 * be listed in lib/runtime/hazards.ts): each ❌ block must show one of the rule's declared
 * hazards, and its fixed code must type-check and show none; each ✅ block must
 * type-check and show no hazard at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { declaredHazards, judgeCorrect, judgeIncorrect } from '../lib/runtime/hazards.js';
import { closeRuntime, runSnippet } from '../lib/runtime/run-snippet.js';
import { fixturesDir } from './rule-tester.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const namespace = plugin.meta.namespace;
const linter = new Linter({ configType: 'flat', cwd: root });

type Mode = 'untyped' | 'typed';
type Kind = 'incorrect' | 'correct';

interface Example {
  readonly kind: Kind;
  readonly code: string;
  /** 1-based line of the opening fence in the page. */
  readonly line: number;
  readonly tsx: boolean;
  readonly options: Record<string, unknown> | undefined;
  readonly typedOnly: boolean;
}

interface RulePage {
  readonly headings: readonly string[];
  readonly examples: readonly Example[];
}

/** What the runtime shim is handed for each example. */
interface RuntimeExample {
  readonly rule: string;
  readonly page: string;
  readonly line: number;
  readonly kind: Kind;
  readonly code: string;
  /** For ❌ blocks, the code after the first report's fix or first suggestion; null when it offers neither (and for ✅ blocks). */
  readonly fixed: string | null;
}

/**
 * The runtime shim (DESIGN.md, "The runtime shim": `lib/runtime`) plugs in here.
 * A verifier runs the example (and a ❌ example's fixed code), and throws unless
 * the incorrect code shows the hazard at run time and the fixed code type-checks
 * and does not; a ✅ example must type-check and show no hazard.
 */
interface RuntimeVerifier {
  readonly name: string;
  verify(example: RuntimeExample): Promise<void>;
}

/** Every rule is listed in lib/runtime/hazards.ts: a rule whose examples the shim does not run fails here. */
const shimVerifier: RuntimeVerifier = {
  name: 'lib/runtime',
  async verify(example) {
    const declared = declaredHazards(example.rule);
    if (!declared) expect.fail(`${example.rule} is not in lib/runtime/hazards.ts: declare the hazards its ❌ examples exhibit, so that the shim runs them`);
    const where = `${example.page}:${String(example.line)}`;
    const before = await runSnippet(example.code);
    const problems =
      example.kind === 'correct'
        ? judgeCorrect(before)
        : judgeIncorrect(declared, before, example.fixed === null ? null : await runSnippet(example.fixed));
    expect(problems, `${where} (runtime shim)${example.fixed === null ? '' : `; fixed code:\n${example.fixed}`}`).toEqual([]);
  },
};

const runtimeVerifiers: readonly RuntimeVerifier[] = [shimVerifier];

afterAll(closeRuntime);

/** STYLE.md's section order; `Options` only for rules that have options. Other sections may sit between them. */
const SECTIONS = ['Rule Details', 'Why It Matters', 'Examples', 'Options', 'Type Information', 'When Not To Use It', 'Related Rules', 'Further Reading'];

for (const name of Object.keys(plugin.rules)) {
  const page = path.join('docs', 'rules', `${name}.md`);
  const file = path.join(root, page);

  describe(page, () => {
    if (!existsSync(file)) {
      it('exists', () => {
        expect.fail(`${page} is missing`);
      });
      return;
    }
    const { headings, examples } = parseRulePage(readFileSync(file, 'utf8'), page);
    const hasOptions = Object.keys(schemaProperties(name)).length > 0;

    it('has at least one ❌ and one ✅ example', () => {
      expect(examples.filter((example) => example.kind === 'incorrect').length, 'no ❌ Incorrect block').toBeGreaterThan(0);
      expect(examples.filter((example) => example.kind === 'correct').length, 'no ✅ Correct block').toBeGreaterThan(0);
    });

    it('has the sections of STYLE.md, in order', () => {
      const expected = SECTIONS.filter((section) => section !== 'Options' || hasOptions);
      expect(headings.filter((heading) => SECTIONS.includes(heading)).join(' > ')).toBe(expected.join(' > '));
    });

    for (const example of examples) {
      const where = `${example.kind === 'incorrect' ? '❌' : '✅'} line ${String(example.line)}`;
      for (const mode of modesOf(example)) {
        if (example.kind === 'correct') {
          it(`${where} is not reported (${mode})`, async () => {
            expect(reportsOf(name, example, example.code, mode).map(describeReport)).toEqual([]);
            if (mode === 'typed') {
              for (const verifier of runtimeVerifiers) {
                await verifier.verify({ rule: name, page, line: example.line, kind: 'correct', code: example.code, fixed: null });
              }
            }
          });
          continue;
        }
        it(`${where} is reported (${mode}), and its fix or first suggestion clears a report`, async () => {
          const reports = reportsOf(name, example, example.code, mode);
          expect(reports.length, 'the rule does not report this ❌ example').toBeGreaterThan(0);
          const fixed = applyFirstFix(example.code, reports[0]);
          if (fixed !== null) {
            const after = reportsOf(name, example, fixed, mode);
            expect(after.length, `still ${String(after.length)} report(s) after the fix:\n${fixed}`).toBeLessThan(reports.length);
          }
          // The typed pass is the one whose fixed code is known to type-check in the shim's terms.
          if (mode === 'typed') {
            for (const verifier of runtimeVerifiers) {
              await verifier.verify({ rule: name, page, line: example.line, kind: 'incorrect', code: example.code, fixed });
            }
          }
        });
      }
    }
  });
}

function describeReport(report: Linter.LintMessage): string {
  return `${String(report.line)}:${String(report.column)} ${report.message}`;
}

function modesOf(example: Example): Mode[] {
  return example.typedOnly ? ['typed'] : ['untyped', 'typed'];
}

/** The rule's reports on `code`; throws with the parser's message when the code does not parse. */
function reportsOf(name: string, example: Example, code: string, mode: Mode): Linter.LintMessage[] {
  const filename = path.join(fixturesDir, example.tsx ? 'react.tsx' : 'file.ts');
  const ruleId = `${namespace}/${name}`;
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        plugins: { [namespace]: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
        languageOptions: {
          parser: tsParser,
          parserOptions: mode === 'typed' ? { projectService: true, tsconfigRootDir: fixturesDir } : {},
        },
        rules: { [ruleId]: example.options ? ['error', example.options] : 'error' },
      },
    ],
    filename,
  );
  const fatal = messages.filter((message) => message.fatal === true);
  if (fatal.length > 0) {
    throw new Error(`does not parse (${mode}): ${fatal.map(describeReport).join('; ')}\n${code}`);
  }
  const others = messages.filter((message) => message.ruleId !== ruleId);
  if (others.length > 0) throw new Error(`unexpected messages: ${others.map((message) => message.message).join('; ')}`);
  return messages;
}

/** The code after the report's fix, or else its first suggestion; null when it has neither. */
function applyFirstFix(code: string, report: Linter.LintMessage | undefined): string | null {
  const fix = report?.fix ?? report?.suggestions?.[0]?.fix;
  if (!fix) return null;
  const [start, end] = fix.range;
  return code.slice(0, start) + fix.text + code.slice(end);
}

function schemaProperties(name: string): Record<string, unknown> {
  const rule = (plugin.rules as Record<string, { meta: { schema?: unknown } }>)[name];
  const schema = rule?.meta.schema;
  if (!Array.isArray(schema)) return {};
  return ((schema[0] as { properties?: Record<string, unknown> } | undefined)?.properties) ?? {};
}

/** Reads a rule page: its `##` headings, and the code blocks under `## Examples`. Throws on a malformed page. */
function parseRulePage(markdown: string, page: string): RulePage {
  const lines = markdown.split(/\r?\n/);
  const headings: string[] = [];
  const examples: Example[] = [];
  let inExamples = false;
  let kind: Kind | null = null;
  const fail = (index: number, problem: string): never => {
    throw new Error(`${page}:${String(index + 1)}: ${problem}`);
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const fence = /^```(\S*)\s*$/.exec(line);
    if (fence) {
      const end = lines.findIndex((candidate, at) => at > index && /^```\s*$/.test(candidate));
      if (end === -1) fail(index, 'unclosed code block');
      if (inExamples) {
        const language = fence[1] ?? '';
        if (kind === null) fail(index, 'code block under `## Examples` without a `#### ❌ Incorrect` or `#### ✅ Correct` line before it');
        if (language !== 'ts' && language !== 'tsx') fail(index, `examples are \`\`\`ts or \`\`\`tsx blocks, not \`\`\`${language}`);
        const directives = parseDirectives(lines[index - 1] ?? '', (problem) => fail(index - 1, problem));
        examples.push({
          kind: kind as Kind,
          code: lines.slice(index + 1, end).join('\n') + '\n',
          line: index + 1,
          tsx: language === 'tsx',
          ...directives,
        });
      }
      index = end;
      continue;
    }
    const h2 = /^## (.+?)\s*$/.exec(line);
    if (h2) {
      const heading = h2[1] ?? '';
      headings.push(heading);
      inExamples = heading === 'Examples';
      kind = null;
      continue;
    }
    if (!inExamples || !line.startsWith('#')) continue;
    if (/^####\s+❌\s+Incorrect\s*$/.test(line)) kind = 'incorrect';
    else if (/^####\s+✅\s+Correct\s*$/.test(line)) kind = 'correct';
    else kind = null;
  }
  return { headings, examples };
}

/** `<!-- options: {...} -->` and `<!-- typed-only -->` on the line before a block, alone or together. */
function parseDirectives(line: string, fail: (problem: string) => never): Pick<Example, 'options' | 'typedOnly'> {
  let options: Record<string, unknown> | undefined;
  let typedOnly = false;
  if (!/^\s*<!--.*-->\s*$/.test(line)) return { options, typedOnly };
  for (const [, body = ''] of line.matchAll(/<!--(.*?)-->/g)) {
    let rest = body.trim();
    if (/^typed-only\b/.test(rest)) {
      typedOnly = true;
      rest = rest.slice('typed-only'.length).trim();
    }
    if (rest.startsWith('options:')) {
      try {
        options = JSON.parse(rest.slice('options:'.length)) as Record<string, unknown>;
      } catch (error) {
        fail(`options are not JSON: ${String(error)}`);
      }
      rest = '';
    }
    if (rest === 'typed-only') {
      typedOnly = true;
      rest = '';
    }
    if (rest !== '') fail(`unknown example directive \`<!-- ${body.trim()} -->\` (expected \`options: {...}\` or \`typed-only\`)`);
  }
  return { options, typedOnly };
}
