/** Small, pure helpers over ESTree nodes that several analyses share. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.TSDeclareFunction
  | TSESTree.TSEmptyBodyFunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  switch (node?.type) {
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.TSDeclareFunction:
    case AST_NODE_TYPES.TSEmptyBodyFunctionExpression:
      return true;
    default:
      return false;
  }
}

/** Strips wrappers that do not change the runtime value: `a?.b`, `x!`, `x as T`, `<T>x`, `x satisfies T`. */
export function skipWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The parent of a node, looking through the wrappers `skipWrappers` removes. */
export function valueParent(node: TSESTree.Node): { parent: TSESTree.Node | undefined; child: TSESTree.Node } {
  let child = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** `a.b`, `a['b']`, `a.#b` as the static name `b`; null when computed at runtime. */
export function memberName(node: TSESTree.MemberExpression): string | null {
  const { property } = node;
  if (!node.computed) {
    return property.type === AST_NODE_TYPES.Identifier || property.type === AST_NODE_TYPES.PrivateIdentifier
      ? property.name
      : null;
  }
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') return property.value;
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) {
    return property.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/** The name of a key in an object literal, class body or pattern, when static. */
export function keyName(key: TSESTree.Node, computed: boolean): string | null {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  return null;
}

/**
 * The dotted path of a callee: `this.store.save` -> ['this', 'store', 'save'],
 * `run` -> ['run']. Null when any part is computed at runtime.
 */
export function staticPath(node: TSESTree.Node): string[] | null {
  const target = skipWrappers(node);
  switch (target.type) {
    case AST_NODE_TYPES.Identifier:
      return [target.name];
    case AST_NODE_TYPES.ThisExpression:
      return ['this'];
    case AST_NODE_TYPES.Super:
      return ['super'];
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(target);
      const base = name === null ? null : staticPath(target.object);
      return base && name !== null ? [...base, name] : null;
    }
    default:
      return null;
  }
}

/** Is `node` a call of a method with one of these names: `x.then(...)`, `x?.catch(...)`. */
export function isMethodCall(
  node: TSESTree.Node,
  names: ReadonlySet<string>,
): node is TSESTree.CallExpression & { callee: TSESTree.MemberExpression } {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  return name !== null && names.has(name);
}

/** The callee of a call as a member expression, looking through `?.` and `!`. */
export function calleeMember(node: TSESTree.CallExpression): TSESTree.MemberExpression | null {
  const callee = skipWrappers(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee : null;
}

/** The name a call is made by, looking through `?.` and `!`: `f` in `f()`, `m` in `a.b.m()`; null when computed. */
export function calleeName(node: TSESTree.CallExpression): string | null {
  const callee = skipWrappers(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
}

/** An argument that surely is no function: `undefined`, `null`, a literal. */
export function isNullish(node: TSESTree.Node | undefined): boolean {
  if (!node) return true;
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name === 'undefined';
  if (target.type === AST_NODE_TYPES.Literal) return target.value === null;
  return target.type === AST_NODE_TYPES.UnaryExpression && target.operator === 'void';
}

const LOOP_TYPES = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/**
 * Is `node` inside the body of a loop that runs it repeatedly, without leaving
 * `boundary` (the enclosing function, or the program)?
 */
export function isInLoopBody(node: TSESTree.Node, boundary: TSESTree.Node | null): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && parent !== boundary) {
    if (LOOP_TYPES.has(parent.type)) {
      const loop = parent as TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.ForOfStatement;
      if (loop.body === child) return true;
      if (parent.type === AST_NODE_TYPES.ForStatement && parent.update === child) return true;
    }
    if (isFunctionNode(parent)) return false;
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** What a `walkSubtree` visitor says of the node it was given: go into its children (nothing), `'skip'` them, or `'stop'` the walk. */
export type WalkStep = 'skip' | 'stop' | undefined;

/**
 * Visits `root` and its descendants (depth first, by the parser's visitor
 * keys) as `visit` directs. True when `visit` stopped the walk.
 */
export function walkSubtree(
  root: TSESTree.Node,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  visit: (node: TSESTree.Node) => WalkStep,
): boolean {
  const stack: TSESTree.Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const step = visit(node);
    if (step === 'stop') return true;
    if (step === 'skip') continue;
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

/** Is there a node in `root` (itself included, nested functions and classes left out) for which `test` holds? */
export function someOwnNode(
  root: TSESTree.Node,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  test: (node: TSESTree.Node) => boolean,
): boolean {
  return walkSubtree(root, visitorKeys, (node) => {
    if (test(node)) return 'stop';
    return node !== root && (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) ? 'skip' : undefined;
  });
}

/** The statements a block-like node holds in order (a block, the program, a static block, a `case`); null for any other node. */
export function statementList(node: TSESTree.Node): readonly TSESTree.Node[] | null {
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
