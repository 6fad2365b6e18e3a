/**
 * A promise created and dropped: nobody waits for it, so the code after it
 * runs before it settles, and if it rejects the rejection is unhandled (Node
 * prints it and exits with code 1). The asyncio "task created without a
 * reference / exception never retrieved" pitfall.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, skipWrappers, valueParent } from '../lib/ast.js';
import { getAsyncContext, isLastStatementOf, type AsyncContext } from '../lib/async-context.js';
import { createRule } from '../lib/create-rule.js';
import { callHandlesOwnErrors } from '../lib/callbacks.js';
import { appendCatch, awaitAll, insertAwait, prefixReturn, wrapCatch } from '../lib/fixes.js';
import { isHandledPromise, knownSafeCallees, takesFromCollection } from '../lib/promise-handling.js';
import { cannotBePromise, getPromiseOracle } from '../lib/promise-oracle.js';
import { allowSchema, matchesAllow, matchesAllowedType, type AllowSpec } from '../lib/specifiers.js';
import { getTypeInfo } from '../lib/type-info.js';

export type Options = [
  {
    allowVoid?: boolean;
    allow?: AllowSpec[];
    checkStored?: boolean;
    checkThenables?: boolean;
    rejectionHandler?: string;
  },
];

export type MessageIds =
  | 'floatingTopLevel'
  | 'floatingInAsync'
  | 'floatingInCallback'
  | 'floatingInLoop'
  | 'floatingInSync'
  | 'floatingArray'
  | 'floatingVoid'
  | 'unhandledChain'
  | 'storedNeverAwaited'
  | 'suggestAwait'
  | 'suggestReturn'
  | 'suggestCatch'
  | 'suggestAwaitAll';

export default createRule<Options, MessageIds>({
  name: 'no-floating-promise',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow promises that are created and then dropped without being awaited, returned or handled',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      floatingTopLevel:
        'This promise is dropped at the top level: nothing waits for it, and if it rejects the process crashes with an unhandled rejection.',
      floatingInAsync:
        'This promise is not awaited: the function goes on and may return before it settles, and its rejection is never handled.',
      floatingInCallback:
        'This promise is not returned from the callback: the chain moves on without waiting for it, and its rejection escapes the chain.',
      floatingInLoop:
        'A new promise is started on every iteration and dropped: the loop launches work nobody waits for, and every rejection is unhandled.',
      floatingInSync:
        'This promise is dropped: nobody waits for it, and if it rejects the rejection is unhandled and crashes the process.',
      floatingArray:
        'These promises are created and dropped: nothing waits for them, and each rejection is unhandled.',
      floatingVoid:
        '`void` discards this promise but not its rejection: if it rejects, the process still crashes with an unhandled rejection.',
      unhandledChain:
        'This promise chain has no rejection handler: an error thrown in any step becomes an unhandled rejection.',
      storedNeverAwaited:
        '`{{name}}` holds a promise that is never awaited, returned or handled: its result is lost and its rejection is unhandled.',
      suggestAwait: 'Await it, so that this code waits for it and receives its error.',
      suggestReturn: 'Return it, so that the chain waits for it and passes its error on.',
      suggestCatch: 'Handle its rejection with `.catch({{handler}})`.',
      suggestAwaitAll: 'Wait for all of them with `await Promise.all(...)`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowVoid: {
            type: 'boolean',
            description: 'Accept `void promise` as an intentional fire-and-forget, even without a rejection handler.',
          },
          allow: allowSchema,
          checkStored: {
            type: 'boolean',
            description: 'Also report promises stored in a local variable that is never awaited, returned, passed on or handled.',
          },
          checkThenables: {
            type: 'boolean',
            description: 'Treat thenables that are not Promises (query builders, `PromiseLike`) as promises.',
          },
          rejectionHandler: {
            type: 'string',
            minLength: 1,
            description: 'The handler the `.catch(...)` suggestion inserts.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        allowVoid: false,
        allow: [],
        checkStored: true,
        checkThenables: true,
        rejectionHandler: 'console.error',
      },
    ],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const oracle = getPromiseOracle(context, { checkThenables: options.checkThenables });
    const allow = options.allow ?? [];
    const handler = options.rejectionHandler ?? 'console.error';
    const typeInfo = getTypeInfo(context);

    return {
      ExpressionStatement(node) {
        // `typeof`: oxlint's JS plugins give every statement `directive: null`, ESLint only directives a string.
        if (typeof node.directive === 'string') return;
        checkDropped(node.expression, node);
      },
      VariableDeclarator(node) {
        if (options.checkStored) checkStored(node);
      },
    };

    function checkDropped(expression: TSESTree.Expression, statement: TSESTree.ExpressionStatement): void {
      const value = skipWrappers(expression);
      switch (value.type) {
        case AST_NODE_TYPES.SequenceExpression:
          for (const part of value.expressions) checkDropped(part, statement);
          return;
        case AST_NODE_TYPES.ConditionalExpression:
          checkDropped(value.consequent, statement);
          checkDropped(value.alternate, statement);
          return;
        case AST_NODE_TYPES.LogicalExpression:
          // The left side is tested, not dropped; what is dropped is the right side.
          checkDropped(value.right, statement);
          return;
        case AST_NODE_TYPES.UnaryExpression:
          if (value.operator === 'void') checkVoid(value, statement);
          return;
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.AssignmentExpression:
        case AST_NODE_TYPES.YieldExpression:
          return;
        default:
          break;
      }
      if (oracle.isPromise(value) !== 'yes') {
        if (oracle.isPromiseArray(value) === 'yes') reportArray(expression, statement);
        return;
      }
      if (isHandledPromise(value) || isAllowed(value) || isAllowedType(value)) return;
      if (takesFromCollection(value)) return;
      // Where nothing could await it anyway, only a rejection is at stake, and this one never rejects.
      if (!getAsyncContext(sourceCode, statement).canAwait && neverRejects(value)) return;
      reportDropped(expression, statement);
    }

    function checkVoid(node: TSESTree.UnaryExpression, statement: TSESTree.ExpressionStatement): void {
      if (options.allowVoid) return;
      const argument = skipWrappers(node.argument);
      if (oracle.isPromise(argument) !== 'yes' || isHandledPromise(argument)) return;
      if (isAllowed(argument) || isAllowedType(argument)) return;
      // `void` already says nobody waits; the message is about the rejection, and this one never comes.
      if (neverRejects(argument)) return;
      const where = getAsyncContext(sourceCode, statement);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (where.canAwait) {
        suggest.push({
          messageId: 'suggestAwait',
          // `void` and `await` bind alike: swapping the keyword keeps any parentheses right.
          fix: (fixer) => fixer.replaceTextRange([node.range[0], node.range[0] + 'void'.length], 'await'),
        });
      }
      suggest.push({
        messageId: 'suggestCatch',
        data: { handler },
        fix: (fixer) => catchFix(fixer, node.argument),
      });
      context.report({ node, messageId: 'floatingVoid', suggest });
    }

    function reportDropped(node: TSESTree.Expression, statement: TSESTree.ExpressionStatement): void {
      const where = getAsyncContext(sourceCode, statement);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const whole = statement.expression === node;
      if (whole && where.kind === 'promise-callback' && isLastStatementOf(statement, where.fn)) {
        suggest.push({ messageId: 'suggestReturn', fix: (fixer) => prefixReturn(fixer, statement) });
      }
      if (where.canAwait) {
        suggest.push({ messageId: 'suggestAwait', fix: (fixer) => insertAwait(fixer, sourceCode, node) });
      }
      suggest.push({
        messageId: 'suggestCatch',
        data: { handler },
        fix: (fixer) => catchFix(fixer, node),
      });
      context.report({ node, messageId: droppedMessage(node, where), suggest });
    }

    function reportArray(node: TSESTree.Expression, statement: TSESTree.ExpressionStatement): void {
      const where = getAsyncContext(sourceCode, statement);
      context.report({
        node,
        messageId: 'floatingArray',
        suggest: where.canAwait
          ? [{ messageId: 'suggestAwaitAll', fix: (fixer) => awaitAll(fixer, sourceCode, node) }]
          : [],
      });
    }

    function checkStored(node: TSESTree.VariableDeclarator): void {
      if (node.id.type !== AST_NODE_TYPES.Identifier || !node.init || cannotBePromise(skipWrappers(node.init))) return;
      const declaration = node.parent;
      if (declaration.declare || declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return;
      const [variable] = sourceCode.getDeclaredVariables(node);
      if (!variable || variable.references.some((ref) => ref.isWrite() && ref.identifier !== node.id)) return;
      // Cheap before costly: look at how the variable is used before asking what it holds.
      if (variable.references.some((ref) => !ref.isWrite() && !ignoresPromise(ref.identifier))) return;
      const init = skipWrappers(node.init);
      const holdsPromise = oracle.isPromise(init) === 'yes';
      const holdsArray = !holdsPromise && oracle.isPromiseArray(init) === 'yes';
      if ((!holdsPromise && !holdsArray) || isHandledPromise(init) || isAllowed(init) || isAllowedType(init)) return;
      const where = getAsyncContext(sourceCode, node);
      const value = node.init;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (holdsArray) {
        // `await` and `.catch` belong on `Promise.all`; a bare `.catch` would turn the array
        // into a promise under its readers (`pending.length`).
        if (where.canAwait) suggest.push({ messageId: 'suggestAwaitAll', fix: (fixer) => awaitAll(fixer, sourceCode, value) });
      } else {
        if (where.canAwait) {
          suggest.push({ messageId: 'suggestAwait', fix: (fixer) => insertAwait(fixer, sourceCode, value) });
        }
        suggest.push({
          messageId: 'suggestCatch',
          data: { handler },
          fix: (fixer) => catchFix(fixer, value),
        });
      }
      context.report({ node: node.id, messageId: 'storedNeverAwaited', data: { name: node.id.name }, suggest });
    }

    /** A call of a function written in this file that catches its own errors (lib/callbacks). */
    function neverRejects(node: TSESTree.Node): boolean {
      return node.type === AST_NODE_TYPES.CallExpression && callHandlesOwnErrors(sourceCode, node);
    }

    function isAllowed(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      return matchesAllow(sourceCode, node.callee, knownSafeCallees) || matchesAllow(sourceCode, node.callee, allow);
    }

    /** `.catch(handler)` where the promise has one; `Promise.resolve(q).catch(handler)` for bare thenables. */
    function catchFix(fixer: TSESLint.RuleFixer, node: TSESTree.Node): TSESLint.RuleFix {
      return oracle.hasCatch(node)
        ? appendCatch(fixer, sourceCode, node, handler)
        : wrapCatch(fixer, sourceCode, node, handler);
    }

    /** Asked last, once the node is known to be a promise: a type the user allows. */
    function isAllowedType(node: TSESTree.Node): boolean {
      return matchesAllowedType(typeInfo, node, allow);
    }
  },
});

function droppedMessage(node: TSESTree.Expression, where: AsyncContext): MessageIds {
  const value = skipWrappers(node);
  if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(value.callee);
    if (name === 'then' || name === 'finally') return 'unhandledChain';
  }
  if (where.inLoop) return 'floatingInLoop';
  switch (where.kind) {
    case 'module':
      return 'floatingTopLevel';
    case 'promise-callback':
      return 'floatingInCallback';
    default:
      return where.canAwait ? 'floatingInAsync' : 'floatingInSync';
  }
}

/**
 * Does this read of a stored promise leave it unwaited-for? Only reads that look
 * at it without using it: `jobs.length`, `typeof p`, `void p`. Any other read
 * hands it on (awaited, returned, passed, chained, captured by a closure) or uses
 * it as a value, which is `no-unawaited-value`'s to judge.
 */
function ignoresPromise(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean {
  const { parent, child } = valueParent(identifier);
  if (parent?.type === AST_NODE_TYPES.MemberExpression) return parent.object === child && memberName(parent) === 'length';
  return parent?.type === AST_NODE_TYPES.UnaryExpression && (parent.operator === 'typeof' || parent.operator === 'void');
}
