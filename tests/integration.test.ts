/**
 * The package as users get it: the real `ESLint` class loads the BUILT plugin
 * (dist/, through package.json `exports`, with Node's own resolver) and lints
 * the fixture project in tests/fixtures/integration/ with each config, set up
 * as the README shows.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const projectDir = path.join(root, 'tests', 'fixtures', 'integration');
const builtEntry = path.join(root, 'dist', 'index.js');

type Config = Linter.Config;
interface BuiltPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, unknown>;
  configs: Record<'recommended' | 'recommended-type-checked' | 'strict' | 'strict-type-checked' | 'all', Config>;
}

let plugin: BuiltPlugin;

beforeAll(() => {
  if (isBuildStale()) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe' });
  // Node's resolver, not Vite's: the package name goes through package.json `exports`.
  const load = createRequire(import.meta.url);
  expect(load.resolve('eslint-plugin-async-pitfalls')).toBe(builtEntry);
  plugin = (load('eslint-plugin-async-pitfalls') as { default: BuiltPlugin }).default;
});

describe('the built package', () => {
  it('is the plugin, with its meta and configs', () => {
    expect(plugin.meta.name).toBe('eslint-plugin-async-pitfalls');
    expect(Object.keys(plugin.configs).sort()).toEqual(['all', 'recommended', 'recommended-type-checked', 'strict', 'strict-type-checked']);
  });

  it('`recommended` finds what syntax can tell, in TypeScript and JavaScript', async () => {
    const config: Config[] = [
      plugin.configs.recommended,
      { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } },
    ];
    expect(await findings(config)).toEqual([
      'src/app.ts:9 async-pitfalls/no-floating-promise', // notify(email): async in this file
      'src/app.ts:10 async-pitfalls/no-floating-promise', // saveOrder(id): async in ./store.ts
      'src/app.ts:11 async-pitfalls/no-floating-promise', // queue.push(id): annotated `Promise<void>` in ./store.ts
      'src/app.ts:22 async-pitfalls/no-floating-promise', // main(); at the top level
      'src/legacy.js:3 async-pitfalls/no-floating-promise', // fetch(...) in plain JS
    ]);
  });

  it('`recommended-type-checked` also finds what only the checker knows', async () => {
    const typed = plugin.configs['recommended-type-checked'];
    const config: Config[] = [
      {
        ...typed,
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: {
          ...typed.languageOptions,
          parserOptions: { projectService: true, tsconfigRootDir: projectDir },
        },
      },
    ];
    expect(await findings(config)).toEqual([
      'src/app.ts:9 async-pitfalls/no-floating-promise',
      'src/app.ts:10 async-pitfalls/no-floating-promise',
      'src/app.ts:11 async-pitfalls/no-floating-promise',
      'src/app.ts:12 async-pitfalls/no-floating-promise', // defer(id): `Deferred<string>` is a promise; defer(42) is not
      'src/app.ts:22 async-pitfalls/no-floating-promise',
    ]);
  });
});

/** `file:line ruleId` for every message, sorted; parse errors and crashes fail the test. */
async function findings(overrideConfig: Config[]): Promise<string[]> {
  const eslint = new ESLint({ cwd: projectDir, overrideConfigFile: true, overrideConfig });
  const results = await eslint.lintFiles(['src']);
  const found: string[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) throw new Error(`${result.filePath}:${String(message.line)} ${message.message}`);
      found.push(`${path.relative(projectDir, result.filePath).split(path.sep).join('/')}:${String(message.line)} ${String(message.ruleId)}`);
    }
  }
  return found.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** dist/ is missing, or older than a source file it is built from. */
function isBuildStale(): boolean {
  if (!existsSync(builtEntry)) return true;
  const builtAt = statSync(builtEntry).mtimeMs;
  const sources = [path.join(root, 'index.ts'), ...tsFiles(path.join(root, 'rules')), ...tsFiles(path.join(root, 'lib'))];
  return sources.some((file) => statSync(file).mtimeMs > builtAt);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file));
}
