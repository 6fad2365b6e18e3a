/**
 * For fixes that call a module export the file may not import yet: how to
 * name `readFile` of `fs/promises` at a given place, reusing what the file
 * already has (`import { readFile } from 'node:fs/promises'`,
 * `import * as fsp from 'fs/promises'` -> `fsp.readFile`,
 * `import fs from 'node:fs'` -> `fs.promises.readFile`,
 * `const { promises: fsp } = require('fs')` -> `fsp.readFile`), or else
 * adding it to an existing import/require of that module, or else adding a
 * new `import` (ES modules) or `require` (CommonJS) after the last one.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isBuiltin } from 'node:module';
import { skipWrappers } from './ast.js';
import { canonicalModule, getImportResolver, type ImportTarget } from './imports.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A text edit: replace `range` with `text` (an insertion when the range is empty). */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface Binding {
  /** What names the export at the place asked about: `readFile`, `fsp.readFile`, `fs.promises.readFile`. */
  readonly text: string;
  /** The edits that bring it into scope; empty when the file already has it. */
  readonly edits: readonly TextEdit[];
}

export interface BindingOptions {
  /** Add a `require` rather than an `import` when the file has neither for this module. */
  readonly commonjs: boolean;
  /** Accept `fs.promises.readFile` through an existing `fs` binding (for callees written `fs.readFileSync`). */
  readonly viaBase?: boolean;
  /** Local names to try, in order, when the export's own name is taken (`sleep` for `setTimeout`). */
  readonly aliases?: readonly string[];
}

/** Builtins whose `promises` property is their `/promises` module (as in `lib/imports`). */
const PROMISES_TWINS = new Set(['fs', 'dns', 'stream', 'timers', 'readline']);

/**
 * How to name `module`'s export `name` at `at`: an existing binding visible
 * there, or a new one (with the edits that add it).
 */
export function bindingFor(
  sourceCode: SourceCode,
  at: TSESTree.Node,
  module: string,
  name: string,
  options: BindingOptions,
): Binding {
  const existing = existingBinding(sourceCode, at, module, name, options.viaBase === true);
  if (existing !== null) return { text: existing, edits: [] };
  const local = freeName(sourceCode, [name, ...(options.aliases ?? []), `${name}Async`]);
  return { text: local, edits: addBinding(sourceCode, module, name, local, options.commonjs) };
}

/** The specifier a new import of this canonical module uses: `node:` for builtins. */
export function specifierOf(module: string): string {
  return isBuiltin(module) && !module.startsWith('node:') ? `node:${module}` : module;
}

/** Does the file load modules with `require` rather than `import`? */
export function usesCommonJs(sourceCode: SourceCode): boolean {
  const program = sourceCode.ast;
  if (program.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration)) return false;
  if (program.sourceType !== 'module') return true;
  return program.body.some((statement) => requireDeclaration(statement) !== null);
}

/**
 * The best binding the file has, visible at `at`: the export itself
 * (`readFile`), then the module (`fsp.readFile`), then, when `viaBase`, the
 * base module whose `promises` it is (`fs.promises.readFile`).
 */
function existingBinding(sourceCode: SourceCode, at: TSESTree.Node, module: string, name: string, viaBase: boolean): string | null {
  const resolve = getImportResolver(sourceCode);
  const scope = moduleScope(sourceCode);
  const suffix = '/promises';
  const baseName = module.endsWith(suffix) ? module.slice(0, -suffix.length) : '';
  const base = viaBase && PROMISES_TWINS.has(baseName) ? baseName : null;
  const found: (string | null)[] = [null, null, null];
  for (const variable of scope.variables) {
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || !def) continue;
    if (def.type === 'ImportBinding') {
      const declaration = def.parent;
      if (declaration.type === AST_NODE_TYPES.ImportDeclaration && declaration.importKind === 'type') continue;
      if (def.node.type === AST_NODE_TYPES.ImportSpecifier && def.node.importKind === 'type') continue;
    } else if (def.type !== 'Variable') {
      continue;
    }
    const target: ImportTarget | null = resolve(def.name);
    if (!target) continue;
    let rank = -1;
    if (target.module === module && target.path.length === 1 && target.path[0] === name) rank = 0;
    else if (target.module === module && target.path.length === 0) rank = 1;
    else if (base !== null && target.module === base && target.path.length === 0) rank = 2;
    if (rank === -1 || found[rank] !== null) continue;
    // Visible at `at`, not shadowed by a local of the same name.
    if (ASTUtils.findVariable(sourceCode.getScope(at), variable.name) !== variable) continue;
    found[rank] = [variable.name, `${variable.name}.${name}`, `${variable.name}.promises.${name}`][rank] ?? null;
  }
  return found.find((text) => text !== null) ?? null;
}

function moduleScope(sourceCode: SourceCode): TSESLint.Scope.Scope {
  const global = sourceCode.scopeManager?.globalScope;
  if (!global) throw new Error('module-bindings: no scope manager');
  return global.childScopes.find((scope) => scope.type === 'module') ?? global;
}

/** The first candidate no scope of the file declares and no global reference uses. */
function freeName(sourceCode: SourceCode, candidates: readonly string[]): string {
  const manager = sourceCode.scopeManager;
  const taken = (candidate: string): boolean =>
    (manager?.scopes.some((scope) => scope.set.has(candidate)) ?? false) ||
    (manager?.globalScope?.through.some((ref) => ref.identifier.name === candidate) ?? false);
  for (const candidate of candidates) if (!taken(candidate)) return candidate;
  const last = candidates[candidates.length - 1] ?? 'twin';
  for (let index = 2; ; index++) if (!taken(`${last}${String(index)}`)) return `${last}${String(index)}`;
}

function addBinding(sourceCode: SourceCode, module: string, name: string, local: string, commonjs: boolean): TextEdit[] {
  const program = sourceCode.ast;
  const specifier = specifierOf(module);
  if (!commonjs) {
    const imports = program.body.filter((statement): statement is TSESTree.ImportDeclaration => statement.type === AST_NODE_TYPES.ImportDeclaration);
    const named = imports.find(
      (declaration) =>
        declaration.importKind !== 'type' &&
        canonicalModule(declaration.source.value) === canonicalModule(module) &&
        declaration.specifiers.some((spec) => spec.type === AST_NODE_TYPES.ImportSpecifier) &&
        !declaration.specifiers.some((spec) => spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier),
    );
    const member = local === name ? name : `${name} as ${local}`;
    if (named) {
      const last = named.specifiers[named.specifiers.length - 1];
      if (last) return [{ range: [last.range[1], last.range[1]], text: `, ${member}` }];
    }
    const statement = `import { ${member} } from '${specifier}';`;
    const after = imports[imports.length - 1];
    return after ? [{ range: [after.range[1], after.range[1]], text: `\n${statement}` }] : [atTop(sourceCode, statement)];
  }
  const requires = program.body
    .map((statement) => ({ statement, declarator: requireDeclaration(statement) }))
    .filter((entry): entry is { statement: TSESTree.VariableDeclaration; declarator: TSESTree.VariableDeclarator } => entry.declarator !== null);
  const property = local === name ? name : `${name}: ${local}`;
  const same = requires.find(({ declarator }) => {
    const init = declarator.init;
    const [argument] = init?.type === AST_NODE_TYPES.CallExpression ? init.arguments : [];
    return (
      declarator.id.type === AST_NODE_TYPES.ObjectPattern &&
      declarator.id.properties.length > 0 &&
      declarator.id.properties.every((prop) => prop.type === AST_NODE_TYPES.Property) &&
      argument?.type === AST_NODE_TYPES.Literal &&
      typeof argument.value === 'string' &&
      canonicalModule(argument.value) === canonicalModule(module)
    );
  });
  if (same && same.declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
    const last = same.declarator.id.properties[same.declarator.id.properties.length - 1];
    if (last) return [{ range: [last.range[1], last.range[1]], text: `, ${property}` }];
  }
  const statement = `const { ${property} } = require('${specifier}');`;
  const after = requires[requires.length - 1]?.statement;
  return after ? [{ range: [after.range[1], after.range[1]], text: `\n${statement}` }] : [atTop(sourceCode, statement)];
}

/** Before the first statement that is not a directive (`'use strict'` stays first). */
function atTop(sourceCode: SourceCode, statement: string): TextEdit {
  const body = sourceCode.ast.body;
  const directives = body.filter(
    (node, index) => node.type === AST_NODE_TYPES.ExpressionStatement && typeof node.directive === 'string' && body.slice(0, index).every((earlier) => earlier.type === AST_NODE_TYPES.ExpressionStatement && typeof earlier.directive === 'string'),
  );
  const lastDirective = directives[directives.length - 1];
  if (lastDirective) return { range: [lastDirective.range[1], lastDirective.range[1]], text: `\n${statement}` };
  const first = body[0];
  if (!first) return { range: [sourceCode.text.length, sourceCode.text.length], text: `${statement}\n` };
  // Comments before the first statement (a license, a shebang) stay above the import.
  const start = first.range[0];
  return { range: [start, start], text: `${statement}\n` };
}

/** `const x = require('m')` / `const { a } = require('m')` at top level: its declarator. */
function requireDeclaration(statement: TSESTree.Node): TSESTree.VariableDeclarator | null {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return null;
  for (const declarator of statement.declarations) {
    const init = declarator.init ? skipWrappers(declarator.init) : null;
    if (
      init?.type === AST_NODE_TYPES.CallExpression &&
      init.callee.type === AST_NODE_TYPES.Identifier &&
      init.callee.name === 'require'
    ) {
      return declarator;
    }
  }
  return null;
}
