/**
 * A network call with no timeout and no `AbortSignal` waits as long as the
 * peer wants: a server that stops answering holds the socket, the request
 * handler and everything awaiting it, forever. And a function that is handed a
 * signal but does not pass it on keeps working after its caller gave up. The
 * asyncio "timeouts: read, write, close" pitfall.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  enclosingSignal,
  hasOptionKey,
  importedNames,
  importsCallableModule,
  insertOptionFix,
  isTargetNotOptions,
  isWrittenNotOptions,
  isBoundedElsewhere,
  localSignalSlot,
  mentions,
  networkCall,
  optionsArgument,
  signalParameter,
  typedSignalSlot,
  type SignalParameter,
} from '../lib/abort-signal.js';
import { memberName, type FunctionNode } from '../lib/ast.js';
import { extendNetworkCatalog, networkApiNames, networkApis, type NetworkApiSpec } from '../lib/catalogs/network-apis.js';
import { createRule } from '../lib/create-rule.js';
import { canonicalModule, getImportResolver } from '../lib/imports.js';
import { getPromiseOracle } from '../lib/promise-oracle.js';
import { DEFAULT_TEST_FILE_PATTERNS, getTestFile, isInTestBody, matchesAny, TEST_FILE_NAME_PATTERNS } from '../lib/test-frameworks.js';
import { getTypeInfo } from '../lib/type-info.js';

export type Options = [
  {
    apis?: NetworkApiSpec[];
    checkPropagation?: boolean;
    timeoutMs?: number;
  },
];

export type MessageIds = 'missingTimeout' | 'signalNotPropagated' | 'suggestTimeout' | 'suggestPassSignal';

export default createRule<Options, MessageIds>({
  name: 'require-abort-signal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require network calls to have a timeout or an `AbortSignal`, and signals to be passed on',
      strict: true,
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      missingTimeout:
        '`{{name}}` has no `signal` and no timeout: if the server stops answering, this call and everything awaiting it wait forever.',
      signalNotPropagated:
        '`{{name}}` is not given `{{signal}}`: when the caller aborts, this call keeps running and holds its connection until it ends on its own.',
      suggestTimeout: 'Give it `signal: AbortSignal.timeout({{ms}})`.',
      suggestPassSignal: 'Pass `{{signal}}` on.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          apis: {
            type: 'array',
            description:
              'More network calls to check: `{ module, name, optionsArgument, signalKeys, timeoutKeys }`, with `module` omitted for a global and `name` a dotted export path (`default` for the module itself).',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'optionsArgument'],
              properties: {
                module: { type: 'string', minLength: 1, description: 'The package or builtin that exports it, such as `axios`; omit for a global.' },
                name: { type: 'string', minLength: 1, description: 'The export path: `get`, `default`, `client.request`.' },
                optionsArgument: { type: 'integer', minimum: 0, description: 'The position of the options argument (0-based).' },
                signalKeys: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Option keys that carry an `AbortSignal` (default `["signal"]`).' },
                timeoutKeys: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Option keys that set a timeout (default `["timeout"]`).' },
              },
            },
          },
          checkPropagation: {
            type: 'boolean',
            description: 'Also report calls that accept a signal but are not given the one the enclosing function received.',
          },
          timeoutMs: {
            type: 'integer',
            minimum: 1,
            description: 'The timeout, in milliseconds, that the `AbortSignal.timeout(...)` suggestion inserts.',
          },
        },
      },
    ],
    defaultOptions: [{ apis: [], checkPropagation: true, timeoutMs: 10_000 }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    // A test's requests are bounded by the runner's timeout, and the server they call is usually the one under test.
    if (getTestFile(context, TEST_FILE_NAME_PATTERNS)) return {};
    const inTestFolder = matchesAny(context.filename, context.cwd, DEFAULT_TEST_FILE_PATTERNS);
    const catalog = extendNetworkCatalog(networkApis, options.apis ?? [], canonicalModule);
    const names = new Set([...networkApiNames(catalog), ...importedNames(sourceCode.ast, new Set(Object.keys(catalog)), canonicalModule)]);
    // A callable module (`default`) can be bound to any name: look at every call, but only in files that load one.
    const wildcard = names.has('*') && importsCallableModule(sourceCode.ast, catalog, canonicalModule);
    const info = getTypeInfo(context);
    const notOptions = info
      ? (node: TSESTree.Node) => isTargetNotOptions(info, node)
      : (node: TSESTree.Node) => isWrittenNotOptions(sourceCode, node);
    const checkPropagation = options.checkPropagation !== false;
    const ms = String(options.timeoutMs ?? 10_000);
    const resolve = getImportResolver(sourceCode);
    const signals = new Map<FunctionNode, SignalParameter | null>();
    let signalFunctions = 0;

    return {
      ':function'(node: TSESTree.FunctionLike) {
        const signal = signalParameter(node);
        signals.set(node, signal);
        if (signal) signalFunctions++;
      },
      ':function:exit'(node: TSESTree.FunctionLike) {
        if (signals.get(node)) signalFunctions--;
      },
      CallExpression(node) {
        const name = calleeName(node);
        const api = name !== null && (names.has(name) || wildcard) ? networkCall(sourceCode, resolve, node, catalog) : null;
        const signal = checkPropagation && signalFunctions > 0 ? enclosingSignal(node, (fn) => signals.get(fn) ?? null) : null;
        // Requests made by test bodies (in shared test helpers too) are bounded by the runner's timeout.
        if ((api || signal) && isInTestBody(sourceCode, node, inTestFolder)) return;
        if (api) {
          checkNetworkCall(node, api, signal);
        } else if (signal) {
          checkPassesSignal(node, signal);
        }
      },
    };

    function checkNetworkCall(call: TSESTree.CallExpression, { api, name }: NonNullable<ReturnType<typeof networkCall>>, signal: SignalParameter | null): void {
      const found = optionsArgument(call, api.options, notOptions);
      if (found.kind === 'unknown') return;
      const hasSignal = found.kind === 'literal' ? hasOptionKey(found.node, api.signalKeys) : 'no';
      const [signalKey] = api.signalKeys;
      if (hasSignal !== 'no') return;
      if (signal) {
        if (mentions(sourceCode, call, signal.name)) return;
        const fix = signalKey ? insertOptionFix(sourceCode, call, api.options, property(signalKey, signal.name), notOptions) : null;
        context.report({
          loc: callLoc(call),
          messageId: 'signalNotPropagated',
          data: { name, signal: signal.name },
          suggest: fix ? [{ messageId: 'suggestPassSignal', data: { signal: signal.name }, fix }] : [],
        });
        return;
      }
      if (found.kind === 'literal' && hasOptionKey(found.node, api.timeoutKeys) !== 'no') return;
      if (isBoundedElsewhere(sourceCode, call, api)) return;
      const fix = signalKey ? insertOptionFix(sourceCode, call, api.options, `${signalKey}: AbortSignal.timeout(${ms})`, notOptions) : null;
      context.report({
        loc: callLoc(call),
        messageId: 'missingTimeout',
        data: { name },
        suggest: fix ? [{ messageId: 'suggestTimeout', data: { ms }, fix }] : [],
      });
    }

    function checkPassesSignal(call: TSESTree.CallExpression, signal: SignalParameter): void {
      if (mentions(sourceCode, call, signal.name) || sourceCode.getText(call.callee).includes(signal.name)) return;
      const slot = localSignalSlot(sourceCode, call) ?? typedSlot(call);
      if (!slot) return;
      const argument = call.arguments[slot.index];
      if (argument && !slot.inOptions) return;
      if (argument) {
        const found = optionsArgument(call, [slot.index]);
        if (found.kind !== 'literal' || hasOptionKey(found.node, ['signal']) !== 'no') return;
      } else if (call.arguments.length < slot.index) {
        return;
      }
      const last = call.arguments[slot.index - 1];
      const fix = slot.inOptions
        ? insertOptionFix(sourceCode, call, [slot.index], property('signal', signal.name))
        : call.arguments.length === slot.index && last
          ? (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(last, `, ${signal.name}`)
          : null;
      context.report({
        node: call,
        messageId: 'signalNotPropagated',
        data: { name: sourceCode.getText(call.callee), signal: signal.name },
        suggest: fix ? [{ messageId: 'suggestPassSignal', data: { signal: signal.name }, fix }] : [],
      });
    }

    /** Typed mode only, and only for calls that return a promise: the checker reads the callee's signature. */
    function typedSlot(call: TSESTree.CallExpression): SignalParameter | null {
      if (!info) return null;
      const slot = typedSignalSlot(info, call);
      return slot && getPromiseOracle(context).isPromise(call) === 'yes' ? slot : null;
    }
  },
});

/**
 * Where the call is written: from the method name when a chain puts it on a
 * later line than its object (`https\n  .get(url, cb)`), else the whole call.
 */
function callLoc(call: TSESTree.CallExpression): TSESTree.SourceLocation {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.loc.start.line > call.loc.start.line) {
    return { start: callee.property.loc.start, end: call.loc.end };
  }
  return call.loc;
}

function calleeName(call: TSESTree.CallExpression): string | null {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
}

function property(key: string, value: string): string {
  return key === value ? key : `${key}: ${value}`;
}
