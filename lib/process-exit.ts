/**
 * `process.exit()` and the work it cuts short: which calls end the process,
 * which promises started earlier in the same function are still pending when
 * they run, and how to end the process without cutting anything short
 * (`process.exitCode = n` and returning).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, isFunctionNode, memberName, skipWrappers, someOwnNode, statementList, walkSubtree, type FunctionNode } from './ast.js';
import { enclosingFunction, isPromiseCallback } from './async-context.js';
import { GLOBAL, getImportResolver } from './imports.js';
import { cannotBePromise, returnedValues, type PromiseOracle } from './promise-oracle.js';

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
  for (const statement of earlierStatements(point)) {
    const found = pendingIn(oracle, sourceCode, statement, point);
    if (found) return found;
  }
  return null;
}

/**
 * The statements that run before `point` in its function (or program), in
 * source order: earlier siblings at every level up, and the `try` block
 * before a `catch` or `finally` that holds the point.
 */
function earlierStatements(point: TSESTree.Node): TSESTree.Node[] {
  const boundary = enclosingFunction(point);
  const earlier: TSESTree.Node[] = [];
  let child: TSESTree.Node = point;
  for (let parent = point.parent; parent && parent !== boundary; parent = parent.parent) {
    const list = statementList(parent);
    if (list) {
      const index = list.indexOf(child);
      if (index > 0) earlier.unshift(...list.slice(0, index));
    } else if (parent.type === AST_NODE_TYPES.TryStatement && child !== parent.block) {
      earlier.unshift(parent.block);
    }
    child = parent;
  }
  return earlier;
}

const CLEANUP_METHODS = new Set(['close', 'end', 'destroy', 'disconnect', 'stop', 'shutdown', 'dispose', 'quit', 'teardown', 'terminate', 'flush']);

/**
 * Does the code before `point` show a deliberate shutdown: cleanup awaited
 * (`await server.close()`, `await db.end()`, `await ctx.close()`), or the exit
 * code already set (`process.exitCode = 1`)? Then `process.exit()` is the
 * chosen way to cut off handles that would keep the process alive, not an
 * accident; what is visibly still pending is judged apart.
 */
export function isDeliberateShutdown(sourceCode: SourceCode, point: TSESTree.Node): boolean {
  const fn = enclosingFunction(point);
  // `Promise.resolve(watcher.close()).finally(() => process.exit(code))`
  if (fn && isPromiseCallback(fn) && chainHasCleanup(fn.parent)) return true;
  const stack = earlierStatements(point);
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    switch (node.type) {
      case AST_NODE_TYPES.ExpressionStatement:
        if (isCleanupOrExitCode(sourceCode, node.expression)) return true;
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        for (const declarator of node.declarations) {
          if (declarator.init && isCleanupOrExitCode(sourceCode, declarator.init)) return true;
        }
        break;
      case AST_NODE_TYPES.BlockStatement:
        stack.push(...node.body);
        break;
      case AST_NODE_TYPES.IfStatement:
        stack.push(node.consequent);
        if (node.alternate) stack.push(node.alternate);
        break;
      case AST_NODE_TYPES.TryStatement:
        stack.push(node.block);
        break;
      default:
        break;
    }
  }
  return false;
}

/** The receiver chain of a `.then/.catch/.finally` call holds a call of a cleanup method. */
function chainHasCleanup(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  for (let depth = 0; depth < 8; depth++) {
    current = skipWrappers(current);
    if (current.type === AST_NODE_TYPES.CallExpression) {
      if (isCleanupCall(current)) return true;
      const callee = skipWrappers(current.callee);
      // `Promise.resolve(x.close())`, `Promise.all([...])`: look into the first argument.
      const [first] = current.arguments;
      if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Promise') {
        if (!first || first.type === AST_NODE_TYPES.SpreadElement) return false;
        current = first;
        continue;
      }
      current = callee;
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = current.object;
    } else {
      return false;
    }
  }
  return false;
}

function isCleanupCall(call: TSESTree.CallExpression): boolean {
  const name = calleeName(call);
  return name !== null && (CLEANUP_METHODS.has(name) || /^(?:close|shutdown|cleanup|teardown|dispose|stop)[A-Z]|[fF]lush/.test(name));
}

/**
 * Is `point` in the `catch` of a `try` whose block awaited something, in its
 * own function: `try { await main(); } catch (error) { log(error);
 * process.exit(1); }`? The error path of async work, where the exit cuts off
 * the error's own output and whatever the failed work left running.
 */
export function exitsFromAwaitedCatch(sourceCode: SourceCode, point: TSESTree.Node): boolean {
  const boundary = enclosingFunction(point);
  for (let node = point.parent; node && node !== boundary; node = node.parent) {
    if (node.type === AST_NODE_TYPES.CatchClause) return containsAwait(sourceCode, node.parent.block);
  }
  return false;
}

function containsAwait(sourceCode: SourceCode, root: TSESTree.Node): boolean {
  return someOwnNode(root, sourceCode.visitorKeys, isAwaitPoint);
}

function isAwaitPoint(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await);
}

/**
 * The cleanup that `process.exit()` at `point` would skip, in its own function:
 * the `finally` block of a `try` around it, or a `using` / `await using`
 * declaration earlier in an enclosing block (disposed when the block ends).
 */
export function skippedCleanup(point: TSESTree.Node): TSESTree.Node | null {
  const boundary = enclosingFunction(point);
  let child: TSESTree.Node = point;
  for (let parent = point.parent; parent && parent !== boundary; parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer && child !== parent.finalizer) return parent.finalizer;
    const list = statementList(parent);
    if (list) {
      const index = list.indexOf(child);
      const using = list
        .slice(0, Math.max(index, 0))
        .find((statement) => statement.type === AST_NODE_TYPES.VariableDeclaration && (statement.kind === 'using' || statement.kind === 'await using'));
      if (using) return using;
    }
    child = parent;
  }
  return null;
}

/**
 * Is `point` the last thing its function runs (only declarations after it,
 * at every level up, no loop around it)? An async `main` that ends with
 * `process.exit(0)` forces its way out; an exit in a branch in the middle is
 * an early bail-out.
 */
export function endsFunction(point: TSESTree.Node): boolean {
  const statement = point.parent;
  const fn = enclosingFunction(point);
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || !fn?.body) return false;
  return runsLast(statement, fn.body);
}

/**
 * Has the function that holds `point` awaited anything before it? Before its
 * first `await` an async function runs as sync code does, inside its caller.
 */
export function awaitsBefore(sourceCode: SourceCode, point: TSESTree.Node): boolean {
  const fn = enclosingFunction(point);
  if (!fn?.body) return false;
  const body = fn.body;
  return walkSubtree(body, sourceCode.visitorKeys, (node) => {
    if (node.range[0] >= point.range[0]) return 'skip';
    if (isAwaitPoint(node)) return 'stop';
    return node !== body && (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) ? 'skip' : undefined;
  });
}

function isCleanupOrExitCode(sourceCode: SourceCode, expression: TSESTree.Expression): boolean {
  const value = skipWrappers(expression);
  if (value.type === AST_NODE_TYPES.AwaitExpression) {
    const call = skipWrappers(value.argument);
    return call.type === AST_NODE_TYPES.CallExpression && isCleanupCall(call);
  }
  if (value.type === AST_NODE_TYPES.AssignmentExpression && value.left.type === AST_NODE_TYPES.MemberExpression) {
    if (memberName(value.left) !== 'exitCode') return false;
    const target = getImportResolver(sourceCode)(skipWrappers(value.left.object));
    return target !== null && ((target.module === GLOBAL && target.path.join('.') === 'process') || target.module === 'process');
  }
  return false;
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
  if (isFunctionNode(parent) && parent.body === call) {
    if (!mayEndWithoutValue(parent)) return null;
    return { node: call, text: `{ ${assignment} }`.replace('{  }', '{}') };
  }
  if (parent.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const fn = enclosingFunction(call);
  // Past the call the function now ends or returns with no value.
  if (fn && !mayEndWithoutValue(fn)) return null;
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
 * May the function end with no value (what it does once `process.exit()` no
 * longer stops it)? Not when it returns a value elsewhere (its callers would
 * get `undefined`, and its inferred type would change) nor when its written
 * return type needs one (`never`, `string`); `void`, `undefined`, `any`,
 * `unknown` and `Promise` of those do not.
 */
function mayEndWithoutValue(fn: FunctionNode): boolean {
  const annotation = fn.returnType?.typeAnnotation;
  if (annotation && !allowsNoValue(annotation)) return false;
  return fn.body?.type !== AST_NODE_TYPES.BlockStatement || returnedValues(fn.body).every((value) => value === null);
}

function allowsNoValue(type: TSESTree.TypeNode): boolean {
  switch (type.type) {
    case AST_NODE_TYPES.TSVoidKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSAnyKeyword:
    case AST_NODE_TYPES.TSUnknownKeyword:
      return true;
    case AST_NODE_TYPES.TSUnionType:
      return type.types.some(allowsNoValue);
    case AST_NODE_TYPES.TSTypeReference: {
      const [inner] = type.typeArguments?.params ?? [];
      return type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'Promise' && inner !== undefined && allowsNoValue(inner);
    }
    default:
      return false;
  }
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
      !(parent.type === AST_NODE_TYPES.TryStatement && (parent.block === child || parent.finalizer === child))
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
