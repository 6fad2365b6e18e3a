/**
 * Fixers for broken promise chains: return or await what a callback drops,
 * return the value the next step reads, wrap what runs too early in a
 * callback. All change when code runs, so rules offer them as suggestions.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { skipWrappers } from './ast.js';
import { insertAwait } from './fixes.js';
import { isLoggingCall, type CallbackFunction, type ChainLink, type DroppedPromise } from './promise-chains.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

const VOID = 'void';

/**
 * `save(x);` -> `return save(x);`; `void save(x);` -> `return save(x);`; an arrow
 * body `void save(x)` -> `save(x)`; a dropped array `ids.map(save);` ->
 * `return Promise.all(ids.map(save));` (a returned array is a value, not something
 * the chain waits for).
 */
export function returnDropped(fixer: Fixer, sourceCode: SourceCode, drop: DroppedPromise): Fix[] {
  const fixes: Fix[] = [];
  if (drop.voided) {
    const range: [number, number] = drop.statement
      ? [drop.voided.range[0], drop.voided.range[0] + VOID.length]
      : [drop.voided.range[0], drop.voided.argument.range[0]];
    fixes.push(fixer.replaceTextRange(range, drop.statement ? 'return' : ''));
  } else {
    fixes.push(fixer.insertTextBefore(drop.statement ?? drop.expression, 'return '));
  }
  if (drop.kind === 'array') fixes.push(fixer.replaceText(drop.expression, `Promise.all(${sourceCode.getText(drop.expression)})`));
  return fixes;
}

/** Make the callback `async` and `await` each dropped promise (`await Promise.all(...)` for an array). */
export function awaitDropped(fixer: Fixer, sourceCode: SourceCode, callback: CallbackFunction, dropped: readonly DroppedPromise[]): Fix[] {
  const fixes = dropped.map((drop) => awaitOne(fixer, sourceCode, drop));
  if (!callback.async) fixes.push(fixer.insertTextBefore(callback, 'async '));
  return fixes;
}

function awaitOne(fixer: Fixer, sourceCode: SourceCode, drop: DroppedPromise): Fix {
  if (drop.kind === 'array') {
    return fixer.replaceText(drop.voided ?? drop.expression, `await Promise.all(${sourceCode.getText(drop.expression)})`);
  }
  // `void` and `await` bind alike: swapping the keyword keeps any parentheses right.
  if (drop.voided) return fixer.replaceTextRange([drop.voided.range[0], drop.voided.range[0] + VOID.length], 'await');
  return insertAwait(fixer, sourceCode, drop.expression);
}

/**
 * What to pass instead of something that runs now: `() => save(id)`, or
 * `(error) => logger.error(error)` for a logging call in a rejection slot
 * (`p.catch(logger.error())` most likely meant to log the error). Null for
 * anything but a call or `new`.
 */
export function callbackReplacement(sourceCode: SourceCode, link: ChainLink, argument: TSESTree.Expression): string | null {
  if (argument.type !== AST_NODE_TYPES.CallExpression && argument.type !== AST_NODE_TYPES.NewExpression) return null;
  const handlesRejection = link.method === 'catch' || (link.method === 'then' && link.call.arguments[1] === argument);
  const logsError =
    handlesRejection &&
    argument.type === AST_NODE_TYPES.CallExpression &&
    argument.arguments.length === 0 &&
    isLoggingCall(skipWrappers(argument.callee), sourceCode);
  return logsError ? `(error) => ${sourceCode.getText(argument.callee)}(error)` : `() => ${sourceCode.getText(argument)}`;
}

/**
 * A fix that makes a callback hand on what it computes last:
 * `{ rows.map(toUser); }` -> `{ return rows.map(toUser); }`;
 * `{ const users = rows.map(toUser); }` -> `... return users;`. Null when the
 * last statement computes nothing worth returning (an assignment, a logging call).
 */
export function returnLastValue(sourceCode: SourceCode, callback: CallbackFunction): ((fixer: Fixer) => Fix) | null {
  if (callback.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const block = callback.body;
  const last = block.body[block.body.length - 1];
  if (last?.type === AST_NODE_TYPES.ExpressionStatement && isWorthReturning(sourceCode, last.expression)) {
    return (fixer) => fixer.insertTextBefore(last, 'return ');
  }
  if (last?.type !== AST_NODE_TYPES.VariableDeclaration || last.declarations.length !== 1) return null;
  const [declarator] = last.declarations;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
  const { name } = declarator.id;
  const indent = ' '.repeat(last.loc.start.column);
  const sameLine = last.loc.end.line === block.loc.start.line;
  return (fixer) => fixer.insertTextAfter(last, sameLine ? ` return ${name};` : `\n${indent}return ${name};`);
}

/** Not an assignment, and not a logging call (`console.log(...)` gives `undefined`). */
function isWorthReturning(sourceCode: SourceCode, expression: TSESTree.Expression): boolean {
  if (expression.type === AST_NODE_TYPES.AssignmentExpression) return false;
  return expression.type !== AST_NODE_TYPES.CallExpression || !isLoggingCall(skipWrappers(expression.callee), sourceCode);
}
