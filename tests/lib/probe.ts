/**
 * Runs a shared analysis from `lib/` inside a throwaway rule, through ESLint's
 * `Linter` with the typescript-eslint parser, so that tests call it with a real
 * rule `context` in either mode: untyped (no program) or typed (the project
 * service on tests/fixtures).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

export type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = path.join(repoRoot, 'tests', 'fixtures');
export const fixturesLibDir = path.join(fixturesDir, 'lib');

export interface LintOptions {
  /** Parse with the project service, so that the checker backs the analysis. */
  readonly typed?: boolean;
  /** Absolute file name; default `tests/fixtures/file.ts` (its content is replaced by `code`). */
  readonly filename?: string;
  /** Default `module`. */
  readonly sourceType?: 'module' | 'script' | 'commonjs';
}

const linter = new Linter({ cwd: repoRoot });

/**
 * Lints `code` with a rule whose listeners `create` builds. Throws when the code
 * does not parse, so that a test can never pass on an empty result.
 */
export function lintWith(
  code: string,
  create: (context: Context) => TSESLint.RuleListener,
  options: LintOptions = {},
): void {
  const reports = lintReports(code, create, options);
  if (reports.length > 0) throw new Error(`unexpected report: ${reports[0]?.message ?? ''}`);
}

/**
 * Lints `code` with a rule whose listeners `create` builds, and returns what
 * that rule reported (with fixes). Throws when the code does not parse.
 */
export function lintReports(
  code: string,
  create: (context: Context) => TSESLint.RuleListener,
  options: LintOptions = {},
): Linter.LintMessage[] {
  const filename = options.filename ?? path.join(fixturesDir, 'file.ts');
  const rule = {
    meta: { type: 'problem', schema: [], fixable: 'code' },
    create: (context: unknown) => create(context as Context),
  };
  const config = [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
      plugins: { probe: { rules: { probe: rule } } },
      languageOptions: {
        parser,
        sourceType: options.sourceType ?? 'module',
        parserOptions: options.typed
          ? { projectService: true, tsconfigRootDir: fixturesDir }
          : { tsconfigRootDir: fixturesDir },
      },
      rules: { 'probe/probe': 'error' },
    },
  ];
  const messages = linter.verify(code, config as unknown as Linter.Config[], { filename });
  const fatal = messages.find((message) => message.fatal === true || message.ruleId !== 'probe/probe');
  if (fatal) throw new Error(`lint failed: ${fatal.message} (${String(fatal.line)}:${String(fatal.column)})`);
  return messages;
}

/**
 * For every call `probe(...)` (or the callee named `name`) in source order,
 * the result of `inspect`. Throws when there is none.
 */
export function probeCalls<T>(
  code: string,
  inspect: (context: Context, call: TSESTree.CallExpression) => T,
  options: LintOptions & { readonly name?: string } = {},
): T[] {
  const name = options.name ?? 'probe';
  const results: T[] = [];
  lintWith(
    code,
    (context) => ({
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === name) results.push(inspect(context, node));
      },
    }),
    options,
  );
  if (results.length === 0) throw new Error(`no \`${name}(...)\` call in:\n${code}`);
  return results;
}

/** The first argument of a probe call, which must be a plain expression. */
export function firstArgument(call: TSESTree.CallExpression): TSESTree.Expression {
  const [argument] = call.arguments;
  if (!argument || argument.type === 'SpreadElement') throw new Error('probe(...) needs one expression argument');
  return argument;
}

/** Like `probeCalls`, on the first argument of each call; exactly one probe expected. */
export function probeOne<T>(
  code: string,
  inspect: (context: Context, node: TSESTree.Expression) => T,
  options: LintOptions & { readonly name?: string } = {},
): T {
  const results = probeCalls(code, (context, call) => inspect(context, firstArgument(call)), options);
  if (results.length !== 1) throw new Error(`expected one probe, found ${String(results.length)}`);
  return results[0] as T;
}

/**
 * For every node of this type in source order, the result of `inspect`.
 * Throws when there is none.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- N lets a caller name the node type its selector matches.
export function probeNodes<T, N extends TSESTree.Node = TSESTree.Node>(
  code: string,
  selector: string,
  inspect: (context: Context, node: N) => T,
  options: LintOptions = {},
): T[] {
  const results: T[] = [];
  lintWith(
    code,
    (context) => ({
      [selector]: (node: N) => {
        results.push(inspect(context, node));
      },
    }),
    options,
  );
  if (results.length === 0) throw new Error(`no node matches ${selector} in:\n${code}`);
  return results;
}
