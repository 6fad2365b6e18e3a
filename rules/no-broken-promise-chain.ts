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
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, skipWrappers } from '../lib/ast.js';
import { isLastStatementOf } from '../lib/async-context.js';
import { createRule } from '../lib/create-rule.js';
import { insertAwait } from '../lib/fixes.js';
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
  isLoggingCall,
  isPlainHead,
  orderedContinuationOf,
  returnsNothing,
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
        const isPromise = oracle.isPromise(argument) === 'yes';
        if (!isPromise && isCallable(argument, sourceCode, getTypeInfo(context)) !== 'no') continue;
        // Asked last: whose `then` this is. A literal needs a known promise (`_context['catch'](5)` is a generator's).
        const receiver = oracle.isPromise(link.receiver);
        if (receiver === 'no' || (receiver !== 'yes' && !runsNow(argument))) continue;
        context.report({
          node: argument,
          messageId: isPromise ? 'promiseAsCallback' : 'valueAsCallback',
          data: { method: link.method },
          suggest: callbackSuggestion(link, argument),
        });
      }
    }

    function callbackSuggestion(link: ChainLink, argument: TSESTree.Expression): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (argument.type !== AST_NODE_TYPES.CallExpression && argument.type !== AST_NODE_TYPES.NewExpression) return [];
      const text = sourceCode.getText(argument);
      const handlesRejection = link.method === 'catch' || (link.method === 'then' && link.call.arguments[1] === argument);
      // `logger.error()` in a rejection slot most likely meant to log the error.
      const logsError =
        handlesRejection &&
        argument.type === AST_NODE_TYPES.CallExpression &&
        argument.arguments.length === 0 &&
        isLoggingCall(skipWrappers(argument.callee), sourceCode);
      const replacement = logsError ? `(error) => ${sourceCode.getText(argument.callee)}(error)` : `() => ${text}`;
      return [{ messageId: 'suggestCallback', fix: (fixer) => fixer.replaceText(argument, replacement) }];
    }

    function checkCallbacks(link: ChainLink): void {
      const callbacks = inlineCallbacks(link);
      if (callbacks.length === 0) return;
      let continuation: Continuation | null | undefined;
      const waitedFor = (): Continuation | null => (continuation ??= continuationOf(link));
      let reportedDrop = false;
      for (const callback of callbacks) {
        const dropped = droppedPromises(callback, oracle, visitorKeys);
        const loose: DroppedPromise[] = [];
        for (const drop of dropped) {
          if (drop.kind === 'chain') {
            // A nested chain with its own handler is a detached task unless something after the outer step waits.
            if (options.checkNested && (!drop.handled || orderedContinuationOf(link))) reportNested(link, callback, drop);
          } else if (!drop.handled) {
            loose.push(drop);
          }
        }
        if (dropped.length > 0) reportedDrop = true;
        const next = loose.length > 0 ? waitedFor() : null;
        if (next) reportEarlyStep(link, callback, loose, next);
      }
      if (!reportedDrop) checkValueHandedOn(link, waitedFor);
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

    /** Return the one dropped promise when it is the callback's last statement; else `async` + `await` each. */
    function dropSuggestions(callback: CallbackFunction, dropped: DroppedPromise[]): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const [only] = dropped;
      if (only && dropped.length === 1 && (!only.statement || isLastStatementOf(only.statement, callback))) {
        suggest.push({ messageId: 'suggestReturn', fix: (fixer) => returnFix(fixer, only) });
      }
      suggest.push(...awaitSuggestion(callback, dropped));
      return suggest;
    }

    function awaitSuggestion(callback: CallbackFunction, dropped: DroppedPromise[]): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (callback.generator) return [];
      return [
        {
          messageId: 'suggestAwait',
          fix: (fixer) => {
            const fixes = dropped.map((drop) => awaitFix(fixer, drop));
            if (!callback.async) fixes.push(fixer.insertTextBefore(callback, 'async '));
            return fixes;
          },
        },
      ];
    }

    function returnFix(fixer: TSESLint.RuleFixer, drop: DroppedPromise): TSESLint.RuleFix | TSESLint.RuleFix[] {
      if (drop.kind === 'array') {
        // A returned array is a value, not something the chain waits for.
        const all = fixer.replaceText(drop.expression, `Promise.all(${sourceCode.getText(drop.expression)})`);
        if (drop.voided) return [fixer.replaceTextRange([drop.voided.range[0], drop.expression.range[0]], drop.statement ? 'return ' : ''), all];
        return [fixer.insertTextBefore(drop.statement ?? drop.expression, 'return '), all];
      }
      if (drop.voided) {
        const keyword: [number, number] = [drop.voided.range[0], drop.voided.range[0] + 'void'.length];
        // An arrow body `void p` becomes `p`; a statement `void p;` becomes `return p;`.
        return drop.statement ? fixer.replaceTextRange(keyword, 'return') : fixer.removeRange([keyword[0], drop.voided.argument.range[0]]);
      }
      return fixer.insertTextBefore(drop.statement ?? drop.expression, 'return ');
    }

    function awaitFix(fixer: TSESLint.RuleFixer, drop: DroppedPromise): TSESLint.RuleFix {
      const target = drop.kind === 'array' ? null : drop.expression;
      if (drop.voided) {
        const keyword: [number, number] = [drop.voided.range[0], drop.voided.range[0] + 'void'.length];
        return target ? fixer.replaceTextRange(keyword, 'await') : fixer.replaceText(drop.voided, `await Promise.all(${sourceCode.getText(drop.expression)})`);
      }
      return target ? insertAwait(fixer, sourceCode, target) : fixer.replaceText(drop.expression, `await Promise.all(${sourceCode.getText(drop.expression)})`);
    }

    function reportNested(outer: ChainLink, callback: CallbackFunction, drop: DroppedPromise): void {
      const inner = chainLink(drop.expression);
      if (!inner) return;
      const head = chainHead(inner);
      const first = firstLink(inner);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const { statement } = drop;
      const last = statement !== null && isLastStatementOf(statement, callback);
      if (last || !statement) suggest.push({ messageId: 'suggestReturn', fix: (fixer) => returnFix(fixer, drop) });
      if (
        last &&
        !drop.voided &&
        statement.expression === inner.call &&
        isPlainHead(head, sourceCode) &&
        canHoistLinks(inner, head, callback, sourceCode)
      ) {
        suggest.push({ messageId: 'suggestFlatten', fix: (fixer) => flattenFixes(fixer, sourceCode, outer, statement, inner, head) });
      }
      suggest.push(...awaitSuggestion(callback, [drop]));
      context.report({ node: first.property, messageId: 'nestedChain', data: { method: outer.method }, suggest });
    }

    /** `.then((rows) => { rows.map(toUser); }).then((users) => render(users))`: the next step gets `undefined`. */
    function checkValueHandedOn(link: ChainLink, waitedFor: () => Continuation | null): void {
      if (link.method !== 'then') return;
      const [argument] = link.callbackArguments;
      const fulfilled = argument ? callbackFunction(argument) : null;
      if (!fulfilled || !returnsNothing(fulfilled, visitorKeys)) return;
      const next = waitedFor();
      const user = next ? valueUser(next) : null;
      if (!user || oracle.isPromise(link.call) !== 'yes') return;
      context.report({
        node: user,
        messageId: next?.kind === 'await' ? 'awaitedValueNotReturned' : 'valueNotReturned',
        suggest: returnValueSuggestion(fulfilled),
      });
    }

    /** Where the next step reads the value: its callback's first parameter (used or destructured), or a used `await`. */
    function valueUser(next: Continuation): TSESTree.Node | null {
      if (next.kind === 'link') {
        if (next.link.method !== 'then') return null;
        const [argument] = next.link.callbackArguments;
        const callback = argument ? callbackFunction(argument) : null;
        if (!callback) return null;
        const [param] = callback.params;
        if (!param) return null;
        if (param.type === AST_NODE_TYPES.ObjectPattern || param.type === AST_NODE_TYPES.ArrayPattern) return param;
        if (param.type !== AST_NODE_TYPES.Identifier) return null;
        const variable = sourceCode.getDeclaredVariables(callback).find((candidate) => candidate.name === param.name);
        return variable && variable.references.length > 0 ? param : null;
      }
      if (next.kind === 'await') return awaitedValueIsUsed(next.node) ? next.node : null;
      return null;
    }

    function awaitedValueIsUsed(node: TSESTree.AwaitExpression): boolean {
      const parent = node.parent;
      switch (parent.type) {
        case AST_NODE_TYPES.VariableDeclarator: {
          if (parent.id.type !== AST_NODE_TYPES.Identifier) return true;
          const [variable] = sourceCode.getDeclaredVariables(parent);
          return variable !== undefined && variable.references.some((ref) => ref.isRead());
        }
        case AST_NODE_TYPES.MemberExpression:
          return parent.object === node;
        case AST_NODE_TYPES.CallExpression:
          return parent.arguments.includes(node);
        default:
          return false;
      }
    }

    /** Worth returning: not an assignment, and not a logging call (`console.log(...)` gives `undefined`). */
    function returnsSomething(expression: TSESTree.Expression): boolean {
      if (expression.type === AST_NODE_TYPES.AssignmentExpression) return false;
      return expression.type !== AST_NODE_TYPES.CallExpression || !isLoggingCall(skipWrappers(expression.callee), sourceCode);
    }

    /** `{ rows.map(toUser); }` -> `{ return rows.map(toUser); }`; `{ const users = ...; }` -> `... return users;`. */
    function returnValueSuggestion(callback: CallbackFunction): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (callback.body.type !== AST_NODE_TYPES.BlockStatement) return [];
      const last = callback.body.body[callback.body.body.length - 1];
      if (last?.type === AST_NODE_TYPES.ExpressionStatement && returnsSomething(last.expression)) {
        return [{ messageId: 'suggestReturnValue', fix: (fixer) => fixer.insertTextBefore(last, 'return ') }];
      }
      if (last?.type === AST_NODE_TYPES.VariableDeclaration && last.declarations.length === 1) {
        const [declarator] = last.declarations;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          const name = declarator.id.name;
          const indent = ' '.repeat(last.loc.start.column);
          const sameLine = last.loc.end.line === callback.body.loc.start.line;
          return [
            {
              messageId: 'suggestReturnValue',
              fix: (fixer) => fixer.insertTextAfter(last, sameLine ? ` return ${name};` : `\n${indent}return ${name};`),
            },
          ];
        }
      }
      return [];
    }
  },
});

const CHAIN_ACCESS = /(?:\.|\[\s*['"`])\s*(?:then|catch|finally)\b/;

/** A call or construction: something that runs where it is written, not when the step is reached. */
function runsNow(node: TSESTree.Node): boolean {
  const value = skipWrappers(node);
  return value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression;
}
