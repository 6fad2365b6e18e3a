/**
 * The built plugin under ESLint 9 (latest 9.x, installed as the `eslint9` alias)
 * and ESLint 10: the same findings, positions, messages and suggestions on
 * every file of tests/fixtures, with `recommended` (syntax only) and with
 * `recommended-type-checked` (on the files a tsconfig.json covers).
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10, type Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { beforeAll, describe, expect, it } from 'vitest';
import { LINTABLE_GLOBS } from '../../cli/files.js';
import { BrokenTsconfigError, TsconfigCoverage } from '../../cli/tsconfig-coverage.js';
import ts from 'typescript';
import { BUILD_TIMEOUT, findingsOf, loadBuiltPlugin, root, type BuiltPlugin, type Finding } from './built.js';

const fixtures = path.join(root, 'tests', 'fixtures');

interface Host {
  version: string;
  lint: (options: { cwd: string; overrideConfigFile: true; overrideConfig: Linter.Config[] }, patterns: string[]) => Promise<ESLint10.LintResult[]>;
}

const hosts: Record<'eslint9' | 'eslint10', Host> = {
  eslint9: {
    version: ESLint9.version,
    lint: (options, patterns) => new ESLint9(options).lintFiles(patterns),
  },
  eslint10: {
    version: ESLint10.version,
    lint: (options, patterns) => new ESLint10(options).lintFiles(patterns),
  },
};

let plugin: BuiltPlugin;
let typedFiles: string[];

beforeAll(async () => {
  plugin = loadBuiltPlugin();
  // Every lintable file of tests/fixtures that a tsconfig.json covers, as ESLint 10 lists them.
  const all = await hosts.eslint10.lint({ cwd: fixtures, overrideConfigFile: true, overrideConfig: [{ files: LINTABLE_GLOBS }] }, ['.']);
  const coverage = new TsconfigCoverage(ts);
  typedFiles = [];
  for (const { filePath } of all) {
    // tests/fixtures/cli/broken-tsconfig is broken on purpose: no types there.
    const tsconfig = await coverage.tsconfigFor(filePath).catch((error: unknown) => {
      if (error instanceof BrokenTsconfigError) return undefined;
      throw error;
    });
    if (tsconfig !== undefined) typedFiles.push(filePath);
  }
}, BUILD_TIMEOUT);

describe('the hosts', () => {
  it('are ESLint 9 and ESLint 10', () => {
    expect(hosts.eslint9.version).toMatch(/^9\./);
    expect(hosts.eslint10.version).toMatch(/^10\./);
  });

  it('leave the `eslint` command to ESLint 10', () => {
    // Both packages have a bin named `eslint`. `npm ci` links them in path order, so
    // node_modules/eslint wins; an incremental `npm install` of the alias can take it.
    const linked = realpathSync(path.join(root, 'node_modules', '.bin', 'eslint'));
    expect(linked, 'node_modules/.bin/eslint is ESLint 9: run `npm ci`').toBe(realpathSync(path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js')));
  });
});

describe('ESLint 9 and ESLint 10 find the same on tests/fixtures', () => {
  it('with `recommended` (no type information), on every file', async () => {
    const config = (): Linter.Config[] => [{ ...plugin.configs.recommended, files: LINTABLE_GLOBS, languageOptions: { parser: tsParser } }];
    const [nine, ten] = await Promise.all([findings(hosts.eslint9, config(), ['.']), findings(hosts.eslint10, config(), ['.'])]);
    expect(ten.filter((finding) => finding.ruleId?.startsWith('async-pitfalls/')).length).toBeGreaterThan(0);
    expect(nine).toEqual(ten);
  });

  it('with `recommended-type-checked`, on the files a tsconfig.json covers', { timeout: 120_000 }, async () => {
    expect(typedFiles.length).toBeGreaterThan(2);
    const typed = plugin.configs['recommended-type-checked'];
    const config = (): Linter.Config[] => [
      {
        ...typed,
        files: LINTABLE_GLOBS,
        languageOptions: { ...typed.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: fixtures } },
      },
    ];
    const nine = await findings(hosts.eslint9, config(), typedFiles);
    const ten = await findings(hosts.eslint10, config(), typedFiles);
    expect(ten.filter((finding) => finding.ruleId?.startsWith('async-pitfalls/')).length).toBeGreaterThan(0);
    expect(nine).toEqual(ten);
  });
});

async function findings(host: Host, overrideConfig: Linter.Config[], patterns: string[]): Promise<Finding[]> {
  return findingsOf(await host.lint({ cwd: fixtures, overrideConfigFile: true, overrideConfig }, patterns), fixtures);
}
