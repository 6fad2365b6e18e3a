/**
 * One promise per input item, all started at once: `Promise.all(items.map(async ...))`
 * or a loop that pushes a promise per item and awaits them together. With a large
 * input that is thousands of sockets, file handles or queries in flight at the
 * same moment: `EMFILE`, exhausted connection pools, rate limits, memory spikes.
 * The asyncio "amount of spawned tasks not controlled" pitfall.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, skipWrappers, type FunctionNode } from '../lib/ast.js';
import {
  COMBINATORS,
  collectionOrigin,
  enclosingLoop,
  fanOut,
  invokesItems,
  isPromiseCombinator,
  isPushIntoAwaitedArray,
  isSmallCollection,
  loopCollection,
  mapperFunction,
  mapperStartsWork,
  releasesResources,
  runsOnOwnConnection,
  usesLimiter,
  type Loop,
} from '../lib/concurrency.js';
import { createRule } from '../lib/create-rule.js';
import { getPromiseOracle } from '../lib/promise-oracle.js';
import { variableOf } from '../lib/scope.js';
import { matchesAllow } from '../lib/specifiers.js';

export type Options = [{ allow?: string[] }];

export type MessageIds = 'unboundedAll' | 'unboundedPush';

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-concurrency',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow starting one promise per item of an input of unknown size all at once',
      strict: true,
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      unboundedAll:
        '`Promise.{{combinator}}` starts one operation per item of `{{source}}`, all at once: a large input opens that many connections, handles or queries together and can exhaust them. Limit the concurrency (`p-limit`, a worker pool).',
      unboundedPush:
        'A promise is started on every iteration and they all run at once: a large input opens that many connections, handles or queries together and can exhaust them. Limit the concurrency (`p-limit`, a worker pool).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', minLength: 1 },
            description:
              'Limiters: a mapper that runs its work through one of these calls is already bounded. A dotted path (`queue.add`) or, without a dot, a function or method name (`limit`).',
          },
        },
      },
    ],
    defaultOptions: [{ allow: ['limit', 'schedule', 'acquire', 'queue.add', 'pool.exec', 'pool.run'] }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const allow = options.allow ?? [];
    const isLimiter = (call: TSESTree.CallExpression): boolean => matchesAllow(sourceCode, call.callee, allow);

    return {
      CallExpression(node) {
        const callee = skipWrappers(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = memberName(callee);
        if (name !== null && COMBINATORS.has(name)) checkCombinator(node, name);
        else if (name === 'push') checkPush(node);
      },
    };

    function checkCombinator(call: TSESTree.CallExpression, combinator: string): void {
      const [argument] = call.arguments;
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement || !isPromiseCombinator(sourceCode, call)) return;
      const spread = fanOut(argument) ?? fanOutBehind(argument);
      if (!spread || isSmallCollection(sourceCode, spread.source)) return;
      // Only input the code receives grows without bound; state it owns (its pools, its config) does not.
      if (collectionOrigin(sourceCode, spread.source) !== 'input' || releasesResources(sourceCode, spread.mapper)) return;
      if (!startsWork(spread.mapper)) return;
      // A query runner's own statements queue on the one connection it holds: nothing runs at once.
      if (runsOnOwnConnection(sourceCode, call, spread.mapper)) return;
      // Calling each plugin's hook or each registered function: the program's registrations set how many.
      if (invokesItems(sourceCode, spread.mapper)) return;
      context.report({ node: call, messageId: 'unboundedAll', data: { combinator, source: sourceCode.getText(spread.source) } });
    }

    function checkPush(call: TSESTree.CallExpression): void {
      const [pushed] = call.arguments;
      if (!pushed || pushed.type === AST_NODE_TYPES.SpreadElement || call.arguments.length !== 1) return;
      const loop = enclosingLoop(call);
      if (!loop || isSmallLoop(loop)) return;
      const iterated = loopCollection(loop);
      if (!iterated || collectionOrigin(sourceCode, iterated) !== 'input') return;
      const value = skipWrappers(pushed);
      if (value.type === AST_NODE_TYPES.CallExpression && (isLimiter(value) || releasesResources(sourceCode, value.callee))) return;
      if (!isPushIntoAwaitedArray(sourceCode, call)) return;
      if (getPromiseOracle(context).isPromise(pushed) !== 'yes') return;
      if (runsOnOwnConnection(sourceCode, call, pushed)) return;
      context.report({ node: call, messageId: 'unboundedPush' });
    }

    /** `const jobs = items.map(async ...); await Promise.all(jobs)`. */
    function fanOutBehind(argument: TSESTree.Node): ReturnType<typeof fanOut> {
      const value = skipWrappers(argument);
      if (value.type !== AST_NODE_TYPES.Identifier) return null;
      const def = variableOf(sourceCode, value)?.defs[0];
      return def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? fanOut(def.node.init) : null;
    }

    /** The mapper returns a promise and does not run its work through a limiter. */
    function startsWork(mapper: TSESTree.Node): boolean {
      const oracle = getPromiseOracle(context);
      const fn = mapperFunction(sourceCode, mapper);
      if (fn) {
        if (usesLimiter(fn, sourceCode.visitorKeys, isLimiter)) return false;
        // `(p) => p.catch(...)`: the items are promises already started; this only chains onto them.
        if (chainsOnParameter(fn)) return false;
        // An inline mapper that only waits for promises already started (`async (k) => out[k] = await obj[k]`).
        if (fn === skipWrappers(mapper) && !mapperStartsWork(fn, sourceCode.visitorKeys)) return false;
        const answer = oracle.functionReturnsPromise(fn);
        // `(id) => client.get(id)`: ask about the returned expression, which the checker may know.
        return answer === 'yes' || (answer === 'unknown' && fn.body?.type !== AST_NODE_TYPES.BlockStatement && !!fn.body && oracle.isPromise(fn.body) === 'yes');
      }
      const value = skipWrappers(mapper);
      if (value.type === AST_NODE_TYPES.CallExpression && isLimiter(value)) return false;
      if (matchesAllow(sourceCode, value, allow)) return false;
      return oracle.returnsPromise(value) === 'yes';
    }

    /** `for (const x of [a, b, c])`, `for (let i = 0; i < 4; i++)`: a handful of iterations. */
    function isSmallLoop(loop: Loop): boolean {
      if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) return isSmallCollection(sourceCode, loop.right);
      if (loop.type !== AST_NODE_TYPES.ForStatement || loop.test?.type !== AST_NODE_TYPES.BinaryExpression) return false;
      const bound = loop.test.right;
      return bound.type === AST_NODE_TYPES.Literal && typeof bound.value === 'number' && bound.value <= 16;
    }
  },
});

const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

/** `(p) => p.then(...).catch(...)`: an arrow whose result is a chain on its own parameter. */
function chainsOnParameter(fn: FunctionNode): boolean {
  if (!fn.body || fn.body.type === AST_NODE_TYPES.BlockStatement) return false;
  let current: TSESTree.Node = skipWrappers(fn.body);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipWrappers(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !CHAIN_METHODS.has(memberName(callee) ?? '')) return false;
    current = skipWrappers(callee.object);
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  const name = current.name;
  return fn.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.name === name);
}
