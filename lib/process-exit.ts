/**
 * `process.exit()` and the work it cuts short: which calls end the process,
 * which promises started earlier in the same function are still pending when
 * they run, and how to end the process without cutting anything short
 * (`process.exitCode = n` and returning).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, memberName, skipWrappers, type FunctionNode } from './ast.js';
import { enclosingFunction } from './async-context.js';
import { GLOBAL, getImportResolver } from './imports.js';
import { cannotBePromise, type PromiseOracle } from './promise-oracle.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Syntax-only pre-check: a call whose callee is named `exit` (`process.exit`,
 * `exit` imported from `node:process`). A renamed import (`{ exit as quit }`)
 * is not looked for: it would cost a scope lookup on every call of the file.
 */
export function mayBeProcessExit(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'exit';
  return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'exit';
}

/**
 * Is this a call of Node's `process.exit`: the global `process` (also through
 * `globalThis`), `import process from 'node:process'`, `import { exit } from 'node:process'`,
 * `require('process').exit`? A local object named `process` is not.
 */
export function isProcessExitCall(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  if (!mayBeProcessExit(call)) return false;
  const target = getImportResolver(sourceCode)(skipWrappers(call.callee));
  if (!target) return false;
  const path = target.path.join('.');
  if (target.module === GLOBAL) return path === 'process.exit';
  return target.module === 'process' && (path === 'exit' || path === 'default.exit');
}

const SIGNALS = new Set(['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGBREAK', 'SIGUSR2']);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/**
 * Is `fn` a signal handler, `process.on('SIGTERM', fn)`? Its job is to shut
 * down and then end the process; `process.exit()` at its end is the point.
 */
export function isSignalHandler(sourceCode: SourceCode, fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== fn) return false;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  if (method === null || !LISTENER_METHODS.has(method)) return false;
  const [event] = call.arguments;
  if (event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string' || !SIGNALS.has(event.value)) return false;
  const target = getImportResolver(sourceCode)(skipWrappers(callee.object));
  if (!target) return false;
  const path = target.path.join('.');
  return (target.module === GLOBAL && path === 'process') || (target.module === 'process' && (path === '' || path === 'default'));
}

/** A promise started before some point and not awaited, returned or otherwise used by then. */
export interface PendingPromise {
  /** The expression that made the promise: the dropped call, or the variable's initializer. */
  readonly node: TSESTree.Node;
  /** The variable that holds it, when it was stored and not read before the point. */
  readonly variable: string | null;
}

/**
 * The first promise started earlier in the same function (or, at top level,
 * in the program) than `point`, in statements that run before it, and still
 * pending there: dropped as a statement (`save(doc);`, `void flush();`,
 * `items.map(async ...)`, a chain with a `.catch`), or stored in a local
 * variable that nothing reads before `point`. A `.catch(...)` handles the
 * rejection but the work still runs: it counts. Nested functions are not
 * entered: what they start, they start later.
 */
export function pendingPromiseBefore(oracle: PromiseOracle, sourceCode: SourceCode, point: TSESTree.Node): PendingPromise | null {
  const boundary = enclosingFunction(point);
  const earlier: TSESTree.Node[] = [];
  let child: TSESTree.Node = point;
  for (let parent = point.parent; parent && parent !== boundary; parent = parent.parent) {
    const list = statementList(parent);
    if (list) {
      const index = list.indexOf(child);
      if (index > 0) earlier.unshift(...list.slice(0, index));
    }
    child = parent;
  }
  for (const statement of earlier) {
    const found = pendingIn(oracle, sourceCode, statement, point);
    if (found) return found;
  }
  return null;
}

function statementList(node: TSESTree.Node): readonly TSESTree.Node[] | null {
  switch (node.type) {
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.StaticBlock:
      return node.body;
    case AST_NODE_TYPES.SwitchCase:
      return node.consequent;
    default:
      return null;
  }
}

function pendingIn(oracle: PromiseOracle, sourceCode: SourceCode, statement: TSESTree.Node, point: TSESTree.Node): PendingPromise | null {
  switch (statement.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return droppedPromise(oracle, statement.expression);
    case AST_NODE_TYPES.VariableDeclaration:
      for (const declarator of statement.declarations) {
        const found = storedPromise(oracle, sourceCode, declarator, point);
        if (found) return found;
      }
      return null;
    case AST_NODE_TYPES.BlockStatement:
      return firstPending(oracle, sourceCode, statement.body, point);
    case AST_NODE_TYPES.IfStatement:
      return (
        pendingIn(oracle, sourceCode, statement.consequent, point) ??
        (statement.alternate ? pendingIn(oracle, sourceCode, statement.alternate, point) : null)
      );
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.LabeledStatement:
      return pendingIn(oracle, sourceCode, statement.body, point);
    case AST_NODE_TYPES.TryStatement:
      return (
        firstPending(oracle, sourceCode, statement.block.body, point) ??
        (statement.handler ? firstPending(oracle, sourceCode, statement.handler.body.body, point) : null) ??
        (statement.finalizer ? firstPending(oracle, sourceCode, statement.finalizer.body, point) : null)
      );
    case AST_NODE_TYPES.SwitchStatement:
      for (const switchCase of statement.cases) {
        const found = firstPending(oracle, sourceCode, switchCase.consequent, point);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

function firstPending(
  oracle: PromiseOracle,
  sourceCode: SourceCode,
  statements: readonly TSESTree.Node[],
  point: TSESTree.Node,
): PendingPromise | null {
  for (const statement of statements) {
    const found = pendingIn(oracle, sourceCode, statement, point);
    if (found) return found;
  }
  return null;
}

function droppedPromise(oracle: PromiseOracle, expression: TSESTree.Expression): PendingPromise | null {
  let value = skipWrappers(expression);
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void') value = skipWrappers(value.argument);
  if (cannotBePromise(value) || value.type === AST_NODE_TYPES.AssignmentExpression || isFunctionNode(value)) return null;
  if (oracle.isPromise(value) === 'yes' || oracle.isPromiseArray(value) === 'yes') return { node: value, variable: null };
  return null;
}

function storedPromise(
  oracle: PromiseOracle,
  sourceCode: SourceCode,
  declarator: TSESTree.VariableDeclarator,
  point: TSESTree.Node,
): PendingPromise | null {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return null;
  const init = skipWrappers(declarator.init);
  if (cannotBePromise(init)) return null;
  const [variable] = sourceCode.getDeclaredVariables(declarator);
  if (!variable) return null;
  // Read (awaited, passed on, returned, captured) before the point: someone else waits for it.
  const readBefore = variable.references.some(
    (ref) => ref.identifier !== declarator.id && ref.identifier.range[0] < point.range[0],
  );
  if (readBefore) return null;
  if (oracle.isPromise(init) !== 'yes' && oracle.isPromiseArray(init) !== 'yes') return null;
  return { node: init, variable: declarator.id.name };
}

/**
 * The statements that replace `process.exit(code)` so that the process ends
 * by itself once pending work settles: `process.exitCode = code;`, then
 * `return;` unless the call is the last thing its function runs. Null when
 * there is no sound replacement: the call is used as a value, or code after
 * it at module top level would start running.
 */
export function exitCodeReplacement(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
): { readonly node: TSESTree.Node; readonly text: string } | null {
  const callee = skipWrappers(call.callee);
  const processText = callee.type === AST_NODE_TYPES.MemberExpression ? sourceCode.getText(callee.object) : 'process';
  const [argument] = call.arguments;
  if (argument?.type === AST_NODE_TYPES.SpreadElement) return null;
  const assignment = argument
    ? `${processText}.exitCode = ${argument.type === AST_NODE_TYPES.SequenceExpression ? `(${sourceCode.getText(argument)})` : sourceCode.getText(argument)};`
    : '';
  const parent = call.parent;
  // `() => process.exit(1)`
  if (isFunctionNode(parent) && parent.body === call) return { node: call, text: `{ ${assignment} }`.replace('{  }', '{}') };
  if (parent.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const fn = enclosingFunction(call);
  const last = runsLast(parent, fn ? fn.body : sourceCode.ast);
  // At top level nothing can stop the code after it: no sound replacement.
  if (!fn && !last) return null;
  const needsReturn = !last;
  const text = [assignment, needsReturn ? 'return;' : ''].filter((part) => part !== '').join(' ');
  const inList = statementList(parent.parent) !== null;
  if (inList) return { node: parent, text };
  return { node: parent, text: text === '' ? '{}' : `{ ${text} }` };
}

/**
 * Is `statement` the last thing that runs in `root` (a function body or the
 * program): nothing but declarations after it, at every level up, and no loop
 * around it that would run again?
 */
function runsLast(statement: TSESTree.Node, root: TSESTree.Node | null | undefined): boolean {
  let child: TSESTree.Node = statement;
  for (let parent = statement.parent; parent; parent = parent.parent) {
    const list = statementList(parent);
    if (list) {
      if (!list.slice(list.indexOf(child) + 1).every(isInert)) return false;
    } else if (
      parent.type !== AST_NODE_TYPES.IfStatement &&
      parent.type !== AST_NODE_TYPES.LabeledStatement &&
      !(parent.type === AST_NODE_TYPES.TryStatement && parent.block === child)
    ) {
      return false;
    }
    if (parent === root) return true;
    child = parent;
  }
  return false;
}

/** Statements that run no code of their own where they stand: hoisted functions and type declarations. */
function isInert(statement: TSESTree.Node): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.TSDeclareFunction:
    case AST_NODE_TYPES.TSInterfaceDeclaration:
    case AST_NODE_TYPES.TSTypeAliasDeclaration:
    case AST_NODE_TYPES.EmptyStatement:
      return true;
    case AST_NODE_TYPES.ExportNamedDeclaration:
      return statement.declaration !== null && isInert(statement.declaration);
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declare;
    default:
      return false;
  }
}
