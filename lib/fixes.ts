/**
 * Shared fixers: insert `await`, `return` the promise, append `.catch(handler)`,
 * wrap in `Promise.all`. They change behaviour, so rules offer them as
 * suggestions; each keeps the code parsing (parentheses added where precedence
 * needs them).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

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

/** Is the node already wrapped in parentheses in the source? */
export function isParenthesized(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const before = sourceCode.getTokenBefore(node);
  const after = sourceCode.getTokenAfter(node);
  return before?.value === '(' && after?.value === ')' && before.range[1] <= node.range[0];
}

/** Source text of `node`, parenthesized when it must be to take a postfix `.x` or prefix `await`. */
export function operandText(sourceCode: SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  if (TIGHT.has(node.type)) return text;
  if (node.type === AST_NODE_TYPES.NewExpression) {
    // `new Foo()` takes `.x` as is; `new Foo` and `new (make())` have no argument list and need parentheses.
    const last = sourceCode.getLastToken(node);
    const open = last ? sourceCode.getTokenBefore(last) : null;
    const emptyArguments = last?.value === ')' && open?.value === '(' && open.range[0] >= node.callee.range[1];
    if (node.arguments.length > 0 || emptyArguments) return text;
  }
  // Even when the source has parentheses: fixes replace the node's own range, inside them,
  // so `(a || b)` must become `((a || b).catch(h))`, not `(a || b.catch(h))`.
  return `(${text})`;
}

/** `p` -> `await p`. */
export function insertAwait(fixer: Fixer, sourceCode: SourceCode, node: TSESTree.Node): TSESLint.RuleFix {
  return fixer.replaceText(node, `await ${operandText(sourceCode, node)}`);
}

/** `p` -> `p.catch(handler)`. */
export function appendCatch(
  fixer: Fixer,
  sourceCode: SourceCode,
  node: TSESTree.Node,
  handler: string,
): TSESLint.RuleFix {
  return fixer.replaceText(node, `${operandText(sourceCode, node)}.catch(${handler})`);
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
