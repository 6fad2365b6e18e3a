/**
 * `--cache` with the built plugin, under ESLint 9 and ESLint 10: a second run
 * answers from the cache (no rule runs) with the same findings, and a new
 * plugin version (`meta.version`, which ESLint hashes into each file's cache
 * key) makes ESLint lint every file again.
 *
 * The rules are wrapped to count how often ESLint creates them: that is the
 * only outside sign of a cache hit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10, type Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, findingsOf, loadBuiltPlugin, root, type BuiltPlugin, type Finding } from './built.js';

const examples = path.join(root, 'examples');
const scratch = mkdtempSync(path.join(tmpdir(), 'async-pitfalls-cache-'));

let plugin: BuiltPlugin;

beforeAll(() => {
  plugin = loadBuiltPlugin();
}, BUILD_TIMEOUT);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

type Lint = (options: ESLint10.Options) => Promise<ESLint10.LintResult[]>;

const hosts: [string, Lint][] = [
  ['ESLint 9', (options) => new ESLint9(options).lintFiles(['src'])],
  ['ESLint 10', (options) => new ESLint10(options).lintFiles(['src'])],
];

describe.each(hosts)('%s --cache', (name, lint) => {
  const cacheLocation = path.join(scratch, `${name.replace(' ', '')}.eslintcache`);

  async function run(version: string): Promise<{ findings: Finding[]; rulesCreated: number }> {
    const counter = { created: 0 };
    const results = await lint({
      cwd: examples,
      overrideConfigFile: true,
      overrideConfig: recommended(countingPlugin(plugin, version, counter)),
      cache: true,
      cacheLocation,
    });
    return { findings: findingsOf(results, examples), rulesCreated: counter.created };
  }

  it('answers a second run from the cache with the same findings, and lints again for a new plugin version', { timeout: 60_000 }, async () => {
    const first = await run(plugin.meta.version);
    expect(first.rulesCreated).toBeGreaterThan(0);
    expect(first.findings.length).toBeGreaterThan(0);

    const cached = await run(plugin.meta.version);
    expect(cached.rulesCreated).toBe(0);
    expect(cached.findings).toEqual(first.findings);

    const upgraded = await run(`${plugin.meta.version}-next`);
    expect(upgraded.rulesCreated).toBeGreaterThan(0);
    expect(upgraded.findings).toEqual(first.findings);

    const cachedAgain = await run(`${plugin.meta.version}-next`);
    expect(cachedAgain.rulesCreated).toBe(0);
  });
});

/** The built plugin with its `meta.version` set and each rule's `create` counted. */
function countingPlugin(original: BuiltPlugin, version: string, counter: { created: number }): ESLint10.Plugin {
  const rules = Object.fromEntries(
    Object.entries(original.rules).map(([name, rule]) => [
      name,
      {
        ...rule,
        create(context: never) {
          counter.created += 1;
          return rule.create(context);
        },
      },
    ]),
  );
  return { ...original, meta: { ...original.meta, version }, rules } as unknown as ESLint10.Plugin;
}

function recommended(counted: ESLint10.Plugin): Linter.Config[] {
  return [
    {
      ...plugin.configs.recommended,
      files: ['**/*.ts'],
      plugins: { [plugin.meta.namespace]: counted },
      languageOptions: { parser: tsParser },
    },
  ];
}
