/**
 * Functions that are neither sync nor async: a non-async function that
 * returns a promise on some paths and a plain value on others, or that throws
 * synchronously where it otherwise returns a promise. Which functions count
 * as an API (named, called by code) rather than a callback, what each return
 * gives, where the synchronous throws are, and how to make the function
 * `async`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isPromiseCallback, isPromiseExecutor } from './async-context.js';
import { calleeName, isFunctionNode, keyName, memberName, skipWrappers, walkSubtree, type FunctionNode } from './ast.js';
import { commonJsTarget } from './cross-file.js';
import { callsFromImporters } from './package-callers.js';
import { annotationIsPromise, returnedValues, type Answer, type PromiseOracle } from './promise-oracle.js';
import { variableOf } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A function written with a body: the ones that can be made `async`. */
export type BodyFunction = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/**
 * The name callers know this function by, when it is an API that code calls
 * by name: a function declaration, a class method, a method or function-valued
 * property of an object literal stored in a variable or exported, a function
 * stored in a variable. Null for callbacks passed to calls (their contract is
 * the receiver's: a hook that may return a value or a promise is awaited by
 * the framework), getters and setters, constructors, generators and async
 * functions.
 */
export function apiFunctionName(fn: FunctionNode): string | null {
  if (fn.async || fn.generator || !fn.body) return null;
  const parent = fn.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.MethodDefinition:
      return parent.kind === 'method' && parent.value === fn ? keyName(parent.key, parent.computed) : null;
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === fn ? keyName(parent.key, parent.computed) : null;
    case AST_NODE_TYPES.Property: {
      if (parent.kind !== 'init' || parent.value !== fn) return null;
      const object = parent.parent;
      return object.type === AST_NODE_TYPES.ObjectExpression && isNamedObject(object) ? keyName(parent.key, parent.computed) : null;
    }
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return fn.type === AST_NODE_TYPES.FunctionDeclaration ? (fn.id?.name ?? 'default') : null;
    default:
      return fn.type === AST_NODE_TYPES.FunctionDeclaration ? (fn.id?.name ?? null) : null;
  }
}

/** An object literal that code calls methods of: stored in a variable, assigned, exported, or the value of a class field. */
function isNamedObject(object: TSESTree.ObjectExpression): boolean {
  const parent = skipWrappersUp(object);
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.ExportDefaultDeclaration:
    case AST_NODE_TYPES.PropertyDefinition:
      return true;
    default:
      return false;
  }
}

function skipWrappersUp(node: TSESTree.Node): TSESTree.Node | undefined {
  let parent = node.parent;
  while (
    parent?.type === AST_NODE_TYPES.TSAsExpression ||
    parent?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    parent?.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    parent = parent.parent;
  }
  return parent;
}

/** What one path of a function gives back. */
export interface ReturnPath {
  /** The expression the path returns (a branch of `a ? b : c` or `a ?? b` counts on its own). */
  readonly node: TSESTree.Expression;
  readonly answer: Answer;
}

/**
 * Every value the function can return, with `a ? b : c`, `a || b` and
 * `a ?? b` split into their possible results. `return;`, `return null`,
 * `return undefined` and `return void x` are left out: a promise or nothing
 * (`undefined` when a callback was passed) is the callback-or-promise API
 * convention, not a value in place of a promise. Answers come from
 * `classify`, which the caller chooses (syntax alone, or with the checker).
 */
export function returnPaths(
  fn: BodyFunction,
  visitorKeys: SourceCode['visitorKeys'],
  classify: (node: TSESTree.Expression) => Answer,
): ReturnPath[] {
  const roots: TSESTree.Expression[] = [];
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    for (const value of returnedValues(fn.body)) if (value) roots.push(value);
  } else {
    roots.push(fn.body);
  }
  const paths: ReturnPath[] = [];
  const visit = (node: TSESTree.Expression): void => {
    const value = skipWrappers(node) as TSESTree.Expression;
    if (value.type === AST_NODE_TYPES.ConditionalExpression) {
      visit(value.consequent);
      visit(value.alternate);
      return;
    }
    if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator !== '&&') {
      visit(value.left);
      visit(value.right);
      return;
    }
    if (isNothing(value)) return;
    paths.push({ node: value, answer: classify(value) });
  };
  for (const root of roots) visit(root);
  return paths.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function isNothing(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'undefined';
  if (node.type === AST_NODE_TYPES.Literal) return node.value === null;
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void';
}

/** Both kinds of path, sure ones only: the first promise and the first plain value. */
export function mixedReturns(paths: readonly ReturnPath[]): { promise: ReturnPath; value: ReturnPath } | null {
  const promise = paths.find((path) => path.answer === 'yes');
  const value = paths.find((path) => path.answer === 'no');
  return promise && value ? { promise, value } : null;
}

/**
 * The promise-returning analysis the rule runs: syntax first; the oracle's
 * full answer (the checker) only for paths syntax leaves unknown, and only
 * when syntax already found one sure path of either kind.
 */
export function classifyReturns(oracle: PromiseOracle, fn: BodyFunction, visitorKeys: SourceCode['visitorKeys']): ReturnPath[] {
  const syntactic = returnPaths(fn, visitorKeys, (node) => oracle.isPromiseSyntactically(node));
  if (!oracle.typed || !syntactic.some((path) => path.answer !== 'unknown')) return syntactic;
  return syntactic.map((path) => (path.answer === 'unknown' ? { node: path.node, answer: oracle.isPromise(path.node) } : path));
}

/**
 * Unknown paths that the code still settles: with one sure promise path, a
 * written `T | Promise<T>` return type says the unknown ones are values; a
 * returned parameter typed plainly (`doc: Doc`) is a value.
 */
export function refineReturnPaths(sourceCode: SourceCode, fn: BodyFunction, paths: readonly ReturnPath[]): ReturnPath[] {
  const mixedByType = paths.some((path) => path.answer === 'yes') && declaresMixed(fn);
  return paths.map((path) =>
    path.answer === 'unknown' && (mixedByType || isPlainParameter(sourceCode, path.node)) ? { node: path.node, answer: 'no' } : path,
  );
}

/**
 * `throw` statements of the function body that escape it synchronously: not
 * in nested functions, not inside a `try` block that catches.
 */
export function syncThrows(fn: BodyFunction, visitorKeys: SourceCode['visitorKeys']): TSESTree.ThrowStatement[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [];
  const found: TSESTree.ThrowStatement[] = [];
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (node.type === AST_NODE_TYPES.ThrowStatement) {
      found.push(node);
      continue;
    }
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) continue;
    for (const key of visitorKeys[node.type] ?? []) {
      // A `try` with a `catch` catches what its block throws.
      if (node.type === AST_NODE_TYPES.TryStatement && key === 'block' && node.handler) continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof (item as TSESTree.Node).type === 'string') stack.push(item as TSESTree.Node);
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * The edits that make `fn` async, or null when that would not type-check as
 * it stands: a written return type other than `Promise<T>` or `T | Promise<T>`
 * (which becomes `Promise<T>`).
 */
export function makeAsyncFix(sourceCode: SourceCode, fn: BodyFunction): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | null {
  let typeFix: { node: TSESTree.Node; text: string } | null = null;
  if (fn.returnType) {
    const type = fn.returnType.typeAnnotation;
    if (annotationIsPromise(type, false) === 'yes' && type.type === AST_NODE_TYPES.TSTypeReference) {
      typeFix = null;
    } else {
      const text = promiseOfUnion(sourceCode, type);
      if (text === null) return null;
      typeFix = { node: type, text };
    }
  }
  const at = asyncInsertionPoint(sourceCode, fn);
  if (!at) return null;
  return (fixer) => {
    const fixes = [fixer.insertTextBefore(at, 'async ')];
    if (typeFix) fixes.push(fixer.replaceText(typeFix.node, typeFix.text));
    return fixes;
  };
}

/** `T | Promise<T>` -> `Promise<T>`; null for any other type. */
function promiseOfUnion(sourceCode: SourceCode, type: TSESTree.TypeNode): string | null {
  if (type.type !== AST_NODE_TYPES.TSUnionType || type.types.length !== 2) return null;
  const promise = type.types.find(
    (part): part is TSESTree.TSTypeReference =>
      part.type === AST_NODE_TYPES.TSTypeReference &&
      part.typeName.type === AST_NODE_TYPES.Identifier &&
      part.typeName.name === 'Promise',
  );
  const other = type.types.find((part) => part !== promise);
  const argument = promise?.typeArguments?.params[0];
  if (!promise || !other || !argument) return null;
  return sourceCode.getText(argument) === sourceCode.getText(other) ? sourceCode.getText(promise) : null;
}

/** Where `async ` goes: before `function`, before a method's name, before an arrow's parameters. */
function asyncInsertionPoint(sourceCode: SourceCode, fn: BodyFunction): TSESTree.Node | TSESTree.Token | null {
  const parent = fn.parent;
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition || (parent.type === AST_NODE_TYPES.Property && parent.method)) &&
    parent.value === fn
  ) {
    return parent.computed ? sourceCode.getTokenBefore(parent.key) : parent.key;
  }
  return sourceCode.getFirstToken(fn);
}

/** The head of a function, for reports: from its name (or key) to its opening parenthesis, or to `=>` for arrows. */
export function functionHead(sourceCode: SourceCode, fn: BodyFunction): TSESTree.SourceLocation {
  const parent = fn.parent;
  let start = fn.loc.start;
  if (
    parent.type === AST_NODE_TYPES.MethodDefinition ||
    parent.type === AST_NODE_TYPES.Property ||
    parent.type === AST_NODE_TYPES.PropertyDefinition ||
    parent.type === AST_NODE_TYPES.VariableDeclarator
  ) {
    start = parent.loc.start;
  }
  const end =
    fn.type === AST_NODE_TYPES.ArrowFunctionExpression
      ? sourceCode.getTokenBefore(fn.body, (token) => token.value === '=>')
      : sourceCode.getFirstToken(fn, (token) => token.value === '(');
  return { start, end: end ? end.loc.end : fn.loc.end };
}

/**
 * A throw that cannot escape where the function hands out its promise: one
 * behind a feature check for `Promise` itself (`if (typeof Promise ===
 * 'undefined') throw ...`: there is no promise to catch it from), or one in a
 * callback-or-promise function after the early return of the promise
 * (`if (callback === undefined) return new Promise(...)`): it only runs for
 * callers who passed a callback, and they get no promise.
 */
export function throwOutsidePromiseMode(
  fn: BodyFunction,
  thrown: TSESTree.ThrowStatement,
  classify: (node: TSESTree.Expression) => Answer,
): boolean {
  for (let node: TSESTree.Node | undefined = thrown.parent; node && node !== fn; node = node.parent) {
    if (node.type === AST_NODE_TYPES.IfStatement && testsPromiseGlobal(node.test)) return true;
  }
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const callbacks = new Set(fn.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  for (const statement of fn.body.body) {
    if (statement.range[0] >= thrown.range[0]) break;
    if (statement.type !== AST_NODE_TYPES.IfStatement || !mentionsAny(statement.test, callbacks)) continue;
    const returned = soleReturn(statement.consequent);
    if (returned && classify(returned) === 'yes') return true;
  }
  return false;
}

function testsPromiseGlobal(test: TSESTree.Node): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === 'Promise') {
      found = true;
      return;
    }
    if (node.type === AST_NODE_TYPES.BinaryExpression || node.type === AST_NODE_TYPES.LogicalExpression) {
      visit(node.left);
      visit(node.right);
    } else if (node.type === AST_NODE_TYPES.UnaryExpression) {
      visit(node.argument);
    } else if (node.type === AST_NODE_TYPES.MemberExpression) {
      visit(node.object);
    }
  };
  visit(test);
  return found;
}

function mentionsAny(test: TSESTree.Node, names: ReadonlySet<string>): boolean {
  if (test.type === AST_NODE_TYPES.Identifier) return names.has(test.name);
  if (test.type === AST_NODE_TYPES.BinaryExpression || test.type === AST_NODE_TYPES.LogicalExpression) {
    return mentionsAny(test.left, names) || mentionsAny(test.right, names);
  }
  if (test.type === AST_NODE_TYPES.UnaryExpression) return mentionsAny(test.argument, names);
  return false;
}

function soleReturn(statement: TSESTree.Statement): TSESTree.Expression | null {
  if (statement.type === AST_NODE_TYPES.ReturnStatement) return statement.argument;
  if (statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length === 1 && statement.body[0]) return soleReturn(statement.body[0]);
  return null;
}

/**
 * The calls of a function that no code outside this file can reach (not
 * exported, not passed around, not a method), or null when some of its uses
 * are out of sight.
 */
export function visibleCalls(sourceCode: SourceCode, fn: BodyFunction): TSESTree.CallExpression[] | null {
  const references = bindingReferences(sourceCode, fn);
  if (!references) return null;
  const calls: TSESTree.CallExpression[] = [];
  for (const identifier of references) {
    const parent = identifier.parent;
    if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee !== identifier) return null;
    calls.push(parent);
  }
  return calls.length > 0 ? calls : null;
}

/**
 * The calls of an exported module function (`export function f`, `export
 * { f }`, `exports.f = f`, `module.exports = { f }`) in its own file and in
 * the modules of its package that import it (lib/package-callers.ts), or null
 * when some use is out of sight there or here (passed around, re-exported, the
 * package's entry point) or nothing calls it: then its callers are code this
 * package does not show.
 */
export function exportedFunctionCalls(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  fn: BodyFunction,
): TSESTree.CallExpression[] | null {
  const references = bindingReferences(context.sourceCode, fn);
  if (!references) return null;
  const exportNames = new Set<string>();
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent;
  const statement = declaration.type === AST_NODE_TYPES.VariableDeclarator ? declaration.parent.parent : declaration.parent;
  if (statement?.type === AST_NODE_TYPES.ExportNamedDeclaration) exportNames.add(fn.type === AST_NODE_TYPES.FunctionDeclaration ? (fn.id?.name ?? '') : apiFunctionName(fn) ?? '');
  if (statement?.type === AST_NODE_TYPES.ExportDefaultDeclaration) exportNames.add('default');
  const calls: TSESTree.CallExpression[] = [];
  for (const identifier of references) {
    const exported = exportedAs(identifier);
    if (exported === undefined) {
      const parent = identifier.parent;
      if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee !== identifier) return null;
      calls.push(parent);
    } else if (exported === null) {
      return null;
    } else {
      exportNames.add(exported);
    }
  }
  exportNames.delete('');
  if (exportNames.size === 0) return null;
  for (const name of exportNames) {
    const imported = callsFromImporters(context, name);
    if (imported === null) return null;
    calls.push(...imported);
  }
  return calls.length > 0 ? calls : null;
}

/**
 * The name a reference exports its function under (`exports.f = f`,
 * `module.exports.f = f`, `module.exports = { f }`, `export { f as g }`,
 * `export default f`); null for `module.exports = f` (the module itself is
 * the function: its importers call it under any name); undefined when the
 * reference is no export.
 */
function exportedAs(identifier: TSESTree.Identifier): string | null | undefined {
  const parent = identifier.parent;
  if (parent.type === AST_NODE_TYPES.ExportSpecifier && parent.local === identifier) {
    return parent.exported.type === AST_NODE_TYPES.Identifier ? parent.exported.name : parent.exported.value;
  }
  if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'default';
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === identifier && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const target = commonJsTarget(parent.left);
    return target === 'module.exports' ? null : (target ?? undefined);
  }
  if (parent.type === AST_NODE_TYPES.Property && parent.value === identifier && !parent.computed) {
    const object = parent.parent;
    const assignment = object.parent;
    if (
      object.type === AST_NODE_TYPES.ObjectExpression &&
      assignment.type === AST_NODE_TYPES.AssignmentExpression &&
      assignment.right === object &&
      assignment.left.type === AST_NODE_TYPES.MemberExpression &&
      commonJsTarget(assignment.left) === 'module.exports'
    ) {
      return parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : String(parent.key.value);
    }
  }
  return undefined;
}

/**
 * A named function that is only ever handed to other calls (`register(name,
 * handler)`), never called by name here: a callback, whose contract is the
 * receiver's, as for inline callbacks.
 */
export function onlyPassedAsCallback(sourceCode: SourceCode, fn: BodyFunction): boolean {
  const references = bindingReferences(sourceCode, fn);
  return (
    !!references &&
    references.length > 0 &&
    references.every((identifier) => identifier.parent.type === AST_NODE_TYPES.CallExpression && identifier.parent.arguments.includes(identifier))
  );
}

/** The uses (not the declaration) of a function's binding in this file, or null when it has none it can name. */
function bindingReferences(sourceCode: SourceCode, fn: BodyFunction): TSESTree.Identifier[] | null {
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : null;
  if (!declaration) return null;
  const variable = sourceCode.getDeclaredVariables(declaration).find((v) => v.defs.some((def) => def.name.parent === declaration));
  if (!variable) return null;
  const identifiers: TSESTree.Identifier[] = [];
  for (const ref of variable.references) {
    if (ref.init) continue;
    if (ref.identifier.type !== AST_NODE_TYPES.Identifier) return null;
    identifiers.push(ref.identifier);
  }
  return identifiers;
}

/**
 * The calls in this file of a private method (`#name`, or `_name` by
 * convention), or null for any other function. A private method serves its
 * own code base: when this file never calls it, its callers are internal
 * plumbing out of sight (a driver's `_query` run by the library's runner),
 * not API users.
 */
export function privateMethodCalls(sourceCode: SourceCode, fn: BodyFunction): TSESTree.CallExpression[] | null {
  const parent = fn.parent;
  if ((parent.type !== AST_NODE_TYPES.MethodDefinition && parent.type !== AST_NODE_TYPES.PropertyDefinition) || parent.value !== fn || parent.computed) {
    return null;
  }
  const key = parent.key;
  const isPrivate = key.type === AST_NODE_TYPES.PrivateIdentifier || (key.type === AST_NODE_TYPES.Identifier && key.name.startsWith('_'));
  if (!isPrivate) return null;
  const calls: TSESTree.CallExpression[] = [];
  walkSubtree(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === key.type && callee.property.name === key.name) {
        calls.push(node);
      }
    }
    return undefined;
  });
  return calls;
}

/**
 * Does a synchronous throw from this call arrive as a rejection or a caught
 * exception anyway? It does inside an async function, a `.then`/`.catch`/
 * `.finally` callback or a promise executor, and inside a `try` with a
 * `catch` in the calling function.
 */
export function callConvertsThrow(call: TSESTree.CallExpression): boolean {
  const caller = enclosingFunction(call);
  for (let node: TSESTree.Node = call; node.parent && node !== caller; node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === node && parent.handler) return true;
  }
  if (!caller) return false;
  return caller.async || isPromiseCallback(caller) || isPromiseExecutor(caller);
}

/**
 * Does this call take either a value or a promise in stride? `await f()`,
 * returned from a `.then` callback, `Promise.resolve(f())`, `resolve(f())`,
 * or stored in a variable that is then checked for a `then` method
 * (`typeof r.then === 'function'`, `isPromise(r)`, `r instanceof Promise`).
 */
export function callAcceptsEither(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  if (parent.type === AST_NODE_TYPES.AwaitExpression) return true;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(call)) {
    const callee = skipWrappers(parent.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && (callee.name === 'resolve' || THENABLE_TEST.test(callee.name))) return true;
    if (callee.type === AST_NODE_TYPES.MemberExpression && (memberName(callee) === 'resolve' || THENABLE_TEST.test(memberName(callee) ?? ''))) return true;
  }
  const caller = enclosingFunction(call);
  const returned = (parent.type === AST_NODE_TYPES.ReturnStatement && parent.argument === call) || (caller?.body === call);
  if (returned && caller && isPromiseCallback(caller)) return true;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === call && parent.id.type === AST_NODE_TYPES.Identifier) {
    if (programOf(call) !== sourceCode.ast) return sameNameUses(parent, parent.id.name, sourceCode.visitorKeys).some(checksThenable);
    const variable = sourceCode.getDeclaredVariables(parent)[0];
    return !!variable && variable.references.some((ref) => ref.identifier.type === AST_NODE_TYPES.Identifier && checksThenable(ref.identifier));
  }
  return false;
}

function programOf(node: TSESTree.Node): TSESTree.Node {
  let root = node;
  while (root.parent) root = root.parent;
  return root;
}

/** In another file's tree (no scope analysis): the identifiers named `name` in the function that declares it. */
function sameNameUses(declarator: TSESTree.VariableDeclarator, name: string, visitorKeys: SourceCode['visitorKeys']): TSESTree.Identifier[] {
  const uses: TSESTree.Identifier[] = [];
  walkSubtree(enclosingFunction(declarator) ?? programOf(declarator), visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && node.name === name && node !== declarator.id) uses.push(node);
    return undefined;
  });
  return uses;
}

const THENABLE_TEST = /^is(?:Promise|Thenable|PromiseLike|Async)$/;

function checksThenable(identifier: TSESTree.Identifier): boolean {
  let node: TSESTree.Node = identifier;
  while (
    node.parent.type === AST_NODE_TYPES.TSAsExpression ||
    node.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.parent.type === AST_NODE_TYPES.TSTypeAssertion ||
    node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node && memberName(parent) === 'then') {
    const use = parent.parent;
    return use.type === AST_NODE_TYPES.UnaryExpression && use.operator === 'typeof';
  }
  if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'instanceof' && parent.left === node) return true;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node) {
    const name = calleeName(parent);
    return name !== null && THENABLE_TEST.test(name);
  }
  return false;
}

/**
 * What a written return type says when syntax alone leaves a path unknown:
 * `T | Promise<T>` declares both kinds, so with one sure promise path the
 * unknown ones are the values it promises.
 */
export function declaresMixed(fn: BodyFunction): boolean {
  const type = fn.returnType?.typeAnnotation;
  if (type?.type !== AST_NODE_TYPES.TSUnionType) return false;
  const promises = type.types.filter((part) => annotationIsPromise(part, false) === 'yes');
  const values = type.types.filter(
    (part) =>
      annotationIsPromise(part, false) !== 'yes' &&
      part.type !== AST_NODE_TYPES.TSUndefinedKeyword &&
      part.type !== AST_NODE_TYPES.TSNullKeyword &&
      part.type !== AST_NODE_TYPES.TSVoidKeyword &&
      part.type !== AST_NODE_TYPES.TSAnyKeyword &&
      part.type !== AST_NODE_TYPES.TSUnknownKeyword,
  );
  return promises.length > 0 && values.length > 0;
}

/**
 * A returned parameter whose written type is plainly not a promise: a
 * keyword type (`string`, `number`), an object type literal, or an
 * interface or class declared in this file.
 */
export function isPlainParameter(sourceCode: SourceCode, node: TSESTree.Expression): boolean {
  const value = skipWrappers(node);
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(sourceCode, value)?.defs[0];
  if (def?.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier || !def.name.typeAnnotation) return false;
  const type = def.name.typeAnnotation.typeAnnotation;
  switch (type.type) {
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSTypeLiteral:
    case AST_NODE_TYPES.TSArrayType:
      return true;
    case AST_NODE_TYPES.TSTypeReference: {
      if (type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeArguments) return false;
      const name = type.typeName.name;
      return sourceCode.ast.body.some((statement) => {
        const declared = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
        return (
          (declared?.type === AST_NODE_TYPES.TSInterfaceDeclaration || declared?.type === AST_NODE_TYPES.ClassDeclaration) &&
          declared.id?.name === name &&
          !(declared.type === AST_NODE_TYPES.TSInterfaceDeclaration && declared.body.body.some((member) => member.type === AST_NODE_TYPES.TSMethodSignature && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === 'then'))
        );
      });
    }
    default:
      return false;
  }
}
