/**
 * Reading promise chains: does this chain end in a rejection handler?
 * (`p.catch(h)`, `p.then(ok, h)`, `p.catch(h).finally(f)`.)
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isNullish, memberName, skipWrappers } from './ast.js';
import type { AllowSpec } from './specifiers.js';

/** Does the chain that produces this value handle rejections at its end? */
export function isHandledPromise(node: TSESTree.Node): boolean {
  const value = skipWrappers(node);
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(value.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const [first, second] = value.arguments;
  switch (memberName(callee)) {
    case 'catch':
      return !isNullish(first);
    case 'then':
      return value.arguments.length >= 2 && !isNullish(second);
    case 'finally':
      // `finally` passes its receiver's outcome through.
      return isHandledPromise(callee.object);
    default:
      return false;
  }
}

/**
 * Callees whose returned promise is meant to be dropped: `node:test` registers
 * tests and reports their failures itself (`import test from 'node:test'` is
 * the `default` export).
 */
export const knownSafeCallees: readonly AllowSpec[] = [
  {
    from: 'package',
    package: 'node:test',
    name: ['default', 'skip', 'only', 'todo', 'test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach', 'test.skip', 'test.only', 'test.todo', 'it.skip', 'it.only', 'it.todo', 'describe.skip', 'describe.only'],
  },
];

/**
 * `queue.shift()`, `pending.pop()`: a promise taken out of a collection and
 * dropped was started when it was put in, by code that holds it; dropping it
 * here starts nothing and loses nothing that was not already there.
 */
export function takesFromCollection(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length > 0) return false;
  const callee = skipWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  return name === 'shift' || name === 'pop';
}
