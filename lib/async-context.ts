/**
 * Where a node sits: module top level, an async function, a promise callback,
 * a promise executor, a constructor, or a plain sync function; and whether it
 * runs once per loop iteration. Rules ask here instead of walking parents.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, isInLoopBody, memberName, skipWrappers, type FunctionNode } from './ast.js';

export type ContextKind =
  | 'module'
  | 'async-function'
  | 'promise-callback'
  | 'promise-executor'
  | 'constructor'
  | 'sync-function';

export interface AsyncContext {
  readonly kind: ContextKind;
  /** The innermost enclosing function, or null at module top level. */
  readonly fn: FunctionNode | null;
  /** `await` is legal at the node: an async function, or the top level of an ES module. */
  readonly canAwait: boolean;
  /** The node runs once per iteration of a loop inside its function (or the program). */
  readonly inLoop: boolean;
}

const PROMISE_CALLBACK_METHODS = new Set(['then', 'catch', 'finally']);
const kindCache = new WeakMap<FunctionNode, ContextKind>();

/** The innermost function that encloses `node` (not `node` itself), or null. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current)) return current;
    current = current.parent;
  }
  return null;
}

/** The async context of `node`. */
export function getAsyncContext(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): AsyncContext {
  const fn = enclosingFunction(node);
  const kind = fn ? functionKind(fn) : 'module';
  const canAwait = !inClassInitializer(node, fn) && (fn ? fn.async : isModuleCode(sourceCode));
  return { kind, fn, canAwait, inLoop: isInLoopBody(node, fn) };
}

/** A class static block or field initializer between `node` and `fn`: `await` is a syntax error there. */
function inClassInitializer(node: TSESTree.Node, fn: FunctionNode | null): boolean {
  let child = node;
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.StaticBlock) return true;
    if (
      (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) &&
      current.value === child
    ) {
      return true;
    }
    child = current;
  }
  return false;
}

/** What kind of function this is, judged by how it is declared and where it is passed. */
export function functionKind(fn: FunctionNode): ContextKind {
  const cached = kindCache.get(fn);
  if (cached) return cached;
  const kind = computeKind(fn);
  kindCache.set(fn, kind);
  return kind;
}

function computeKind(fn: FunctionNode): ContextKind {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'constructor') return 'constructor';
  if (isPromiseCallback(fn)) return 'promise-callback';
  if (isPromiseExecutor(fn)) return 'promise-executor';
  if (fn.async) return 'async-function';
  return 'sync-function';
}

/** `p.then(fn)`, `p.catch(fn)`, `p.finally(fn)`. */
export function isPromiseCallback(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.Expression)) return false;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  return name !== null && PROMISE_CALLBACK_METHODS.has(name);
}

/** `new Promise(fn)`. */
export function isPromiseExecutor(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  return (
    call?.type === AST_NODE_TYPES.NewExpression &&
    call.arguments[0] === fn &&
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'Promise'
  );
}

/** ES module code, where top-level `await` is legal. */
export function isModuleCode(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return sourceCode.ast.sourceType === 'module';
}

/**
 * Is `statement` the last statement that runs in its function's body, so
 * that turning it into `return` changes nothing else? (Callback bodies only.)
 */
export function isLastStatementOf(statement: TSESTree.Statement, fn: FunctionNode | null): boolean {
  if (!fn?.body || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const { body } = fn.body;
  return body[body.length - 1] === statement;
}
