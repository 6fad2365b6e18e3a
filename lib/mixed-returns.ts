/**
 * Functions that are neither sync nor async: a non-async function that
 * returns a promise on some paths and a plain value on others, or that throws
 * synchronously where it otherwise returns a promise. Which functions count
 * as an API (named, called by code) rather than a callback, what each return
 * gives, where the synchronous throws are, and how to make the function
 * `async`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, keyName, skipWrappers, type FunctionNode } from './ast.js';
import { annotationIsPromise, returnedValues, type Answer, type PromiseOracle } from './promise-oracle.js';

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
