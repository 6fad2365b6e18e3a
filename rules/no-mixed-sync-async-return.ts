/**
 * A function that is sync on some paths and async on others: it returns a
 * promise here and a plain value there (`T | Promise<T>`), or throws
 * synchronously where it otherwise returns a promise. Its callers cannot use
 * it one way: `.then()` crashes on the value, `.catch()` misses the throw, and
 * the code after the call runs now or later depending on the path ("releasing
 * Zalgo"). The asyncio guidance: code that supports both sync and async is a
 * lost cause.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createRule } from '../lib/create-rule.js';
import {
  apiFunctionName,
  callAcceptsEither,
  callConvertsThrow,
  classifyReturns,
  exportedFunctionCalls,
  functionHead,
  makeAsyncFix,
  mixedReturns,
  onlyPassedAsCallback,
  privateMethodCalls,
  refineReturnPaths,
  syncThrows,
  throwOutsidePromiseMode,
  visibleCalls,
  type BodyFunction,
} from '../lib/mixed-returns.js';
import { getPromiseOracle } from '../lib/promise-oracle.js';

export type Options = [
  {
    checkThrows?: boolean;
  },
];

export type MessageIds = 'mixedReturn' | 'syncThrow' | 'suggestAsync';

export default createRule<Options, MessageIds>({
  name: 'no-mixed-sync-async-return',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow non-async functions that return a promise on some paths and a plain value or a synchronous throw on others',
      strict: true,
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      mixedReturn:
        '`{{name}}` returns a promise on line {{promiseLine}} and a plain value on line {{valueLine}}: callers that chain `.then()` on it crash with a `TypeError` on the value path, and the code after the call runs at different times depending on the path.',
      syncThrow:
        '`{{name}}` returns a promise (line {{promiseLine}}) but throws synchronously here: callers that handle its failures with `.catch()` or `await` inside a `try` started elsewhere never see this error, which escapes as an exception at the call site.',
      suggestAsync: 'Make `{{name}}` `async`, so that it always returns a promise and every failure arrives as a rejection.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkThrows: {
            type: 'boolean',
            description: 'Also report a `throw` that escapes synchronously from a non-async function that returns a promise on its other paths.',
          },
        },
      },
    ],
    defaultOptions: [{ checkThrows: true }],
  },
  create(context, [options]) {
    const { sourceCode } = context;

    return {
      'ArrowFunctionExpression, FunctionDeclaration, FunctionExpression'(fn: BodyFunction) {
        // Syntax first: async functions, callbacks and single-expression arrows never reach the oracle.
        if (fn.async || fn.generator || !mayMix(fn)) return;
        const name = apiFunctionName(fn);
        // A named function only handed to other calls is a callback: its contract is the receiver's.
        if (name === null || onlyPassedAsCallback(sourceCode, fn)) return;
        const oracle = getPromiseOracle(context);
        const paths = refineReturnPaths(sourceCode, fn, classifyReturns(oracle, fn, sourceCode.visitorKeys));
        const mixed = mixedReturns(paths);
        // A function whose every caller is in sight and takes either (awaits it, checks for `then`) is not a
        // hazard: a helper of this file, or an export whose package calls it only so; nor a private method this
        // file never calls (its callers are internal plumbing out of sight).
        const callers = (accept: (call: TSESTree.CallExpression) => boolean): boolean =>
          (visibleCalls(sourceCode, fn) ?? privateMethodCalls(sourceCode, fn) ?? exportedFunctionCalls(context, fn))?.every(accept) ?? false;
        if (mixed) {
          if (callers((call) => callAcceptsEither(sourceCode, call))) return;
          context.report({
            loc: functionHead(sourceCode, fn),
            messageId: 'mixedReturn',
            data: {
              name,
              promiseLine: String(mixed.promise.node.loc.start.line),
              valueLine: String(mixed.value.node.loc.start.line),
            },
            suggest: suggestAsync(fn, name),
          });
          return;
        }
        if (!options.checkThrows) return;
        const promise = paths.find((path) => path.answer === 'yes');
        if (!promise || paths.some((path) => path.answer === 'no')) return;
        const [first] = syncThrows(fn, sourceCode.visitorKeys).filter(
          (thrown) => !throwOutsidePromiseMode(fn, thrown, (node) => oracle.isPromiseSyntactically(node)),
        );
        // Called only where a throw becomes a rejection anyway (async code, promise callbacks, a try).
        if (!first || callers(callConvertsThrow)) return;
        context.report({
          node: first,
          messageId: 'syncThrow',
          data: { name, promiseLine: String(promise.node.loc.start.line) },
          suggest: suggestAsync(fn, name),
        });
      },
    };

    function suggestAsync(fn: BodyFunction, name: string): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const fix = makeAsyncFix(sourceCode, fn);
      return fix ? [{ messageId: 'suggestAsync', data: { name }, fix }] : [];
    }
  },
});

/** A block body (with returns to compare or a throw), or an arrow whose expression has branches. */
function mayMix(fn: BodyFunction): boolean {
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) return fn.body.body.length > 0;
  return fn.body.type === AST_NODE_TYPES.ConditionalExpression || fn.body.type === AST_NODE_TYPES.LogicalExpression;
}
