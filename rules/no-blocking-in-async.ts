/**
 * A synchronous blocking call made while async code is running: while
 * `readFileSync`, `execSync`, `pbkdf2Sync` or a clock-spinning loop runs, the
 * event loop is stalled, so every other request, timer and callback waits.
 * The asyncio "`time.sleep` inside a coroutine" pitfall.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction } from '../lib/async-context.js';
import {
  BUSY_WAIT,
  asyncRunner,
  busyWaitLoop,
  getBlockingAnalysis,
  isConfigFile,
  isInBuildTimeFunction,
  isInTestBody,
  isLazyInit,
  isWorkerThreadScript,
  type AsyncRunner,
  type BlockingCall,
  type BlockingSite,
  type LoopNode,
} from '../lib/blocking.js';
import { mayNameBlockingApi, typedBlockingApi, typedBlockingHelper } from '../lib/blocking-typed.js';
import { twinName, type BlockingApi } from '../lib/catalogs/blocking-apis.js';
import { createRule } from '../lib/create-rule.js';
import { applyEdits, swapToAsyncTwin } from '../lib/fixes.js';
import type { ImportTarget } from '../lib/imports.js';
import { bindingFor, specifierOf, usesCommonJs, type TextEdit } from '../lib/module-bindings.js';
import { allowSchema, matchesAllow, type AllowSpec } from '../lib/specifiers.js';
import { getTypeInfo } from '../lib/type-info.js';

export type Options = [
  {
    allow?: AllowSpec[];
    blocking?: AllowSpec[];
    checkCallbacks?: boolean;
  },
];

export type MessageIds = 'blockingCall' | 'blockingHelper' | 'busyWait' | 'suggestAsyncTwin' | 'suggestTimersSleep';

const SLEEP_ALIASES = ['sleep', 'delay'];

export default createRule<Options, MessageIds>({
  name: 'no-blocking-in-async',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow synchronous blocking calls and busy-wait loops while async code is running',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      blockingCall:
        '`{{callee}}` {{why}} synchronously inside async code: the event loop is stalled, so no other request, timer or callback runs until it returns.{{advice}}',
      blockingHelper:
        '`{{callee}}` blocks the event loop: it runs {{blocking}} ({{where}}) synchronously, so no other request, timer or callback runs until it returns.',
      busyWait:
        'This loop spins on the clock instead of waiting: it burns CPU and stalls the event loop, so no other request, timer or callback runs until the time is up.',
      suggestAsyncTwin: 'Use `{{twin}}` instead, which leaves the event loop free while it works.',
      suggestTimersSleep: 'Wait with `await {{sleep}}(...)` from `node:timers/promises`, which leaves the event loop free.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowSchema,
            description:
              'Callees that may block inside async code: a name or dotted path (`"fs.readFileSync"`), or `{ from, name }` with `from` one of `package` (with `package`), `file`, `lib`.',
          },
          blocking: {
            ...allowSchema,
            description:
              'More callees that block, in the same form as `allow` (`{ "from": "package", "package": "better-sqlite3", "name": "Database.prepare" }`).',
          },
          checkCallbacks: {
            type: 'boolean',
            description: 'Also report blocking calls in event-listener, timer and HTTP route callbacks.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [], blocking: [], checkCallbacks: false }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    // A command-line script or a tool's config file has nothing else to run while it blocks; a worker thread blocks only itself.
    if (sourceCode.text.startsWith('#!') || isConfigFile(context.filename) || isWorkerThreadScript(sourceCode.text)) return {};
    const allow = options.allow ?? [];
    const analysis = getBlockingAnalysis(sourceCode, { allow, blocking: options.blocking ?? [] });
    const runnerOptions = { checkCallbacks: options.checkCallbacks === true };
    const typeInfo = getTypeInfo(context);
    // Nothing in this file can block, and without types no other file is looked at.
    if (!analysis.mayBlock && !typeInfo) return {};

    return {
      CallExpression(node) {
        const runner = asyncRunner(sourceCode, node, runnerOptions);
        if (runner) checkCall(node, runner);
      },
      'WhileStatement, DoWhileStatement, ForStatement'(loop: LoopNode) {
        if (!analysis.mayBlock) return;
        const runner = asyncRunner(sourceCode, loop, runnerOptions);
        if (runner && !runsAlone(loop)) checkLoop(loop, runner);
      },
    };

    function checkCall(node: TSESTree.CallExpression, runner: AsyncRunner): void {
      const syntactic = analysis.blockingCall(node);
      const direct = syntactic ?? typedDirect(node);
      if (direct) {
        // A callee only the checker resolved (`this.fs.readFileSync`) keeps its receiver: no swap offered.
        if (!isLazyInit(sourceCode, node, runner.fn) && !runsAlone(node)) reportCall(direct, runner, syntactic !== null);
        return;
      }
      const helper = analysis.blockingHelper(node);
      const site = helper?.site ?? typedHelper(node);
      if (site && !isLazyInit(sourceCode, node, runner.fn) && !runsAlone(node)) reportHelper(node, site);
    }

    /** Test bodies and build-time functions run alone: blocking there delays nothing else. */
    function runsAlone(node: TSESTree.Node): boolean {
      return isInTestBody(node) || isInBuildTimeFunction(node);
    }

    function checkLoop(loop: LoopNode, runner: AsyncRunner): void {
      const wait = busyWaitLoop(sourceCode, loop);
      if (!wait) return;
      const delay = wait.delay;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (delay !== null && runner.fn.async && enclosingFunction(loop) === runner.fn) {
        const sleep = twinBinding(loop, 'timers/promises', 'setTimeout');
        suggest.push({
          messageId: 'suggestTimersSleep',
          data: { sleep: sleep.text },
          fix: (fixer) => [...applyEdits(fixer, sleep.edits), fixer.replaceText(loop, `await ${sleep.text}(${delay});`)],
        });
      }
      context.report({ node: loop, messageId: 'busyWait', suggest });
    }

    /** Typed: the checker knows a callee syntax could not resolve (`this.fs.readFileSync`). */
    function typedDirect(node: TSESTree.CallExpression): BlockingCall | null {
      if (!typeInfo || !mayNameBlockingApi(node.callee)) return null;
      if (allow.length > 0 && matchesAllow(sourceCode, node.callee, allow)) return null;
      const found = typedBlockingApi(typeInfo, node);
      return found ? { node, label: sourceCode.getText(node.callee), api: found.api, target: found.target } : null;
    }

    /** Typed: a sync function of another file that blocks. */
    function typedHelper(node: TSESTree.CallExpression): BlockingSite | null {
      if (!typeInfo) return null;
      if (allow.length > 0 && matchesAllow(sourceCode, node.callee, allow)) return null;
      return typedBlockingHelper(typeInfo, sourceCode, node);
    }

    function reportCall(call: BlockingCall, runner: AsyncRunner, swappable: boolean): void {
      const { api, target } = call;
      const twin = api && target ? twinOf(api, target) : null;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const awaitIt = runner.fn.async;
      if (swappable && twin && api?.twin && twinApplies(call.node, runner)) {
        const main = twinBinding(call.node, twin.module, twin.name, call.node.callee.type === AST_NODE_TYPES.MemberExpression);
        let callee = main.text;
        let edits: TextEdit[] = [...main.edits];
        if (api.twin.promisify) {
          const promisify = twinBinding(call.node, 'util', 'promisify');
          callee = `${promisify.text}(${main.text})`;
          edits = [...promisify.edits, ...edits];
        }
        suggest.push({
          messageId: 'suggestAsyncTwin',
          data: { twin: `${awaitIt ? 'await ' : ''}${callee}(...)` },
          fix: (fixer) => swapToAsyncTwin(fixer, sourceCode, call.node, callee, edits, awaitIt),
        });
      }
      context.report({
        node: call.node,
        messageId: 'blockingCall',
        data: { callee: call.label, why: api?.why ?? 'blocks', advice: adviceOf(api, twin) },
        suggest,
      });
    }

    function reportHelper(node: TSESTree.CallExpression, site: BlockingSite): void {
      const where = site.file === null ? `line ${String(site.line)}` : `${site.file}:${String(site.line)}`;
      context.report({
        node,
        messageId: 'blockingHelper',
        data: { callee: `${shortText(node.callee)}()`, blocking: site.label === BUSY_WAIT ? 'a busy-wait loop' : `\`${site.label}\``, where },
      });
    }

    function twinBinding(at: TSESTree.Node, module: string, name: string, viaBase = false): { text: string; edits: TextEdit[] } {
      const binding = bindingFor(sourceCode, at, module, name, {
        commonjs: usesCommonJs(sourceCode),
        viaBase,
        aliases: name === 'setTimeout' ? SLEEP_ALIASES : [],
      });
      return { text: binding.text, edits: [...binding.edits] };
    }

    function shortText(node: TSESTree.Node): string {
      const text = sourceCode.getText(node);
      return text.length <= 40 && !text.includes('\n') ? text : 'this call';
    }
  },
});

/** The twin's module and export name for this blocking export. */
function twinOf(api: BlockingApi, target: ImportTarget): { module: string; name: string } | null {
  const exported = target.path[target.path.length - 1] ?? '';
  const name = twinName(api, exported);
  return api.twin && name !== null ? { module: api.twin.module, name } : null;
}

function adviceOf(api: BlockingApi | null, twin: { module: string; name: string } | null): string {
  if (twin && api?.twin) {
    const via = api.twin.promisify ? ' through `util.promisify`' : '';
    return ` Use \`${twin.name}\` from \`${specifierOf(twin.module)}\`${via} instead.`;
  }
  return api?.instead ? ` Use ${api.instead} instead.` : '';
}

/**
 * Can the call become `await twin(...)` here: written directly in the async
 * function (not in a sync callback inside it), or returned from a `.then`
 * callback? `statSync(p, { throwIfNoEntry: false })` has no twin option.
 */
function twinApplies(call: TSESTree.CallExpression, runner: AsyncRunner): boolean {
  if (call.optional || enclosingFunction(call) !== runner.fn) return false;
  const hasSyncOnlyOption = call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.key.name === 'throwIfNoEntry',
      ),
  );
  if (hasSyncOnlyOption) return false;
  if (runner.fn.async) return true;
  if (runner.kind !== 'promise-callback') return false;
  // The value a `.then` callback returns: the chain waits for a promise there.
  const parent = call.parent;
  return (
    (runner.fn.type === AST_NODE_TYPES.ArrowFunctionExpression && runner.fn.body === call) ||
    (parent.type === AST_NODE_TYPES.ReturnStatement && parent.argument === call)
  );
}
