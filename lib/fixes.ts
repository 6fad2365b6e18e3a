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
