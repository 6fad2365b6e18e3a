/**
 * `new Promise(executor)` is the low-level future of the asyncio guidance:
 * "for library writers". Misused, it loses errors and leaves promises pending
 * forever: an `async` executor, an executor that only re-wraps a promise that
 * already exists, a value returned from the executor (ignored), `resolve` /
 * `reject` called twice on one path, and resolvers handed out of the executor.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../lib/ast.js';
import { createRepeatTracker } from '../lib/code-path-repeats.js';
import { createRule } from '../lib/create-rule.js';
import {
  awaitsNothing,
  deferredDeclaration,
  forwardedPromise,
  ignoredReturns,
  isResolversFactory,
  isSoleStatement,
  isTryThenCatch,
  leakedResolvers,
  libDeclaresWithResolvers,
  neverSettles,
  promiseExecutor,
  settleCallsByFunction,
  type ForwardedPromise,
  type IgnoredReturn,
  type PromiseExecutor,
} from '../lib/executor.js';
import { innerPromiseText, removeAsync, resolveWith, returnAfterSettle, withResolvers } from '../lib/executor-fixes.js';
import { getPromiseOracle } from '../lib/promise-oracle.js';
import { getTypeInfo } from '../lib/type-info.js';

export type Options = [
  {
    checkResolverLeaks?: boolean;
    withResolvers?: 'auto' | 'always' | 'never';
  },
];

export type MessageIds =
  | 'asyncExecutor'
  | 'wrappedPromise'
  | 'wrappedPromiseLosesRejection'
  | 'executorReturn'
  | 'neverSettles'
  | 'settledTwice'
  | 'leakedResolver'
  | 'suggestRemoveAsync'
  | 'suggestInnerPromise'
  | 'suggestResolve'
  | 'suggestReturnAfterSettle'
  | 'suggestWithResolvers';

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

export default createRule<Options, MessageIds>({
  name: 'no-promise-constructor-misuse',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow `new Promise` executors that lose errors, never settle, settle twice or only re-wrap an existing promise',
      recommended: true,
      requiresTypeChecking: false,
      // Most hand-made deferreds are deliberate: reported in `strict`, not `recommended`.
      strictOptions: [{ checkResolverLeaks: true }],
    },
    hasSuggestions: true,
    messages: {
      asyncExecutor:
        'An `async` executor loses its errors: a `throw` or a rejected `await` inside it rejects the executor\'s own promise, which nobody handles, and this promise stays pending forever.',
      wrappedPromise:
        'This `new Promise` only re-wraps a promise that already exists: it adds a step where a `throw` in the callback or a forgotten `reject` leaves it pending forever, and nothing else.',
      wrappedPromiseLosesRejection:
        'This `new Promise` re-wraps an existing promise but never passes its rejection to `reject`: when it fails, the error is unhandled and this promise stays pending forever.',
      executorReturn:
        'The executor\'s return value is ignored: the promise does not resolve with it, so on this path it stays pending forever.',
      neverSettles:
        'The executor never calls or hands on `{{name}}` (nor `reject`): this promise can never settle, and everything awaiting it hangs.',
      settledTwice:
        '`{{name}}(...)` can run after `{{first}}(...)` on line {{line}} already settled this promise: the call is ignored, and the code after the first call kept running as if it had not settled.',
      leakedResolver:
        'This hands the promise\'s {{names}} to code outside the executor: the promise settles only if that code remembers to call it, and if it throws first or never runs, everything awaiting the promise hangs without an error.',
      suggestRemoveAsync: 'Remove `async`, so that a `throw` in the executor rejects this promise.',
      suggestInnerPromise: 'Use the inner promise directly.',
      suggestResolve: 'Resolve the promise with this value.',
      suggestReturnAfterSettle: 'Return right after `{{first}}(...)`.',
      suggestWithResolvers: 'Create the promise and its resolvers together with `Promise.withResolvers()`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkResolverLeaks: {
            type: 'boolean',
            description:
              'Report `resolve` / `reject` stored in a variable or property outside the executor (a hand-made deferred). On in the `strict` configs and `all`.',
          },
          withResolvers: {
            type: 'string',
            enum: ['auto', 'always', 'never'],
            description:
              'When to suggest `Promise.withResolvers()` for a leaked resolver: `auto` when the TypeScript lib in use declares it (never without type information), `always`, or `never`.',
          },
        },
      },
    ],
    defaultOptions: [{ checkResolverLeaks: false, withResolvers: 'auto' }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    // No `new Promise` in the text, nothing to do: skip the whole file, code paths included.
    if (!NEW_PROMISE.test(sourceCode.text)) return {};
    const settledTwice = createRepeatTracker<TSESTree.CallExpression>(({ node, after }) => {
      reportSettledTwice(node, after.filter((first) => !isTryThenCatch(first, node)));
    });

    return {
      ...settledTwice.listeners,
      NewExpression(node) {
        const executor = promiseExecutor(sourceCode, node);
        if (!executor) return;
        const wrapped = executor.fn.async ? null : forwardedPromise(executor);
        const ignored = executor.fn.async || wrapped ? [] : ignoredReturns(executor, sourceCode.visitorKeys);
        if (executor.fn.async) reportAsync(executor);
        else if (wrapped) reportWrapped(executor, wrapped);
        else if (ignored.length > 0) for (const value of ignored) reportReturn(executor, value);
        else if (neverSettles(executor, sourceCode)) reportNeverSettles(executor);
        if (options.checkResolverLeaks) reportLeaks(executor);
        for (const [fn, calls] of settleCallsByFunction(executor)) {
          settledTwice.watch(fn, calls.map(({ call }) => call));
        }
      },
      'CallExpression:exit'(node) {
        settledTwice.visited(node);
      },
    };

    function reportAsync(executor: PromiseExecutor): void {
      const asyncToken = sourceCode.getFirstToken(executor.fn);
      if (!asyncToken) return;
      context.report({
        loc: asyncToken.loc,
        messageId: 'asyncExecutor',
        // With an `await` inside, dropping `async` would not parse.
        suggest: awaitsNothing(executor.fn, sourceCode.visitorKeys)
          ? [{ messageId: 'suggestRemoveAsync', fix: (fixer) => removeAsync(fixer, sourceCode, executor.fn) }]
          : [],
      });
    }

    function reportWrapped(executor: PromiseExecutor, wrapped: ForwardedPromise): void {
      const oracle = getPromiseOracle(context);
      context.report({
        node: executor.construct,
        messageId: wrapped.forwardsRejection ? 'wrappedPromise' : 'wrappedPromiseLosesRejection',
        // Statements before the chain would have to move: no suggestion then.
        suggest: isSoleStatement(executor)
          ? [
              {
                messageId: 'suggestInnerPromise',
                fix: (fixer) => {
                  // A real promise can stand for the wrapper; any other thenable is assimilated as the wrapper did.
                  const isPromise = oracle.isPromise(wrapped.inner) === 'yes' && oracle.hasCatch(wrapped.inner);
                  return fixer.replaceText(executor.construct, innerPromiseText(sourceCode, wrapped, isPromise));
                },
              },
            ]
          : [],
      });
    }

    function reportReturn(executor: PromiseExecutor, ignored: IgnoredReturn): void {
      const resolve = executor.fn.params[0];
      const { value } = ignored;
      // A returned cleanup function (an effect habit) is no result to resolve with.
      const suggest: Suggestion[] =
        resolve?.type === AST_NODE_TYPES.Identifier && !isFunctionNode(value)
          ? [{ messageId: 'suggestResolve', fix: (fixer) => resolveWith(fixer, sourceCode, resolve.name, value) }]
          : [];
      context.report({ node: value, messageId: 'executorReturn', suggest });
    }

    function reportNeverSettles(executor: PromiseExecutor): void {
      const [param] = executor.fn.params;
      if (param) context.report({ node: param, messageId: 'neverSettles', data: { name: sourceCode.getText(param) } });
    }

    function reportSettledTwice(node: TSESTree.CallExpression, after: readonly TSESTree.CallExpression[]): void {
      const [first] = after;
      if (!first) return;
      const data = { name: sourceCode.getText(node.callee), first: sourceCode.getText(first.callee), line: String(first.loc.start.line) };
      // One earlier call: return right after it. Several: no single place to fix.
      const fix = after.length === 1 ? returnAfterSettle(first) : null;
      const suggest: Suggestion[] = fix ? [{ messageId: 'suggestReturnAfterSettle', data, fix }] : [];
      context.report({ node, messageId: 'settledTwice', data, suggest });
    }

    function reportLeaks(executor: PromiseExecutor): void {
      const leaks = leakedResolvers(executor, sourceCode);
      const [first] = leaks;
      // A deferred factory hands the resolvers to its caller on purpose.
      if (!first || isResolversFactory(executor, leaks, sourceCode.visitorKeys)) return;
      const deferred = offerWithResolvers(executor) ? deferredDeclaration(executor, leaks) : null;
      context.report({
        node: first.assignment,
        messageId: 'leakedResolver',
        data: { names: [...new Set(leaks.map((leak) => `\`${leak.kind}\``))].join(' and ') },
        suggest: deferred ? [{ messageId: 'suggestWithResolvers', fix: (fixer) => withResolvers(fixer, sourceCode, executor, deferred) }] : [],
      });
    }

    function offerWithResolvers(executor: PromiseExecutor): boolean {
      if (options.withResolvers === 'always') return true;
      if (options.withResolvers === 'never') return false;
      // `auto`: only where the checker can tell that the lib in use declares it.
      return libDeclaresWithResolvers(getTypeInfo(context), executor.construct.callee) === true;
    }
  },
});

const NEW_PROMISE = /\bnew\s+Promise\b/;
