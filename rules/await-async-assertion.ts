/**
 * A test that finishes before its assertions: `expect(p).resolves...`,
 * `expect.poll(...)`, `assert.rejects(...)` or any other promise made in the
 * test body and neither awaited nor returned. The runner sees the test
 * return, marks it passed, and the assertion settles later, failing nothing
 * or failing another test. Also a test that is `async` and takes `done`:
 * the runners refuse the mix. The "testing antipatterns" pitfall.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../lib/ast.js';
import { enclosingFunction, isLastStatementOf } from '../lib/async-context.js';
import { createRule } from '../lib/create-rule.js';
import { insertAwait, prefixReturn } from '../lib/fixes.js';
import { cannotBePromise, getPromiseOracle } from '../lib/promise-oracle.js';
import {
  DEFAULT_TEST_FILE_PATTERNS,
  asyncAssertion,
  awaitedItselfLaterInTest,
  awaitedLaterInTest,
  doneParameter,
  getTestFile,
  hookCallback,
  isSubtestCall,
  plansAssertions,
  settledByAwaitedTeardown,
  testCallback,
  type AsyncAssertion,
} from '../lib/test-frameworks.js';

export type Options = [
  {
    testFilePatterns?: string[];
  },
];

export type MessageIds =
  | 'unawaitedExpectation'
  | 'unawaitedPoll'
  | 'unawaitedAssertRejects'
  | 'unawaitedTestPromise'
  | 'asyncWithDone'
  | 'suggestAwait'
  | 'suggestReturn';

export default createRule<Options, MessageIds>({
  name: 'await-async-assertion',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require async assertions and promises made in tests to be awaited or returned before the test ends',
      strict: true,
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      unawaitedExpectation:
        '`expect(...).{{kind}}` is not awaited or returned: the test ends before the assertion runs, so it passes even when the assertion fails, and the failure surfaces later or in another test.',
      unawaitedPoll:
        '`expect.{{kind}}(...)` retries asynchronously and is not awaited: the test ends before it has checked anything, and passes anyway.',
      unawaitedAssertRejects:
        '`assert.{{kind}}()` returns a promise that is not awaited: the test ends before the assertion settles, so it passes even when the assertion fails.',
      unawaitedTestPromise:
        'This promise is neither awaited nor returned from the test: the test ends before it settles, so assertions and failures inside it are lost or land in another test.',
      asyncWithDone:
        'This test is `async` and also takes the `{{name}}` callback: Jest, Mocha and `node:test` fail such a test as overspecified. Await instead, and drop `{{name}}`.',
      suggestAwait: 'Await it, so that the test waits for it.',
      suggestReturn: 'Return it, so that the test waits for it.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          testFilePatterns: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Globs of the test files, where test framework globals (`it`, `test`, `expect`) are recognised; files that import a test framework are test files wherever they are.',
          },
        },
      },
    ],
    defaultOptions: [{ testFilePatterns: [...DEFAULT_TEST_FILE_PATTERNS] }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    // Outside test files nothing is looked at.
    if (!getTestFile(context, options.testFilePatterns ?? DEFAULT_TEST_FILE_PATTERNS)) return {};

    const testBodies = new Set<FunctionNode>();
    const reported = new Set<TSESTree.Node>();

    return {
      CallExpression(node) {
        const fn = testCallback(sourceCode, node);
        if (fn) {
          testBodies.add(fn);
          checkDone(fn);
          return;
        }
        // A hook's callback is waited for as a test's is: a promise it drops runs into the tests.
        const hook = hookCallback(sourceCode, node);
        if (hook) {
          testBodies.add(hook);
          return;
        }
        check(asyncAssertion(sourceCode, node));
      },
      'MemberExpression[property.name="resolves"], MemberExpression[property.name="rejects"], MemberExpression[property.name="eventually"]'(
        node: TSESTree.MemberExpression,
      ) {
        check(asyncAssertion(sourceCode, node));
      },
      'ExpressionStatement:exit'(node: TSESTree.ExpressionStatement) {
        checkTestPromise(node);
      },
    };

    function checkDone(fn: FunctionNode): void {
      if (!fn.async) return;
      const done = doneParameter(fn);
      if (done) context.report({ node: done, messageId: 'asyncWithDone', data: { name: done.name } });
    }

    function check(assertion: AsyncAssertion | null): void {
      if (!assertion) return;
      const statement = droppedStatement(assertion.chain);
      if (!statement || reported.has(statement) || waitedForInTest(statement, assertion)) return;
      reported.add(statement);
      const messageId =
        assertion.kind === 'resolves' || assertion.kind === 'rejects' || assertion.kind === 'eventually'
          ? 'unawaitedExpectation'
          : assertion.kind === 'poll' || assertion.kind === 'element'
            ? 'unawaitedPoll'
            : 'unawaitedAssertRejects';
      const kind = assertion.kind === 'assertRejects' ? 'rejects' : assertion.kind === 'assertDoesNotReject' ? 'doesNotReject' : assertion.kind;
      context.report({ node: assertion.chain, messageId, data: { kind }, suggest: suggestions(statement, assertion.chain) });
    }

    /**
     * Does the test body wait for the assertion after all? node:test's `await pool.destroy()`
     * settles what was pending on `pool` first; `await task` after `assert.doesNotReject(task)`
     * fails the test itself if `task` rejects.
     */
    function waitedForInTest(statement: TSESTree.ExpressionStatement, assertion: AsyncAssertion): boolean {
      const fn = enclosingFunction(statement);
      if (!fn || !testBodies.has(fn) || !assertion.subject) return false;
      if (settledByAwaitedTeardown(sourceCode, fn, statement, assertion.subject)) return true;
      return assertion.kind === 'assertDoesNotReject' && awaitedItselfLaterInTest(sourceCode, fn, statement, assertion.subject);
    }

    /** A promise dropped as a statement directly in a test body (not in a nested callback). */
    function checkTestPromise(statement: TSESTree.ExpressionStatement): void {
      if (testBodies.size === 0 || reported.has(statement)) return;
      const expression = statement.expression;
      if (cannotBePromise(expression) || expression.type === AST_NODE_TYPES.AssignmentExpression || isExpectCall(expression)) return;
      const fn = enclosingFunction(statement);
      // A test that waits for `done`, or counts its assertions (`t.plan(n)`), does not pass before its promises settle.
      if (!fn || !testBodies.has(fn) || doneParameter(fn) || plansAssertions(fn)) return;
      // `app.ready().then(cb)` with `await app.ready()` further down: the test waits for it.
      if (awaitedLaterInTest(sourceCode, fn, statement, expression) || settledByAwaitedTeardown(sourceCode, fn, statement, expression)) return;
      if (!isSubtest(expression, fn) && getPromiseOracle(context).isPromise(expression) !== 'yes') return;
      reported.add(statement);
      context.report({ node: expression, messageId: 'unawaitedTestPromise', suggest: suggestions(statement, expression) });
    }

    function isSubtest(expression: TSESTree.Expression, fn: FunctionNode): boolean {
      return expression.type === AST_NODE_TYPES.CallExpression && isSubtestCall(sourceCode, expression, fn);
    }

    function suggestions(statement: TSESTree.ExpressionStatement, value: TSESTree.Expression): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const fn = enclosingFunction(statement);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const dropped = statement.expression;
      if (dropped.type === AST_NODE_TYPES.UnaryExpression && dropped.operator === 'void') {
        // `void chain;` -> `await chain;`: the two keywords bind alike.
        if (fn?.async) {
          suggest.push({ messageId: 'suggestAwait', fix: (fixer) => fixer.replaceTextRange([dropped.range[0], dropped.range[0] + 4], 'await') });
        }
        return suggest;
      }
      if (fn?.async) {
        suggest.push({ messageId: 'suggestAwait', fix: (fixer) => insertAwait(fixer, sourceCode, value) });
      } else if (fn && testBodies.has(fn) && !doneParameter(fn) && fn.body?.type === AST_NODE_TYPES.BlockStatement) {
        // A sync test body becomes async to await it.
        const head = sourceCode.getFirstToken(fn);
        if (head) {
          suggest.push({
            messageId: 'suggestAwait',
            fix: (fixer) => [fixer.insertTextBefore(head, 'async '), insertAwait(fixer, sourceCode, value)],
          });
        }
      }
      if (fn && isLastStatementOf(statement, fn) && statement.expression === value) {
        suggest.push({ messageId: 'suggestReturn', fix: (fixer) => prefixReturn(fixer, statement) });
      }
      return suggest;
    }
  },
});

/** The statement that drops `chain`: `chain;` or `void chain;`. Null when it is awaited, returned or used. */
function droppedStatement(chain: TSESTree.Expression): TSESTree.ExpressionStatement | null {
  let parent: TSESTree.Node = chain.parent;
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') parent = parent.parent;
  return parent.type === AST_NODE_TYPES.ExpressionStatement ? parent : null;
}

/** `expect(x).toBe(y)` and the like: assertions, judged by `check`, never asked about as promises. */
function isExpectCall(expression: TSESTree.Expression): boolean {
  let current: TSESTree.Node = expression;
  while (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.ChainExpression) {
    current = current.type === AST_NODE_TYPES.CallExpression ? current.callee : current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.expression;
  }
  return current.type === AST_NODE_TYPES.Identifier && (current.name === 'expect' || current.name === 'assert');
}
