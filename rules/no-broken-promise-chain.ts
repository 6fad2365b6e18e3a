/**
 * A `.then/.catch/.finally` chain only orders what its callbacks return. When a
 * callback starts a promise without returning it, the next step (or the
 * `await` on the chain) runs before that promise settles and never sees its
 * rejection; when it returns nothing, the next step receives `undefined`; when
 * a promise or value is passed where a callback belongs, it runs at once and
 * the chain ignores it; a nested chain that is not returned escapes the outer
 * one. The asyncio "coroutines not chained" pitfall.
 *
 * A dropped promise statement inside a callback is `no-floating-promise`'s to
 * report; this rule reports what it does to the chain, at the step that runs
 * too early.
 */
import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { isFunctionNode } from '../lib/ast.js';
import { isLastStatementOf } from '../lib/async-context.js';
import { awaitDropped, callbackReplacement, returnDropped, returnLastValue } from '../lib/chain-fixes.js';
import { createRule } from '../lib/create-rule.js';
import {
  callbackFunction,
  canHoistLinks,
  chainHead,
  chainLink,
  continuationOf,
  droppedPromises,
  firstLink,
  flattenFixes,
  inlineCallbacks,
  isCallable,
  isPlainHead,
  orderedContinuationOf,
  returnsNothing,
  runsWhereWritten,
  valueReader,
  type CallbackFunction,
  type ChainLink,
  type Continuation,
  type DroppedPromise,
} from '../lib/promise-chains.js';
import { getPromiseOracle } from '../lib/promise-oracle.js';
import { getTypeInfo } from '../lib/type-info.js';

export type Options = [
  {
    checkNested?: boolean;
    checkThenables?: boolean;
  },
];

export type MessageIds =
  | 'nextStepRunsEarly'
  | 'handlerMissesRejection'
  | 'awaitDoesNotWait'
  | 'returnDoesNotWait'
  | 'nestedChain'
  | 'valueNotReturned'
  | 'awaitedValueNotReturned'
  | 'promiseAsCallback'
  | 'valueAsCallback'
  | 'suggestReturn'
  | 'suggestAwait'
  | 'suggestFlatten'
  | 'suggestReturnValue'
  | 'suggestCallback';

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

export default createRule<Options, MessageIds>({
  name: 'no-broken-promise-chain',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow promise chains whose callbacks start promises they do not return, drop the value the next step uses, or are not callbacks at all',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      nextStepRunsEarly:
        'This step runs before the promise started in the previous callback settles: that callback does not return it, so the chain does not wait for it and this step never sees its rejection.',
      handlerMissesRejection:
        'This handler never sees the rejection of the promise started in the previous callback: that callback does not return it, so the rejection is unhandled.',
      awaitDoesNotWait:
        '`await` resumes before the promise started in the `.{{method}}` callback settles: the callback does not return it, so the code after this line runs too early and never sees its rejection.',
      returnDoesNotWait:
        'The returned chain settles before the promise started in this `.{{method}}` callback does: the callback does not return it, so the caller goes on too early and never sees its rejection.',
      nestedChain:
        'This chain is started inside a `.{{method}}` callback and not returned: the outer chain goes on without waiting for it, and its errors never reach the outer chain\'s handlers.',
      valueNotReturned:
        'This step receives `undefined`: the `.then` callback before it has no `return`, so the value it computes never reaches this step.',
      awaitedValueNotReturned:
        '`await` gives `undefined` here: the `.then` callback has no `return`, so the value it computes is lost.',
      promiseAsCallback:
        'This passes a promise where `.{{method}}` expects a function: the work starts now instead of after the previous step, `.{{method}}` ignores it, and its rejection is unhandled.',
      valueAsCallback:
        'This runs now and gives `.{{method}}` no function: the chain ignores it, so nothing runs at this step and the value or rejection passes through unchanged.',
      suggestReturn: 'Return the promise, so that the chain waits for it and passes its error on.',
      suggestAwait: 'Make the callback `async` and `await` the promise, so that the chain waits for it.',
      suggestFlatten: 'Return the first promise and move the nested steps onto the outer chain.',
      suggestReturnValue: 'Return the value, so that the next step receives it.',
      suggestCallback: 'Pass a function that runs this when the step is reached.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkNested: {
            type: 'boolean',
            description: 'Report a `.then` chain started inside another chain\'s callback and not returned.',
          },
          checkThenables: {
            type: 'boolean',
            description: 'Treat thenables that are not Promises (query builders, `PromiseLike`) as promises.',
          },
        },
      },
    ],
    defaultOptions: [{ checkNested: true, checkThenables: true }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    // A file that never reads `.then`, `.catch` or `.finally` has no chain to look at.
    if (!CHAIN_ACCESS.test(sourceCode.text)) return {};
    const { visitorKeys } = sourceCode;
    const oracle = getPromiseOracle(context, { checkThenables: options.checkThenables });

    return {
      CallExpression(node) {
        const link = chainLink(node);
        if (!link) return;
        checkArguments(link);
        checkCallbacks(link);
      },
    };

    /** `p.then(save())`, `p.catch(logger.error())`: something that runs now, where a callback belongs. */
    function checkArguments(link: ChainLink): void {
      for (const argument of link.callbackArguments) {
        if (argument.type === AST_NODE_TYPES.SpreadElement || isFunctionNode(argument)) continue;
        // Most arguments are handlers: a function is no promise, so ask that first.
        const callable = isCallable(argument, sourceCode, getTypeInfo(context));
        if (callable === 'yes') continue;
        const isPromise = oracle.isPromise(argument) === 'yes';
        if (!isPromise && callable !== 'no') continue;
        // Asked last: whose `then` this is. A literal needs a known promise (`_context['catch'](5)` is a generator's).
        const receiver = oracle.isPromise(link.receiver);
        if (receiver === 'no' || (receiver !== 'yes' && !runsWhereWritten(argument))) continue;
        const replacement = callbackReplacement(sourceCode, link, argument);
        context.report({
          node: argument,
          messageId: isPromise ? 'promiseAsCallback' : 'valueAsCallback',
          data: { method: link.method },
          suggest: replacement === null ? [] : [{ messageId: 'suggestCallback', fix: (fixer) => fixer.replaceText(argument, replacement) }],
        });
      }
    }

    /** Promises a callback starts and drops: a nested chain, or a promise the next step does not wait for. */
    function checkCallbacks(link: ChainLink): void {
      const callbacks = inlineCallbacks(link);
      if (callbacks.length === 0) return;
      let continuation: Continuation | null | undefined;
      const waitedFor = (): Continuation | null => (continuation ??= continuationOf(link));
      let dropsAny = false;
      for (const callback of callbacks) {
        const dropped = droppedPromises(callback, oracle, visitorKeys);
        const loose: DroppedPromise[] = [];
        for (const drop of dropped) {
          if (drop.kind === 'chain') {
            // A nested chain with its own handler is a detached task, unless the outer step hands on nothing else
            // and something after it waits.
            const detached = drop.handled && (!returnsNothing(callback, visitorKeys) || !orderedContinuationOf(link));
            if (options.checkNested && !detached) reportNested(link, callback, drop);
          } else if (!drop.handled) {
            loose.push(drop);
          }
        }
        if (dropped.length > 0) dropsAny = true;
        const next = loose.length > 0 ? waitedFor() : null;
        if (next) reportEarlyStep(link, callback, loose, next);
      }
      if (!dropsAny) checkValueHandedOn(link, waitedFor);
    }

    function reportEarlyStep(link: ChainLink, callback: CallbackFunction, dropped: DroppedPromise[], next: Continuation): void {
      const suggest = dropSuggestions(callback, dropped);
      const data = { method: link.method };
      switch (next.kind) {
        case 'link':
          context.report({
            node: next.link.property,
            messageId: next.link.method === 'catch' ? 'handlerMissesRejection' : 'nextStepRunsEarly',
            suggest,
          });
          return;
        case 'await':
          context.report({ node: next.node, messageId: 'awaitDoesNotWait', data, suggest });
          return;
        case 'return':
          context.report({ node: link.property, messageId: 'returnDoesNotWait', data, suggest });
          return;
      }
    }

    function reportNested(outer: ChainLink, callback: CallbackFunction, drop: DroppedPromise): void {
      const inner = chainLink(drop.expression);
      if (!inner) return;
      const head = chainHead(inner);
      const { statement } = drop;
      const last = statement !== null && isLastStatementOf(statement, callback);
      const suggest: Suggestion[] = [];
      if (last || !statement) suggest.push({ messageId: 'suggestReturn', fix: (fixer) => returnDropped(fixer, sourceCode, drop) });
      if (last && !drop.voided && statement.expression === inner.call && isPlainHead(head, sourceCode) && canHoistLinks(inner, head, callback, sourceCode)) {
        suggest.push({ messageId: 'suggestFlatten', fix: (fixer) => flattenFixes(fixer, sourceCode, outer, statement, inner, head) });
      }
      suggest.push(...awaitSuggestion(callback, [drop]));
      context.report({ node: firstLink(inner).property, messageId: 'nestedChain', data: { method: outer.method }, suggest });
    }

    /** Return the one dropped promise when it is the callback's last statement; in any case, `async` + `await`. */
    function dropSuggestions(callback: CallbackFunction, dropped: DroppedPromise[]): Suggestion[] {
      const suggest: Suggestion[] = [];
      const [only] = dropped;
      if (only && dropped.length === 1 && (!only.statement || isLastStatementOf(only.statement, callback))) {
        suggest.push({ messageId: 'suggestReturn', fix: (fixer) => returnDropped(fixer, sourceCode, only) });
      }
      suggest.push(...awaitSuggestion(callback, dropped));
      return suggest;
    }

    function awaitSuggestion(callback: CallbackFunction, dropped: DroppedPromise[]): Suggestion[] {
      if (callback.generator) return [];
      return [{ messageId: 'suggestAwait', fix: (fixer) => awaitDropped(fixer, sourceCode, callback, dropped) }];
    }

    /** `.then((rows) => { rows.map(toUser); }).then((users) => render(users))`: the next step gets `undefined`. */
    function checkValueHandedOn(link: ChainLink, waitedFor: () => Continuation | null): void {
      if (link.method !== 'then') return;
      const [argument] = link.callbackArguments;
      const fulfilled = argument ? callbackFunction(argument) : null;
      if (!fulfilled || !returnsNothing(fulfilled, visitorKeys)) return;
      const next = waitedFor();
      const reader = next ? valueReader(next, sourceCode) : null;
      if (!reader || oracle.isPromise(link.call) !== 'yes') return;
      const fix = returnLastValue(sourceCode, fulfilled);
      context.report({
        node: reader,
        messageId: next?.kind === 'await' ? 'awaitedValueNotReturned' : 'valueNotReturned',
        suggest: fix ? [{ messageId: 'suggestReturnValue', fix }] : [],
      });
    }
  },
});

const CHAIN_ACCESS = /(?:\.|\[\s*['"`])\s*(?:then|catch|finally)\b/;
