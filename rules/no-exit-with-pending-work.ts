/**
 * `process.exit()` ends the process at once: promises still pending, writes
 * not yet flushed and `finally` blocks that have not run are cut off. From
 * async code, or right after starting a promise nobody waits for, that is
 * work lost without an error. asyncio's "pending tasks at exit"; the remedy is
 * `process.exitCode = n`, letting the event loop drain.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getAsyncContext } from '../lib/async-context.js';
import { createRule } from '../lib/create-rule.js';
import {
  awaitsBefore,
  exitCodeReplacement,
  isProcessExitCall,
  isDeliberateShutdown,
  endsFunction,
  exitsFromAwaitedCatch,
  isSignalHandler,
  mayBeProcessExit,
  pendingPromiseBefore,
  skippedCleanup,
} from '../lib/process-exit.js';
import { getPromiseOracle } from '../lib/promise-oracle.js';

export type Options = [
  {
    checkAsyncCode?: boolean;
  },
];

export type MessageIds =
  | 'exitWithPendingPromise'
  | 'exitWithPendingVariable'
  | 'exitSkipsCleanup'
  | 'exitInAsyncFunction'
  | 'exitInPromiseCallback'
  | 'suggestExitCode'
  | 'suggestEndNormally';

export default createRule<Options, MessageIds>({
  name: 'no-exit-with-pending-work',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `process.exit()` from async code or while promises started before it are still pending',
      strict: true,
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      exitWithPendingPromise:
        '`process.exit()` ends the process while the promise started on line {{line}} is still pending: its work is cut off, and its result and its errors are lost.',
      exitWithPendingVariable:
        '`process.exit()` ends the process while `{{name}}` (line {{line}}) is still pending: its work is cut off, and its result and its errors are lost.',
      exitSkipsCleanup:
        '`process.exit()` ends the process before the cleanup on line {{line}} runs: the `finally` block (or `using` disposal) never happens.',
      exitInAsyncFunction:
        '`process.exit()` in an async function ends the process at once: promises still pending elsewhere, output not yet flushed and `finally` blocks are cut off.',
      exitInPromiseCallback:
        '`process.exit()` in a promise callback ends the process at once: promises still pending elsewhere, output not yet flushed and `finally` blocks are cut off.',
      suggestExitCode: 'Set `process.exitCode = {{code}}` instead, so that the process ends once pending work has settled.',
      suggestEndNormally: 'Stop calling `process.exit()`, so that the process ends once pending work has settled.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkAsyncCode: {
            type: 'boolean',
            description:
              'Also report `process.exit()` inside async functions and promise callbacks when no pending promise is seen before it in the same function.',
          },
        },
      },
    ],
    defaultOptions: [{ checkAsyncCode: true }],
  },
  create(context, [options]) {
    const { sourceCode } = context;

    return {
      CallExpression(node) {
        // Syntax first: only calls named `exit` go on to scope lookups and the oracle.
        if (!mayBeProcessExit(node) || !isProcessExitCall(sourceCode, node)) return;
        const pending = pendingPromiseBefore(getPromiseOracle(context), sourceCode, node);
        if (pending) {
          const line = String(pending.node.loc.start.line);
          context.report(
            pending.variable === null
              ? { node, messageId: 'exitWithPendingPromise', data: { line }, suggest: suggestions(node) }
              : { node, messageId: 'exitWithPendingVariable', data: { line, name: pending.variable }, suggest: suggestions(node) },
          );
          return;
        }
        const cleanup = skippedCleanup(node);
        if (cleanup) {
          context.report({ node, messageId: 'exitSkipsCleanup', data: { line: String(cleanup.loc.start.line) }, suggest: suggestions(node) });
          return;
        }
        if (!options.checkAsyncCode) return;
        const where = getAsyncContext(sourceCode, node);
        // A signal handler's job is to clean up and then end the process; so is
        // code that awaited its cleanup or set the exit code before forcing the end.
        if (!where.fn || isSignalHandler(sourceCode, where.fn) || isDeliberateShutdown(sourceCode, node)) return;
        if (where.kind === 'promise-callback') {
          context.report({ node, messageId: 'exitInPromiseCallback', suggest: suggestions(node) });
        } else if (where.kind === 'async-function' && (endsFunction(node) || exitsFromAwaitedCatch(sourceCode, node)) && awaitsBefore(sourceCode, node)) {
          // An async function that awaited work and then forces its way out, at its end or on the
          // error path of that work (`catch` after an awaited `try`). Before its first `await` it runs
          // as sync code does; an exit in another branch in the middle is a bail-out.
          context.report({ node, messageId: 'exitInAsyncFunction', suggest: suggestions(node) });
        }
      },
    };

    function suggestions(call: TSESTree.CallExpression): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const replacement = exitCodeReplacement(sourceCode, call);
      if (!replacement) return [];
      const [argument] = call.arguments;
      const fix = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix => fixer.replaceText(replacement.node, replacement.text);
      return argument
        ? [{ messageId: 'suggestExitCode', data: { code: sourceCode.getText(argument) }, fix }]
        : [{ messageId: 'suggestEndNormally', fix }];
    }
  },
});
