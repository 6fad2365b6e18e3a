/**
 * Unbounded fan-out: one promise per input item, all started at once.
 * `Promise.all(items.map(async (item) => ...))` starts `items.length`
 * operations together; a loop that pushes a promise per item and awaits them
 * all later does the same. Small, known inputs (an array literal, a fixed
 * `Array.from({ length: 4 })`, a `.slice(0, 10)`) are bounded and never count.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, isFunctionNode, keyName, memberName, skipWrappers, walkSubtree, type FunctionNode } from './ast.js';
import { variableOf } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export const COMBINATORS: ReadonlySet<string> = new Set(['all', 'allSettled', 'any', 'race']);
/** Inputs up to this many items count as small. */
export const SMALL_SIZE = 16;

/** `Promise.all(...)` and its siblings, with the global `Promise`. */
export function isPromiseCombinator(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier || callee.object.name !== 'Promise') return false;
  const name = memberName(callee);
  if (name === null || !COMBINATORS.has(name)) return false;
  const variable = variableOf(sourceCode, callee.object);
  return !variable || variable.defs.length === 0;
}

export interface FanOut {
  /** `items` in `items.map(fn)` / `Array.from(items, fn)`. */
  readonly source: TSESTree.Node;
  /** The mapping function, inline or named. */
  readonly mapper: TSESTree.Node;
}

/** `items.map(fn)`, `items.flatMap(fn)`, `Array.from(items, fn)`: the source and the mapper. */
export function fanOut(node: TSESTree.Node): FanOut | null {
  const call = skipWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = memberName(callee);
  const [first, second] = call.arguments;
  if ((name === 'map' || name === 'flatMap') && first && first.type !== AST_NODE_TYPES.SpreadElement) {
    return { source: callee.object, mapper: first };
  }
  if (name === 'from' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Array' && first && second) {
    if (first.type === AST_NODE_TYPES.SpreadElement || second.type === AST_NODE_TYPES.SpreadElement) return null;
    return { source: first, mapper: second };
  }
  return null;
}

/**
 * Is the size of this collection known and small: an array literal, a `const`
 * holding one (never pushed to), `Array.from({ length: n })`, `new Array(n)`,
 * `.slice(a, b)` with literal bounds, `Object.entries` of an object literal, or
 * a chain that only shrinks one of those (`.filter`, `.slice`, `.map`)?
 */
export function isSmallCollection(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): boolean {
  if (depth > 4) return false;
  const value = skipWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.length <= SMALL_SIZE && value.elements.every((element) => element?.type !== AST_NODE_TYPES.SpreadElement);
    case AST_NODE_TYPES.ObjectExpression: {
      // `Array.from({ length: n }, ...)`: as many items as `n`.
      const length = lengthProperty(value);
      return length ? isSmallNumber(length) : value.properties.length <= SMALL_SIZE;
    }
    case AST_NODE_TYPES.Identifier:
      return isSmallConst(sourceCode, value, depth);
    case AST_NODE_TYPES.NewExpression:
      return value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === 'Array' && isSmallNumber(value.arguments[0]);
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipWrappers(value.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const name = memberName(callee);
      const [first, second] = value.arguments;
      if (name === 'slice' && isSmallNumber(second) && (first === undefined || isNumberLiteral(first))) {
        const start = first && isNumberLiteral(first) ? first.value : 0;
        return Number((second as TSESTree.Literal).value) - start <= SMALL_SIZE;
      }
      // `items.slice(i, i + BATCH)`: a window of a small, fixed width.
      if (name === 'slice' && first && second && isSmallWindow(sourceCode, first, second)) return true;
      if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Array' && name === 'from' && first?.type === AST_NODE_TYPES.ObjectExpression) {
        return first.properties.some(
          (property) =>
            property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'length' && isSmallNumber(property.value),
        );
      }
      if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Object' && (name === 'keys' || name === 'values' || name === 'entries') && first) {
        return isSmallCollection(sourceCode, first, depth + 1);
      }
      if (name === 'filter' || name === 'map' || name === 'slice' || name === 'reverse' || name === 'toSorted' || name === 'sort') {
        return isSmallCollection(sourceCode, callee.object, depth + 1);
      }
      return false;
    }
    default:
      return false;
  }
}

function isNumberLiteral(node: TSESTree.Node | undefined): node is TSESTree.NumberLiteral {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'number';
}

function isSmallNumber(node: TSESTree.Node | undefined): boolean {
  return isNumberLiteral(node) && node.value <= SMALL_SIZE;
}

function lengthProperty(object: TSESTree.ObjectExpression): TSESTree.Node | null {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'length') {
      return property.value;
    }
  }
  return null;
}

/** `slice(i, i + 10)` or `slice(i, i + BATCH)` with `const BATCH = 10`. */
function isSmallWindow(sourceCode: SourceCode, start: TSESTree.Node, end: TSESTree.Node): boolean {
  const value = skipWrappers(end);
  if (value.type !== AST_NODE_TYPES.BinaryExpression || value.operator !== '+') return false;
  if (sourceCode.getText(value.left) !== sourceCode.getText(start)) return false;
  const width = skipWrappers(value.right);
  if (isSmallNumber(width)) return true;
  if (width.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(sourceCode, width)?.defs[0];
  return def?.type === 'Variable' && def.parent.kind === 'const' && isSmallNumber(def.node.init ?? undefined);
}

/** A `const` bound once to a small collection, never grown (`push`, `unshift`, `splice`, `concat` into it). */
function isSmallConst(sourceCode: SourceCode, identifier: TSESTree.Identifier, depth: number): boolean {
  const variable = variableOf(sourceCode, identifier);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return false;
  if (def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
  const grown = variable.references.some((ref) => {
    const parent = ref.identifier.parent;
    if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== ref.identifier) return false;
    const name = memberName(parent);
    return name === 'push' || name === 'unshift' || name === 'splice';
  });
  return !grown && isSmallCollection(sourceCode, def.node.init, depth + 1);
}

/** The function a mapper runs: inline, or a local function named by an identifier. */
export function mapperFunction(sourceCode: SourceCode, mapper: TSESTree.Node): FunctionNode | null {
  const value = skipWrappers(mapper);
  if (isFunctionNode(value)) return value;
  if (value.type !== AST_NODE_TYPES.Identifier) return null;
  const def = variableOf(sourceCode, value)?.defs[0];
  if (def?.type === 'FunctionName' && isFunctionNode(def.node)) return def.node;
  if (def?.type === 'Variable' && def.node.init && isFunctionNode(def.node.init)) return def.node.init;
  return null;
}

/** Does the function body run its work through a limiter (`limit(() => ...)`, `await sem.acquire()`)? */
export function usesLimiter(fn: FunctionNode, visitorKeys: SourceCode['visitorKeys'], isLimiter: (call: TSESTree.CallExpression) => boolean): boolean {
  if (!fn.body) return false;
  return walkSubtree(fn.body, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && isLimiter(node)) return 'stop';
    return isFunctionNode(node) ? 'skip' : undefined;
  });
}

export type Loop = TSESTree.ForOfStatement | TSESTree.ForInStatement | TSESTree.ForStatement | TSESTree.WhileStatement;

/** The loop whose body runs `node` once per item, up to the enclosing function (`loopCollection` says over what). */
export function enclosingLoop(node: TSESTree.Node): Loop | null {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) return null;
    switch (parent.type) {
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.WhileStatement:
        if (parent.body === child) return parent;
        break;
      default:
        break;
    }
  }
  return null;
}

/** What a loop runs once per item of: `for (x of items)`, `for (k in obj)`, `for (i = 0; i < items.length; ...)`; null otherwise. */
export function loopCollection(loop: Loop): TSESTree.Node | null {
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) return loop.right;
  if (loop.type !== AST_NODE_TYPES.ForStatement || loop.test?.type !== AST_NODE_TYPES.BinaryExpression) return null;
  const bound = skipWrappers(loop.test.right);
  return bound.type === AST_NODE_TYPES.MemberExpression && memberName(bound) === 'length' ? bound.object : null;
}

/** `promises.push(p)` into a local array that is later passed to `Promise.all(...)` (or a sibling). */
export function isPushIntoAwaitedArray(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'push' || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(sourceCode, callee.object);
  if (!variable) return false;
  return variable.references.some((ref) => {
    const parent = ref.identifier.parent;
    return parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === ref.identifier && isPromiseCombinator(sourceCode, parent);
  });
}

/**
 * Where a collection's items come from, as far as syntax shows. `input`: its
 * size is set by data the code receives: a parameter (the caller's list of
 * files, ids, rows), the awaited result of a call (a query, a listing, a
 * fetched body), or something computed from those (`.filter`, `Object.keys`,
 * a spread, a call taking them). `owned`: state the code holds itself, whose
 * size the program sets (`this.pools`, a module constant, an imported list, a
 * literal, a rest parameter whose items each call site writes out). `unknown` otherwise. A fan-out over owned state (closing the
 * pools a driver opened, one call per configured region) is bounded by the
 * program; only input makes it unbounded.
 */
export type CollectionOrigin = 'input' | 'owned' | 'unknown';

/** Calls whose result is read from outside (a listing, a query, a parse) whatever their arguments. */
const READS_INPUT = /^(?:readdir|readdirSync|glob|globSync|sync|list|listAll|find|findAll|query|select|scan|search|parse|split|lines|fetch)(?:[A-Z_]|$)/;
/** Objects that hold configuration: `options.plugins`, `config.targets`, `context.deploys`. */
const CONFIG_OBJECTS = /^(?:options|opts|config|cfg|conf|configuration|settings|context)$/;

function memberRoot(node: TSESTree.MemberExpression): TSESTree.Node {
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.ChainExpression) {
    current = current.type === AST_NODE_TYPES.ChainExpression ? current.expression : current.object;
  }
  return current;
}

/** Methods that return (part of) the collection they are called on. */
const PRESERVES = new Set(['filter', 'map', 'flatMap', 'flat', 'slice', 'concat', 'sort', 'toSorted', 'reverse', 'toReversed', 'values', 'keys', 'entries', 'split']);

export function collectionOrigin(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): CollectionOrigin {
  if (depth > 6) return 'unknown';
  const value = skipWrappers(node);
  const next = (child: TSESTree.Node): CollectionOrigin => collectionOrigin(sourceCode, child, depth + 1);
  switch (value.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return 'input';
    case AST_NODE_TYPES.ObjectExpression: {
      const length = lengthProperty(value);
      return length ? next(length) : 'owned';
    }
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
      return 'owned';
    case AST_NODE_TYPES.ArrayExpression:
      return combineOrigins(value.elements.map((element) => (element?.type === AST_NODE_TYPES.SpreadElement ? next(element.argument) : 'owned')));
    case AST_NODE_TYPES.ChainExpression:
      return next(value.expression);
    case AST_NODE_TYPES.ConditionalExpression:
      return combineOrigins([next(value.consequent), next(value.alternate)]);
    case AST_NODE_TYPES.LogicalExpression:
      return combineOrigins([next(value.left), next(value.right)]);
    case AST_NODE_TYPES.MemberExpression: {
      // A list read from an options or config object is configuration: as long as someone wrote it.
      const root = memberRoot(value);
      if (root.type === AST_NODE_TYPES.Identifier && CONFIG_OBJECTS.test(root.name)) return 'owned';
      return next(value.object);
    }
    case AST_NODE_TYPES.Identifier:
      // `hostingConfig(options)`: what is computed from a whole options or config object is configuration too.
      return CONFIG_OBJECTS.test(value.name) ? 'owned' : identifierOrigin(sourceCode, value, depth);
    case AST_NODE_TYPES.NewExpression:
      return value.arguments.length === 0 ? 'owned' : combineOrigins(value.arguments.map((arg) => next(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg)));
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipWrappers(value.callee);
      const args = value.arguments.map((arg) => (arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg));
      const name = calleeName(value);
      if (name !== null && READS_INPUT.test(name)) return 'input';
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const object = skipWrappers(callee.object);
        // Array.from(x), Object.keys(x), JSON.parse(x): the argument's origin.
        if (object.type === AST_NODE_TYPES.Identifier && (object.name === 'Array' || object.name === 'Object' || object.name === 'JSON')) {
          return args.length === 0 ? 'owned' : combineOrigins(args.map(next));
        }
        if (name !== null && PRESERVES.has(name)) {
          return combineOrigins([next(callee.object), ...(name === 'concat' ? args.map(next) : [])]);
        }
      }
      // Any other call: computed from its arguments when one of them is input.
      const fromArgs = args.map(next);
      return fromArgs.includes('input') ? 'input' : 'unknown';
    }
    default:
      return 'unknown';
  }
}

function identifierOrigin(sourceCode: SourceCode, identifier: TSESTree.Identifier, depth: number): CollectionOrigin {
  const variable = variableOf(sourceCode, identifier);
  const def = variable?.defs[0];
  if (!variable || !def) return identifier.name === 'undefined' ? 'owned' : 'unknown';
  switch (def.type) {
    case 'Parameter':
      // `(...cookies)`: as many items as each call writes out, a number the program's call sites set.
      return def.name.parent.type === AST_NODE_TYPES.RestElement ? 'owned' : 'input';
    case 'ImportBinding':
    case 'FunctionName':
    case 'ClassName':
      return 'owned';
    case 'Variable': {
      const init = def.node.init;
      if (!init) return 'unknown';
      const origins = [collectionOrigin(sourceCode, init, depth + 1)];
      // `let files = []` filled from elsewhere: what is assigned to it counts too.
      for (const ref of variable.references) {
        if (ref.isWrite() && ref.writeExpr && ref.writeExpr !== init) origins.push(collectionOrigin(sourceCode, ref.writeExpr, depth + 1));
      }
      return combineOrigins(origins);
    }
    default:
      return 'unknown';
  }
}

function combineOrigins(origins: readonly CollectionOrigin[]): CollectionOrigin {
  if (origins.includes('input')) return 'input';
  return origins.includes('unknown') ? 'unknown' : 'owned';
}

/** Release calls: shutting down what was opened (`close`, `destroy`, `kill`, `closePool`, `stopServer`). */
const RELEASES = /^(?:close|destroy|kill|terminate|disconnect|end|stop|dispose|shutdown|quit|unsubscribe|release|abort|cancel|teardown|cleanup|unref)(?:[A-Z_]|$)/;

/**
 * Does the mapper release resources rather than acquire them? Closing every
 * connection, killing every child or stopping every server at once is the
 * normal shutdown: it opens nothing.
 */
export function releasesResources(sourceCode: SourceCode, mapper: TSESTree.Node): boolean {
  const value = skipWrappers(mapper);
  const named = value.type === AST_NODE_TYPES.MemberExpression ? memberName(value) : value.type === AST_NODE_TYPES.Identifier ? value.name : null;
  if (named !== null) return RELEASES.test(named);
  const fn = mapperFunction(sourceCode, value);
  if (!fn?.body) return false;
  return walkSubtree(fn.body, sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const name = calleeName(node);
    return name !== null && RELEASES.test(name) ? 'stop' : undefined;
  });
}

/**
 * Does an inline mapper start anything? `async (key) => { out[key] = await obj[key]; }`
 * only waits for promises that already exist; a mapper with no call other
 * than `Promise.resolve`/`reject` and `.then`/`.catch`/`.finally` starts no work.
 */
export function mapperStartsWork(fn: FunctionNode, visitorKeys: SourceCode['visitorKeys']): boolean {
  if (!fn.body) return false;
  return walkSubtree(fn.body, visitorKeys, (node) =>
    node.type === AST_NODE_TYPES.NewExpression || (node.type === AST_NODE_TYPES.CallExpression && !isPlumbing(node)) ? 'stop' : undefined,
  );
}

function isPlumbing(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  if (name === 'then' || name === 'catch' || name === 'finally') return true;
  const object = skipWrappers(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise' && (name === 'resolve' || name === 'reject');
}

/** Methods of an object that runs transactions on itself: a query runner, a session, a transaction. */
const TRANSACTION_METHODS = /^(?:commit|rollback)Transaction$/;

/**
 * Does every operation of the mapper run on one connection the object holds?
 * A class that commits or rolls back its own transaction
 * (`commitTransaction()`, `rollbackTransaction()`, with no transaction passed
 * in: an ORM's query runner, a session) holds one connection, since a
 * transaction cannot span two; its `this.query(...)`, and the methods built on
 * it (`this.createIndex(...)`), send their statements down that connection,
 * and the driver runs them one at a time. `Promise.all` over them opens
 * nothing: the statements queue. `work` is the mapper (or the pushed value),
 * `at` the fan-out inside the class. Every call the mapper waits for or
 * returns must be a method of `this`, and there must be one.
 */
export function runsOnOwnConnection(sourceCode: SourceCode, at: TSESTree.Node, work: TSESTree.Node): boolean {
  const owner = enclosingClassBody(at);
  if (!owner || !commitsOwnTransaction(owner)) return false;
  const fn = mapperFunction(sourceCode, work);
  const operations = fn ? mapperOperations(fn, sourceCode.visitorKeys) : [work];
  let own = 0;
  for (const operation of operations) {
    const verdict = callOnThis(operation);
    if (verdict === 'other') return false;
    if (verdict === 'this') own++;
  }
  return own > 0;
}

function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
  }
  return null;
}

/** `async commitTransaction() { ... }`: the class ends a transaction it holds, not one handed to it. */
function commitsOwnTransaction(body: TSESTree.ClassBody): boolean {
  return body.body.some(
    (member) =>
      member.type === AST_NODE_TYPES.MethodDefinition &&
      !member.static &&
      member.value.params.length === 0 &&
      TRANSACTION_METHODS.test(keyName(member.key, member.computed) ?? ''),
  );
}

/** What a mapper waits for or returns: an arrow's expression, the operands of its `await`s and `return`s. */
function mapperOperations(fn: FunctionNode, visitorKeys: SourceCode['visitorKeys']): TSESTree.Node[] {
  if (!fn.body) return [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const out: TSESTree.Node[] = [];
  walkSubtree(fn.body, visitorKeys, (node) => {
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) return 'skip';
    if ((node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.ReturnStatement) && node.argument) out.push(node.argument);
    return undefined;
  });
  return out;
}

/** `this.query(...)` (or a `.then` chain on it): `this`; another call: `other`; no call at all: `none`. */
function callOnThis(node: TSESTree.Node): 'this' | 'other' | 'none' {
  let value = skipWrappers(node);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipWrappers(value.argument);
  if (value.type !== AST_NODE_TYPES.CallExpression) return 'none';
  let call: TSESTree.CallExpression = value;
  let callee = skipWrappers(call.callee);
  // `this.query(sql).then(...)`: the chain waits for the call at its root.
  while (callee.type === AST_NODE_TYPES.MemberExpression && isPlumbing(call)) {
    const inner = skipWrappers(callee.object);
    if (inner.type !== AST_NODE_TYPES.CallExpression) break;
    call = inner;
    callee = skipWrappers(inner.callee);
  }
  return callee.type === AST_NODE_TYPES.MemberExpression && skipWrappers(callee.object).type === AST_NODE_TYPES.ThisExpression ? 'this' : 'other';
}

/**
 * Does the mapper run each item as code: call it (`(stop) => stop()`), or call
 * an optional hook on it (`(plugin) => plugin.requestDidStart?.(ctx)`)? Items
 * that are functions, or plugins whose hooks may be missing, are not records:
 * no input deserialises into them, and the program's registrations (its
 * plugins, listeners, shutdown hooks) set how many there are. Every call the
 * mapper waits for or returns must be such an invocation, and there must be one.
 */
export function invokesItems(sourceCode: SourceCode, mapper: TSESTree.Node): boolean {
  const fn = mapperFunction(sourceCode, mapper);
  const [item] = fn?.params ?? [];
  if (!fn || item?.type !== AST_NODE_TYPES.Identifier) return false;
  let invocations = 0;
  const visit = (node: TSESTree.Node): boolean => {
    const value = skipWrappers(node);
    if (value.type === AST_NODE_TYPES.AwaitExpression) return visit(value.argument);
    if (value.type === AST_NODE_TYPES.ConditionalExpression) return visit(value.consequent) && visit(value.alternate);
    if (value.type === AST_NODE_TYPES.LogicalExpression) return visit(value.left) && visit(value.right);
    if (value.type !== AST_NODE_TYPES.CallExpression) return true;
    const callee = skipWrappers(value.callee);
    const invoked =
      (callee.type === AST_NODE_TYPES.Identifier && callee.name === item.name) ||
      (value.optional && callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === item.name);
    if (invoked) invocations++;
    return invoked;
  };
  return mapperOperations(fn, sourceCode.visitorKeys).every(visit) && invocations > 0;
}
