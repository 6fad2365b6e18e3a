/**
 * Blocking calls: which calls hold the event loop (the catalog in
 * `catalogs/blocking-apis`, resolved through `lib/imports`, plus the names a
 * user adds), which loops spin on the clock (busy-wait sleeps), which
 * same-file sync functions block when called (directly or through further
 * same-file calls; cycle-safe, cached per declaration), and whether a node
 * runs while async code is running.
 *
 * With type information `lib/blocking-typed` follows callees into other files
 * of the program; this file never touches the checker.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, memberName, skipWrappers, type FunctionNode } from './ast.js';
import { functionKind } from './async-context.js';
import {
  blockingApis,
  blockingFactories,
  blockingTextTest,
  catalogNames,
  lookupBlockingApi,
  type BlockingApi,
  type BlockingCatalog,
} from './catalogs/blocking-apis.js';
import { GLOBAL, getImportResolver, type ImportTarget, type Resolver } from './imports.js';
import { localCallee } from './local-callees.js';
import { matchesAllow, type AllowSpec } from './specifiers.js';
import { variableOf } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type LoopNode = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

/** A call that blocks by itself: a catalog API, or a callee the user declared blocking. */
export interface BlockingCall {
  readonly node: TSESTree.CallExpression;
  /** How the source names the callee: `fs.readFileSync`, `rf`, `execSync`. */
  readonly label: string;
  /** The catalog entry; null for callees named by the `blocking` option. */
  readonly api: BlockingApi | null;
  /** The module export the callee resolves to; null for user-declared callees that do not resolve. */
  readonly target: ImportTarget | null;
}

/** Where a function blocks: the first blocking call or busy-wait loop its body runs. */
export interface BlockingSite {
  /** How the source names the blocking callee (`readFileSync`), or `BUSY_WAIT`. */
  readonly label: string;
  /** File name for sites in another file (typed mode); null for this file. */
  readonly file: string | null;
  readonly line: number;
}

export interface BlockingOptions {
  /** Callees that never count as blocking. */
  readonly allow?: readonly AllowSpec[];
  /** Callees that count as blocking in addition to the catalog. */
  readonly blocking?: readonly AllowSpec[];
}

/** Where async code runs: the function, and why it counts. */
export interface AsyncRunner {
  readonly fn: FunctionNode;
  readonly kind: 'async-function' | 'promise-callback' | 'promise-executor' | 'callback';
}

// ------------------------------------------------------------------ async code

/** Array and string methods that call their callback before they return. */
export const IN_PLACE_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'map',
  'flatMap',
  'forEach',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'sort',
  'toSorted',
  'replace',
  'replaceAll',
]);

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'process.nextTick']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all', 'use']);

/**
 * Does this function run right where it is written, before the expression
 * that holds it finishes: an IIFE, or the callback of `map`, `forEach`,
 * `Array.from`...? Its body then runs in its parent's context.
 */
export function runsInPlace(fn: FunctionNode): boolean {
  if (fn.async || fn.generator) return false;
  const parent = fn.parent;
  if (parent.type !== AST_NODE_TYPES.CallExpression) return false;
  if (parent.callee === fn) return true;
  if (!parent.arguments.includes(fn as TSESTree.Expression)) return false;
  const callee = skipWrappers(parent.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  if (name !== null && IN_PLACE_CALLBACK_METHODS.has(name)) return true;
  return (
    name === 'from' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Array' &&
    parent.arguments[1] === fn
  );
}

/**
 * The async code `node` runs in, or null: the innermost function that is
 * async, a promise callback or executor, or (with `checkCallbacks`) an event
 * listener, timer or HTTP route callback, seen through IIFEs and in-place
 * callbacks. Module top level, constructors and plain sync functions give null.
 */
export function asyncRunner(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  options: { readonly checkCallbacks?: boolean } = {},
): AsyncRunner | null {
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  return fn ? runnerOf(sourceCode, fn, options.checkCallbacks === true) : null;
}

const runners = [new WeakMap<FunctionNode, AsyncRunner | null>(), new WeakMap<FunctionNode, AsyncRunner | null>()] as const;

/** `asyncRunner` for the body of `fn`, cached per function. */
function runnerOf(sourceCode: SourceCode, fn: FunctionNode, checkCallbacks: boolean): AsyncRunner | null {
  const cache = runners[checkCallbacks ? 1 : 0];
  const cached = cache.get(fn);
  if (cached !== undefined) return cached;
  let runner: AsyncRunner | null = null;
  const kind = functionKind(fn);
  if (kind === 'promise-callback' || kind === 'promise-executor') runner = { fn, kind };
  else if (fn.async) runner = { fn, kind: 'async-function' };
  else if (kind === 'constructor' || fn.generator) runner = null;
  else if (runsInPlace(fn)) runner = asyncRunner(sourceCode, fn, { checkCallbacks });
  else if (checkCallbacks && isEventCallback(sourceCode, fn)) runner = { fn, kind: 'callback' };
  cache.set(fn, runner);
  return runner;
}

/** `emitter.on('x', fn)`, `setTimeout(fn)`, `app.get('/x', fn)`, `http.createServer(fn)`; not `process.on(...)`. */
function isEventCallback(sourceCode: SourceCode, fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.Expression)) return false;
  const callee = skipWrappers(call.callee);
  const target = getImportResolver(sourceCode)(callee);
  const path = target?.path.join('.') ?? '';
  if (target?.module === GLOBAL && TIMERS.has(path)) return true;
  if (target?.module === 'timers' && TIMERS.has(path)) return true;
  if ((target?.module === 'http' || target?.module === 'https' || target?.module === 'http2') && path.startsWith('create')) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  if (name === null) return false;
  if (LISTENER_METHODS.has(name)) {
    // Exit and signal handlers must finish their work synchronously.
    const receiver = getImportResolver(sourceCode)(callee.object);
    return !(receiver?.module === GLOBAL && receiver.path.join('.') === 'process');
  }
  const [first] = call.arguments;
  return (
    ROUTE_METHODS.has(name) &&
    first !== fn &&
    ((first?.type === AST_NODE_TYPES.Literal && (typeof first.value === 'string' || first.value instanceof RegExp)) ||
      first?.type === AST_NODE_TYPES.TemplateLiteral)
  );
}

const TEST_FUNCTIONS = new Set([
  'it',
  'test',
  'describe',
  'suite',
  'context',
  'before',
  'after',
  'beforeAll',
  'afterAll',
  'beforeEach',
  'afterEach',
  'bench',
]);

/**
 * Is `node` inside a test body or hook (`it('...', async () => ...)`,
 * `test.each(rows)(...)`, `beforeEach(...)`)? A test runs alone: blocking
 * there delays nothing else.
 */
export function isInTestBody(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const call = current.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(current as TSESTree.Expression)) continue;
    let root: TSESTree.Node = call.callee;
    while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
      root = root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee;
    }
    if (root.type === AST_NODE_TYPES.Identifier && TEST_FUNCTIONS.has(root.name)) return true;
  }
  return false;
}

/** Entry points frameworks run once, at build time (Next.js), where reading files synchronously is the documented way. */
const BUILD_TIME_FUNCTIONS = new Set(['getStaticProps', 'getStaticPaths', 'generateStaticParams']);

/** Is `node` inside a function a framework runs at build time (`export async function getStaticProps`)? */
export function isInBuildTimeFunction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const parent = current.parent;
    const name =
      current.type === AST_NODE_TYPES.FunctionDeclaration
        ? current.id?.name
        : parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
          ? parent.id.name
          : undefined;
    if (name !== undefined && BUILD_TIME_FUNCTIONS.has(name)) return true;
  }
  return false;
}

/**
 * Code that runs in a worker thread (it talks to `parentPort` or reads
 * `workerData` of `node:worker_threads`): workers exist to take blocking work
 * off the main thread, whose event loop they do not stall.
 */
export function isWorkerThreadScript(text: string): boolean {
  // A plain substring search first: the patterns below scan every `{ ... }` of the file.
  if (!text.includes('worker_threads')) return false;
  // The spawning side (`new Worker(file, { workerData })`) runs on the main thread.
  if (/\bnew\s+Worker\s*\(/.test(text)) return false;
  return WORKER_SIDE_IMPORT.test(text) || WORKER_SIDE_MEMBER.test(text);
}

/** `import { parentPort } from 'node:worker_threads'`, `const { workerData } = require('worker_threads')`. */
const WORKER_SIDE_IMPORT =
  /\{[^}]*\b(?:parentPort|workerData)\b[^}]*\}\s*(?:from\s*|=\s*require\s*\(\s*)['"`](?:node:)?worker_threads['"`]/;
/** `require('worker_threads').parentPort`, `import('node:worker_threads')).workerData`. */
const WORKER_SIDE_MEMBER = /['"`](?:node:)?worker_threads['"`]\s*\)+\s*\.\s*(?:parentPort|workerData)\b/;

/** Tool configuration files (`vite.config.ts`, `eslint.config.mjs`) run once, when the tool starts. */
export function isConfigFile(filename: string): boolean {
  return /\.config\.[cm]?[jt]sx?$/.test(filename);
}

// ------------------------------------------------------------------ busy waits

export interface BusyWait {
  readonly loop: LoopNode;
  /**
   * For a loop that only waits (an empty body, one comparison with the clock
   * in milliseconds): the delay that `await setTimeout(delay)` replaces it
   * with. Null when the loop does more, or its delay cannot be written.
   */
  readonly delay: string | null;
}

const RELATIONAL = new Set(['<', '<=', '>', '>=']);
const MS_CLOCKS = new Set(['Date.now', 'performance.now']);
const CLOCKS = new Set([...MS_CLOCKS, 'process.hrtime', 'process.hrtime.bigint']);

/**
 * A loop that spins until the clock passes a point: its condition (or an
 * `if (...) break` in a `while (true)` body) compares `Date.now()`,
 * `new Date().getTime()`, `performance.now()` or `process.hrtime*()` (or a
 * variable the body refreshes from them), and its body does no `await`. Time
 * alone ends it: either its body does no work (a sleep written as a loop, a
 * spin-poll), or nothing but the clock can stop it. A loop that the clock
 * merely budgets (`while (queue.length > 0 && Date.now() < deadline)`, or a
 * body that breaks when the work runs out) is time-slicing, not waiting.
 */
export function busyWaitLoop(sourceCode: SourceCode, loop: LoopNode): BusyWait | null {
  const resolve = getImportResolver(sourceCode);
  const body = loop.body;
  if (containsSuspension(body, sourceCode)) return null;
  const statements = flatten(body);
  const refreshed = refreshedNames(sourceCode, resolve, statements);
  const idle = statements.every((statement) => isIdleStatement(sourceCode, resolve, statement, refreshed));
  const clockOnlyExits = !hasOtherExit(sourceCode, resolve, body, refreshed);
  const test = loop.test;
  if (test && !isAlwaysTrue(test)) {
    if (!comparesClock(sourceCode, resolve, test, refreshed)) return null;
    if (!idle && (!onlyClockTerms(sourceCode, resolve, test, refreshed) || !clockOnlyExits)) return null;
    const empty = statements.every((statement) => statement.type === AST_NODE_TYPES.EmptyStatement);
    return { loop, delay: empty ? delayOf(sourceCode, resolve, loop, test) : null };
  }
  // `while (true) { if (Date.now() >= end) break; }`
  const exits = statements.filter(
    (statement): statement is TSESTree.IfStatement =>
      statement.type === AST_NODE_TYPES.IfStatement && isExit(statement.consequent),
  );
  if (!exits.some((exit) => comparesClock(sourceCode, resolve, exit.test, refreshed))) return null;
  return idle || clockOnlyExits ? { loop, delay: null } : null;
}

/** Every operand of the condition's `&&`/`||`/`!` compares the clock: nothing else can end the loop. */
function onlyClockTerms(sourceCode: SourceCode, resolve: Resolver, test: TSESTree.Node, refreshed: ReadonlySet<string>): boolean {
  const value = skipWrappers(test);
  if (value.type === AST_NODE_TYPES.LogicalExpression) {
    return onlyClockTerms(sourceCode, resolve, value.left, refreshed) && onlyClockTerms(sourceCode, resolve, value.right, refreshed);
  }
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') return onlyClockTerms(sourceCode, resolve, value.argument, refreshed);
  return comparesClock(sourceCode, resolve, value, refreshed);
}

/** A `break` or `return` in the body (outside nested loops and functions) that the clock does not guard. */
function hasOtherExit(sourceCode: SourceCode, resolve: Resolver, body: TSESTree.Statement, refreshed: ReadonlySet<string>): boolean {
  let found = false;
  walk(sourceCode, body, (node) => {
    if (found || isFunctionNode(node) || (node !== body && isLoop(node))) return false;
    if (node.type === AST_NODE_TYPES.IfStatement && isExit(node.consequent)) {
      if (!comparesClock(sourceCode, resolve, node.test, refreshed)) found = true;
      return false;
    }
    if (node.type === AST_NODE_TYPES.BreakStatement || node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) {
      found = true;
    }
    return !found;
  });
  return found;
}

/** Is this expression a read of a clock (`Date.now()`, `new Date().getTime()`, `+new Date()`, ...)? `ms` restricts to milliseconds. */
export function isClockRead(resolve: Resolver, node: TSESTree.Node, ms = false): boolean {
  const value = skipWrappers(node);
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const target = resolve(value.callee);
    if (target) {
      const path = target.path.join('.');
      if ((target.module === GLOBAL || target.module === 'perf_hooks') && (ms ? MS_CLOCKS : CLOCKS).has(path)) return true;
    }
    const callee = skipWrappers(value.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(callee);
      return (name === 'getTime' || name === 'valueOf') && isNewDate(resolve, callee.object);
    }
    return false;
  }
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '+') return isNewDate(resolve, value.argument);
  return isNewDate(resolve, value);
}

function isNewDate(resolve: Resolver, node: TSESTree.Node): boolean {
  const value = skipWrappers(node);
  if (value.type !== AST_NODE_TYPES.NewExpression || value.arguments.length > 0) return false;
  const target = resolve(value.callee);
  return target?.module === GLOBAL && target.path.join('.') === 'Date';
}

function isAlwaysTrue(test: TSESTree.Expression): boolean {
  return test.type === AST_NODE_TYPES.Literal && test.value === true;
}

function isExit(statement: TSESTree.Statement): boolean {
  const [only] = flatten(statement);
  return (
    flatten(statement).length === 1 &&
    (only?.type === AST_NODE_TYPES.BreakStatement || only?.type === AST_NODE_TYPES.ReturnStatement)
  );
}

function flatten(statement: TSESTree.Statement): TSESTree.Statement[] {
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return [statement];
  return statement.body.flatMap((inner) => flatten(inner));
}

/** Names the loop body sets from the clock: `now = Date.now()`. */
function refreshedNames(sourceCode: SourceCode, resolve: Resolver, statements: readonly TSESTree.Statement[]): Set<string> {
  const names = new Set<string>();
  for (const statement of statements) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (expression.type === AST_NODE_TYPES.AssignmentExpression && containsClock(resolve, expression.right)) {
      names.add(sourceCode.getText(expression.left));
    }
  }
  return names;
}

/** A statement of a loop that only waits: nothing, a clock refresh, a counter, an exit test. */
function isIdleStatement(
  sourceCode: SourceCode,
  resolve: Resolver,
  statement: TSESTree.Statement,
  refreshed: ReadonlySet<string>,
): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.EmptyStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.IfStatement:
      return isExit(statement.consequent) && !statement.alternate;
    case AST_NODE_TYPES.ExpressionStatement: {
      const expression = statement.expression;
      if (expression.type === AST_NODE_TYPES.UpdateExpression) return true;
      return (
        expression.type === AST_NODE_TYPES.AssignmentExpression && refreshed.has(sourceCode.getText(expression.left))
      );
    }
    default:
      return false;
  }
}

function comparesClock(
  sourceCode: SourceCode,
  resolve: Resolver,
  test: TSESTree.Node,
  refreshed: ReadonlySet<string>,
): boolean {
  const value = skipWrappers(test);
  if (value.type === AST_NODE_TYPES.LogicalExpression) {
    return comparesClock(sourceCode, resolve, value.left, refreshed) || comparesClock(sourceCode, resolve, value.right, refreshed);
  }
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') {
    return comparesClock(sourceCode, resolve, value.argument, refreshed);
  }
  if (value.type !== AST_NODE_TYPES.BinaryExpression || !RELATIONAL.has(value.operator)) return false;
  const mentions = (side: TSESTree.Node): boolean =>
    containsClock(resolve, side) || refreshed.has(sourceCode.getText(skipWrappers(side))) || mentionsRefreshed(sourceCode, side, refreshed);
  return mentions(value.left) || mentions(value.right);
}

function mentionsRefreshed(sourceCode: SourceCode, node: TSESTree.Node, refreshed: ReadonlySet<string>): boolean {
  const value = skipWrappers(node);
  if (value.type !== AST_NODE_TYPES.BinaryExpression) return false;
  return [value.left, value.right].some(
    (side) => refreshed.has(sourceCode.getText(skipWrappers(side))) || mentionsRefreshed(sourceCode, side, refreshed),
  );
}

/** A clock read anywhere in an arithmetic expression: `Date.now() - start`. */
function containsClock(resolve: Resolver, node: TSESTree.Node): boolean {
  const value = skipWrappers(node);
  if (isClockRead(resolve, value)) return true;
  if (value.type === AST_NODE_TYPES.BinaryExpression) {
    return containsClock(resolve, value.left) || containsClock(resolve, value.right);
  }
  // `process.hrtime(start)[0]`
  if (value.type === AST_NODE_TYPES.MemberExpression) return containsClock(resolve, value.object);
  return false;
}

/**
 * The milliseconds a waiting loop spins, as source text: `deadline - Date.now()`
 * for `Date.now() < deadline`; `ms` for `Date.now() - start < ms` right after
 * `const start = Date.now()`, else `ms - (Date.now() - start)`.
 */
function delayOf(sourceCode: SourceCode, resolve: Resolver, loop: LoopNode, test: TSESTree.Expression): string | null {
  const value = skipWrappers(test);
  if (value.type !== AST_NODE_TYPES.BinaryExpression || !RELATIONAL.has(value.operator)) return null;
  // Normalise to `small < large`.
  const [small, large] = value.operator.startsWith('<') ? [value.left, value.right] : [value.right, value.left];
  if (small.type === AST_NODE_TYPES.PrivateIdentifier) return null;
  if (containsClock(resolve, large)) return null;
  const text = (node: TSESTree.Node): string => operand(sourceCode, node);
  if (isClockRead(resolve, small, true)) return `${text(large)} - ${sourceCode.getText(small)}`;
  const elapsed = skipWrappers(small);
  if (
    elapsed.type === AST_NODE_TYPES.BinaryExpression &&
    elapsed.operator === '-' &&
    isClockRead(resolve, elapsed.left, true) &&
    !containsClock(resolve, elapsed.right)
  ) {
    if (startsJustBefore(sourceCode, resolve, loop, elapsed.right)) return sourceCode.getText(large);
    return `${text(large)} - (${sourceCode.getText(elapsed)})`;
  }
  return null;
}

/** `const start = Date.now();` is the statement right before the loop. */
function startsJustBefore(sourceCode: SourceCode, resolve: Resolver, loop: LoopNode, start: TSESTree.Node): boolean {
  if (start.type !== AST_NODE_TYPES.Identifier) return false;
  const parent = loop.parent;
  if (parent.type !== AST_NODE_TYPES.BlockStatement && parent.type !== AST_NODE_TYPES.Program) return false;
  const index = (parent.body as readonly TSESTree.Node[]).indexOf(loop);
  const previous = parent.body[index - 1];
  if (previous?.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return previous.declarations.some(
    (declarator) =>
      declarator.id.type === AST_NODE_TYPES.Identifier &&
      declarator.id.name === start.name &&
      declarator.init !== null &&
      isClockRead(resolve, declarator.init, true) &&
      sourceCode.getText(declarator.init).length > 0,
  );
}

/** Text that can stand on either side of a binary `-`. */
function operand(sourceCode: SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
      return text;
    case AST_NODE_TYPES.BinaryExpression:
      return ['*', '/', '%', '**'].includes(node.operator) ? text : `(${text})`;
    default:
      return `(${text})`;
  }
}

/** Does the subtree `await` or `yield` (not counting nested functions)? */
function containsSuspension(root: TSESTree.Node, sourceCode: SourceCode): boolean {
  let found = false;
  walk(sourceCode, root, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) found = true;
    if (node.type === AST_NODE_TYPES.ForOfStatement && node.await) found = true;
    return !found && !isFunctionNode(node);
  });
  return found;
}

/** Pre-order walk; `visit` returns false to skip a node's children. */
export function walk(sourceCode: SourceCode, root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean): void {
  const keys = sourceCode.visitorKeys;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || !visit(node)) continue;
    const children: TSESTree.Node[] = [];
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) children.push(item);
      } else if (isNode(child)) {
        children.push(child);
      }
    }
    // Source order: the first child is popped first.
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as TSESTree.Node);
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

// ------------------------------------------------------------------ lazy initialisation

/**
 * Is `node` run at most once per cached value: inside `if (!cache) { cache = ... }`,
 * on the right of `cache ??= ...` / `cache ||= ...`, or after
 * `if (cache) return cache;` in a block that assigns `cache`? Lazy one-time
 * initialisation blocks once, not on every call.
 */
export function isLazyInit(sourceCode: SourceCode, node: TSESTree.Node, boundary: TSESTree.Node | null): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && current !== boundary; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.AssignmentExpression &&
      (current.operator === '??=' || current.operator === '||=') &&
      current.right === child
    ) {
      return true;
    }
    if (current.type === AST_NODE_TYPES.IfStatement && current.consequent === child) {
      const absent = checkedTargets(sourceCode, current.test, false);
      if (assignedTargets(sourceCode, current.consequent).some((target) => absent.has(target))) return true;
    }
    if (current.type === AST_NODE_TYPES.BlockStatement && guardedByEarlyReturn(sourceCode, current, child)) return true;
    if (isFunctionNode(current)) return false;
    child = current;
  }
  return false;
}

/** `if (cache) return cache;` (or `cache !== undefined`, `map.has(key)`) before a statement that assigns `cache`. */
function guardedByEarlyReturn(sourceCode: SourceCode, block: TSESTree.BlockStatement, statement: TSESTree.Node): boolean {
  const index = block.body.indexOf(statement as TSESTree.Statement);
  if (index <= 0) return false;
  const assigned = new Set(block.body.slice(index).flatMap((later) => assignedTargets(sourceCode, later)));
  if (assigned.size === 0) return false;
  return block.body.slice(0, index).some((earlier) => {
    if (earlier.type !== AST_NODE_TYPES.IfStatement || earlier.alternate) return false;
    const [only] = flatten(earlier.consequent);
    if (only?.type !== AST_NODE_TYPES.ReturnStatement || flatten(earlier.consequent).length !== 1) return false;
    return [...checkedTargets(sourceCode, earlier.test, true)].some((target) => assigned.has(target));
  });
}

const NOTHING = new Set(['undefined', 'null', 'void 0']);

/**
 * The cache slots a condition finds absent (`present` false: `!x`, `x === undefined`,
 * `x == null`, `typeof x === 'undefined'`, `!map.has(k)`) or present (`x`,
 * `x !== undefined`, `map.has(k)`). A map or set is named `map#`.
 */
function checkedTargets(sourceCode: SourceCode, test: TSESTree.Node, present: boolean): Set<string> {
  const targets = new Set<string>();
  const visit = (node: TSESTree.Node, wanted: boolean): void => {
    const value = skipWrappers(node);
    if (value.type === AST_NODE_TYPES.LogicalExpression) {
      // Either side of `||` decides alone when absence is tested, of `&&` when presence is.
      if ((value.operator === '||') !== wanted || value.operator === '&&') {
        visit(value.left, wanted);
        visit(value.right, wanted);
      }
      return;
    }
    if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') {
      visit(value.argument, !wanted);
      return;
    }
    if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
      if (wanted) targets.add(sourceCode.getText(value));
      return;
    }
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipWrappers(value.callee);
      if (wanted && callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'has') {
        targets.add(`${sourceCode.getText(callee.object)}#`);
      }
      return;
    }
    if (value.type !== AST_NODE_TYPES.BinaryExpression) return;
    const equal = value.operator === '===' || value.operator === '==';
    const unequal = value.operator === '!==' || value.operator === '!=';
    if (!equal && !unequal) return;
    for (const [side, other] of [
      [value.left, value.right],
      [value.right, value.left],
    ] as const) {
      const otherText = sourceCode.getText(other);
      let slot: TSESTree.Node | null = null;
      if (NOTHING.has(otherText)) slot = side;
      else if (otherText === "'undefined'" && side.type === AST_NODE_TYPES.UnaryExpression && side.operator === 'typeof') slot = side.argument;
      // `x === undefined` finds it absent; `x !== undefined` present.
      if (slot && (slot.type === AST_NODE_TYPES.Identifier || slot.type === AST_NODE_TYPES.MemberExpression) && unequal === wanted) {
        targets.add(sourceCode.getText(slot));
      }
    }
  };
  visit(test, present);
  return targets;
}

/** The slots `x = ...`, `map.set(...)` or `set.add(...)` fills in this subtree (not in nested functions). */
function assignedTargets(sourceCode: SourceCode, node: TSESTree.Node): string[] {
  const targets: string[] = [];
  walk(sourceCode, node, (inner) => {
    if (inner.type === AST_NODE_TYPES.AssignmentExpression) targets.push(sourceCode.getText(inner.left));
    if (inner.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipWrappers(inner.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
      if (callee.type === AST_NODE_TYPES.MemberExpression && (name === 'set' || name === 'add')) {
        targets.push(`${sourceCode.getText(callee.object)}#`);
      }
    }
    return !isFunctionNode(inner);
  });
  return targets;
}

// ------------------------------------------------------------------ per-file analysis

const textMayBlock = blockingTextTest([blockingApis, blockingFactories]);

export interface BlockingAnalysis {
  /**
   * False when nothing in this file can block: no catalog module is named,
   * no `Atomics`, no loop next to a clock read, no `blocking` option. Every
   * other answer is then null, and a rule may skip the file.
   */
  readonly mayBlock: boolean;
  /** Does this call block by itself (catalog or `blocking` option, not `allow`ed)? */
  blockingCall(call: TSESTree.CallExpression): BlockingCall | null;
  /** Where this function blocks when called (first site in source order), through same-file calls; null when it does not. */
  blockingIn(fn: FunctionNode): BlockingSite | null;
  /** For a call of a same-file sync function: where that function blocks. */
  blockingHelper(call: TSESTree.CallExpression | TSESTree.NewExpression): { callee: FunctionNode; site: BlockingSite } | null;
}

const analyses = new WeakMap<object, Map<string, BlockingAnalysis>>();

/** The analysis for this file and option set (cached). */
export function getBlockingAnalysis(sourceCode: SourceCode, options: BlockingOptions = {}): BlockingAnalysis {
  const key = JSON.stringify([options.allow ?? [], options.blocking ?? []]);
  let perFile = analyses.get(sourceCode);
  if (!perFile) {
    perFile = new Map();
    analyses.set(sourceCode, perFile);
  }
  let analysis = perFile.get(key);
  if (!analysis) {
    analysis = new Analysis(sourceCode, options, blockingApis);
    perFile.set(key, analysis);
  }
  return analysis;
}

const MAX_LABEL = 40;

/** The label of a site that is a busy-wait loop. */
export const BUSY_WAIT = 'busy-wait loop';
const MAX_HELPER_DEPTH = 16;

class Analysis implements BlockingAnalysis {
  readonly mayBlock: boolean;
  private readonly resolve: Resolver;
  private readonly names: ReadonlySet<string>;
  private readonly summaries = new WeakMap<FunctionNode, BlockingSite | null>();
  private readonly inProgress = new WeakSet<FunctionNode>();
  private depth = 0;

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly options: BlockingOptions,
    private readonly catalog: BlockingCatalog,
  ) {
    this.resolve = getImportResolver(sourceCode);
    this.names = catalogNames(catalog);
    this.mayBlock = (options.blocking ?? []).length > 0 || textMayBlock(sourceCode.text);
  }

  blockingCall(call: TSESTree.CallExpression): BlockingCall | null {
    if (!this.mayBlock) return null;
    const callee = skipWrappers(call.callee);
    if (!this.calleeMayBlock(callee)) return null;
    const { allow = [], blocking = [] } = this.options;
    if (allow.length > 0 && matchesAllow(this.sourceCode, callee, allow)) return null;
    const target = this.resolve(callee);
    const api = target ? lookupBlockingApi(this.catalog, target.module, target.path) : null;
    if (api) return { node: call, label: this.label(callee), api, target };
    const made = this.factoryMade(callee);
    if (made) return { node: call, label: this.label(callee), ...made };
    if (blocking.length > 0 && matchesAllow(this.sourceCode, callee, blocking)) {
      return { node: call, label: this.label(callee), api: null, target };
    }
    return null;
  }

  blockingIn(fn: FunctionNode): BlockingSite | null {
    const cached = this.summaries.get(fn);
    if (cached !== undefined) return cached;
    // A cycle (`a` calls `b` calls `a`) contributes nothing new while in progress.
    if (this.inProgress.has(fn) || this.depth >= MAX_HELPER_DEPTH) return null;
    this.inProgress.add(fn);
    this.depth++;
    let site: BlockingSite | null = null;
    try {
      site = this.firstSite(fn);
    } finally {
      this.depth--;
      this.inProgress.delete(fn);
    }
    this.summaries.set(fn, site);
    return site;
  }

  blockingHelper(call: TSESTree.CallExpression | TSESTree.NewExpression): { callee: FunctionNode; site: BlockingSite } | null {
    if (!this.mayBlock || call.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = localCallee(this.sourceCode, call.callee);
    if (!callee || callee.async || callee.generator || !callee.body) return null;
    // An IIFE's body is read where it is written.
    if (callee === skipWrappers(call.callee)) return null;
    const { allow = [] } = this.options;
    if (allow.length > 0 && matchesAllow(this.sourceCode, call.callee, allow)) return null;
    const site = this.blockingIn(callee);
    return site ? { callee, site } : null;
  }

  /** Cheap syntax first: a callee whose last name no catalog entry or option has needs no resolving. */
  private calleeMayBlock(callee: TSESTree.Node): boolean {
    if (callee.type === AST_NODE_TYPES.Identifier) return true;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return callee.type === AST_NODE_TYPES.CallExpression;
    const name = memberName(callee);
    if (name === null) return false;
    if (this.names.has(name) || name.endsWith('Sync')) return true;
    // `readlineSync.question()`: every export of some modules blocks; user options may name anything.
    if ((this.options.blocking ?? []).length > 0) return true;
    const target = this.resolve(callee.object);
    return target !== null && target.module !== GLOBAL;
  }

  /** `const read = deasync(fs.readFile); read(p)`: a function made by a blocking factory (the target is the factory). */
  private factoryMade(callee: TSESTree.Node): { api: BlockingApi; target: ImportTarget } | null {
    let value: TSESTree.Node = callee;
    if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(this.sourceCode, value);
      const def = variable?.defs[0];
      if (variable?.defs.length !== 1 || def?.type !== 'Variable' || !def.node.init || def.node.id !== def.name) return null;
      value = skipWrappers(def.node.init);
    }
    if (value.type !== AST_NODE_TYPES.CallExpression) return null;
    const target = this.resolve(value.callee);
    const api = target ? lookupBlockingApi(blockingFactories, target.module, target.path) : null;
    return api && target ? { api, target } : null;
  }

  private label(callee: TSESTree.Node): string {
    const text = this.sourceCode.getText(callee);
    if (text.length <= MAX_LABEL && !text.includes('\n')) return text;
    if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee) ?? 'this call';
    return 'this call';
  }

  private firstSite(fn: FunctionNode): BlockingSite | null {
    const body = fn.body;
    if (!body) return null;
    let site: BlockingSite | null = null;
    walk(this.sourceCode, body, (node) => {
      if (site) return false;
      if (isFunctionNode(node) && !runsInPlace(node)) return false;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const direct = this.blockingCall(node);
        if (direct && !isLazyInit(this.sourceCode, node, fn)) {
          site = { label: direct.label, file: null, line: node.loc.start.line };
          return false;
        }
        const helper = direct ? null : this.blockingHelper(node);
        if (helper && !isLazyInit(this.sourceCode, node, fn)) {
          site = helper.site;
          return false;
        }
      }
      if (isLoop(node) && busyWaitLoop(this.sourceCode, node)) {
        site = { label: BUSY_WAIT, file: null, line: node.loc.start.line };
        return false;
      }
      return true;
    });
    return site;
  }
}

export function isLoop(node: TSESTree.Node): node is LoopNode {
  return (
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement ||
    node.type === AST_NODE_TYPES.ForStatement
  );
}
