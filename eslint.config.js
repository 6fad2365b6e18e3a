// Lints our own code: typescript-eslint strict type-checked, eslint-plugin-eslint-plugin
// for the rules and their tests, and our own recommended config (dogfooding).
import { existsSync } from 'node:fs';
import { defineConfig, globalIgnores } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

// Our own plugin is imported from the build: ESLint loads this file with plain
// Node, which cannot import the TypeScript sources. `npm run lint` builds first.
const built = new URL('./dist/index.js', import.meta.url);
if (!existsSync(built)) {
  throw new Error('eslint.config.js: dist/index.js is missing; run `npm run build` before `eslint .`.');
}
const { default: asyncPitfalls } = await import(built.href);

export default defineConfig(
  globalIgnores([
    'dist/',
    'coverage/',
    // Inputs for tests, benchmarks and the demo: deliberately full of bugs.
    'tests/fixtures/**',
    'tests/corpus/**',
    'bench/corpora/**',
    'examples/**',
  ]),
  {
    name: 'async-pitfalls/typescript',
    files: ['**/*.ts', '**/*.js'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Off: scope-manager's `def.type` is the string enum `DefinitionType`, and the
      // analyses compare it with string literals (`def.type === 'ImportBinding'`), which
      // is sound: the enum's values are those strings. It was the noisiest finding
      // (16 of 33 on first run) and says nothing about behaviour.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    // The plain-JS files (this config, the doc-generator config, the demo) are not in
    // tsconfig.json: lint them without type information.
    name: 'async-pitfalls/plain-js',
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    name: 'async-pitfalls/dogfood',
    files: ['**/*.ts', '**/*.js'],
    extends: [asyncPitfalls.configs.recommended],
  },
  {
    name: 'async-pitfalls/rules',
    files: ['rules/**/*.ts'],
    extends: [eslintPlugin.configs.recommended],
    rules: {
      // Off: our rules are made with typescript-eslint's `RuleCreator`, which adds
      // `meta.docs.url` itself and forbids writing it by hand (its type omits `url`), so this
      // rule would report every rule. tests/plugin.test.ts asserts each built rule's URL.
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Require|Enforce) .+[^. ]$' }],
    },
  },
  {
    name: 'async-pitfalls/rule-tests',
    files: ['tests/rules/**/*.ts'],
    extends: [eslintPlugin.configs.recommended],
    rules: {
      'eslint-plugin/require-test-error-positions': 'error',
    },
  },
  {
    // Our testers are built by a factory (tests/rule-tester.ts), not `new RuleTester`.
    settings: { 'eslint-plugin': { ruleTesterConstructors: ['RuleTester', 'createRuleTester'] } },
  },
);
