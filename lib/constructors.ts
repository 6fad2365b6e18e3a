/**
 * Constructors that do I/O: which functions are constructors (class
 * `constructor`s, and functions this file only ever calls with `new`), and
 * what a constructor body starts that `new` cannot wait for: promise-returning
 * calls (dropped, stored in a field, or chained), async IIFEs, blocking calls
 * (the blocking catalog, directly or through same-file helpers), and timers or
 * listeners with async callbacks that the class never tears down.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, isFunctionNode, memberName, skipWrappers, type FunctionNode } from './ast.js';
import { getBlockingAnalysis, isLazyInit, runsInPlace, walk, type BlockingOptions, type BlockingSite } from './blocking.js';
import { GLOBAL, getImportResolver } from './imports.js';
import type { PromiseOracle } from './promise-oracle.js';
import { variableOf } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface ConstructorInfo {
  /** The function `new` runs. */
  readonly fn: FunctionNode;
  /** The class or function name (`Client`), or `this class` when anonymous. */
  readonly name: string;
  /** Where teardown code would live: the class body, or the program for a constructor function. */
  readonly scope: TSESTree.Node;
}

export type ConstructorIo =
  | {
      readonly kind: 'async-work';
      readonly node: TSESTree.CallExpression;
      /** `this.ready = this.init()`: the field the promise is stored in. */
      readonly field: string | null;
    }
  | {
      readonly kind: 'blocking';
      readonly node: TSESTree.CallExpression;
      /** How the source names the blocking callee. */
      readonly label: string;
      /** For a same-file helper that blocks: where it blocks. */
      readonly site: BlockingSite | null;
    }
  | {
      readonly kind: 'async-callback';
      readonly node: TSESTree.CallExpression;
      /** `setInterval`, `emitter.on`. */
      readonly api: string;
    };

/** Is this function run by `new`: a class constructor, or a function this file only calls with `new`? */
export function constructorInfo(sourceCode: SourceCode, fn: FunctionNode): ConstructorInfo | null {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'constructor') {
    const cls = parent.parent.parent;
    return { fn, name: cls.id?.name ?? className(cls) ?? 'this class', scope: parent.parent };
  }
  if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.async || fn.generator || !fn.body) return null;
  const id = functionName(fn);
  if (!id) return null;
  const variable = variableOf(sourceCode, id);
  if (!variable) return null;
  let news = 0;
  for (const reference of variable.references) {
    if (reference.identifier === id) continue;
    const { parent: user } = reference.identifier;
    if (user.type === AST_NODE_TYPES.NewExpression && user.callee === reference.identifier) news++;
    else if (user.type === AST_NODE_TYPES.CallExpression && user.callee === reference.identifier) return null;
    else if (reference.isWrite()) return null;
  }
  return news > 0 ? { fn, name: id.name, scope: sourceCode.ast } : null;
}

function className(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | null {
  const parent = cls.parent;
  return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
}

function functionName(fn: FunctionNode): TSESTree.Identifier | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id;
  const parent = fn.parent;
  return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id
    : null;
}

/** Promises that start no work of their own (`Promise.all` does start work: that of its arguments). */
const PROMISE_PLUMBING = new Set(['Promise.resolve', 'Promise.reject', 'Promise.withResolvers']);
const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'process.nextTick']);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);
const TEARDOWN_METHODS = new Set(['off', 'removeListener', 'removeEventListener', 'removeAllListeners']);
const CLEAR_TIMERS = new Set(['clearTimeout', 'clearInterval', 'clearImmediate']);

export interface ConstructorIoOptions extends BlockingOptions {
  /** Skip `this.<field> = <promise>`: the code base awaits such ready promises deliberately. */
  readonly allowReadyPromise?: boolean;
  /** Also look for blocking calls (off in command-line scripts). */
  readonly checkBlocking?: boolean;
  /** Typed mode: where a callee of another file blocks (`lib/blocking-typed`), when syntax cannot tell. */
  readonly typedHelper?: (call: TSESTree.CallExpression) => BlockingSite | null;
}

/** Everything this constructor starts that `new` cannot wait for, in source order. */
export function constructorIo(
  sourceCode: SourceCode,
  oracle: PromiseOracle,
  ctor: ConstructorInfo,
  options: ConstructorIoOptions = {},
): ConstructorIo[] {
  const body = ctor.fn.body;
  if (!body) return [];
  const found: ConstructorIo[] = [];
  const analysis = getBlockingAnalysis(sourceCode, options);
  const resolve = getImportResolver(sourceCode);
  walk(sourceCode, body, (node) => {
    if (isFunctionNode(node) && !runsInPlace(node)) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type === AST_NODE_TYPES.Super) return true;
    const callee = skipWrappers(node.callee);
    const target = resolve(callee);
    const path = target?.module === GLOBAL || target?.module === 'timers' ? target.path.join('.') : null;

    if (path !== null && TIMERS.has(path)) {
      if (hasAsyncCallback(oracle, node) && !isTornDown(sourceCode, ctor, node, CLEAR_TIMERS)) {
        found.push({ kind: 'async-callback', node, api: path });
      }
      return true;
    }
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
    if (method !== null && LISTENER_METHODS.has(method) && callee.type === AST_NODE_TYPES.MemberExpression) {
      if (
        skipWrappers(callee.object).type !== AST_NODE_TYPES.ThisExpression &&
        hasAsyncCallback(oracle, node) &&
        !isTornDown(sourceCode, ctor, node, TEARDOWN_METHODS)
      ) {
        found.push({ kind: 'async-callback', node, api: shortText(sourceCode, callee) });
      }
      return true;
    }
    if (options.checkBlocking !== false && (analysis.mayBlock || options.typedHelper)) {
      const blocking = analysis.blockingCall(node);
      if (blocking) {
        if (!isLazyInit(sourceCode, node, ctor.fn)) found.push({ kind: 'blocking', node, label: blocking.label, site: null });
        return true;
      }
      const site = analysis.blockingHelper(node)?.site ?? options.typedHelper?.(node) ?? null;
      if (site) {
        if (!isLazyInit(sourceCode, node, ctor.fn)) found.push({ kind: 'blocking', node, label: shortText(sourceCode, callee), site });
        return true;
      }
    }
    if (method !== null && CHAIN_METHODS.has(method)) return true;
    if (target?.module === GLOBAL && PROMISE_PLUMBING.has(target.path.join('.'))) return true;
    // Cheap before costly: only a value dropped, stored or chained can be work `new` leaves running.
    if (!isDroppedOrStored(node) || oracle.isPromise(node) !== 'yes') return true;
    const field = storedField(sourceCode, node);
    if (field !== null && options.allowReadyPromise) return true;
    found.push({ kind: 'async-work', node, field });
    // An async IIFE's body runs on its own; its promise is what the constructor drops.
    return true;
  });
  return found;
}

/**
 * Where a started promise escapes the constructor: a statement of its own
 * (`this.connect();`, `void load()`), a field or variable
 * (`this.ready = this.init()`), also through `.then/.catch/.finally`, `?:`,
 * `&&`/`||`/`??` and commas. Not an argument, an operand or a condition.
 */
function isDroppedOrStored(call: TSESTree.CallExpression): boolean {
  let value: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node = value.parent;
    switch (parent.type) {
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.VariableDeclarator:
      // Returned from a callback run in place (`urls.forEach((url) => connect(url))`): handed to code that drops it.
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.ReturnStatement:
        return true;
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === value;
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.SequenceExpression:
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === value) return false;
        break;
      case AST_NODE_TYPES.UnaryExpression:
        if (parent.operator !== 'void') return false;
        break;
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(parent);
        const outer: TSESTree.Node = parent.parent;
        if (parent.object !== value || name === null || !CHAIN_METHODS.has(name)) return false;
        if (outer.type !== AST_NODE_TYPES.CallExpression || outer.callee !== parent) return false;
        value = outer;
        continue;
      }
      default:
        return false;
    }
    value = parent;
  }
}

/** `this.ready = this.init()` or `this.ready = this.init().then(...)`: `this.ready`; else null. */
function storedField(sourceCode: SourceCode, call: TSESTree.CallExpression): string | null {
  let value: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node = value.parent;
    if (
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression
    ) {
      value = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === value) {
      const name = memberName(parent);
      const outer: TSESTree.Node = parent.parent;
      if (name !== null && CHAIN_METHODS.has(name) && outer.type === AST_NODE_TYPES.CallExpression && outer.callee === parent) {
        value = outer;
        continue;
      }
      return null;
    }
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value) {
      const left = parent.left;
      return left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression
        ? sourceCode.getText(left)
        : null;
    }
    return null;
  }
}

/** A callback argument that is async, or returns a promise (`() => this.refresh()`, `this.poll.bind(this)`). */
function hasAsyncCallback(oracle: PromiseOracle, call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => {
    if (argument.type === AST_NODE_TYPES.SpreadElement) return false;
    const value = skipWrappers(argument);
    if (isFunctionNode(value)) return oracle.functionReturnsPromise(value) === 'yes';
    // `this.poll.bind(this)`
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipWrappers(value.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind') return oracle.returnsPromise(callee.object) === 'yes';
    }
    if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression || value.type === AST_NODE_TYPES.CallExpression) {
      return oracle.returnsPromise(value) === 'yes';
    }
    return false;
  });
}

/**
 * Does the class (or, for a constructor function, the file) undo this
 * registration: `clearInterval(this.timer)` for `this.timer = setInterval(...)`,
 * `emitter.off('data', ...)` / `removeAllListeners` for `emitter.on('data', ...)`,
 * or an `AbortSignal` passed in the options (`{ signal }`)?
 */
function isTornDown(sourceCode: SourceCode, ctor: ConstructorInfo, call: TSESTree.CallExpression, undo: ReadonlySet<string>): boolean {
  if (heldByDisposables(sourceCode, call)) return true;
  const lastArgument = call.arguments[call.arguments.length - 1];
  const last = lastArgument ? skipWrappers(lastArgument) : undefined;
  if (last?.type === AST_NODE_TYPES.ObjectExpression && last.properties.some((p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'signal')) {
    return true;
  }
  const handle = storedHandle(call);
  const [first] = call.arguments;
  const event = first?.type === AST_NODE_TYPES.Literal ? first.value : undefined;
  let found = false;
  walk(sourceCode, ctor.scope, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return true;
    const name = calleeName(node);
    if (name === null || !undo.has(name)) return true;
    if (name === 'removeAllListeners') {
      found = true;
      return false;
    }
    const [argument] = node.arguments;
    if (CLEAR_TIMERS.has(name)) {
      found = handle !== null && argument !== undefined && argument.type !== AST_NODE_TYPES.SpreadElement && lastName(argument) === handle;
    } else {
      found = event === undefined || (argument?.type === AST_NODE_TYPES.Literal && argument.value === event);
    }
    return !found;
  });
  return found;
}

/**
 * `const events = this.#disposables.use(new EventEmitter(client)); events.on(...)`:
 * the emitter was put in a DisposableStack (or a `using` declaration), whose
 * disposal removes its listeners with it.
 */
function heldByDisposables(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipWrappers(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(sourceCode, object);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable') return false;
  if (def.parent.kind === 'using' || def.parent.kind === 'await using') return true;
  const init = def.node.init ? skipWrappers(def.node.init) : null;
  return (
    init?.type === AST_NODE_TYPES.CallExpression &&
    init.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(init.callee) === 'use' &&
    init.arguments.length === 1 &&
    init.arguments[0]?.type === AST_NODE_TYPES.NewExpression
  );
}

/** `this.timer = setInterval(...)` / `const timer = setInterval(...)`: `timer`. */
function storedHandle(call: TSESTree.CallExpression): string | null {
  const parent = call.parent;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === call) return lastName(parent.left);
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === call) return lastName(parent.id);
  return null;
}

function lastName(node: TSESTree.Node): string | null {
  const value = skipWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  return value.type === AST_NODE_TYPES.MemberExpression ? memberName(value) : null;
}

function shortText(sourceCode: SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  if (text.length <= 40 && !text.includes('\n')) return text;
  return node.type === AST_NODE_TYPES.MemberExpression ? (memberName(node) ?? 'this call') : 'this call';
}
