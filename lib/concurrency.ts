/**
 * Unbounded fan-out: one promise per input item, all started at once.
 * `Promise.all(items.map(async (item) => ...))` starts `items.length`
 * operations together; a loop that pushes a promise per item and awaits them
 * all later does the same. Small, known inputs (an array literal, a fixed
 * `Array.from({ length: 4 })`, a `.slice(0, 10)`) are bounded and never count.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, memberName, skipWrappers, type FunctionNode } from './ast.js';
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
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.length <= SMALL_SIZE;
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
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (node.type === AST_NODE_TYPES.CallExpression && isLimiter(node)) return true;
    if (isFunctionNode(node)) continue;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child as (TSESTree.Node | null)[]) if (item && typeof item.type === 'string') stack.push(item);
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  return false;
}

/** The loop whose body runs `node` once per item, up to the enclosing function; with what it iterates over. */
export function enclosingLoop(node: TSESTree.Node): TSESTree.ForOfStatement | TSESTree.ForInStatement | TSESTree.ForStatement | TSESTree.WhileStatement | null {
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
