/**
 * A promise used as if it were the value it resolves to: tested (always
 * truthy), compared (equal to nothing), printed (`[object Promise]`),
 * spread (no properties), destructured or read (`undefined`), iterated or
 * called (`TypeError`). The asyncio "coroutine was never awaited" pitfall:
 * the code runs on with the promise in hand and never sees the result.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, skipWrappers } from '../lib/ast.js';
import { getAsyncContext } from '../lib/async-context.js';
import { consumerMethodNames, promiseInspectors, valueConsumers, type ConsumerEffect } from '../lib/catalogs/value-consuming-apis.js';
import { createRule } from '../lib/create-rule.js';
import { insertAwait, wrapAwait } from '../lib/fixes.js';
import { getImportResolver } from '../lib/imports.js';
import { parameterTakesAnything } from '../lib/parameter-types.js';
import { cannotBePromise, getPromiseOracle, type Answer } from '../lib/promise-oracle.js';
import { getPromiseShape } from '../lib/promise-shape.js';
import { getTypeInfo } from '../lib/type-info.js';
import { readsOnlyPromiseMembers, unawaitedCall, usesAt, type UseKind, type ValueUse } from '../lib/value-use.js';

export type Options = [
  {
    checkConditionals?: boolean;
    checkCoercions?: boolean;
    checkShapes?: boolean;
    checkArguments?: boolean;
    checkThenables?: boolean;
  },
];

export type MessageIds =
  | 'promiseInCondition'
  | 'promiseSelected'
  | 'promiseNullish'
  | 'promiseCompared'
  | 'promiseAsNumber'
  | 'promiseAsString'
  | 'promiseSpread'
  | 'promiseIterated'
  | 'promiseEnumerated'
  | 'promiseDestructured'
  | 'promiseMember'
  | 'promiseCalled'
  | 'promiseLogged'
  | 'promiseSerialized'
  | 'promiseKeys'
  | 'promiseCloned'
  | 'promiseAsArgument'
  | 'maybePromise'
  | 'suggestAwait';

type ReportId = Exclude<MessageIds, 'suggestAwait' | 'maybePromise'>;
type Check = 'conditionals' | 'coercions' | 'shapes';

interface KindInfo {
  /** The option that turns this kind of use on. */
  readonly check: Check;
  /** What a promise does there. */
  readonly messageId: ReportId;
  /**
   * Worth asking the checker about a call result here. Where TypeScript itself
   * rejects a promise (reading a property it lacks, iterating, calling it,
   * arithmetic, `<`), a typed program already has a compile error: syntax and
   * the declarations of imported files answer there, without the checker.
   */
  readonly checker: boolean;
}

const KINDS: Readonly<Record<Exclude<UseKind, 'argument'>, KindInfo>> = {
  test: { check: 'conditionals', messageId: 'promiseInCondition', checker: true },
  select: { check: 'conditionals', messageId: 'promiseSelected', checker: true },
  nullish: { check: 'conditionals', messageId: 'promiseNullish', checker: true },
  equality: { check: 'coercions', messageId: 'promiseCompared', checker: true },
  relational: { check: 'coercions', messageId: 'promiseAsNumber', checker: false },
  arithmetic: { check: 'coercions', messageId: 'promiseAsNumber', checker: false },
  string: { check: 'coercions', messageId: 'promiseAsString', checker: true },
  'object-spread': { check: 'shapes', messageId: 'promiseSpread', checker: true },
  iterate: { check: 'shapes', messageId: 'promiseIterated', checker: false },
  enumerate: { check: 'shapes', messageId: 'promiseEnumerated', checker: true },
  destructure: { check: 'shapes', messageId: 'promiseDestructured', checker: false },
  member: { check: 'shapes', messageId: 'promiseMember', checker: false },
  call: { check: 'shapes', messageId: 'promiseCalled', checker: false },
};

const EFFECTS: Readonly<Record<ConsumerEffect, ReportId>> = {
  log: 'promiseLogged',
  serialize: 'promiseSerialized',
  string: 'promiseAsString',
  number: 'promiseAsNumber',
  boolean: 'promiseInCondition',
  compare: 'promiseCompared',
  keys: 'promiseKeys',
  clone: 'promiseCloned',
  copy: 'promiseSpread',
};

export default createRule<Options, MessageIds>({
  name: 'no-unawaited-value',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow using a promise as if it were the value it resolves to',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      promiseInCondition:
        'This is a promise, and a promise is always truthy: the test passes at once and never sees the value it resolves to.',
      promiseSelected:
        'This promise is always truthy, so the operator never looks past it: `p || x` is always `p`, `p && x` is always `x`.',
      promiseNullish: 'A promise is never `null` or `undefined`: the right side of `??` never runs, whatever it resolves to.',
      promiseCompared:
        'This compares the promise object, not the value it resolves to: it equals no other value, so the result is fixed before it settles.',
      promiseAsNumber: 'A promise turns into `NaN` here: the arithmetic or comparison never sees the value it resolves to.',
      promiseAsString: 'A promise turns into the text `[object Promise]` here, not into the value it resolves to.',
      promiseSpread: 'Spreading a promise copies none of its result: the value it resolves to never reaches this object.',
      promiseIterated: 'A promise is not iterable: this throws a `TypeError` instead of iterating the value it resolves to.',
      promiseEnumerated: 'A promise has no enumerable properties: this loop runs zero times, whatever the promise resolves to.',
      promiseDestructured:
        'This destructures the promise, not the value it resolves to: the names get `undefined` (or a `TypeError` is thrown).',
      promiseMember:
        '`{{name}}` is read from the promise, not from the value it resolves to: it is `undefined`, and calling it throws a `TypeError`.',
      promiseCalled: 'A promise is not a function: calling it throws a `TypeError` instead of calling the function it resolves to.',
      promiseLogged: 'This prints `Promise { <pending> }`, not the value the promise resolves to.',
      promiseSerialized: 'A promise serializes as `{}`: the value it resolves to is lost.',
      promiseKeys: 'A promise has no own properties: this gives an empty list, whatever the promise resolves to.',
      promiseCloned: 'A promise cannot be cloned: `structuredClone` throws a `DataCloneError`.',
      promiseAsArgument:
        'This parameter takes any value, so it receives the pending promise, not the value it resolves to.',
      maybePromise:
        'This value is a promise on some paths (`T | Promise<T>`): there it is used as if it were the value it resolves to.',
      suggestAwait: 'Await it, so that this code uses the value it resolves to.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkConditionals: {
            type: 'boolean',
            description:
              'Report promises tested for truthiness (`if`, loops, `?:`, `!`, `&&`, `||`) or nullishness (`??`).',
          },
          checkCoercions: {
            type: 'boolean',
            description:
              'Report promises compared, turned into strings or numbers, or handed to functions that print, serialize or convert a value (`console.log`, `JSON.stringify`, `String`).',
          },
          checkShapes: {
            type: 'boolean',
            description:
              'Report promises spread, iterated, destructured, called, or read for a property a promise does not have.',
          },
          checkArguments: {
            type: 'boolean',
            description:
              'With type information, report promises passed to a parameter declared `any`, `unknown`, `{}` or `object`.',
          },
          checkThenables: {
            type: 'boolean',
            description:
              'Treat thenables that are not Promises (query builders, `PromiseLike`) as promises; a property they have is never reported.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        checkConditionals: true,
        checkCoercions: true,
        checkShapes: true,
        checkArguments: true,
        checkThenables: true,
      },
    ],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const checkThenables = options.checkThenables !== false;
    const oracle = getPromiseOracle(context, { checkThenables });
    const shape = getPromiseShape(context, { checkThenables });
    const typeInfo = getTypeInfo(context);
    const resolveImport = getImportResolver(sourceCode);
    const enabled: Readonly<Record<Check, boolean>> = {
      conditionals: options.checkConditionals !== false,
      coercions: options.checkCoercions !== false,
      shapes: options.checkShapes !== false,
    };
    const checkTypedArguments = options.checkArguments !== false && typeInfo !== null;
    const callAnswers = new WeakMap<TSESTree.CallExpression, Answer>();

    const check = (node: TSESTree.Node): void => {
      for (const use of usesAt(node)) checkUse(use);
    };

    return {
      IfStatement: check,
      WhileStatement: check,
      DoWhileStatement: check,
      ForStatement: check,
      ConditionalExpression: check,
      UnaryExpression: check,
      LogicalExpression: check,
      BinaryExpression: check,
      AssignmentExpression: check,
      TemplateLiteral: check,
      SwitchStatement: check,
      SpreadElement: check,
      ForOfStatement: check,
      ForInStatement: check,
      VariableDeclarator: check,
      // The most frequent node: in `this.x` and `'a'.length` the object is no promise this rule can see, before any use is built.
      MemberExpression: (node) => {
        const object = skipWrappers(node.object);
        if (object.type !== AST_NODE_TYPES.ThisExpression && !cannotBePromise(object)) check(node);
      },
      CallExpression: check,
    };

    function checkUse(use: ValueUse): void {
      // Syntax first: literals, functions, `await x`, `a + b` are never promises.
      if (cannotBePromise(skipWrappers(use.operand))) return;
      if (use.kind === 'argument') {
        checkArgument(use);
        return;
      }
      const { check: option, messageId } = KINDS[use.kind];
      if (!enabled[option]) return;
      if ((use.kind === 'member' || use.kind === 'destructure') && readsOnlyPromiseMembers(use)) return;
      const value = skipWrappers(use.operand);
      if (isPromise(value, use.kind) !== 'yes') return;
      if (use.kind === 'equality' && !isSurelyNotPromise(use.other)) return;
      const certainty = shape.certainty(value);
      if (use.kind === 'object-spread') {
        // Spreading a promise is wrong on any path that holds one.
        if (certainty === 'unknown') return;
      } else if (certainty !== 'always' && certainty !== 'or-value') {
        // `if (this.pending)`, `cached ?? load()`: a presence check, not a use of the value.
        return;
      }
      const maybe = certainty === 'or-value' && use.kind !== 'object-spread';
      if (use.kind === 'member' || use.kind === 'destructure') {
        const missing = (use.names ?? []).find((name) => shape.hasMember(value, name) === 'no');
        if (missing === undefined) return;
        report(use, messageId, maybe, { name: missing });
        return;
      }
      report(use, messageId, maybe);
    }

    /** `console.log(p)`, `JSON.stringify(p)`; with types, any parameter that takes `any`/`unknown`. */
    function checkArgument(use: ValueUse): void {
      const call = use.user as TSESTree.CallExpression;
      const index = use.index ?? 0;
      // Without types only the catalogued consumers matter, and a method's own name rules most calls out.
      const callee = skipWrappers(call.callee);
      if (!checkTypedArguments && callee.type === AST_NODE_TYPES.MemberExpression && !consumerMethodNames.has(memberName(callee) ?? '')) return;
      const target = resolveImport(call.callee);
      const consumer = target ? valueConsumers[target.module]?.[target.path.join('.')] : undefined;
      if (consumer) {
        if (!enabled.coercions || (consumer.arguments && !consumer.arguments.includes(index))) return;
        if (!isSurelyPromise(use.operand)) return;
        report(use, EFFECTS[consumer.effect], false);
        return;
      }
      if (!checkTypedArguments) return;
      if (target && isInspector(target.module, target.path.join('.'))) return;
      if (!isSurelyPromise(use.operand)) return;
      if (!parameterTakesAnything(typeInfo, call, index)) return;
      report(use, 'promiseAsArgument', false);
    }

    /**
     * Syntax first. The checker is asked only about call results (`load()`,
     * `const user = getUser()`), where unawaited promises come from, in the
     * uses TypeScript itself lets through; and for those, first whether any
     * signature of the callee returns a promise (the callee's type is cheap,
     * the call's is not).
     */
    function isPromise(value: TSESTree.Node, kind: UseKind): Answer {
      const syntactic = oracle.isPromiseSyntactically(value);
      if (syntactic !== 'unknown' || !oracle.typed) return syntactic;
      const call = unawaitedCall(sourceCode, value);
      if (!call) return 'unknown';
      // `const cart = getCart(); cart.total`: what the imported file declares, without the checker.
      if (kind !== 'argument' && !KINDS[kind].checker) return call === value ? syntactic : oracle.isPromiseSyntactically(call);
      return callIsPromise(call);
    }

    /** Asked once per call (`const user = getUser()` read ten times asks about `getUser()` once). */
    function callIsPromise(call: TSESTree.CallExpression): Answer {
      let answer = callAnswers.get(call);
      if (answer === undefined) {
        answer = oracle.returnsPromise(call.callee) === 'no' ? 'no' : oracle.isPromise(call);
        callAnswers.set(call, answer);
      }
      return answer;
    }

    function isSurelyPromise(node: TSESTree.Expression): boolean {
      const value = skipWrappers(node);
      return isPromise(value, 'argument') === 'yes' && shape.certainty(value) === 'always';
    }

    /** The other side of `p === x`: a literal, `undefined`, a string, a number; never another promise. */
    function isSurelyNotPromise(node: TSESTree.Node | undefined): boolean {
      if (!node) return false;
      const value = skipWrappers(node);
      return cannotBePromise(value) || oracle.isPromise(value) === 'no';
    }

    /** `maybe`: the value is a promise on some paths only (`T | Promise<T>`). */
    function report(use: ValueUse, messageId: ReportId, maybe: boolean, data: Record<string, string> = {}): void {
      const node = use.operand;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (getAsyncContext(sourceCode, node).canAwait) {
        suggest.push({ messageId: 'suggestAwait', fix: (fixer) => awaitFix(fixer, use) });
      }
      context.report(maybe ? { node, messageId: 'maybePromise', suggest } : { node, messageId, data, suggest });
    }

    /**
     * `if (await p)`, `(await p).name`; for `(line = next()) !== null` the
     * assignment awaits, so that the variable holds the value too.
     */
    function awaitFix(fixer: TSESLint.RuleFixer, use: ValueUse): TSESLint.RuleFix {
      const value = skipWrappers(use.operand);
      if (value.type === AST_NODE_TYPES.AssignmentExpression && value.operator === '=') {
        return insertAwait(fixer, sourceCode, value.right);
      }
      return bindsTighterThanAwait(use) ? wrapAwait(fixer, sourceCode, use.operand) : insertAwait(fixer, sourceCode, use.operand);
    }
  },
});

/** Where `await p` must be parenthesized: `(await p).x`, `(await p)()`, `(await p) ** 2`. */
function bindsTighterThanAwait(use: ValueUse): boolean {
  const { user, operand } = use;
  if (use.kind === 'member' && user.type === AST_NODE_TYPES.MemberExpression) return true;
  if (use.kind === 'call') return true;
  return user.type === AST_NODE_TYPES.BinaryExpression && user.operator === '**' && user.left === operand;
}

function isInspector(module: string, path: string): boolean {
  return promiseInspectors[module]?.includes(path) === true;
}
