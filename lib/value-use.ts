/**
 * Where an expression's value is used, and how: tested for truthiness,
 * compared, turned into a string or a number, spread, iterated, destructured,
 * read as an object, called, or handed to a function. Rules that ask "is a
 * promise used here as if it were its value?" read the uses here instead of
 * walking parents.
 *
 * Two entry points share one definition: `usesAt(node)` lists the operands a
 * node uses the value of (cheap: a rule listens on the using node), and
 * `valueUse(expression)` climbs from an expression to the use its value meets.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { keyName, memberName, skipWrappers } from './ast.js';
import { constInit } from './scope.js';

export type UseKind =
  /** Only its truthiness matters: `if`/`while`/`do`/`for` tests, `c ? a : b`, `!x`, both sides of `&&`/`||`/`??` inside a test. */
  | 'test'
  /** Its truthiness picks the result of `x || y` / `x && y` (the left operand, outside a test). */
  | 'select'
  /** Its nullishness picks the result of `x ?? y` (the left operand, outside a test). */
  | 'nullish'
  /** Compared with `==`, `!=`, `===`, `!==`, or as a `switch` discriminant; `other` is the other side. */
  | 'equality'
  /** Compared with `<`, `>`, `<=`, `>=`. */
  | 'relational'
  /** An operand of `-`, `*`, `/`, `%`, `**`, bitwise operators, unary `-`/`+`/`~`, or their compound assignments. */
  | 'arithmetic'
  /** Turned into a string: a template literal (not tagged) or `+` / `+=`. */
  | 'string'
  /** Spread into an object literal: `{ ...x }`. */
  | 'object-spread'
  /** Iterated: `[...x]`, `f(...x)`, `for (const v of x)`, `const [a] = x`. */
  | 'iterate'
  /** Its keys enumerated: `for (const k in x)`. */
  | 'enumerate'
  /** Destructured as an object: `const { a } = x`; `names` are the keys read. */
  | 'destructure'
  /** A property read: `x.name`, `x[0]`, `'name' in x`; `names` holds the one name. */
  | 'member'
  /** Called: `x()`, `getHandler()()` (not a method call: that is a `member` use of its object). */
  | 'call'
  /** Passed as argument `index` of a call. */
  | 'argument';

export interface ValueUse {
  readonly kind: UseKind;
  /** The expression whose value is used, as written (type assertions included). */
  readonly operand: TSESTree.Expression;
  /** The node that uses it: the `if`, the operator, the member access, the call. */
  readonly user: TSESTree.Node;
  /** `equality`: the other side (for a `switch`, its first case test). */
  readonly other?: TSESTree.Node;
  /** `member` and `destructure`: the keys read; `'[computed]'` for a key computed at runtime, `'...'` for a rest element. */
  readonly names?: readonly string[];
  /** `argument`: its position. */
  readonly index?: number;
}

/** Properties a promise has (its own API and `Object.prototype`'s): reading these is using it as a promise. */
export const PROMISE_MEMBERS: ReadonlySet<string> = new Set([
  'then',
  'catch',
  'finally',
  'constructor',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__proto__',
]);

/** Does this `member`/`destructure` use read only what a promise really has (`p.then`, `const { then } = p`)? */
export function readsOnlyPromiseMembers(use: ValueUse): boolean {
  return (use.names ?? []).every((name) => PROMISE_MEMBERS.has(name));
}

const ARITHMETIC = new Set(['-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);
const RELATIONAL = new Set(['<', '>', '<=', '>=']);
const EQUALITY = new Set(['==', '!=', '===', '!==']);
const ARITHMETIC_ASSIGNMENT = new Set(['-=', '*=', '/=', '%=', '**=', '|=', '&=', '^=', '<<=', '>>=', '>>>=']);

/** The operands whose value `node` uses, and how. Empty for nodes that use no operand's value. */
export function usesAt(node: TSESTree.Node): ValueUse[] {
  switch (node.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return tested(node.test, node, []);
    case AST_NODE_TYPES.ForStatement:
      return node.test ? tested(node.test, node, []) : [];
    case AST_NODE_TYPES.UnaryExpression:
      return unaryUses(node);
    case AST_NODE_TYPES.LogicalExpression:
      return selected(node);
    case AST_NODE_TYPES.BinaryExpression:
      return binaryUses(node);
    case AST_NODE_TYPES.AssignmentExpression:
      return assignmentUses(node);
    case AST_NODE_TYPES.TemplateLiteral:
      if (node.parent.type === AST_NODE_TYPES.TaggedTemplateExpression) return [];
      return node.expressions.map((expression) => ({ kind: 'string', operand: expression, user: node }));
    case AST_NODE_TYPES.SpreadElement:
      return spreadUses(node);
    case AST_NODE_TYPES.ForOfStatement:
      return [{ kind: 'iterate', operand: node.right, user: node }];
    case AST_NODE_TYPES.ForInStatement:
      return [{ kind: 'enumerate', operand: node.right, user: node }];
    case AST_NODE_TYPES.VariableDeclarator:
      return node.init ? patternUses(node.id, node.init, node) : [];
    case AST_NODE_TYPES.MemberExpression:
      return memberUses(node);
    case AST_NODE_TYPES.CallExpression:
      return callUses(node);
    case AST_NODE_TYPES.SwitchStatement: {
      const other = node.cases.find((switchCase) => switchCase.test !== null)?.test;
      return other ? [{ kind: 'equality', operand: node.discriminant, user: node, other }] : [];
    }
    default:
      return [];
  }
}

/** The use the value of `expression` meets, climbing through `( )`, type assertions, `?:` branches, `&&`/`||`/`??`, `!` and `,`. */
export function valueUse(expression: TSESTree.Expression): ValueUse | null {
  let current: TSESTree.Node = expression;
  for (let depth = 0; depth < 64; depth++) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return null;
    const here = current;
    const found = usesAt(parent).find((use) => use.operand === here || use.operand === expression);
    if (found) return found;
    if (!valueFlowsThrough(parent, current)) return null;
    current = parent;
  }
  return null;
}

/**
 * Is `node` tested only for its truthiness by an enclosing test that looks
 * through it (`if (a && node)`, `while (!node)`, `x ? y : z` with `node` in `x`)?
 */
export function isInTestPosition(node: TSESTree.Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
        return parent.test === child;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === child) return true;
        break;
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === '!';
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions[parent.expressions.length - 1] !== child) return false;
        break;
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        break;
      default:
        return false;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

function valueFlowsThrough(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== child;
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions[parent.expressions.length - 1] === child;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!';
    default:
      return false;
  }
}

/** The expressions whose truthiness decides `test`: through `&&`, `||`, `??`, `?:` branches, `!` and `,`. */
function tested(expression: TSESTree.Expression, user: TSESTree.Node, out: ValueUse[]): ValueUse[] {
  const value = skipWrappers(expression);
  switch (value.type) {
    case AST_NODE_TYPES.LogicalExpression:
      tested(value.left, user, out);
      tested(value.right, user, out);
      break;
    case AST_NODE_TYPES.ConditionalExpression:
      // Its own test is a use of the conditional expression.
      tested(value.consequent, user, out);
      tested(value.alternate, user, out);
      break;
    case AST_NODE_TYPES.SequenceExpression: {
      const last = value.expressions[value.expressions.length - 1];
      if (last) tested(last, user, out);
      break;
    }
    case AST_NODE_TYPES.UnaryExpression:
      if (value.operator === '!') tested(value.argument, user, out);
      break;
    default:
      out.push({ kind: 'test', operand: expression, user });
  }
  return out;
}

function unaryUses(node: TSESTree.UnaryExpression): ValueUse[] {
  switch (node.operator) {
    case '!':
      // Inside a test, the enclosing test looks through the `!`.
      return isInTestPosition(node) ? [] : tested(node.argument, node, []);
    case '-':
    case '+':
    case '~':
      return [{ kind: 'arithmetic', operand: node.argument, user: node }];
    default:
      return [];
  }
}

/**
 * Outside a test, the left operand of `x || y`, `x && y`, `x ?? y` picks the
 * result; the right operand is only passed on. For a chain `(a || b) || c`
 * the outermost operator reports its leftmost operand once.
 */
function selected(node: TSESTree.LogicalExpression): ValueUse[] {
  if (isInTestPosition(node)) return [];
  let outer: TSESTree.Node = node;
  while (isWrapper(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.left === outer) return [];
  let left: TSESTree.Expression = node.left;
  let operator = node.operator;
  for (let inner = skipWrappers(left); inner.type === AST_NODE_TYPES.LogicalExpression; inner = skipWrappers(left)) {
    operator = inner.operator;
    left = inner.left;
  }
  return [{ kind: operator === '??' ? 'nullish' : 'select', operand: left, user: node }];
}

function binaryUses(node: TSESTree.BinaryExpression): ValueUse[] {
  const { left, right, operator } = node;
  if (left.type === AST_NODE_TYPES.PrivateIdentifier) return [];
  if (operator === '+') {
    return [
      { kind: 'string', operand: left, user: node },
      { kind: 'string', operand: right, user: node },
    ];
  }
  if (ARITHMETIC.has(operator) || RELATIONAL.has(operator)) {
    const kind = ARITHMETIC.has(operator) ? 'arithmetic' : 'relational';
    return [
      { kind, operand: left, user: node },
      { kind, operand: right, user: node },
    ];
  }
  if (EQUALITY.has(operator)) {
    return [
      { kind: 'equality', operand: left, user: node, other: right },
      { kind: 'equality', operand: right, user: node, other: left },
    ];
  }
  if (operator === 'in' && left.type === AST_NODE_TYPES.Literal && typeof left.value === 'string') {
    return [{ kind: 'member', operand: right, user: node, names: [left.value] }];
  }
  return [];
}

function assignmentUses(node: TSESTree.AssignmentExpression): ValueUse[] {
  if (node.operator === '=') return patternUses(node.left, node.right, node);
  if (node.operator === '+=') return [{ kind: 'string', operand: node.right, user: node }];
  if (ARITHMETIC_ASSIGNMENT.has(node.operator)) return [{ kind: 'arithmetic', operand: node.right, user: node }];
  return [];
}

function patternUses(pattern: TSESTree.Node, value: TSESTree.Expression, user: TSESTree.Node): ValueUse[] {
  if (pattern.type === AST_NODE_TYPES.ArrayPattern) return [{ kind: 'iterate', operand: value, user }];
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return [];
  const names = pattern.properties.map((property) =>
    property.type === AST_NODE_TYPES.RestElement ? '...' : (keyName(property.key, property.computed) ?? '[computed]'),
  );
  return [{ kind: 'destructure', operand: value, user, names }];
}

function spreadUses(node: TSESTree.SpreadElement): ValueUse[] {
  switch (node.parent.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return [{ kind: 'object-spread', operand: node.argument, user: node }];
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return [{ kind: 'iterate', operand: node.argument, user: node }];
    default:
      return [];
  }
}

function memberUses(node: TSESTree.MemberExpression): ValueUse[] {
  if (node.object.type === AST_NODE_TYPES.Super || isWriteTarget(node)) return [];
  const { property } = node;
  let name = memberName(node);
  if (name === null && node.computed && property.type === AST_NODE_TYPES.Literal && typeof property.value === 'number') {
    name = String(property.value);
  }
  // A key computed at runtime may be anything, a promise's own included.
  if (name === null) return [];
  return [{ kind: 'member', operand: node.object, user: node, names: [name] }];
}

/** `p.cancel = ...`, `p.count++`, `delete p.x`, `[p.x] = ...`: the member is written, not read. */
function isWriteTarget(node: TSESTree.MemberExpression): boolean {
  let child: TSESTree.Node = node;
  while (isWrapper(child.parent)) child = child.parent;
  const parent = child.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.left === child;
    case AST_NODE_TYPES.UpdateExpression:
    case AST_NODE_TYPES.ArrayPattern:
    case AST_NODE_TYPES.RestElement:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'delete';
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return parent.left === child;
    case AST_NODE_TYPES.Property:
      return parent.value === child && parent.parent.type === AST_NODE_TYPES.ObjectPattern;
    default:
      return false;
  }
}

function callUses(node: TSESTree.CallExpression): ValueUse[] {
  const uses: ValueUse[] = [];
  const callee = skipWrappers(node.callee);
  // A method call reads a member (a `member` use of its object); `super()` and `import()` call nothing made here.
  if (callee.type !== AST_NODE_TYPES.MemberExpression && callee.type !== AST_NODE_TYPES.Super) {
    uses.push({ kind: 'call', operand: node.callee, user: node });
  }
  node.arguments.forEach((argument, index) => {
    if (argument.type !== AST_NODE_TYPES.SpreadElement) uses.push({ kind: 'argument', operand: argument, user: node, index });
  });
  return uses;
}

/**
 * The call whose unawaited result this expression holds: `load()` itself,
 * `client?.connect()`, `(line = next())`, or for a variable written once, by
 * its declaration, the call it was given (`const user = getUser()`). Null otherwise. This is
 * where an unawaited promise comes from: rules that cannot afford to ask the
 * checker about every operand ask it about these.
 */
export function unawaitedCall(
  sourceCode: Readonly<TSESLint.SourceCode>,
  expression: TSESTree.Node,
): TSESTree.CallExpression | null {
  const value = skipWrappers(expression);
  if (value.type === AST_NODE_TYPES.CallExpression) return value;
  // `(line = reader.next())`: the value of an assignment is what it assigns.
  if (value.type === AST_NODE_TYPES.AssignmentExpression && value.operator === '=') return unawaitedCall(sourceCode, value.right);
  if (value.type !== AST_NODE_TYPES.Identifier) return null;
  const init = constInit(sourceCode, value);
  return init?.type === AST_NODE_TYPES.CallExpression ? init : null;
}

function isWrapper(node: TSESTree.Node | undefined): node is
  | TSESTree.TSAsExpression
  | TSESTree.TSTypeAssertion
  | TSESTree.TSNonNullExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.ChainExpression {
  switch (node?.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.ChainExpression:
      return true;
    default:
      return false;
  }
}
