/**
 * Reading `new Promise(executor)`: the executor and its `resolve` / `reject`
 * bindings, the calls that settle the promise, an executor that only forwards
 * a promise that already exists, values the executor returns (ignored), and
 * resolvers handed to code outside the executor.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, memberName, skipWrappers, type FunctionNode } from './ast.js';
import { enclosingFunction } from './async-context.js';
import { chainLink, forEachOwnNode, type CallbackFunction } from './promise-chains.js';
import { isGlobalReference, variableOf, writeCount } from './scope.js';
import type { TypeInfo } from './type-info.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

export interface PromiseExecutor {
  readonly construct: TSESTree.NewExpression;
  readonly fn: CallbackFunction;
  /** The executor's first parameter, when it is a plain name. */
  readonly resolve: Variable | null;
  /** The executor's second parameter, when it is a plain name. */
  readonly reject: Variable | null;
}

/** `new Promise(fn)` with the global `Promise` and a function written in place; null otherwise. */
export function promiseExecutor(sourceCode: SourceCode, node: TSESTree.NewExpression): PromiseExecutor | null {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Promise') return null;
  const first = node.arguments[0];
  if (!first) return null;
  const fn = skipWrappers(first);
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return null;
  if (!isGlobalReference(sourceCode, callee)) return null;
  const variables = sourceCode.getDeclaredVariables(fn);
  const param = (index: number): Variable | null => {
    const name = fn.params[index];
    if (name?.type !== AST_NODE_TYPES.Identifier) return null;
    return variables.find((variable) => variable.defs.some((def) => def.name === name)) ?? null;
  };
  return { construct: node, fn, resolve: param(0), reject: param(1) };
}

export type SettleKind = 'resolve' | 'reject';

export interface SettleCall {
  readonly call: TSESTree.CallExpression;
  readonly kind: SettleKind;
  /** The function the call is written in: the executor or a callback nested in it. */
  readonly fn: FunctionNode;
}

/** Every direct call of the executor's `resolve` and `reject`, in source order. */
export function settleCalls(executor: PromiseExecutor): SettleCall[] {
  const calls: SettleCall[] = [];
  for (const [kind, variable] of [['resolve', executor.resolve], ['reject', executor.reject]] as const) {
    for (const ref of variable?.references ?? []) {
      const call = calledBy(ref.identifier);
      const fn = call ? enclosingFunction(call) : null;
      if (call && fn) calls.push({ call, kind, fn });
    }
  }
  return calls.sort((a, b) => a.call.range[0] - b.call.range[0]);
}

/** The settle calls grouped by the function they are written in. */
export function settleCallsByFunction(executor: PromiseExecutor): Map<FunctionNode, SettleCall[]> {
  const groups = new Map<FunctionNode, SettleCall[]>();
  for (const call of settleCalls(executor)) {
    const group = groups.get(call.fn);
    if (group) group.push(call);
    else groups.set(call.fn, [call]);
  }
  return groups;
}

function calledBy(identifier: TSESTree.Node): TSESTree.CallExpression | null {
  let callee: TSESTree.Node = identifier;
  while (
    callee.parent &&
    (callee.parent.type === AST_NODE_TYPES.TSNonNullExpression || callee.parent.type === AST_NODE_TYPES.TSAsExpression)
  ) {
    callee = callee.parent;
  }
  const parent = callee.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === callee ? parent : null;
}

/**
 * `try { resolve(parse(text)); } catch (error) { reject(error); }`: ESLint's code
 * paths let the end of a `try` block reach its `catch` (anything may throw), but
 * the handler's call runs after the block's only when something threw before the
 * block's call completed, so the pair is no double settle.
 */
export function isTryThenCatch(first: TSESTree.Node, second: TSESTree.Node): boolean {
  const within = (node: TSESTree.Node, outer: TSESTree.Node): boolean =>
    node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1];
  for (let node = first.parent; node && !isFunctionNode(node); node = node.parent) {
    if (node.type === AST_NODE_TYPES.TryStatement && node.handler && within(first, node.block) && within(second, node.handler)) {
      return true;
    }
  }
  return false;
}

/** Is `node` (through wrappers) a call of the executor's `resolve` or `reject`? */
export function isSettleCall(executor: PromiseExecutor, node: TSESTree.Node): boolean {
  const value = skipWrappers(node);
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(value.callee);
  return callee.type === AST_NODE_TYPES.Identifier && (refersTo(callee, executor.resolve) || refersTo(callee, executor.reject));
}

function refersTo(identifier: TSESTree.Identifier, variable: Variable | null): boolean {
  return variable?.references.some((ref) => ref.identifier === identifier) ?? false;
}

/** Does this subtree mention `resolve` or `reject` at all? */
function mentionsResolvers(executor: PromiseExecutor, node: TSESTree.Node): boolean {
  const within = (ref: TSESLint.Scope.Reference): boolean =>
    ref.identifier.range[0] >= node.range[0] && ref.identifier.range[1] <= node.range[1];
  return [executor.resolve, executor.reject].some((variable) => variable?.references.some(within) ?? false);
}

/** How a callback of the inner chain forwards to a resolver. */
export type Forwarding =
  /** `resolve`, `(v) => resolve(v)`: the value as is. */
  | { readonly kind: 'identity' }
  /** `(rows) => resolve(rows[0])`: a transformed value; `param` and `value` are the callback's. */
  | { readonly kind: 'map'; readonly callback: CallbackFunction; readonly value: TSESTree.Expression };

/** An executor whose whole body hands an existing promise's outcome to `resolve` (and maybe `reject`). */
export interface ForwardedPromise {
  /** The promise that already exists: `fetch(url)` in `fetch(url).then(resolve, reject)`. */
  readonly inner: TSESTree.Expression;
  readonly onFulfilled: Forwarding;
  /** False when rejections are not passed to `reject`: they are lost, and the promise stays pending. */
  readonly forwardsRejection: boolean;
}

/**
 * The explicit-construction antipattern: `new Promise((res, rej) => p.then(res, rej))`,
 * `p.then(res).catch(rej)`, `p.then((v) => res(f(v)))`, `p.then(res)` (rejection lost).
 * The executor's body must be that one chain and nothing else.
 */
export function forwardedPromise(executor: PromiseExecutor): ForwardedPromise | null {
  if (!executor.resolve) return null;
  const split = splitForwarding(executor);
  if (split) return split;
  const expression = finalExpression(executor);
  if (!expression) return null;
  const outer = chainLink(skipWrappers(expression));
  if (!outer) return null;
  let thenLink = outer;
  let rejection: TSESTree.Node | undefined;
  if (outer.method === 'catch') {
    // `p.then(resolve).catch(reject)`
    const inner = chainLink(skipWrappers(outer.receiver));
    if (inner?.method !== 'then' || inner.call.arguments.length !== 1) return null;
    thenLink = inner;
    rejection = outer.call.arguments[0];
    if (!rejection) return null;
  } else if (outer.method === 'then') {
    rejection = outer.call.arguments[1];
  } else {
    return null;
  }
  const fulfilled = thenLink.call.arguments[0];
  if (!fulfilled || fulfilled.type === AST_NODE_TYPES.SpreadElement) return null;
  const onFulfilled = forwarding(executor, fulfilled, executor.resolve);
  if (!onFulfilled) return null;
  let forwardsRejection = false;
  if (rejection) {
    const onRejected = forwarding(executor, rejection, executor.reject);
    if (onRejected?.kind !== 'identity') return null;
    forwardsRejection = true;
  }
  const inner = thenLink.receiver;
  if (mentionsResolvers(executor, inner)) return null;
  return { inner, onFulfilled, forwardsRejection };
}

/** `p.then(resolve); p.catch(reject);`: the same promise forwarded in two statements. */
function splitForwarding(executor: PromiseExecutor): ForwardedPromise | null {
  const { body } = executor.fn;
  if (body.type !== AST_NODE_TYPES.BlockStatement || body.body.length !== 2) return null;
  const [first, second] = body.body.map((statement) =>
    statement.type === AST_NODE_TYPES.ExpressionStatement ? chainLink(skipWrappers(statement.expression)) : null,
  );
  if (first?.method !== 'then' || second?.method !== 'catch' || first.call.arguments.length !== 1) return null;
  const receiver = skipWrappers(first.receiver);
  const other = skipWrappers(second.receiver);
  if (receiver.type !== AST_NODE_TYPES.Identifier || other.type !== AST_NODE_TYPES.Identifier || receiver.name !== other.name) return null;
  const [fulfilled] = first.call.arguments;
  const [rejected] = second.call.arguments;
  if (!fulfilled || !rejected || fulfilled.type === AST_NODE_TYPES.SpreadElement) return null;
  const onFulfilled = forwarding(executor, fulfilled, executor.resolve);
  if (!onFulfilled || forwarding(executor, rejected, executor.reject)?.kind !== 'identity') return null;
  return { inner: receiver, onFulfilled, forwardsRejection: true };
}

/**
 * The expression an executor ends with (its expression body, or a last expression
 * or `return` statement), when the statements before it never touch the resolvers.
 */
function finalExpression(executor: PromiseExecutor): TSESTree.Expression | null {
  const { fn } = executor;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const statements = fn.body.body;
  const last = statements[statements.length - 1];
  if (!last || statements.slice(0, -1).some((statement) => mentionsResolvers(executor, statement))) return null;
  if (last.type === AST_NODE_TYPES.ExpressionStatement) return last.expression;
  if (last.type === AST_NODE_TYPES.ReturnStatement) return last.argument;
  return null;
}

/** Does the executor consist of the forwarding chain alone, so that the inner promise can replace it as is? */
export function isSoleStatement(executor: PromiseExecutor): boolean {
  return executor.fn.body.type !== AST_NODE_TYPES.BlockStatement || executor.fn.body.body.length === 1 || splitForwarding(executor) !== null;
}

/** The single expression a callback consists of: its expression body, or a block of one expression or `return` statement. */
function soleExpression(fn: CallbackFunction): TSESTree.Expression | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  if (fn.body.body.length !== 1) return null;
  const [statement] = fn.body.body;
  if (statement?.type === AST_NODE_TYPES.ExpressionStatement) return statement.expression;
  if (statement?.type === AST_NODE_TYPES.ReturnStatement) return statement.argument;
  return null;
}

function forwarding(executor: PromiseExecutor, node: TSESTree.Node, resolver: Variable | null): Forwarding | null {
  if (!resolver) return null;
  const value = skipWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) return refersTo(value, resolver) ? { kind: 'identity' } : null;
  if (value.type !== AST_NODE_TYPES.ArrowFunctionExpression && value.type !== AST_NODE_TYPES.FunctionExpression) return null;
  if (value.async || value.generator || value.params.length > 1) return null;
  const call = soleExpression(value);
  const settle = call ? skipWrappers(call) : null;
  if (settle?.type !== AST_NODE_TYPES.CallExpression || settle.arguments.length > 1) return null;
  const callee = skipWrappers(settle.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || !refersTo(callee, resolver)) return null;
  const argument = settle.arguments[0];
  const param = value.params[0];
  if (!argument) return param ? null : { kind: 'identity' };
  if (argument.type === AST_NODE_TYPES.SpreadElement) return null;
  if (param?.type === AST_NODE_TYPES.Identifier && argument.type === AST_NODE_TYPES.Identifier && argument.name === param.name) {
    return { kind: 'identity' };
  }
  if (mentionsResolvers(executor, argument)) return null;
  return { kind: 'map', callback: value, value: argument };
}

/**
 * `new Promise((resolve) => { setTimeout(() => console.log('tick'), 10); })`: the
 * executor names `resolve` but never uses it, nor `reject`, nor `arguments`. A
 * name starting with `_` says "unused on purpose"; `new Promise(() => {})`
 * (no parameter) is the deliberate never-settling promise.
 */
export function neverSettles(executor: PromiseExecutor, sourceCode: SourceCode): boolean {
  const { resolve, reject, fn } = executor;
  if (!resolve || resolve.name.startsWith('_') || resolve.references.length > 0) return false;
  if (reject && reject.references.length > 0) return false;
  if (fn.params.some((param) => param.type !== AST_NODE_TYPES.Identifier)) return false;
  // `function () { ... arguments[0] ... }` reaches the resolvers without naming them.
  const args = sourceCode.scopeManager?.acquire(fn)?.set.get('arguments');
  return !args || args.references.length === 0;
}

/** A value the executor returns, which `new Promise` ignores. */
export interface IgnoredReturn {
  /** The returned expression (an arrow's expression body, or a `return` argument). */
  readonly value: TSESTree.Expression;
  /** The `return` statement, or null for an arrow's expression body. */
  readonly statement: TSESTree.ReturnStatement | null;
}

/**
 * Values the executor returns that look like its intended result: they do not
 * mention `resolve` or `reject` (so `return reject(error)` as an early exit,
 * `(resolve) => setTimeout(resolve, ms)` and `void ...` are fine).
 */
export function ignoredReturns(executor: PromiseExecutor, visitorKeys: SourceCode['visitorKeys']): IgnoredReturn[] {
  const { fn } = executor;
  // `([resolve]) => resolve(1)`, `(...settle) => ...`: resolvers under other names cannot be followed.
  if (fn.params.some((param) => param.type !== AST_NODE_TYPES.Identifier)) return [];
  const counts = (value: TSESTree.Expression): boolean => {
    const target = skipWrappers(value);
    if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === 'void') return false;
    if (target.type === AST_NODE_TYPES.Identifier && target.name === 'undefined') return false;
    return !mentionsResolvers(executor, value);
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return counts(fn.body) ? [{ value: fn.body, statement: null }] : [];
  }
  const found: IgnoredReturn[] = [];
  forEachOwnNode(fn, visitorKeys, (node) => {
    if (
      node.type === AST_NODE_TYPES.ReturnStatement &&
      node.argument &&
      counts(node.argument) &&
      !settlesRightBefore(executor, node) &&
      !(handedOnBefore(executor, node) && !isFunctionNode(skipWrappers(node.argument)))
    ) {
      found.push({ value: node.argument, statement: node });
    }
  });
  return found;
}

/** `resolve(value); return value;`: the promise is settled already; the returned value is only pointless. */
function settlesRightBefore(executor: PromiseExecutor, statement: TSESTree.ReturnStatement): boolean {
  const block = statement.parent;
  if (block.type !== AST_NODE_TYPES.BlockStatement) return false;
  const previous = block.body[block.body.indexOf(statement) - 1];
  return previous?.type === AST_NODE_TYPES.ExpressionStatement && isSettleCall(executor, previous.expression);
}

/**
 * `el.addEventListener('load', () => resolve(el)); ...; return el;` at the end
 * of the executor: a statement before it handed `resolve` (or `reject`) to a
 * callback, which settles the promise later; the returned value is only
 * pointless, the promise does not stay pending. (A returned cleanup function
 * still counts: its author expects it to run, and it never does.)
 */
function handedOnBefore(executor: PromiseExecutor, statement: TSESTree.ReturnStatement): boolean {
  const block = statement.parent;
  if (block !== executor.fn.body || block.type !== AST_NODE_TYPES.BlockStatement) return false;
  const before = block.body.slice(0, block.body.indexOf(statement));
  return [executor.resolve, executor.reject].some((variable) =>
    (variable?.references ?? []).some((ref) => {
      const { identifier } = ref;
      if (!before.some((s) => identifier.range[0] >= s.range[0] && identifier.range[1] <= s.range[1])) return false;
      // Inside a nested function, or passed as an argument (`stream.on('end', resolve)`).
      const parent = identifier.parent;
      const passed = parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(identifier as TSESTree.Expression);
      return passed || enclosingFunction(identifier) !== executor.fn;
    }),
  );
}

/** An assignment that stores a resolver outside the executor: `outerResolve = resolve`, `this.resolve = resolve`. */
export interface LeakedResolver {
  readonly assignment: TSESTree.AssignmentExpression;
  readonly kind: SettleKind;
  /** The outer variable written, for `let x; ... x = resolve`; null for a property. */
  readonly target: Variable | null;
}

/**
 * Resolvers the executor stores where other code can call them later: the
 * hand-made deferred. Storing them in a collection (`pending.set(id, { resolve, reject })`,
 * `waiters.push(resolve)`) is a request table, not a leak, and is not listed.
 */
export function leakedResolvers(executor: PromiseExecutor, sourceCode: SourceCode): LeakedResolver[] {
  const leaks: LeakedResolver[] = [];
  for (const [kind, variable] of [['resolve', executor.resolve], ['reject', executor.reject]] as const) {
    for (const ref of variable?.references ?? []) {
      const { parent } = ref.identifier;
      if (parent.type !== AST_NODE_TYPES.AssignmentExpression || parent.operator !== '=' || parent.right !== ref.identifier) continue;
      if (enclosingFunction(parent) !== executor.fn) continue;
      const left = parent.left;
      if (left.type === AST_NODE_TYPES.MemberExpression) {
        if (storesOutside(left, executor, sourceCode)) leaks.push({ assignment: parent, kind, target: null });
      } else if (left.type === AST_NODE_TYPES.Identifier) {
        const target = variableOf(sourceCode, left);
        // Written outside: declared in a scope that encloses the executor.
        if (target && !isDeclaredWithin(target, executor.fn)) leaks.push({ assignment: parent, kind, target });
      }
    }
  }
  return leaks.sort((a, b) => a.assignment.range[0] - b.assignment.range[0]);
}

/**
 * `this.resolve = resolve`, `state.done = resolve` (an object from outside): a
 * deferred. Not an event handler (`image.onerror = reject`, `socket.onclose = resolve`)
 * nor a property of an object the executor made itself.
 */
function storesOutside(target: TSESTree.MemberExpression, executor: PromiseExecutor, sourceCode: SourceCode): boolean {
  const name = memberName(target);
  if (name !== null && /^on[a-z]/i.test(name)) return false;
  let root: TSESTree.Node = target;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappers(root.object);
  if (root.type === AST_NODE_TYPES.ThisExpression) return true;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(sourceCode, root);
  return variable !== null && !isDeclaredWithin(variable, executor.fn);
}

function isDeclaredWithin(variable: Variable, fn: TSESTree.Node): boolean {
  return variable.defs.some((def) => def.name.range[0] >= fn.range[0] && def.name.range[1] <= fn.range[1]);
}

/**
 * A deferred factory: the function around `new Promise` keeps the resolvers in
 * locals and hands them to its caller with the promise, as an object
 * (`return { promise, resolve, reject }`, a `withResolvers` helper) or as
 * properties of the promise (`p.resolve = resolve; return p`). That is how a
 * deferred is made deliberately where `Promise.withResolvers()` is not available.
 */
export function isResolversFactory(executor: PromiseExecutor, leaks: readonly LeakedResolver[], visitorKeys: SourceCode['visitorKeys']): boolean {
  const owner = enclosingFunction(executor.construct);
  if (!owner?.body || owner.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  if (leaks.some((leak) => !leak.target || !isDeclaredWithin(leak.target, owner))) return false;
  const handedOut = new Set<string>();
  const returned = new Set<string>();
  const attached = new Map<string, string[]>();
  forEachOwnNode(owner, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) {
      const value = skipWrappers(node.argument);
      if (value.type === AST_NODE_TYPES.Identifier) returned.add(value.name);
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of value.properties) {
          if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) handedOut.add(property.value.name);
        }
      }
    }
    // `p.resolve = resolve`
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.Identifier &&
      node.right.type === AST_NODE_TYPES.Identifier
    ) {
      attached.set(node.left.object.name, [...(attached.get(node.left.object.name) ?? []), node.right.name]);
    }
  });
  for (const name of returned) for (const value of attached.get(name) ?? []) handedOut.add(value);
  return leaks.every((leak) => leak.target !== null && handedOut.has(leak.target.name));
}

/**
 * The pieces of `let resolveX; const x = new Promise((resolve) => { resolveX = resolve; });`
 * that `Promise.withResolvers()` replaces; null when the code has any other shape.
 */
export interface DeferredDeclaration {
  /** `const x = new Promise(...)`. */
  readonly declaration: TSESTree.VariableDeclaration;
  readonly promiseName: string;
  /** The `let resolveX;` statements to remove, and the names they bind. */
  readonly resolvers: readonly { readonly kind: SettleKind; readonly name: string; readonly declaration: TSESTree.VariableDeclaration }[];
}

export function deferredDeclaration(executor: PromiseExecutor, leaks: readonly LeakedResolver[]): DeferredDeclaration | null {
  const { construct, fn } = executor;
  const declarator = construct.parent;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== construct) return null;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.id.typeAnnotation) return null;
  const declaration = declarator.parent;
  if (declaration.declarations.length !== 1 || declaration.kind === 'var' || declaration.declare) return null;
  if (declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return null;
  // The executor does nothing but hand its resolvers out.
  const statements = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : null;
  const expressions = statements
    ? statements.map((statement) => (statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null))
    : [fn.body];
  if (expressions.length === 0 || expressions.length !== leaks.length) return null;
  const resolvers: DeferredDeclaration['resolvers'][number][] = [];
  for (const expression of expressions) {
    const leak = leaks.find((candidate) => expression && skipWrappers(expression) === candidate.assignment);
    const target = leak?.target;
    if (!leak || !target) return null;
    // `let resolveX;` alone in its statement, in the same block, written only here.
    const def = target.defs[0];
    if (target.defs.length !== 1 || def?.type !== 'Variable' || def.node.init) return null;
    const resolverDeclaration = def.parent;
    if (resolverDeclaration.kind !== 'let' || resolverDeclaration.declarations.length !== 1) return null;
    if (resolverDeclaration.parent !== declaration.parent) return null;
    if (writeCount(target) !== 1) return null;
    if (resolvers.some((existing) => existing.kind === leak.kind)) return null;
    resolvers.push({ kind: leak.kind, name: target.name, declaration: resolverDeclaration });
  }
  return { declaration, promiseName: declarator.id.name, resolvers };
}

/** Does the TypeScript lib in use declare `Promise.withResolvers` (ES2024 and later)? Null without a checker. */
export function libDeclaresWithResolvers(info: TypeInfo | null, promise: TSESTree.Node): boolean | null {
  if (!info) return null;
  return info.typeOf(promise)?.getProperty('withResolvers') !== undefined;
}

/** Is this function an `async` executor with no `await` of its own (so that dropping `async` keeps it valid)? */
export function awaitsNothing(fn: CallbackFunction, visitorKeys: SourceCode['visitorKeys']): boolean {
  let awaits = false;
  forEachOwnNode(fn, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression) awaits = true;
    if (node.type === AST_NODE_TYPES.ForOfStatement && node.await) awaits = true;
  });
  return !awaits;
}
