/**
 * Network calls without a bound, and `AbortSignal`s that are not passed on.
 *
 * A network call is looked up in `catalogs/network-apis` through `lib/imports`
 * (so `import { get } from 'node:https'` and `require('https').get` are the
 * same call); its options object is read syntactically: an object literal is
 * judged by its keys, anything else (a variable, a spread) is unknown and never
 * reported. A function "receives a signal" when a parameter is named `signal`,
 * is annotated `AbortSignal`, or is an options object destructured with a
 * `signal` key.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { isFunctionNode, keyName, memberName, skipWrappers, type FunctionNode } from './ast.js';
import type { NetworkApi, NetworkCatalog } from './catalogs/network-apis.js';
import type { Resolver } from './imports.js';
import { localCallee } from './local-callees.js';
import { variableOf } from './scope.js';
import type { TypeInfo } from './type-info.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;

export interface NetworkCall {
  readonly api: NetworkApi;
  /** The callee as written: `fetch`, `https.get`. */
  readonly name: string;
}

/** The catalog entry this call resolves to, or null. */
export function networkCall(sourceCode: SourceCode, resolve: Resolver, call: TSESTree.CallExpression, catalog: NetworkCatalog): NetworkCall | null {
  const target = resolve(call.callee);
  if (!target) return null;
  const api = catalog[target.module]?.[target.path.length === 0 ? 'default' : target.path.join('.')];
  // `https\n  .get` reads as `https.get` in a message.
  return api ? { api, name: sourceCode.getText(call.callee).replace(/\s+/g, '') } : null;
}

export type OptionsArgument =
  | { readonly kind: 'literal'; readonly node: TSESTree.ObjectExpression; readonly index: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown' };

/**
 * The options object among the arguments at `indices`: the first object literal;
 * `none` when those places hold nothing, a URL/string/number or a callback;
 * `unknown` when one holds an expression that may be an options object.
 */
export function optionsArgument(
  call: TSESTree.CallExpression,
  indices: readonly number[],
  /** A second opinion for other expressions (typed mode: a string, a number or a `URL`). */
  knownNotOptions?: (node: TSESTree.Node) => boolean,
): OptionsArgument {
  for (const index of indices) {
    const argument = call.arguments[index];
    if (!argument) continue;
    if (argument.type === AST_NODE_TYPES.SpreadElement) return { kind: 'unknown' };
    const value = skipWrappers(argument);
    if (value.type === AST_NODE_TYPES.ObjectExpression) return { kind: 'literal', node: value, index };
    if (isNotOptions(value) || knownNotOptions?.(value) === true) continue;
    // `https.request(url, { method }, cb)`: with an object literal in a later options place, this one is the URL.
    if (indices.some((later) => later > index && isObjectLiteral(call.arguments[later]))) continue;
    return { kind: 'unknown' };
  }
  return call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement) ? { kind: 'unknown' } : { kind: 'none' };
}

function isObjectLiteral(argument: TSESTree.CallExpressionArgument | undefined): boolean {
  return !!argument && argument.type !== AST_NODE_TYPES.SpreadElement && skipWrappers(argument).type === AST_NODE_TYPES.ObjectExpression;
}

/**
 * Does this file import or require one of the catalog's modules whose export
 * itself is the call (`default`: `import fetch from 'node-fetch'`,
 * `const got = require('got')`)? Only then can any callee name be one.
 */
export function importsCallableModule(program: TSESTree.Program, catalog: NetworkCatalog, canonical: (module: string) => string): boolean {
  const callable = new Set(Object.keys(catalog).filter((module) => catalog[module]?.['default'] !== undefined));
  if (callable.size === 0) return false;
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && callable.has(canonical(statement.source.value))) return true;
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      let init = declarator.init ? skipWrappers(declarator.init) : null;
      while (init?.type === AST_NODE_TYPES.MemberExpression) init = skipWrappers(init.object);
      if (init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'require') continue;
      const [source] = init.arguments;
      if (source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' && callable.has(canonical(source.value))) return true;
    }
  }
  return false;
}

/**
 * Without the checker: a name written as a URL, a string or a port (`url:
 * string`, `target: URL`, `port: number`, `const url = \`...\``) is not an
 * options object.
 */
export function isWrittenNotOptions(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(sourceCode, node)?.defs[0];
  if (!def) return false;
  if (def.type === 'Parameter' && def.name.type === AST_NODE_TYPES.Identifier && def.name.typeAnnotation) {
    const type = def.name.typeAnnotation.typeAnnotation;
    return (
      type.type === AST_NODE_TYPES.TSStringKeyword ||
      type.type === AST_NODE_TYPES.TSNumberKeyword ||
      (type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'URL')
    );
  }
  if (def.type === 'Variable' && def.parent.kind === 'const' && def.node.init) return isNotOptions(skipWrappers(def.node.init));
  return false;
}

/** A URL, a string, a number or a callback: not an options object. */
function isNotOptions(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return true;
    case AST_NODE_TYPES.NewExpression:
      return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'URL';
    default:
      return false;
  }
}

export type KeyAnswer = 'yes' | 'no' | 'unknown';

/** Does the object literal set one of these keys? `unknown` with a spread or a computed key. */
export function hasOptionKey(object: TSESTree.ObjectExpression, keys: readonly string[]): KeyAnswer {
  let answer: KeyAnswer = 'no';
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      answer = 'unknown';
      continue;
    }
    const name = keyName(property.key, property.computed);
    if (name === null) answer = 'unknown';
    else if (keys.includes(name)) return 'yes';
  }
  return answer;
}

/**
 * Is the call bounded some other way: a timeout set on its result
 * (`http.get(...).setTimeout(5000)`, `req.setTimeout(...)` on the variable that
 * holds it), or raced against something else (`Promise.race([fetch(u), timeout])`)?
 */
export function isBoundedElsewhere(sourceCode: SourceCode, call: TSESTree.CallExpression, api: NetworkApi): boolean {
  let child: TSESTree.Node = call;
  let parent = call.parent;
  while (parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.ChainExpression || parent.type === AST_NODE_TYPES.TSAsExpression) {
    child = parent;
    parent = parent.parent;
  }
  if (api.resultTimeoutMethods.length > 0) {
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
      const name = memberName(parent);
      if (name !== null && api.resultTimeoutMethods.includes(name)) return true;
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(sourceCode, parent.id);
      const calls = variable?.references.some((ref) => {
        const member = ref.identifier.parent;
        if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) return false;
        const name = memberName(member);
        return name !== null && api.resultTimeoutMethods.includes(name) && member.parent.type === AST_NODE_TYPES.CallExpression;
      });
      if (calls) return true;
    }
  }
  // `Promise.race([request, timeout])`: the caller is bounded even if the request is not cancelled.
  if (parent.type === AST_NODE_TYPES.ArrayExpression && parent.elements.length > 1) {
    const race = parent.parent;
    if (race.type === AST_NODE_TYPES.CallExpression && race.callee.type === AST_NODE_TYPES.MemberExpression) {
      const object = race.callee.object;
      return object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise' && memberName(race.callee) === 'race';
    }
  }
  return false;
}

/** How a function receives a signal: the binding's name and where it sits among the parameters. */
export interface SignalParameter {
  readonly name: string;
  readonly index: number;
  /** `({ signal }) => ...`: the signal is a key of an options object at `index`. */
  readonly inOptions: boolean;
}

/** Does this function take an `AbortSignal`: a parameter `signal`, one annotated `AbortSignal`, or `{ signal }` destructured? */
export function signalParameter(fn: FunctionNode): SignalParameter | null {
  for (const [index, raw] of fn.params.entries()) {
    let param: TSESTree.Node = raw;
    if (param.type === AST_NODE_TYPES.TSParameterProperty) param = param.parameter;
    if (param.type === AST_NODE_TYPES.AssignmentPattern) param = param.left;
    if (param.type === AST_NODE_TYPES.Identifier) {
      if (param.name === 'signal' || isAbortSignalAnnotation(param.typeAnnotation)) return { name: param.name, index, inOptions: false };
      continue;
    }
    if (param.type !== AST_NODE_TYPES.ObjectPattern) continue;
    for (const property of param.properties) {
      if (property.type !== AST_NODE_TYPES.Property || keyName(property.key, property.computed) !== 'signal') continue;
      let value: TSESTree.Node = property.value;
      if (value.type === AST_NODE_TYPES.AssignmentPattern) value = value.left;
      if (value.type === AST_NODE_TYPES.Identifier) return { name: value.name, index, inOptions: true };
    }
  }
  return null;
}

function isAbortSignalAnnotation(annotation: TSESTree.TSTypeAnnotation | undefined): boolean {
  if (!annotation) return false;
  const type = annotation.typeAnnotation;
  const parts = type.type === AST_NODE_TYPES.TSUnionType ? type.types : [type];
  return parts.some(
    (part) => part.type === AST_NODE_TYPES.TSTypeReference && part.typeName.type === AST_NODE_TYPES.Identifier && part.typeName.name === 'AbortSignal',
  );
}

/** The nearest enclosing function that receives a signal (looking through nested callbacks), with that function. */
export function enclosingSignal(node: TSESTree.Node, signalOf: (fn: FunctionNode) => SignalParameter | null): SignalParameter | null {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const found = signalOf(current);
    if (found) return found;
  }
  return null;
}

/** A function in this file that takes a signal, called here: where the call must put it. */
export function localSignalSlot(sourceCode: SourceCode, call: TSESTree.CallExpression): SignalParameter | null {
  const callee = localCallee(sourceCode, call.callee);
  return callee ? signalParameter(callee) : null;
}

/** Does any argument mention `name` (the signal passed on, possibly inside `AbortSignal.any([...])`)? */
export function mentions(sourceCode: SourceCode, call: TSESTree.CallExpression, name: string): boolean {
  const pattern = new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`);
  return call.arguments.some((argument) => pattern.test(sourceCode.getText(argument)));
}

/**
 * A fix that puts `key: value` into the options at one of `indices`: into the
 * object literal there, or as a new `{ key: value }` argument when the call
 * stops right before that place, or in front of a trailing callback
 * (`http.get(url, cb)` -> `http.get(url, { signal }, cb)`). Null otherwise.
 */
export function insertOptionFix(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  indices: readonly number[],
  property: string,
  knownNotOptions?: (node: TSESTree.Node) => boolean,
): ((fixer: Fixer) => TSESLint.RuleFix) | null {
  const options = optionsArgument(call, indices, knownNotOptions);
  if (options.kind === 'unknown') return null;
  if (options.kind === 'literal') {
    const object = options.node;
    const first = object.properties[0];
    if (!first) return (fixer) => fixer.replaceText(object, `{ ${property} }`);
    return (fixer) => fixer.insertTextBefore(first, `${property}, `);
  }
  const args = call.arguments;
  for (const index of indices) {
    if (index === args.length && index > 0) {
      const last = args[index - 1];
      if (!last) return null;
      return (fixer) => fixer.insertTextAfter(last, `, { ${property} }`);
    }
    const argument = args[index];
    if (index > 0 && argument && (argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression)) {
      return (fixer) => fixer.insertTextBefore(argument, `{ ${property} }, `);
    }
  }
  return null;
}

/**
 * Typed mode: where a callee that is neither in the catalog nor in this file
 * takes a signal, read from its resolved signature: a parameter of type
 * `AbortSignal`, or an options object type with a `signal` property. Options
 * typed as a union with a non-object (`boolean | AddEventListenerOptions`) do
 * not count: the signal is optional there by design.
 */
export function typedSignalSlot(info: TypeInfo, call: TSESTree.CallExpression): SignalParameter | null {
  const tsCall = info.tsNode(call);
  if (!tsCall || !info.ts.isCallExpression(tsCall)) return null;
  const signature = info.checker.getResolvedSignature(tsCall);
  if (!signature) return null;
  for (const [index, parameter] of signature.getParameters().entries()) {
    const type = info.checker.getNonNullableType(info.checker.getTypeOfSymbolAtLocation(parameter, tsCall));
    if (isAbortSignalType(type)) return { name: parameter.getName(), index, inOptions: false };
    if (type.isUnion() || !(type.flags & info.ts.TypeFlags.Object)) continue;
    const signal = type.getProperty('signal');
    if (!signal) continue;
    const signalType = info.checker.getNonNullableType(info.checker.getTypeOfSymbolAtLocation(signal, tsCall));
    if (isAbortSignalType(signalType)) return { name: parameter.getName(), index, inOptions: true };
  }
  return null;
}

function isAbortSignalType(type: ts.Type): boolean {
  return (type.aliasSymbol ?? type.getSymbol())?.getName() === 'AbortSignal';
}

/** Typed mode: is this expression a string, a number or a `URL` (a request target, not an options object)? */
export function isTargetNotOptions(info: TypeInfo, node: TSESTree.Node): boolean {
  const type = info.typeOf(node);
  if (!type) return false;
  return info.tsutils.unionConstituents(type).every(
    (part) =>
      (part.flags & (info.ts.TypeFlags.StringLike | info.ts.TypeFlags.NumberLike)) !== 0 ||
      (part.aliasSymbol ?? part.getSymbol())?.getName() === 'URL',
  );
}

/**
 * Local names that may call a catalog API: the names imported from the
 * catalog's modules (`import { request as httpRequest } from 'node:http'`), so
 * that a cheap name test can run before any resolution.
 */
export function importedNames(program: TSESTree.Program, modules: ReadonlySet<string>, canonical: (module: string) => string): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !modules.has(canonical(statement.source.value))) continue;
    for (const specifier of statement.specifiers) names.add(specifier.local.name);
  }
  return names;
}
