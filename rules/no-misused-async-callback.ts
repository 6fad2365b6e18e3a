/**
 * An async function (or any function that returns a promise) handed to code
 * that calls it and throws the promise away: `forEach` ends its loop before
 * the callbacks finish, `filter`/`some` read the promise as `true`, an
 * emitter or a timer calls the listener and forgets it, so a rejection is
 * unhandled. The asyncio "running async code from sync code" pitfall.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, skipWrappers, type FunctionNode } from '../lib/ast.js';
import { getAsyncContext } from '../lib/async-context.js';
import { catchInsideFix, effectFix, forOfFix, promiseAllFix, promiseAllForEachFix } from '../lib/callback-fixes.js';
import {
  awaitsParameter,
  callbackHandlesOwnErrors,
  callbackReturnsPromise,
  capturesRejections,
  declaredArgumentSlot,
  declaredAttributeSlot,
  declaredMemberAssignmentSlot,
  declaredPropertySlot,
  declaredSlotOf,
  findSlot,
  functionHeadLoc,
  functionOf,
  ignoringApi,
  isAwaitingReceiver,
  isFinallyCall,
  isKeyedCollection,
  isLibMethod,
  isPromiseConstructor,
  isSyncDisposeMethod,
  matchesAllowedMethod,
  mayReturnCall,
  mayReturnPromise,
  mayHoldFunction,
  promiseArrayUse,
  returnsPromiseOnSomePath,
  spreadHoldsPromiseFunctions,
  symbolReturnsPromise,
  typedArgumentSlot,
  typedContextualSlot,
  type CallbackSlot,
  type IgnoringApi,
  type SlotAnswer,
} from '../lib/callbacks.js';
import { callbackApis } from '../lib/catalogs/callback-apis.js';
import { createRule } from '../lib/create-rule.js';
import { asyncOverridesOfVoid, memberHeadLoc } from '../lib/inherited-methods.js';
import { awaitAll } from '../lib/fixes.js';
import { getPromiseOracle } from '../lib/promise-oracle.js';
import { allowSchema, matchesAllow, type AllowSpec } from '../lib/specifiers.js';
import { getTypeInfo } from '../lib/type-info.js';

export type Options = [
  {
    allow?: AllowSpec[];
    checkJsxAttributes?: boolean;
    rejectionHandler?: string;
  },
];

export type MessageIds =
  | 'forEachNotAwaited'
  | 'predicateIsPromise'
  | 'comparatorIsPromise'
  | 'reducerNotAwaited'
  | 'mapResultDropped'
  | 'mapResultAwaited'
  | 'mapResultAsValues'
  | 'listenerIgnored'
  | 'callbackIgnored'
  | 'jsxHandlerIgnored'
  | 'handlerPropertyIgnored'
  | 'effectReturnsPromise'
  | 'voidArgument'
  | 'voidProperty'
  | 'voidReturnValue'
  | 'voidVariable'
  | 'voidInheritedMethod'
  | 'asyncDispose'
  | 'suggestForOf'
  | 'suggestPromiseAll'
  | 'suggestCatchInside'
  | 'suggestAsyncInsideEffect';

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

export default createRule<Options, MessageIds>({
  name: 'no-misused-async-callback',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow async callbacks where the caller ignores or misreads the promise they return',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      forEachNotAwaited: '`{{method}}` does not wait: the loop ends before the callbacks, and their errors are lost.',
      predicateIsPromise:
        '`{{method}}` reads the promise this callback returns as `true`: every element passes the test, and the errors are lost.',
      comparatorIsPromise:
        '`{{method}}` reads the promise this comparator returns as `NaN`, which counts as "equal": the order is left as it was, and the errors are lost.',
      reducerNotAwaited:
        'This async reducer never awaits its accumulator: from the second element on it works on a promise instead of the running value, and all errors but the last are lost.',
      mapResultDropped:
        '`{{method}}` starts a promise for every element and this array of them is dropped: nothing waits for them, and their errors are lost.',
      mapResultAwaited:
        '`await` on an array does not wait for the promises in it: the code goes on before this `{{method}}` callback finishes, and its errors are lost.',
      mapResultAsValues:
        '`{{method}}` with this callback makes an array of promises, not of values: it is read before they settle, and their errors are lost.',
      listenerIgnored:
        '`{{method}}` does not wait for this listener: events are handled while earlier ones are still running, and a rejection becomes an unhandled rejection.',
      callbackIgnored:
        '`{{method}}` ignores the promise this callback returns: nothing waits for it, and a rejection becomes an unhandled rejection.',
      jsxHandlerIgnored:
        '`{{name}}` ignores the promise this handler returns: a rejection becomes an unhandled rejection that no error boundary sees.',
      handlerPropertyIgnored:
        '`{{name}}` handlers are called without waiting for the promise this one returns: a rejection becomes an unhandled rejection.',
      effectReturnsPromise:
        '`{{name}}` expects a cleanup function or nothing and gets this callback\'s promise: the cleanup never runs, and a rejection is unhandled.',
      voidArgument:
        'This parameter takes a function returning `void`, so the promise this one returns is ignored: nothing waits for it, and a rejection is unhandled.',
      voidProperty:
        '`{{name}}` takes a function returning `void`, so the promise this one returns is ignored: nothing waits for it, and a rejection is unhandled.',
      voidReturnValue:
        'This function is returned where a function returning `void` is expected, so its promise is ignored: nothing waits for it, and a rejection is unhandled.',
      voidVariable:
        'This function is stored where a function returning `void` is expected, so its promise is ignored: nothing waits for it, and a rejection is unhandled.',
      voidInheritedMethod:
        '`{{name}}` returns a promise, but `{{base}}` declares it to return `void`: code that holds a `{{base}}` calls it without waiting, and a rejection is unhandled.',
      asyncDispose:
        '`using` calls `Symbol.dispose` without waiting for the promise this method returns: the resource is still being released when the block ends, and a rejection is unhandled. Implement `Symbol.asyncDispose` and use `await using`.',
      suggestForOf: 'Loop with `for...of` and `await`, so that each item finishes before the next and its errors reach this function.',
      suggestPromiseAll: 'Wait for all of them with `await Promise.all(...)`.',
      suggestCatchInside: 'Catch its errors inside the callback with `{{handler}}`.',
      suggestAsyncInsideEffect: 'Run the async work inside a sync effect and catch its errors with `{{handler}}`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowSchema,
            description:
              'Callees that wait for the promises of their callbacks (frameworks whose `on` awaits): a name or dotted path (`"bot.on"`), or `{ from, name }` with `from` one of `package` (with `package`), `file`, `lib`. Strings also name JSX attributes (`"onSubmit"`).',
          },
          checkJsxAttributes: {
            type: 'boolean',
            description: 'Also report async handlers in JSX attributes (`onClick={async () => ...}`) that do not catch their own errors.',
          },
          rejectionHandler: {
            type: 'string',
            minLength: 1,
            description: 'The function the catch-inside suggestion passes errors to.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [], checkJsxAttributes: true, rejectionHandler: 'console.error' }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const oracle = getPromiseOracle(context);
    const typeInfo = getTypeInfo(context);
    const allow = options.allow ?? [];
    const handler = options.rejectionHandler ?? 'console.error';
    const checkJsx = options.checkJsxAttributes !== false;

    return {
      'ArrowFunctionExpression, FunctionExpression'(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression) {
        if (fn.generator) return;
        if (isSyncDisposeMethod(fn)) {
          if (fn.async || oracle.functionReturnsPromise(fn) === 'yes') context.report({ loc: at(fn, fn), messageId: 'asyncDispose' });
          return;
        }
        const slot = findSlot(fn);
        if (!slot || (slot.kind === 'jsx' && !checkJsx)) return;
        if (fn.async || functionReturnsPromise(fn, slot)) checkCallback(fn, fn, slot);
      },
      'CallExpression, NewExpression'(call: TSESTree.CallExpression | TSESTree.NewExpression) {
        call.arguments.forEach((argument, index) => {
          if (argument.type === AST_NODE_TYPES.SpreadElement) {
            checkSpread(argument, call, index);
            return;
          }
          const value = skipWrappers(argument);
          if (value.type !== AST_NODE_TYPES.MemberExpression && value.type !== AST_NODE_TYPES.Identifier) return;
          // Most arguments are data (`save(order)`): a name that cannot hold a function ends it before any lookup.
          if (!typeInfo && value.type === AST_NODE_TYPES.Identifier && !mayHoldFunction(sourceCode, value)) return;
          const slot: CallbackSlot = { kind: 'argument', call, index };
          const known = !!ignoringApi(sourceCode, call, index);
          // Members only where a known API takes them (`emitter.on('x', this.onX)`). Names: without
          // types where the slot may matter; with types, any name for a known API, and elsewhere only
          // names declared as functions (the checker would otherwise type every argument of every call).
          if (value.type === AST_NODE_TYPES.MemberExpression) {
            if (!known) return;
          } else if (typeInfo ? !mayHoldFunction(sourceCode, value, !known) : !known && !mayIgnoreWithoutTypes(slot)) {
            return;
          }
          if (slotMayMatter(slot, false) && returnsPromise(value)) checkCallback(value, functionOf(sourceCode, value), slot);
        });
      },
      JSXAttribute(attribute) {
        if (!checkJsx || attribute.value?.type !== AST_NODE_TYPES.JSXExpressionContainer) return;
        const value = skipWrappers(attribute.value.expression);
        if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return;
        const slot = findSlot(value);
        if (typeInfo && value.type === AST_NODE_TYPES.Identifier && !mayHoldFunction(sourceCode, value)) return;
        if (slot?.kind === 'jsx' && returnsPromise(value)) checkCallback(value, functionOf(sourceCode, value), slot);
      },
      'ClassDeclaration, ClassExpression, TSInterfaceDeclaration'(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression | TSESTree.TSInterfaceDeclaration) {
        for (const found of asyncOverridesOfVoid(sourceCode, typeInfo, node)) {
          context.report({ loc: memberHeadLoc(found.member), messageId: 'voidInheritedMethod', data: { name: found.name, base: found.base } });
        }
      },
      Property(property) {
        // `{ onSave }`, `{ onSave: saveDraft }`: local functions only, read from syntax.
        if (property.parent.type !== AST_NODE_TYPES.ObjectExpression || property.value.type !== AST_NODE_TYPES.Identifier) return;
        if (!typeInfo && declaredPropertySlot(sourceCode, property) !== 'void') return;
        const fn = functionOf(sourceCode, property.value);
        if (fn && !fn.generator && (fn.async || oracle.functionReturnsPromise(fn) === 'yes')) {
          checkCallback(property.value, fn, { kind: 'property', property });
        }
      },
    };

    /**
     * A function that is not `async`: does it return a promise? Without types,
     * first whether the slot can matter at all (a known API, a written void
     * type), so that most callbacks are never read; the checker last, and only
     * for arguments and JSX attributes.
     */
    function functionReturnsPromise(fn: FunctionNode, slot: CallbackSlot): boolean {
      if (!typeInfo && (!mayReturnPromise(fn) || !mayIgnoreWithoutTypes(slot))) return false;
      const syntactic = oracle.functionReturnsPromise(fn);
      if (syntactic !== 'unknown') return syntactic === 'yes';
      if (!typeInfo) return returnsPromiseOnSomePath(oracle, sourceCode, fn);
      if ((slot.kind !== 'argument' && slot.kind !== 'jsx') || !mayReturnCall(fn)) return false;
      return slotMayMatter(slot, true) && oracle.returnsPromise(fn) === 'yes';
    }

    /**
     * With types, before asking what a callback returns: the cheaper question
     * whether its slot can matter. `map`'s array awaited or returned (syntax)
     * ends it; for a function written in place outside the known APIs, so does
     * a parameter whose declared type is not a function returning `void`. (For
     * a name the checker's answer is cached per symbol: cheaper than the callee's.)
     */
    function slotMayMatter(slot: CallbackSlot, inline: boolean): boolean {
      if (!typeInfo || slot.kind !== 'argument') return true;
      const api = ignoringApi(sourceCode, slot.call, slot.index);
      if (api?.kind === 'array' && api.effect === 'values') return promiseArrayUse(sourceCode, slot.call).use !== 'waited';
      return !!api || !inline || typedArgumentSlot(typeInfo, slot.call, slot.index) === 'void';
    }

    /** Without types: can this slot ignore a promise? A catalogued API, an `on*` attribute, or a written `() => void`. */
    function mayIgnoreWithoutTypes(slot: CallbackSlot): boolean {
      switch (slot.kind) {
        case 'argument':
          return !!ignoringApi(sourceCode, slot.call, slot.index) || declaredArgumentSlot(sourceCode, slot.call, slot.index) === 'void';
        case 'jsx':
          return callbackApis.jsxHandlerPattern.test(slot.name) || declaredAttributeSlot(sourceCode, slot.attribute, slot.name) === 'void';
        default:
          return handlerPropertyName(slot) !== null || declaredSlot(slot) === 'void';
      }
    }

    /** `consume(...handlers)` where `consume(...cbs: Array<() => void>)` and the handlers are async. */
    function checkSpread(spread: TSESTree.SpreadElement, call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): void {
      if (!typeInfo && declaredArgumentSlot(sourceCode, call, index) !== 'void') return;
      if (!spreadHoldsPromiseFunctions(oracle, sourceCode, typeInfo, spread.argument)) return;
      const slot = typeInfo ? typedArgumentSlot(typeInfo, call, index) : 'void';
      if (slot === 'void') context.report({ node: spread.argument, messageId: 'voidArgument' });
    }

    /**
     * Is this function-valued name or member one that returns a promise? Names
     * that cannot hold a function never reach the checker; other names ask for
     * their symbol's declared type (cached per symbol), and only when that is
     * `any` the oracle (which also reads imported files and the catalog).
     */
    function returnsPromise(value: TSESTree.Identifier | TSESTree.MemberExpression): boolean {
      if (typeInfo && value.type === AST_NODE_TYPES.Identifier) {
        const local = functionOf(sourceCode, value);
        if (local) return !local.generator && (local.async || oracle.functionReturnsPromise(local) === 'yes');
        const declared = symbolReturnsPromise(typeInfo, value);
        if (declared !== 'unknown') return declared === 'yes';
      }
      return callbackReturnsPromise(oracle, value) === 'yes';
    }

    /** `value` returns a promise and sits in `slot`; `fn` is its function when it is declared in this file. */
    function checkCallback(value: TSESTree.Node, fn: FunctionNode | null, slot: CallbackSlot): void {
      switch (slot.kind) {
        case 'argument':
          checkArgument(value, fn, slot.call, slot.index);
          return;
        case 'jsx':
          checkJsxHandler(value, fn, slot.attribute, slot.name);
          return;
        default:
          checkDeclaredSlot(value, fn, slot);
      }
    }

    function checkArgument(value: TSESTree.Node, fn: FunctionNode | null, call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): void {
      if (isPromiseConstructor(sourceCode, call) || isFinallyCall(sourceCode, call)) return;
      if (matchesAllow(sourceCode, call.callee, allow) || matchesAllowedMethod(sourceCode, typeInfo, call.callee, allow)) return;
      const api = ignoringApi(sourceCode, call, index);
      if (api?.kind === 'effect') {
        // Catching errors inside does not help: the hook still gets a promise where a cleanup belongs.
        const fix = fn && skipWrappers(value) === fn ? effectFix(sourceCode, fn, handler) : null;
        context.report({
          loc: at(value, fn),
          messageId: 'effectReturnsPromise',
          data: { name: api.name },
          suggest: fix ? [{ messageId: 'suggestAsyncInsideEffect', data: { handler }, fix }] : [],
        });
        return;
      }
      if (api?.kind === 'array') {
        if (checkArrayCallback(value, fn, call as TSESTree.CallExpression, api)) return;
      } else if (api) {
        checkIgnoredCallback(value, fn, call, index, api);
        return;
      }
      const slot = typeInfo ? typedArgumentSlot(typeInfo, call, index) : declaredArgumentSlot(sourceCode, call, index);
      if (slot !== 'void' || handlesErrors(value, fn)) return;
      context.report({ loc: at(value, fn), messageId: 'voidArgument', suggest: catchInside(value, fn) });
    }

    /** Array methods; false when the checker says this `forEach`/`filter` is not the builtin one (a stream's), so the generic check decides. */
    function checkArrayCallback(
      value: TSESTree.Node,
      fn: FunctionNode | null,
      call: TSESTree.CallExpression,
      api: Extract<IgnoringApi, { kind: 'array' }>,
    ): boolean {
      const { callee, method } = api;
      const builtin = typeInfo ? isLibMethod(typeInfo, callee, method) : 'unknown';
      if (builtin === 'no') return false;
      if (builtin === 'unknown' && isAwaitingReceiver(sourceCode, callee.object)) return true;
      const where = getAsyncContext(sourceCode, call);
      const data = { method };
      switch (api.effect) {
        case 'ignored': {
          const suggest: Suggestion[] = [];
          const keyed = isKeyedCollection(sourceCode, typeInfo, callee.object);
          const target = fn ?? functionOf(sourceCode, value);
          if (where.canAwait && !keyed && target === value) {
            const loop = forOfFix(sourceCode, call, target, (expression) => oracle.isPromise(expression) === 'yes');
            if (loop) suggest.push({ messageId: 'suggestForOf', fix: loop });
          }
          const all = where.canAwait && !keyed ? promiseAllForEachFix(call) : null;
          if (all) suggest.push({ messageId: 'suggestPromiseAll', fix: all });
          context.report({ loc: at(value, fn), messageId: 'forEachNotAwaited', data, suggest });
          return true;
        }
        case 'truthy':
          context.report({ loc: at(value, fn), messageId: 'predicateIsPromise', data });
          return true;
        case 'number':
          context.report({ loc: at(value, fn), messageId: 'comparatorIsPromise', data });
          return true;
        case 'accumulator': {
          const reducer = fn ?? functionOf(sourceCode, value);
          if (reducer && !awaitsParameter(sourceCode, reducer, 0)) context.report({ loc: at(value, fn), messageId: 'reducerNotAwaited' });
          return true;
        }
        case 'values': {
          const verdict = promiseArrayUse(sourceCode, call);
          if (verdict.use === 'waited') return true;
          const stored = verdict.at !== call;
          const canAwait = getAsyncContext(sourceCode, stored ? call : verdict.at).canAwait;
          const suggest: Suggestion[] = [];
          if (canAwait) {
            const fix = verdict.use === 'dropped' && !stored
              ? (fixer: TSESLint.RuleFixer) => awaitAll(fixer, sourceCode, call)
              : promiseAllFix(sourceCode, call);
            suggest.push({ messageId: 'suggestPromiseAll', fix });
          }
          context.report({
            loc: at(value, fn),
            messageId: verdict.use === 'dropped' ? 'mapResultDropped' : verdict.use === 'awaited' ? 'mapResultAwaited' : 'mapResultAsValues',
            data,
            suggest,
          });
          return true;
        }
      }
    }

    /** Emitters, timers, Node callbacks: they call the function and drop its promise. */
    function checkIgnoredCallback(
      value: TSESTree.Node,
      fn: FunctionNode | null,
      call: TSESTree.CallExpression | TSESTree.NewExpression,
      index: number,
      api: Exclude<IgnoringApi, { kind: 'array' | 'effect' }>,
    ): void {
      const slot: SlotAnswer = typeInfo ? typedArgumentSlot(typeInfo, call, index) : declaredArgumentSlot(sourceCode, call, index);
      // The callee declares it takes a promise (or any result, for a listener API of some framework): it may wait.
      if (slot === 'thenable' || (api.kind === 'listener' && slot === 'other')) return;
      // `new EventEmitter({ captureRejections: true })` sends a rejected listener to 'error'.
      const callee = skipWrappers(call.callee);
      if (api.kind === 'listener' && callee.type === AST_NODE_TYPES.MemberExpression && capturesRejections(sourceCode, callee.object)) return;
      if (handlesErrors(value, fn)) return;
      context.report({
        loc: at(value, fn),
        messageId: api.kind === 'listener' ? 'listenerIgnored' : 'callbackIgnored',
        data: { method: api.kind === 'listener' ? api.method : api.name },
        suggest: catchInside(value, fn),
      });
    }

    function checkJsxHandler(value: TSESTree.Node, fn: FunctionNode | null, attribute: TSESTree.JSXAttribute, name: string): void {
      if (allow.includes(name)) return;
      const slot = typeInfo && attribute.value ? typedContextualSlot(typeInfo, attribute.value) : declaredAttributeSlot(sourceCode, attribute, name);
      if (slot === 'thenable' || slot === 'other') return;
      if (slot !== 'void' && !callbackApis.jsxHandlerPattern.test(name)) return;
      if (handlesErrors(value, fn)) return;
      context.report({ loc: at(value, fn), messageId: 'jsxHandlerIgnored', data: { name }, suggest: catchInside(value, fn) });
    }

    /** Properties, returned functions, variables and assignments whose type is a function returning `void`. */
    function checkDeclaredSlot(value: TSESTree.Node, fn: FunctionNode | null, slot: Exclude<CallbackSlot, { kind: 'argument' | 'jsx' }>): void {
      let answer: SlotAnswer;
      if (typeInfo) {
        const node = slot.kind === 'property' && slot.property.method ? slot.property : value;
        answer = typedContextualSlot(typeInfo, node);
      } else {
        answer = declaredSlot(slot);
      }
      const handlerProperty = handlerPropertyName(slot);
      if (handlerProperty !== null && answer !== 'thenable') {
        if (handlesErrors(value, fn)) return;
        context.report({ loc: at(value, fn), messageId: 'handlerPropertyIgnored', data: { name: handlerProperty }, suggest: catchInside(value, fn) });
        return;
      }
      if (answer !== 'void' || handlesErrors(value, fn)) return;
      const suggest = catchInside(value, fn);
      if (slot.kind === 'property') {
        context.report({ loc: at(value, fn), messageId: 'voidProperty', data: { name: sourceCode.getText(slot.property.key) }, suggest });
      } else {
        context.report({ loc: at(value, fn), messageId: slot.kind === 'return' ? 'voidReturnValue' : 'voidVariable', suggest });
      }
    }

    /** `socket.onmessage = ...`: the name of a DOM-style handler property being assigned, else null. */
    function handlerPropertyName(slot: CallbackSlot): string | null {
      if (slot.kind !== 'assignment' || slot.assignment.left.type !== AST_NODE_TYPES.MemberExpression) return null;
      const name = memberName(slot.assignment.left);
      return name !== null && callbackApis.handlerPropertyPattern.test(name) ? name : null;
    }

    /** Without a checker: the written type of the variable, or of the function's return value. */
    function declaredSlot(slot: Exclude<CallbackSlot, { kind: 'argument' | 'jsx' }>): SlotAnswer {
      switch (slot.kind) {
        case 'variable':
          return declaredSlotOf(sourceCode, slot.declarator.id.typeAnnotation?.typeAnnotation);
        case 'return':
          return declaredSlotOf(sourceCode, slot.fn.returnType?.typeAnnotation);
        case 'property':
          return declaredPropertySlot(sourceCode, slot.property);
        case 'assignment': {
          const left = slot.assignment.left;
          if (left.type === AST_NODE_TYPES.MemberExpression) return declaredMemberAssignmentSlot(sourceCode, left);
          if (left.type !== AST_NODE_TYPES.Identifier) return 'unknown';
          const def = sourceCode.getScope(left).references.find((ref) => ref.identifier === left)?.resolved?.defs[0];
          return def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier
            ? declaredSlotOf(sourceCode, def.node.id.typeAnnotation?.typeAnnotation)
            : 'unknown';
        }
        default:
          return 'unknown';
      }
    }

    /** Slots that cannot wait anyway: a callback that catches its own errors (or calls a local function that does) is fine there. */
    function handlesErrors(value: TSESTree.Node, fn: FunctionNode | null): boolean {
      return callbackHandlesOwnErrors(sourceCode, value, fn);
    }

    /** Suggest catching inside the callback, where it is written (never in a declaration it names). */
    function catchInside(value: TSESTree.Node, fn: FunctionNode | null): Suggestion[] {
      if (!fn || skipWrappers(value) !== fn) return [];
      const fix = catchInsideFix(sourceCode, fn, handler, (node) => oracle.isPromise(node) === 'yes');
      return fix ? [{ messageId: 'suggestCatchInside', data: { handler }, fix }] : [];
    }

    /** Where to put the squiggle: the head of a function written in place, else the name. */
    function at(value: TSESTree.Node, fn: FunctionNode | null): TSESTree.SourceLocation {
      return fn && skipWrappers(value) === fn ? functionHeadLoc(sourceCode, fn) : value.loc;
    }
  },
});
