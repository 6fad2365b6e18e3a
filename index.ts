/**
 * eslint-plugin-async-pitfalls: the plugin object. Configs are computed from
 * each rule's `meta.docs`, never listed by hand.
 */
import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import type { PluginDocs } from './lib/create-rule.js';
import { rules } from './rules/index.js';

const pkg = readPackageJson();

type RuleName = keyof typeof rules;
type Severity = 'error' | 'warn' | 'off';
type RuleEntry = Severity | [Severity, ...unknown[]];
type Config = TSESLint.FlatConfig.Config;

const namespace = 'async-pitfalls';

interface Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<'recommended' | 'recommended-type-checked' | 'strict' | 'strict-type-checked' | 'all', Config>;
}

const plugin: Plugin = {
  meta: { name: pkg.name, version: pkg.version, namespace },
  rules,
  configs: {} as Plugin['configs'],
};

/**
 * The rules `pick` selects, each as `'error'`; with `strict`, a rule whose
 * `meta.docs.strictOptions` names options runs with them.
 */
function ruleSet(pick: (docs: PluginDocs | undefined) => boolean, strict: boolean): Record<string, RuleEntry> {
  const entries: [string, RuleEntry][] = [];
  for (const name of Object.keys(rules).sort() as RuleName[]) {
    const docs: PluginDocs | undefined = rules[name].meta.docs;
    if (!pick(docs)) continue;
    const options = strict ? docs?.strictOptions : undefined;
    entries.push([`${namespace}/${name}`, options ? ['error', ...options] : 'error']);
  }
  return Object.fromEntries(entries);
}

function config(name: string, ruleEntries: Record<string, RuleEntry>, typed: boolean): Config {
  const base: Config = {
    name: `${namespace}/${name}`,
    plugins: { [namespace]: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: ruleEntries,
  };
  if (!typed) return base;
  return {
    ...base,
    languageOptions: {
      parser: tsParser,
      parserOptions: { projectService: true },
    },
  };
}

const recommendedRules = ruleSet((docs) => docs?.recommended === true, false);
const strictRules = ruleSet((docs) => docs?.recommended === true || docs?.strict === true, true);
const allRules = ruleSet(() => true, true);

plugin.configs.recommended = config('recommended', recommendedRules, false);
plugin.configs['recommended-type-checked'] = config('recommended-type-checked', recommendedRules, true);
plugin.configs.strict = config('strict', strictRules, false);
plugin.configs['strict-type-checked'] = config('strict-type-checked', strictRules, true);
plugin.configs.all = config('all', allRules, false);

export default plugin;

/** package.json sits beside index.ts in the sources and one level up from dist/. */
function readPackageJson(): { name: string; version: string } {
  const load = createRequire(import.meta.url);
  for (const candidate of ['./package.json', '../package.json']) {
    try {
      const found = load(candidate) as { name?: string; version?: string };
      if (found.name === 'eslint-plugin-async-pitfalls' && found.version) return { name: found.name, version: found.version };
    } catch {
      // not at this level
    }
  }
  throw new Error('eslint-plugin-async-pitfalls: package.json not found');
}

