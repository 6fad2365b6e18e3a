/**
 * The package holds together: rule files, registry, docs pages and test files
 * match; every rule's meta follows STYLE.md; `plugin.meta` matches package.json;
 * the configs are what `meta.docs` says they are; bad options give a schema
 * error that names the option.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { repositoryUrl } from '../lib/create-rule.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const DESCRIPTION = /^(Disallow|Require|Enforce) .+[^. ]$/;
const namespace = 'async-pitfalls';

/** The fields of a rule's meta this test reads, typed loosely on purpose: it checks what is there. */
interface LooseMeta {
  type?: unknown;
  docs?: { description?: unknown; url?: unknown; recommended?: unknown; strict?: unknown; requiresTypeChecking?: unknown };
  messages?: Record<string, string>;
  schema?: unknown;
  defaultOptions?: unknown;
  hasSuggestions?: unknown;
  fixable?: unknown;
}

interface LooseSchema {
  type?: unknown;
  additionalProperties?: unknown;
  properties?: Record<string, { description?: unknown; type?: unknown }>;
}

const ruleNames = Object.keys(plugin.rules);
const metaOf = (name: string): LooseMeta => (plugin.rules as Record<string, { meta: LooseMeta }>)[name]?.meta ?? {};
const fileNames = (dir: string, extension: string): string[] =>
  readdirSync(path.join(root, dir))
    .filter((file) => file.endsWith(extension))
    .map((file) => file.slice(0, -extension.length))
    .sort();

describe('rule files, registry, docs and tests', () => {
  it('registers every file in rules/ and nothing else', () => {
    const files = fileNames('rules', '.ts').filter((name) => name !== 'index');
    expect([...ruleNames].sort()).toEqual(files);
  });

  it('keeps the registry alphabetical', () => {
    expect(ruleNames).toEqual([...ruleNames].sort());
  });

  it.each(ruleNames)('%s has docs/rules/<name>.md and tests/rules/<name>.test.ts', (name) => {
    expect(fileNames('docs/rules', '.md')).toContain(name);
    expect(fileNames('tests/rules', '.test.ts')).toContain(name);
  });

  it('has no docs page or rule test without a rule', () => {
    expect(fileNames('docs/rules', '.md').filter((name) => !ruleNames.includes(name))).toEqual([]);
    expect(fileNames('tests/rules', '.test.ts').filter((name) => !ruleNames.includes(name))).toEqual([]);
  });
});

describe.each(ruleNames)('%s meta', (name) => {
  const meta = metaOf(name);

  it('has a type', () => {
    expect(['problem', 'suggestion', 'layout']).toContain(meta.type);
  });

  it('has a description in the house form', () => {
    expect(meta.docs?.description).toMatch(DESCRIPTION);
  });

  it('links to its docs page', () => {
    expect(meta.docs?.url).toBe(`${repositoryUrl}/blob/main/docs/rules/${name}.md`);
  });

  it('declares whether it is recommended and that it does not require type checking', () => {
    expect(typeof meta.docs?.recommended).toBe('boolean');
    // Hybrid by design (DESIGN.md): every rule runs without type information.
    expect(meta.docs?.requiresTypeChecking).toBe(false);
  });

  it('has messages', () => {
    expect(Object.keys(meta.messages ?? {}).length).toBeGreaterThan(0);
  });

  it('has a schema of one object, closed, every property described', () => {
    expect(Array.isArray(meta.schema)).toBe(true);
    const schema = meta.schema as LooseSchema[];
    expect(schema).toHaveLength(1);
    const [options] = schema;
    expect(options?.type).toBe('object');
    expect(options?.additionalProperties).toBe(false);
    const undescribed = Object.entries(options?.properties ?? {})
      .filter(([, property]) => typeof property.description !== 'string' || property.description.length === 0)
      .map(([key]) => key);
    expect(undescribed).toEqual([]);
  });

  it('has defaultOptions for known options only', () => {
    expect(Array.isArray(meta.defaultOptions)).toBe(true);
    const [defaults] = meta.defaultOptions as Record<string, unknown>[];
    expect(defaults).toBeTypeOf('object');
    const known = Object.keys((meta.schema as LooseSchema[])[0]?.properties ?? {});
    expect(Object.keys(defaults ?? {}).filter((key) => !known.includes(key))).toEqual([]);
  });

  it('names suggestions `suggest*` and uses those ids for suggestions only', () => {
    const { suggestionIds, reportIds } = messageIdsByUse(name);
    const messageIds = Object.keys(meta.messages ?? {});
    // Guards the reading of the source itself: a rule reports something.
    expect(reportIds.length).toBeGreaterThan(0);
    if (meta.hasSuggestions === true) expect(suggestionIds.length).toBeGreaterThan(0);
    expect(suggestionIds.filter((id) => !id.startsWith('suggest'))).toEqual([]);
    expect(reportIds.filter((id) => id.startsWith('suggest'))).toEqual([]);
    expect(meta.hasSuggestions === true).toBe(messageIds.some((id) => id.startsWith('suggest')));
  });
});

describe('plugin', () => {
  it('has meta from package.json', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace });
  });

  it('exports these configs', () => {
    const summary = Object.fromEntries(
      Object.entries(plugin.configs).map(([key, config]) => [
        key,
        {
          name: config.name,
          plugins: Object.keys(config.plugins ?? {}),
          rules: config.rules,
          parser: config.languageOptions?.parser === tsParser ? '@typescript-eslint/parser' : config.languageOptions?.parser,
          parserOptions: config.languageOptions?.parserOptions,
        },
      ]),
    );
    const rules = { 'async-pitfalls/no-blocking-in-async': 'error', 'async-pitfalls/no-broken-promise-chain': 'error', 'async-pitfalls/no-floating-promise': 'error', 'async-pitfalls/no-io-in-constructor': 'error', 'async-pitfalls/no-misused-async-callback': 'error', 'async-pitfalls/no-promise-constructor-misuse': 'error', 'async-pitfalls/no-unawaited-value': 'error' };
    // Strict-only rules (`meta.docs.strict`) join the recommended ones in `strict` and `all`.
    // ...and a rule with `meta.docs.strictOptions` runs with them there (the resolver-leak check).
    const strictRules = { ...rules, 'async-pitfalls/no-promise-constructor-misuse': ['error', { checkResolverLeaks: true }], 'async-pitfalls/no-await-race': 'error', 'async-pitfalls/no-exit-with-pending-work': 'error', 'async-pitfalls/no-mixed-sync-async-return': 'error', 'async-pitfalls/await-async-assertion': 'error', 'async-pitfalls/no-unbounded-concurrency': 'error', 'async-pitfalls/require-abort-signal': 'error' };
    const typed = { parser: '@typescript-eslint/parser', parserOptions: { projectService: true } };
    const untyped = { parser: undefined, parserOptions: undefined };
    expect(summary).toEqual({
      recommended: { name: 'async-pitfalls/recommended', plugins: [namespace], rules, ...untyped },
      'recommended-type-checked': { name: 'async-pitfalls/recommended-type-checked', plugins: [namespace], rules, ...typed },
      strict: { name: 'async-pitfalls/strict', plugins: [namespace], rules: strictRules, ...untyped },
      'strict-type-checked': { name: 'async-pitfalls/strict-type-checked', plugins: [namespace], rules: strictRules, ...typed },
      all: { name: 'async-pitfalls/all', plugins: [namespace], rules: strictRules, ...untyped },
    });
  });

  it('registers the plugin itself in every config', () => {
    for (const config of Object.values(plugin.configs)) expect(config.plugins?.[namespace]).toBe(plugin);
  });

  it('computes the configs from meta.docs', () => {
    const enabled = (key: keyof typeof plugin.configs): string[] => Object.keys(plugin.configs[key].rules ?? {}).sort();
    const prefixed = (pick: (meta: LooseMeta) => boolean): string[] =>
      ruleNames.filter((name) => pick(metaOf(name))).map((name) => `${namespace}/${name}`).sort();

    expect(enabled('recommended')).toEqual(prefixed((meta) => meta.docs?.recommended === true));
    expect(enabled('strict')).toEqual(prefixed((meta) => meta.docs?.recommended === true || meta.docs?.strict === true));
    expect(enabled('all')).toEqual(prefixed(() => true));
    expect(enabled('recommended-type-checked')).toEqual(enabled('recommended'));
    expect(enabled('strict-type-checked')).toEqual(enabled('strict'));

    const subset = (small: string[], large: string[]): string[] => small.filter((id) => !large.includes(id));
    expect(subset(enabled('recommended'), enabled('strict'))).toEqual([]);
    expect(subset(enabled('strict'), enabled('all'))).toEqual([]);
  });

  it('turns on type information in the type-checked configs only', () => {
    for (const [key, config] of Object.entries(plugin.configs)) {
      const projectService = (config.languageOptions?.parserOptions as { projectService?: unknown } | undefined)?.projectService;
      expect([key, projectService]).toEqual([key, key.endsWith('-type-checked') ? true : undefined]);
    }
  });
});

describe.each(ruleNames)('%s options', (name) => {
  const properties = ((metaOf(name).schema as LooseSchema[] | undefined)?.[0]?.properties ?? {}) as Record<string, { type?: unknown }>;

  it('rejects an unknown option with an error that names it', () => {
    expect(() => {
      lintWithOptions(name, { notAnOption: true });
    }).toThrow(/notAnOption/);
  });

  // DESIGN.md: "Bad options get a schema error that names the option, not a stack trace."
  // For no-floating-promise this runs `[{ allowVoid: 'yes' }]`, `[{ allow: 'not-an-array' }]`, ...
  it('rejects a wrongly typed option with an error that names the option, not a stack trace', () => {
    const unnamed: string[] = [];
    for (const [key, schema] of Object.entries(properties)) {
      const message = configError(() => {
        lintWithOptions(name, { [key]: wrongValueFor(schema.type) });
      });
      expect(message, `${key}: an invalid value must be refused`).toMatch(/^Key "rules"/);
      if (!message.includes(key)) unnamed.push(`${key}: ${message.trim()}`);
    }
    expect(unnamed).toEqual([]);
  });
});

function lintWithOptions(name: string, options: Record<string, unknown>): void {
  new Linter({ configType: 'flat' }).verify('x;', [
    { plugins: { [namespace]: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] }, rules: { [`${namespace}/${name}`]: ['error', options] } },
  ]);
}

function configError(run: () => void): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return '';
}

function wrongValueFor(type: unknown): unknown {
  switch (type) {
    case 'boolean':
      return 'yes';
    case 'string':
      return 42;
    case 'number':
    case 'integer':
      return 'many';
    case 'array':
      return 'not-an-array';
    case 'object':
      return 'not-an-object';
    default:
      // A union or an untyped property: a function is never valid JSON-schema data.
      return Symbol('invalid');
  }
}

/**
 * Reads the rule's source: which message ids it passes to `context.report`
 * (descriptors with `node` or `loc`) and which to suggestions (descriptors with
 * a `fix` and no location).
 */
function messageIdsByUse(name: string): { suggestionIds: string[]; reportIds: string[] } {
  const source = readFileSync(path.join(root, 'rules', `${name}.ts`), 'utf8');
  const program = tsParser.parse(source, { range: true, loc: true });
  const suggestionIds = new Set<string>();
  const reportIds = new Set<string>();
  visit(program, (node) => {
    if (node.type !== AST_NODE_TYPES.ObjectExpression) return;
    const keys = new Map<string, TSESTree.Property>();
    for (const property of node.properties) {
      if (property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier) keys.set(property.key.name, property);
    }
    const messageId = keys.get('messageId')?.value;
    if (!messageId) return;
    const ids = literalStrings(messageId);
    const target = keys.has('node') || keys.has('loc') ? reportIds : keys.has('fix') ? suggestionIds : null;
    for (const id of ids) target?.add(id);
  });
  return { suggestionIds: [...suggestionIds], reportIds: [...reportIds] };
}

/** String literals a message id expression can evaluate to (`'a'`, `c ? 'a' : 'b'`); calls give none. */
function literalStrings(node: TSESTree.Node): string[] {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return [node.value];
  if (node.type === AST_NODE_TYPES.ConditionalExpression) return [...literalStrings(node.consequent), ...literalStrings(node.alternate)];
  return [];
}

function visit(node: TSESTree.Node, callback: (node: TSESTree.Node) => void): void {
  callback(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    const children: unknown[] = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') visit(child as TSESTree.Node, callback);
    }
  }
}
