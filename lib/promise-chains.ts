/**
 * Reading `.then/.catch/.finally` chains: which link a call is, which callbacks
 * it takes, who waits for its value (the next link, an `await`, a `return`),
 * what a callback drops or fails to return, whether an argument can be a
 * callback at all, and how to flatten a nested chain into its parent.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { isFunctionNode, isNullish, keyName, memberName, skipWrappers, staticPath, valueParent, type FunctionNode } from './ast.js';
import { isHandledPromise } from './promise-handling.js';
import type { Answer, PromiseOracle } from './promise-oracle.js';
import { constInit, isGlobalReference, variableOf } from './scope.js';
import type { TypeInfo } from './type-info.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

export type ChainMethod = 'then' | 'catch' | 'finally';

/** A function written in place: what a chain can call back into and we can read. */
export type CallbackFunction = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/** One `.then(...)`, `.catch(...)` or `.finally(...)` call. */
export interface ChainLink {
  readonly call: TSESTree.CallExpression;
  readonly method: ChainMethod;
  /** The `then` / `catch` / `finally` name, where reports about the link point. */
  readonly property: TSESTree.Node;
  /** What the method is called on. */
  readonly receiver: TSESTree.Expression;
  /** The arguments that are callbacks: `then(onFulfilled, onRejected)`, `catch(onRejected)`, `finally(onFinally)`. */
  readonly callbackArguments: readonly TSESTree.CallExpressionArgument[];
}

const CHAIN_METHODS = new Set<string>(['then', 'catch', 'finally']);

/** The link this call is, or null. Constant-time on anything that is not a `.then/.catch/.finally` call. */
export function chainLink(node: TSESTree.Node): ChainLink | null {
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = memberName(callee);
  if (name === null || !CHAIN_METHODS.has(name)) return null;
  const method = name as ChainMethod;
  const callbackArguments = node.arguments.slice(0, method === 'then' ? 2 : 1);
  return { call: node, method, property: callee.property, receiver: callee.object, callbackArguments };
}

/** The link a function literal is a callback of, or null. */
export function linkOfCallback(fn: TSESTree.Node): ChainLink | null {
  let { parent, child } = valueParent(fn);
  // `.then(function () { ... }.bind(this))`
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === child && memberName(parent) === 'bind') {
    const bound = parent.parent;
    if (bound.type !== AST_NODE_TYPES.CallExpression || bound.callee !== parent) return null;
    ({ parent, child } = valueParent(bound));
  }
  const link = parent ? chainLink(parent) : null;
  return link?.callbackArguments.includes(child as TSESTree.CallExpressionArgument) ? link : null;
}

/** The function literal an argument is: `(x) => ...`, `function () {}`, or one bound with `.bind(this)`. */
export function callbackFunction(argument: TSESTree.Node): CallbackFunction | null {
  let value = skipWrappers(argument);
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipWrappers(value.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'bind') return null;
    value = skipWrappers(callee.object);
  }
  return value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression ? value : null;
}

/** The callbacks of a link that are functions written in place. */
export function inlineCallbacks(link: ChainLink): CallbackFunction[] {
  const callbacks: CallbackFunction[] = [];
  for (const argument of link.callbackArguments) {
    const callback = callbackFunction(argument);
    if (callback) callbacks.push(callback);
  }
  return callbacks;
}

/** The first link of the chain that ends in `link`: `.then(f)` in `load(id).then(f).catch(g)`. */
export function firstLink(link: ChainLink): ChainLink {
  let first = link;
  for (let inner = chainLink(skipWrappers(first.receiver)); inner; inner = chainLink(skipWrappers(first.receiver))) first = inner;
  return first;
}

/** The first receiver down the chain that is not itself a link: `load(id)` in `load(id).then(f).catch(g)`. */
export function chainHead(link: ChainLink): TSESTree.Expression {
  return firstLink(link).receiver;
}

/** Who waits for the value of a link. */
export type Continuation =
  | { readonly kind: 'link'; readonly link: ChainLink }
  | { readonly kind: 'await'; readonly node: TSESTree.AwaitExpression }
  | { readonly kind: 'return'; readonly node: TSESTree.ReturnStatement | TSESTree.ArrowFunctionExpression };

/**
 * What consumes the value of a link right where it is written: the next link
 * (`.then(f).then(g)`), `await`, or `return` (a `return` statement or the
 * expression body of an arrow). Null when the value goes anywhere else.
 */
export function continuationOf(link: ChainLink): Continuation | null {
  const { parent, child } = valueParent(link.call);
  if (!parent) return null;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      const next = parent.object === child ? chainLink(valueParent(parent).parent ?? parent) : null;
      return next && skipWrappers(next.call.callee) === parent ? { kind: 'link', link: next } : null;
    }
    case AST_NODE_TYPES.AwaitExpression:
      return { kind: 'await', node: parent };
    case AST_NODE_TYPES.ReturnStatement:
      return { kind: 'return', node: parent };
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === child ? { kind: 'return', node: parent } : null;
    default:
      return null;
  }
}

/**
 * The first continuation that waits for the link to finish before running
 * code: like `continuationOf`, but through `.catch` links, which only run on
 * a rejection (`p.then(f).catch(g).then(h)` orders `h` after `f`; `.catch(g)`
 * alone orders nothing).
 */
export function orderedContinuationOf(link: ChainLink): Continuation | null {
  let next = continuationOf(link);
  while (next?.kind === 'link' && next.link.method === 'catch') next = continuationOf(next.link);
  return next;
}

/**
 * Where the value of a link is read right after it: the first parameter of
 * the next `.then` callback when that callback uses it (or destructures it),
 * or an `await` whose result is used. Null when nothing reads it.
 */
export function valueReader(next: Continuation, sourceCode: SourceCode): TSESTree.Node | null {
  if (next.kind === 'await') return awaitedValueIsUsed(next.node, sourceCode) ? next.node : null;
  if (next.kind !== 'link' || next.link.method !== 'then') return null;
  const [argument] = next.link.callbackArguments;
  const callback = argument ? callbackFunction(argument) : null;
  const param = callback?.params[0];
  if (!callback || !param) return null;
  if (param.type === AST_NODE_TYPES.ObjectPattern || param.type === AST_NODE_TYPES.ArrayPattern) return param;
  if (param.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = sourceCode.getDeclaredVariables(callback).find((candidate) => candidate.name === param.name);
  return variable && variable.references.length > 0 ? param : null;
}

function awaitedValueIsUsed(node: TSESTree.AwaitExpression, sourceCode: SourceCode): boolean {
  const { parent } = node;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator: {
      if (parent.id.type !== AST_NODE_TYPES.Identifier) return true;
      const [variable] = sourceCode.getDeclaredVariables(parent);
      return variable !== undefined && variable.references.some((ref) => ref.isRead());
    }
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    case AST_NODE_TYPES.CallExpression:
      return parent.arguments.includes(node);
    default:
      return false;
  }
}

/** A call or `new`: something that runs where it is written, not when a step is reached. */
export function runsWhereWritten(node: TSESTree.Node): boolean {
  const value = skipWrappers(node);
  return value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression;
}

/** Calls `visit` on every node of a function's own body, not descending into nested functions or classes. */
export function forEachOwnNode(fn: FunctionNode, visitorKeys: VisitorKeys, visit: (node: TSESTree.Node) => void): void {
  if (!fn.body) return;
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    visit(node);
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) continue;
    const keys = visitorKeys[node.type] ?? [];
    for (let index = keys.length - 1; index >= 0; index--) {
      const child = (node as unknown as Record<string, unknown>)[keys[index] ?? ''];
      if (Array.isArray(child)) {
        for (let at = child.length - 1; at >= 0; at--) {
          const item = child[at] as TSESTree.Node | null;
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
}

/** A promise a callback starts and drops: an expression statement (or a `void` body) nobody waits for. */
export interface DroppedPromise {
  /** The statement, or null for an arrow whose body is `void promise`. */
  readonly statement: TSESTree.ExpressionStatement | null;
  /** The promise-valued expression (inside any `void`). */
  readonly expression: TSESTree.Expression;
  /** The `void` that discards it, if any. */
  readonly voided: TSESTree.UnaryExpression | null;
  /** `promise`: one promise; `array`: an array of promises (`items.map(save)`); `chain`: a nested `.then/.catch/.finally` chain. */
  readonly kind: 'promise' | 'array' | 'chain';
  /** The chain ends in a rejection handler (`.catch(h)`, `.then(f, h)`). */
  readonly handled: boolean;
}

/**
 * The promises a callback starts in its own body (not in nested functions)
 * and drops, in source order. Syntax first: the oracle is asked only about
 * expression statements that can hold a promise.
 */
export function droppedPromises(fn: CallbackFunction, oracle: PromiseOracle, visitorKeys: VisitorKeys): DroppedPromise[] {
  const dropped: DroppedPromise[] = [];
  const consider = (statement: TSESTree.ExpressionStatement | null, written: TSESTree.Expression): void => {
    let expression = skipWrappers(written) as TSESTree.Expression;
    let voided: TSESTree.UnaryExpression | null = null;
    if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') {
      voided = expression;
      expression = skipWrappers(expression.argument) as TSESTree.Expression;
    }
    if (!CANDIDATE_SHAPES.has(expression.type)) return;
    if (oracle.isPromise(expression) === 'yes') {
      const kind = isNestedChain(expression) ? 'chain' : 'promise';
      dropped.push({ statement, expression, voided, kind, handled: isHandledPromise(expression) });
    } else if (expression.type === AST_NODE_TYPES.CallExpression && oracle.isPromiseArray(expression) === 'yes') {
      dropped.push({ statement, expression, voided, kind: 'array', handled: false });
    }
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = skipWrappers(fn.body);
    if (body.type === AST_NODE_TYPES.UnaryExpression && body.operator === 'void') consider(null, body);
    return dropped;
  }
  forEachOwnNode(fn, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ExpressionStatement && typeof node.directive !== 'string') consider(node, node.expression);
  });
  return dropped;
}

/** A chain with a `.then` step of its own: `load().then(f)`, `load().then(f).catch(g)`; not a bare `p.catch(h)`. */
function isNestedChain(expression: TSESTree.Node): boolean {
  for (let link = chainLink(expression); link; link = chainLink(skipWrappers(link.receiver))) {
    if (link.method === 'then') return true;
  }
  return false;
}

/** Expression shapes that can be a promise dropped as a statement (not `await`, assignments, literals, ...). */
const CANDIDATE_SHAPES = new Set<string>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.ImportExpression,
]);

/**
 * Does this callback give the next step nothing: a block body with no
 * `return <value>` that can end normally, or an arrow whose body is `void ...`?
 */
export function returnsNothing(fn: CallbackFunction, visitorKeys: VisitorKeys): boolean {
  if (fn.generator) return false;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = skipWrappers(fn.body);
    return body.type === AST_NODE_TYPES.UnaryExpression && body.operator === 'void';
  }
  const last = fn.body.body[fn.body.body.length - 1];
  // A callback that always throws never hands a value on.
  if (last?.type === AST_NODE_TYPES.ThrowStatement) return false;
  let returnsValue = false;
  forEachOwnNode(fn, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returnsValue = true;
  });
  return !returnsValue;
}

/**
 * Can this argument of `.then/.catch/.finally` be a function? `yes` for
 * function literals and callable types, `no` for values that surely are not
 * (literals, a call of a local function that returns nothing, `console.log()`,
 * a type without call signatures), `unknown` otherwise. Nullish arguments are
 * `yes`: the chain skips them by design (`then(undefined, onRejected)`).
 */
export function isCallable(node: TSESTree.Node, sourceCode: SourceCode, info: TypeInfo | null): Answer {
  const value = skipWrappers(node);
  if (isFunctionNode(value) || isNullish(value)) return 'yes';
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.UpdateExpression:
    case AST_NODE_TYPES.UnaryExpression:
      return 'no';
    case AST_NODE_TYPES.CallExpression: {
      const local = localCallResultIsCallable(value, sourceCode);
      if (local !== 'unknown' || !info) return local;
      return typedCallable(value, info);
    }
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
      // A handler declared in this file (`.catch(logFailure)`, `.then(this.render)`) needs no checker.
      if ((value.type === AST_NODE_TYPES.Identifier ? localFunction(value, sourceCode) : thisMethod(value)) !== null) return 'yes';
      return info ? typedCallable(value, info) : 'unknown';
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.AwaitExpression:
      return info ? typedCallable(value, info) : 'unknown';
    default:
      return 'unknown';
  }
}

const LOG_LEVELS = new Set(['log', 'error', 'warn', 'info', 'debug', 'trace', 'fatal']);
/** `logger`, `log`, `this.logger`, `req.log`: objects whose level methods log and return nothing. */
const LOGGER_NAME = /^(?:logger|log|console)$/i;

/**
 * `console.error(...)`, `logger.error(...)`, `this.log.warn(...)`: logging calls give
 * `undefined`. Written where a rejection handler belongs, they are the classic
 * `p.catch(logger.error())`.
 */
export function isLoggingCall(callee: TSESTree.Node, sourceCode: SourceCode): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const level = memberName(callee);
  if (level === null || !LOG_LEVELS.has(level)) return false;
  const object = skipWrappers(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    return object.name === 'console' ? isGlobalReference(sourceCode, object) : LOGGER_NAME.test(object.name);
  }
  if (object.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(object);
    return name !== null && LOGGER_NAME.test(name);
  }
  return false;
}

/** Globals whose result is never a function: timers give handles, parsers give data. */
const NON_CALLABLE_GLOBALS = new Set([
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'JSON.parse',
  'JSON.stringify',
  'String',
  'Number',
  'Boolean',
  'parseInt',
  'parseFloat',
  'alert',
  'process.exit',
  'process.nextTick',
]);

function localCallResultIsCallable(call: TSESTree.CallExpression, sourceCode: SourceCode): Answer {
  const callee = skipWrappers(call.callee);
  if (isLoggingCall(callee, sourceCode)) return 'no';
  // `f.bind(this)` always gives a function.
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind') return 'yes';
  const path = staticPath(callee);
  if (path && NON_CALLABLE_GLOBALS.has(path.join('.'))) {
    const rootNode = rootIdentifier(callee);
    if (rootNode.type === AST_NODE_TYPES.Identifier && isGlobalReference(sourceCode, rootNode)) return 'no';
  }
  const fn = callee.type === AST_NODE_TYPES.Identifier ? localFunction(callee, sourceCode) : thisMethod(callee);
  if (!fn?.body || fn.generator) return 'unknown';
  // An async function returns a promise: the oracle answers that one.
  if (fn.async) return 'unknown';
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return shapeIsCallable(fn.body);
  const answers = new Set<Answer>();
  forEachOwnNode(fn, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) answers.add(node.argument ? shapeIsCallable(node.argument) : 'no');
  });
  // No `return <value>` at all: the call gives `undefined`.
  if (answers.size === 0) return 'no';
  const [only] = answers;
  return answers.size === 1 && only ? only : 'unknown';
}

function rootIdentifier(node: TSESTree.Node): TSESTree.Node {
  let root = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappers(root.object);
  return root;
}

/** `this.render()` inside a class: the method of that class (or of the object literal) it calls. */
function thisMethod(callee: TSESTree.Node): FunctionNode | null {
  if (callee.type !== AST_NODE_TYPES.MemberExpression || skipWrappers(callee.object).type !== AST_NODE_TYPES.ThisExpression) return null;
  const name = memberName(callee);
  if (name === null) return null;
  // Find the class whose `this` this is: arrows share it, other functions have their own.
  let current: TSESTree.Node | undefined = callee.parent;
  let isStatic = false;
  while (current) {
    if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
      const owner = current.parent;
      if (owner.type !== AST_NODE_TYPES.MethodDefinition && owner.type !== AST_NODE_TYPES.PropertyDefinition) return null;
      isStatic = owner.static;
    }
    if (current.type === AST_NODE_TYPES.ClassBody) {
      for (const member of current.body) {
        if (
          member.type === AST_NODE_TYPES.MethodDefinition &&
          member.kind === 'method' &&
          member.static === isStatic &&
          keyName(member.key, member.computed) === name
        ) {
          return member.value;
        }
      }
      return null;
    }
    current = current.parent;
  }
  return null;
}

function shapeIsCallable(node: TSESTree.Node): Answer {
  const value = skipWrappers(node);
  if (isFunctionNode(value)) return 'yes';
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return 'no';
    default:
      return 'unknown';
  }
}

/** A function declared in this file under this name, written once: `function f() {}`, `const f = () => {}`. */
function localFunction(identifier: TSESTree.Identifier, sourceCode: SourceCode): FunctionNode | null {
  const variable = variableOf(sourceCode, identifier);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return null;
  if (def.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  const init = constInit(sourceCode, identifier);
  return init && isFunctionNode(init) ? init : null;
}

function typedCallable(node: TSESTree.Node, info: TypeInfo): Answer {
  const type = info.typeOf(node);
  if (!type) return 'unknown';
  const { ts: tsModule, tsutils } = info;
  const unknownFlags = [tsModule.TypeFlags.Any, tsModule.TypeFlags.Unknown, tsModule.TypeFlags.TypeParameter];
  let answer: Answer = 'no';
  for (const part of tsutils.unionConstituents(type)) {
    if (unknownFlags.some((flag) => tsutils.isTypeFlagSet(part, flag))) return 'unknown';
    if (hasCallSignatures(part, info)) answer = 'yes';
  }
  return answer;
}

function hasCallSignatures(type: ts.Type, info: TypeInfo): boolean {
  return info.tsutils.intersectionConstituents(type).some((part) => part.getCallSignatures().length > 0);
}

/**
 * Can the links after the head of `inner` move out of `callback` without
 * changing what their names mean? They must not use the callback's
 * parameters or locals, its `arguments`, or (for a `function`) its `this`.
 */
export function canHoistLinks(inner: ChainLink, head: TSESTree.Expression, callback: CallbackFunction, sourceCode: SourceCode): boolean {
  const start = head.range[1];
  const end = inner.call.range[1];
  const within = (node: TSESTree.Node): boolean => node.range[0] >= start && node.range[1] <= end;
  const scope = sourceCode.scopeManager?.acquire(callback);
  if (!scope) return false;
  const scopes = [scope, ...scope.childScopes.filter((child) => child.block === callback.body)];
  for (const current of scopes) {
    for (const variable of current.variables) {
      if (variable.references.some((ref) => within(ref.identifier))) return false;
    }
  }
  // A `function` callback's `this` would change too: look through arrows, which share it.
  if (callback.type === AST_NODE_TYPES.FunctionExpression) {
    for (let link: ChainLink | null = inner; link && link.call !== head; link = chainLink(skipWrappers(link.receiver))) {
      if (link.call.arguments.some((argument) => usesOwnThis(argument, sourceCode.visitorKeys))) return false;
    }
  }
  return true;
}

/** Does `node` use `this` of the function it is written in (looking into arrows, not into other functions)? */
function usesOwnThis(node: TSESTree.Node, visitorKeys: VisitorKeys): boolean {
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current) break;
    if (current.type === AST_NODE_TYPES.ThisExpression) return true;
    if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (current.type === AST_NODE_TYPES.ClassBody) continue;
    for (const key of visitorKeys[current.type] ?? []) {
      const child = (current as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof (item as TSESTree.Node).type === 'string') stack.push(item as TSESTree.Node);
      }
    }
  }
  return false;
}

/**
 * Flattening a nested chain: in `outer.then((x) => { inner(x).then(f).catch(g); })`
 * the statement becomes `return inner(x);` and `.then(f).catch(g)` moves after
 * the outer link. The caller checks `canHoistLinks` and that the statement is
 * the last one of the callback.
 */
export function flattenFixes(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  outer: ChainLink,
  statement: TSESTree.ExpressionStatement,
  inner: ChainLink,
  head: TSESTree.Expression,
): TSESLint.RuleFix[] {
  const links = sourceCode.text.slice(head.range[1], inner.call.range[1]);
  return [
    fixer.replaceTextRange([statement.range[0], inner.call.range[1]], `return ${sourceCode.getText(head)}`),
    fixer.insertTextAfter(outer.call, links),
  ];
}

/** Is this node the head of a nested chain that can be flattened by text moves alone (no parentheses or casts to keep)? */
export function isPlainHead(head: TSESTree.Expression, sourceCode: SourceCode): boolean {
  const after = sourceCode.getTokenAfter(head);
  return after?.value === '.' || after?.value === '?.';
}
