/**
 * Resolves an expression to the module export it stands for, so that
 * `import { readFileSync as rf } from 'node:fs'`, `fs.readFileSync`,
 * `require('fs').readFileSync` and `const { readFileSync } = require('fs')`
 * all name the same thing: `{ module: 'fs', path: ['readFileSync'] }`.
 *
 * Globals resolve to the module `GLOBAL` (`fetch` -> `{ module: GLOBAL, path: ['fetch'] }`).
 * Default and namespace imports resolve to the module itself (`path: []`).
 */
import { isBuiltin } from 'node:module';
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { keyName, memberName } from './ast.js';

import { GLOBAL } from './globals.js';
import { variableOf } from './scope.js';

export { GLOBAL };

export interface ImportTarget {
  /** Canonical module name: `fs`, `fs/promises`, `node:test`, `./store`, or `GLOBAL`. */
  readonly module: string;
  /** The export and the properties read from it. */
  readonly path: readonly string[];
}

/** Builtins whose `promises` property is the same object as their `/promises` module. */
const PROMISES_TWINS = new Set(['fs', 'dns', 'stream', 'timers', 'readline']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);
const MAX_DEPTH = 8;

/** `node:fs` -> `fs`; builtins that exist only with the prefix (`node:test`) keep it. */
export function canonicalModule(specifier: string): string {
  if (specifier.startsWith('node:')) {
    const bare = specifier.slice(5);
    return isBuiltin(bare) ? bare : specifier;
  }
  return specifier;
}

function canonical(module: string, path: readonly string[]): ImportTarget {
  if (module === GLOBAL && path.length > 1 && GLOBAL_OBJECTS.has(path[0] ?? '')) {
    return canonical(GLOBAL, path.slice(1));
  }
  if (PROMISES_TWINS.has(module) && path[0] === 'promises') {
    return { module: `${module}/promises`, path: path.slice(1) };
  }
  return { module, path };
}

export type Resolver = (node: TSESTree.Node) => ImportTarget | null;

const resolvers = new WeakMap<object, Resolver>();

/** A resolver for one file, caching per node. */
export function getImportResolver(sourceCode: Readonly<TSESLint.SourceCode>): Resolver {
  let resolver = resolvers.get(sourceCode);
  if (!resolver) {
    const cache = new WeakMap<TSESTree.Node, ImportTarget | null>();
    const resolve = (node: TSESTree.Node, depth: number): ImportTarget | null => {
      if (depth > MAX_DEPTH) return null;
      const hit = cache.get(node);
      if (hit !== undefined) return hit;
      const result = resolveUncached(sourceCode, node, depth, resolve);
      cache.set(node, result);
      return result;
    };
    resolver = (node) => resolve(node, 0);
    resolvers.set(sourceCode, resolver);
  }
  return resolver;
}

function resolveUncached(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  depth: number,
  resolve: (node: TSESTree.Node, depth: number) => ImportTarget | null,
): ImportTarget | null {
  switch (node.type) {
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return resolve(node.expression, depth + 1);
    case AST_NODE_TYPES.AwaitExpression:
      // `(await import('fs')).readFileSync`
      return node.argument.type === AST_NODE_TYPES.ImportExpression ? moduleOfImportCall(node.argument) : null;
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(node);
      if (name === null) return null;
      const base = resolve(node.object, depth + 1);
      return base ? canonical(base.module, [...base.path, name]) : null;
    }
    case AST_NODE_TYPES.CallExpression:
      return requiredModule(sourceCode, node);
    case AST_NODE_TYPES.Identifier:
      return resolveIdentifier(sourceCode, node, depth, resolve);
    default:
      return null;
  }
}

function moduleOfImportCall(node: TSESTree.ImportExpression): ImportTarget | null {
  const source = node.source;
  return source.type === AST_NODE_TYPES.Literal && typeof source.value === 'string'
    ? { module: canonicalModule(source.value), path: [] }
    : null;
}

/** `require('fs')` -> the module `fs`, when `require` is not a user's own function. */
function requiredModule(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.CallExpression): ImportTarget | null {
  const { callee } = node;
  const [first] = node.arguments;
  // Compiled TypeScript and Babel: `__importStar(require('fs'))` is the module's namespace.
  if (first?.type === AST_NODE_TYPES.CallExpression && isNamespaceInterop(callee)) return requiredModule(sourceCode, first);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require') return null;
  if (first?.type !== AST_NODE_TYPES.Literal || typeof first.value !== 'string') return null;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), callee);
  if (variable && variable.defs.length > 0 && !isCreatedRequire(sourceCode, variable)) return null;
  return { module: canonicalModule(first.value), path: [] };
}

const NAMESPACE_INTEROP = new Set(['__importStar', '_interopRequireWildcard']);

/** `__importStar` / `tslib.__importStar` / `_interopRequireWildcard`: helpers that return the required module's namespace. */
function isNamespaceInterop(callee: TSESTree.Node): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) return NAMESPACE_INTEROP.has(callee.name);
  return callee.type === AST_NODE_TYPES.MemberExpression && NAMESPACE_INTEROP.has(memberName(callee) ?? '');
}

/** `const require = createRequire(import.meta.url)`: the real `require`, made in an ES module. */
function isCreatedRequire(sourceCode: Readonly<TSESLint.SourceCode>, variable: TSESLint.Scope.Variable): boolean {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== 'Variable' || def.node.init?.type !== AST_NODE_TYPES.CallExpression) return false;
  if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== def.name)) return false;
  const target = getImportResolver(sourceCode)(def.node.init.callee);
  return target?.module === 'module' && target.path.length === 1 && target.path[0] === 'createRequire';
}

function resolveIdentifier(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Identifier,
  depth: number,
  resolve: (node: TSESTree.Node, depth: number) => ImportTarget | null,
): ImportTarget | null {
  const variable = variableOf(sourceCode, node);
  if (!variable || variable.defs.length === 0) {
    return node.name === 'undefined' ? null : canonical(GLOBAL, [node.name]);
  }
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (!def) return null;
  if (def.type === 'ImportBinding') {
    const decl = def.node;
    if (decl.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const ref = decl.moduleReference;
      return ref.type === AST_NODE_TYPES.TSExternalModuleReference && typeof ref.expression.value === 'string'
        ? { module: canonicalModule(ref.expression.value), path: [] }
        : null;
    }
    const parent = decl.parent;
    if (parent.type !== AST_NODE_TYPES.ImportDeclaration) return null;
    const module = canonicalModule(parent.source.value);
    if (decl.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = decl.imported.type === AST_NODE_TYPES.Identifier ? decl.imported.name : decl.imported.value;
      return imported === 'default' ? { module, path: [] } : canonical(module, [imported]);
    }
    return { module, path: [] };
  }
  if (def.type !== 'Variable') return null;
  const declarator = def.node;
  if (!declarator.init) return null;
  // The declaration writes once, twice with a default (`{ a = f } = init`); any other write reassigns.
  if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== def.name)) return null;
  const keys = patternPath(def.name, declarator.id);
  if (!keys) return null;
  const base = resolve(declarator.init, depth + 1);
  return base ? canonical(base.module, [...base.path, ...keys]) : null;
}

/** The keys from a destructuring pattern down to `name`: `{ a: { b } }` -> ['a', 'b']. */
function patternPath(name: TSESTree.Node, root: TSESTree.Node): string[] | null {
  const keys: string[] = [];
  let current: TSESTree.Node = name;
  while (current !== root) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return null;
    if (parent.type === AST_NODE_TYPES.Property) {
      if (parent.value !== current) return null;
      const key = keyName(parent.key, parent.computed);
      if (key === null) return null;
      keys.unshift(key);
    } else if (parent.type !== AST_NODE_TYPES.ObjectPattern && parent.type !== AST_NODE_TYPES.AssignmentPattern) {
      return null;
    }
    current = parent;
  }
  return keys;
}

/** Does the target name this module and export path (`matches(t, 'fs', 'readFileSync')`)? */
export function targetKey(target: ImportTarget): string {
  return `${target.module}:${target.path.join('.')}`;
}
