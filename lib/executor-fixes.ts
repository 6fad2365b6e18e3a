/**
 * Fixers for misused `new Promise` executors: drop `async`, use the inner
 * promise instead of re-wrapping it, resolve with a returned value, return
 * after the first settle call, and `Promise.withResolvers()` for a hand-made
 * deferred. All change behaviour, so rules offer them as suggestions.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { CallbackFunction } from './promise-chains.js';
import type { DeferredDeclaration, ForwardedPromise, PromiseExecutor } from './executor.js';
import { operandText } from './fixes.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** `async (resolve) => ...` -> `(resolve) => ...`; `async function` -> `function`. */
export function removeAsync(fixer: Fixer, sourceCode: SourceCode, fn: CallbackFunction): Fix[] {
  const asyncToken = sourceCode.getFirstToken(fn);
  if (asyncToken?.value !== 'async') return [];
  const next = sourceCode.getTokenAfter(asyncToken);
  return [fixer.removeRange([asyncToken.range[0], next ? next.range[0] : asyncToken.range[1]])];
}

/**
 * What replaces a re-wrapping `new Promise(...)`: the inner promise as is when
 * it is known to be a `Promise` (`isPromise`), `Promise.resolve(p)` for a thenable
 * of unknown kind (assimilated as the wrapper did), or `p.then((v) => f(v))` when
 * the executor transformed the value.
 */
export function innerPromiseText(sourceCode: SourceCode, wrapped: ForwardedPromise, isPromise: boolean): string {
  const { inner, onFulfilled } = wrapped;
  if (onFulfilled.kind === 'map') {
    const { callback, value } = onFulfilled;
    const params = callback.params.map((param) => sourceCode.getText(param)).join(', ');
    const body = value.type === AST_NODE_TYPES.ObjectExpression ? `(${sourceCode.getText(value)})` : sourceCode.getText(value);
    return `${operandText(sourceCode, inner)}.then((${params}) => ${body})`;
  }
  return isPromise ? sourceCode.getText(inner) : `Promise.resolve(${sourceCode.getText(inner)})`;
}

/** `return hit;` -> `return resolve(hit);`; `() => compute()` -> `(resolve) => resolve(compute())` needs the name. */
export function resolveWith(fixer: Fixer, sourceCode: SourceCode, resolveName: string, value: TSESTree.Expression): Fix {
  return fixer.replaceText(value, `${resolveName}(${sourceCode.getText(value)})`);
}

/**
 * Return right after a settle call written as a statement: `reject(e);` ->
 * `return reject(e);`; `resolve(v); break;` -> `resolve(v); return;` (leaving
 * the loop would reach the next settle call). Null for a call inside an expression.
 */
export function returnAfterSettle(call: TSESTree.CallExpression): ((fixer: Fixer) => Fix) | null {
  const statement = call.parent;
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression !== call) return null;
  const exit = breakAfter(statement);
  return (fixer) => (exit ? fixer.replaceText(exit, 'return;') : fixer.insertTextBefore(statement, 'return '));
}

/** An unlabeled `break;` right after this statement in its block. */
function breakAfter(statement: TSESTree.ExpressionStatement): TSESTree.BreakStatement | null {
  const block = statement.parent;
  if (block.type !== AST_NODE_TYPES.BlockStatement) return null;
  const next = block.body[block.body.indexOf(statement) + 1];
  return next?.type === AST_NODE_TYPES.BreakStatement && !next.label ? next : null;
}

/**
 * `let resolveX; const x = new Promise<T>((resolve) => { resolveX = resolve; });` ->
 * `const { promise: x, resolve: resolveX } = Promise.withResolvers<T>();`, the
 * `let` statements removed with their lines.
 */
export function withResolvers(fixer: Fixer, sourceCode: SourceCode, executor: PromiseExecutor, deferred: DeferredDeclaration): Fix[] {
  const field = (key: string, name: string): string => (key === name ? key : `${key}: ${name}`);
  const fields = [field('promise', deferred.promiseName)];
  for (const kind of ['resolve', 'reject'] as const) {
    const resolver = deferred.resolvers.find((candidate) => candidate.kind === kind);
    if (resolver) fields.push(field(kind, resolver.name));
  }
  const typeArguments = executor.construct.typeArguments ? sourceCode.getText(executor.construct.typeArguments) : '';
  const fixes = [
    fixer.replaceText(deferred.declaration, `${deferred.declaration.kind} { ${fields.join(', ')} } = Promise.withResolvers${typeArguments}();`),
  ];
  for (const { declaration } of deferred.resolvers) fixes.push(fixer.removeRange(lineRange(sourceCode, declaration)));
  return fixes;
}

/** The statement with its indentation and line break, when it stands on lines of its own. */
function lineRange(sourceCode: SourceCode, statement: TSESTree.Node): [number, number] {
  const { text } = sourceCode;
  let start = statement.range[0];
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = statement.range[1];
  const atLineStart = start === 0 || text[start - 1] === '\n';
  if (atLineStart && text[end] === '\n') end++;
  return atLineStart ? [start, end] : [statement.range[0], statement.range[1]];
}
