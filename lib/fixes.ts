/**
 * Shared fixers: insert `await`, `return` the promise, append `.catch(handler)`,
 * wrap in `Promise.all`. They change behaviour, so rules offer them as
 * suggestions; each keeps the code parsing (parentheses added where precedence
 * needs them).
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;

/** Node types that bind at least as tightly as a member access / call: no parentheses needed. */
const TIGHT = new Set<string>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.TaggedTemplateExpression,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.Super,
  AST_NODE_TYPES.MetaProperty,
]);

/** Binds at least as tightly as a member access, so `.catch(...)` or `await` attach to it as is. */
function isTight(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (TIGHT.has(node.type)) return true;
  if (node.type !== AST_NODE_TYPES.NewExpression) return false;
  // `new Foo()` takes `.x` as is; `new Foo` and `new (make())` have no argument list.
  if (node.arguments.length > 0) return true;
  const last = sourceCode.getLastToken(node);
  const open = last ? sourceCode.getTokenBefore(last) : null;
  return last?.value === ')' && open?.value === '(' && open.range[0] >= node.callee.range[1];
}

/** Is the node wrapped in parentheses in the source? */
export function isParenthesized(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  return ASTUtils.isParenthesized(node, sourceCode);
}

/**
 * The text that replaces `node`'s own range (inside any parentheses the source
 * has) and still takes a postfix `.x` or a prefix `await` as a whole.
 */
export function operandText(sourceCode: SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  return isTight(sourceCode, node) ? text : `(${text})`;
}

/** The parentheses the source already has around `node`, if any. */
function parens(sourceCode: SourceCode, node: TSESTree.Node): [TSESTree.Token, TSESTree.Token] | null {
  if (!isParenthesized(sourceCode, node)) return null;
  const open = sourceCode.getTokenBefore(node);
  const close = sourceCode.getTokenAfter(node);
  return open && close ? [open, close] : null;
}

/** `p` -> `await p`; `a ? p : q` -> `await (a ? p : q)`; `(a ? p : q)` -> `await (a ? p : q)`. */
export function insertAwait(fixer: Fixer, sourceCode: SourceCode, node: TSESTree.Node): TSESLint.RuleFix {
  if (isTight(sourceCode, node)) return fixer.insertTextBefore(node, 'await ');
  const existing = parens(sourceCode, node);
  if (existing) return fixer.insertTextBefore(existing[0], 'await ');
  return fixer.replaceText(node, `await (${sourceCode.getText(node)})`);
}

/** `p` -> `p.catch(handler)`; `a ? p : q` -> `(a ? p : q).catch(handler)`. */
export function appendCatch(
  fixer: Fixer,
  sourceCode: SourceCode,
  node: TSESTree.Node,
  handler: string,
): TSESLint.RuleFix {
  if (isTight(sourceCode, node)) return fixer.insertTextAfter(node, `.catch(${handler})`);
  const existing = parens(sourceCode, node);
  if (existing) return fixer.insertTextAfter(existing[1], `.catch(${handler})`);
  return fixer.replaceText(node, `(${sourceCode.getText(node)}).catch(${handler})`);
}

/** A bare thenable has no `.catch`: `q` -> `Promise.resolve(q).catch(handler)`. */
export function wrapCatch(
  fixer: Fixer,
  sourceCode: SourceCode,
  node: TSESTree.Node,
  handler: string,
): TSESLint.RuleFix {
  return fixer.replaceText(node, `Promise.resolve(${sourceCode.getText(node)}).catch(${handler})`);
}

/** `p;` -> `return p;` (the caller checks that the statement is last in its callback). */
export function prefixReturn(fixer: Fixer, statement: TSESTree.ExpressionStatement): TSESLint.RuleFix {
  return fixer.insertTextBefore(statement, 'return ');
}

/** `items.map(f)` -> `await Promise.all(items.map(f))`. */
export function awaitAll(fixer: Fixer, sourceCode: SourceCode, node: TSESTree.Node): TSESLint.RuleFix {
  return fixer.replaceText(node, `await Promise.all(${sourceCode.getText(node)})`);
}

/** Plain text edits (from `lib/module-bindings`) as fixes; insertions at one place are joined in order. */
export function applyEdits(
  fixer: Fixer,
  edits: readonly { readonly range: readonly [number, number]; readonly text: string }[],
): TSESLint.RuleFix[] {
  const joined = new Map<string, { range: readonly [number, number]; text: string }>();
  for (const edit of edits) {
    const key = `${String(edit.range[0])}:${String(edit.range[1])}`;
    const previous = joined.get(key);
    joined.set(key, { range: edit.range, text: (previous?.text ?? '') + edit.text });
  }
  return [...joined.values()].map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text));
}

/**
 * Swap a blocking call for its async twin: `readFileSync(p, 'utf8')` ->
 * `await readFile(p, 'utf8')`. `callee` is the twin's text (already in scope,
 * or brought in by `edits`); the arguments stay. With `awaitIt` false (the
 * call is what a `.then` callback returns) the promise itself replaces the
 * value, and the chain waits for it. `(await twin(...))` where a member
 * access, a call or `**` follows.
 */
export function swapToAsyncTwin(
  fixer: Fixer,
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  callee: string,
  edits: readonly { readonly range: readonly [number, number]; readonly text: string }[],
  awaitIt: boolean,
): TSESLint.RuleFix[] {
  const fixes = applyEdits(fixer, edits);
  fixes.push(fixer.replaceText(call.callee, callee));
  if (!awaitIt) return fixes;
  if (awaitNeedsParentheses(call) && !isParenthesized(sourceCode, call)) {
    fixes.push(fixer.insertTextBefore(call, '(await '), fixer.insertTextAfter(call, ')'));
  } else {
    fixes.push(fixer.insertTextBefore(call, 'await '));
  }
  return fixes;
}

/** `x.y`, `x()`, `` x`t` ``, `new x`, `x ** 2` bind tighter than `await x`: the awaited call needs parentheses there. */
function awaitNeedsParentheses(node: TSESTree.Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent?.type === AST_NODE_TYPES.TSNonNullExpression || parent?.type === AST_NODE_TYPES.ChainExpression) {
    child = parent;
    parent = parent.parent;
  }
  switch (parent?.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === child;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === child;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === child;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === child;
    default:
      return false;
  }
}

/**
 * `p` -> `(await p)`, where the awaited value is itself an operand that binds
 * tighter than `await`: `(await p).name`, `(await p)()`, `(await p) ** 2`.
 */
export function wrapAwait(fixer: Fixer, sourceCode: SourceCode, node: TSESTree.Node): TSESLint.RuleFix {
  const existing = parens(sourceCode, node);
  if (existing) {
    return isTight(sourceCode, node)
      ? fixer.insertTextAfter(existing[0], 'await ')
      : fixer.replaceText(node, `await (${sourceCode.getText(node)})`);
  }
  return fixer.replaceText(node, `(await ${operandText(sourceCode, node)})`);
}
