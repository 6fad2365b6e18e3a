/**
 * Callbacks whose promise the caller throws away: where a function value sits
 * (an argument, a property, a JSX attribute, a returned value, a variable),
 * which callees ignore or misread what their callback returns, what a slot's
 * type says it will do with a returned promise (typed, or from the written
 * types of local declarations), whether a callback handles its own errors,
 * and what becomes of the array `items.map(async ...)` makes.
 *
 * Cheap first: everything here that asks the checker is called only after
 * syntax has shown the function is async or returns a promise.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { isFunctionNode, keyName, memberName, skipWrappers, valueParent, type FunctionNode } from './ast.js';
import { callbackApis, type ArrayEffect, type CallbackApiCatalog } from './catalogs/callback-apis.js';
import { isHandledPromise } from './promise-handling.js';
import { localCallee } from './local-callees.js';
import { annotationIsPromise, cannotBePromise, returnedValues, type Answer, type PromiseOracle } from './promise-oracle.js';
import { GLOBAL, canonicalModule, getImportResolver, type ImportTarget } from './imports.js';
import type { AllowSpec } from './specifiers.js';
import type { TypeInfo } from './type-info.js';
import { constInit, variableOf } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

// ------------------------------------------------------------------ where a function value sits

/** The place a function value is handed to, which decides who calls it and what they do with its result. */
export type CallbackSlot =
  | { readonly kind: 'argument'; readonly call: Call; readonly index: number }
  | { readonly kind: 'property'; readonly property: TSESTree.Property }
  | { readonly kind: 'jsx'; readonly attribute: TSESTree.JSXAttribute; readonly name: string }
  | { readonly kind: 'return'; readonly fn: FunctionNode; readonly value: TSESTree.Node }
  | { readonly kind: 'variable'; readonly declarator: TSESTree.VariableDeclarator }
  | { readonly kind: 'assignment'; readonly assignment: TSESTree.AssignmentExpression };

/**
 * Where the value `node` goes: looks through `as`, `!`, `satisfies` and the
 * branches of `a ? f : g` / `a && f` (`onClick={busy ? undefined : async () => ...}`).
 */
export function findSlot(node: TSESTree.Node): CallbackSlot | null {
  let { parent, child } = valueParent(node);
  while (
    (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== child) ||
    (parent?.type === AST_NODE_TYPES.LogicalExpression && (parent.right === child || parent.operator !== '&&'))
  ) {
    ({ parent, child } = valueParent(parent));
  }
  if (!parent) return null;
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
      return index === -1 ? null : { kind: 'argument', call: parent, index };
    }
    case AST_NODE_TYPES.Property:
      return parent.value === child && parent.parent.type === AST_NODE_TYPES.ObjectExpression
        ? { kind: 'property', property: parent }
        : null;
    case AST_NODE_TYPES.JSXExpressionContainer: {
      const attribute = parent.parent;
      if (attribute.type !== AST_NODE_TYPES.JSXAttribute) return null;
      const name = attribute.name.type === AST_NODE_TYPES.JSXIdentifier ? attribute.name.name : attribute.name.name.name;
      return { kind: 'jsx', attribute, name };
    }
    case AST_NODE_TYPES.ReturnStatement: {
      const fn = enclosingFunctionOf(parent);
      return fn ? { kind: 'return', fn, value: child } : null;
    }
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === child ? { kind: 'return', fn: parent, value: child } : null;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === child ? { kind: 'variable', declarator: parent } : null;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === child && parent.operator === '=' ? { kind: 'assignment', assignment: parent } : null;
    default:
      return null;
  }
}

function enclosingFunctionOf(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}

// ------------------------------------------------------------------ is this value an async callback?

/**
 * The function behind a callback value: the function itself, or the local
 * declaration an identifier names (`function onMessage() {}`,
 * `const onMessage = async () => {}`). Null when it is declared elsewhere.
 */
export function functionOf(sourceCode: SourceCode, node: TSESTree.Node): FunctionNode | null {
  const target = skipWrappers(node);
  if (isFunctionNode(target)) return target;
  if (target.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = variableOf(sourceCode, target);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || !def) return null;
  if (def.type === 'FunctionName' && isFunctionNode(def.node)) return def.node;
  if (def.type !== 'Variable' || def.node.id !== def.name || !def.node.init) return null;
  if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== def.name)) return null;
  const init = skipWrappers(def.node.init);
  return isFunctionNode(init) ? init : null;
}

/**
 * Does calling this function value give a promise? Async functions answer
 * from syntax alone; other functions, and names of functions, ask the
 * oracle (syntax first, then the checker). Generators never do.
 */
export function callbackReturnsPromise(oracle: PromiseOracle, node: TSESTree.Node): Answer {
  const target = skipWrappers(node);
  if (isFunctionNode(target)) {
    if (target.generator) return 'no';
    if (target.async) return 'yes';
    return oracle.returnsPromise(target);
  }
  return oracle.returnsPromise(target);
}

/**
 * Typed, and cheap: does the function this name refers to return a promise,
 * by the declared type of its symbol? A symbol's type is computed once and
 * cached, where the type at each reference is narrowed anew; most names handed
 * to calls are no functions at all and stop at "no call signatures".
 */
export function symbolReturnsPromise(info: TypeInfo, node: TSESTree.Identifier): Answer {
  const tsNode = info.tsNode(node);
  const { checker, ts: tsModule } = info;
  let symbol = tsNode ? checker.getSymbolAtLocation(tsNode) : undefined;
  if (!tsNode || !symbol) return 'unknown';
  if (symbol.flags & tsModule.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  if (symbol.flags & tsModule.SymbolFlags.Class) return 'no';
  // A type parameter answers for its constraint (`handler: T` where `T extends () => Promise<void>`).
  const type = checker.getApparentType(checker.getTypeOfSymbol(symbol));
  if (isAnyLike(info, type)) return 'unknown';
  let answer: Answer = 'no';
  for (const part of info.tsutils.unionConstituents(type)) {
    for (const signature of part.getCallSignatures()) {
      const returned = classifyReturn(info, signature.getReturnType(), tsNode);
      if (returned === 'thenable') return 'yes';
      if (isAnyLike(info, signature.getReturnType())) answer = 'unknown';
    }
  }
  return answer;
}

/**
 * Without a checker: does this callback return a promise on some path? The
 * oracle calls a function that returns a promise only on some paths "unknown"
 * (it may be a callback-or-promise API); handed to a slot that ignores the
 * result, the promise it does return on those paths is lost all the same.
 */
export function returnsPromiseOnSomePath(oracle: PromiseOracle, sourceCode: SourceCode, fn: FunctionNode): boolean {
  if (fn.body?.type !== AST_NODE_TYPES.BlockStatement) return false;
  for (const value of returnedValues(fn.body)) {
    if (value && oracle.isPromise(value) === 'yes') return true;
  }
  return false;
}

/**
 * The cheapest filter: can any value this function returns be a promise by
 * its shape (`(x) => x.id + 1`, `() => {}` and `() => [a, b]` cannot)?
 */
export function mayReturnPromise(fn: FunctionNode): boolean {
  if (fn.async) return true;
  const body = fn.body;
  if (!body) return true;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return !cannotBePromise(skipWrappers(body));
  for (const value of returnedValues(body)) if (value && !cannotBePromise(skipWrappers(value))) return true;
  return false;
}

/**
 * A cheap filter before asking the checker what a non-async function returns:
 * does any `return` (or the expression body) give a call, `new` or a branch of
 * one? `(x) => x.id`, `() => count + 1` and `() => {}` never reach the checker.
 */
export function mayReturnCall(fn: FunctionNode): boolean {
  const body = fn.body;
  if (!body) return false;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return isCallLike(body);
  for (const value of returnedValues(body)) if (value && isCallLike(value)) return true;
  return false;
}

function isCallLike(node: TSESTree.Node): boolean {
  const value = skipWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return isCallLike(value.consequent) || isCallLike(value.alternate);
    case AST_NODE_TYPES.LogicalExpression:
      return isCallLike(value.right) || isCallLike(value.left);
    case AST_NODE_TYPES.SequenceExpression:
      return isCallLike(value.expressions[value.expressions.length - 1] ?? value);
    default:
      return false;
  }
}

/**
 * `consume(...handlers)`: does the spread array hold functions that return
 * promises? Typed: an element type's call signatures; untyped: a constant
 * array literal of such functions.
 */
export function spreadHoldsPromiseFunctions(
  oracle: PromiseOracle,
  sourceCode: SourceCode,
  info: TypeInfo | null,
  node: TSESTree.Node,
): boolean {
  const target = skipWrappers(node);
  if (info) {
    const tsNode = info.tsNode(target);
    if (!tsNode) return false;
    const { checker } = info;
    const type = checker.getTypeAtLocation(tsNode);
    return info.tsutils.unionConstituents(type).some((part) => {
      const elements = checker.isArrayType(part) || checker.isTupleType(part) ? checker.getTypeArguments(part as ts.TypeReference) : [];
      return elements.some((element) =>
        info.tsutils.unionConstituents(element).some((callable) =>
          callable.getCallSignatures().some((signature) => classifyReturn(info, signature.getReturnType(), tsNode) === 'thenable'),
        ),
      );
    });
  }
  const value = target.type === AST_NODE_TYPES.Identifier ? constInit(sourceCode, target) : target;
  return (
    value?.type === AST_NODE_TYPES.ArrayExpression &&
    value.elements.some((element) => !!element && element.type !== AST_NODE_TYPES.SpreadElement && callbackReturnsPromise(oracle, element) === 'yes')
  );
}

/**
 * `{ async [Symbol.dispose]() {} }`: `using` calls `Symbol.dispose`
 * synchronously and ignores what it returns. (`Symbol.asyncDispose` is the
 * async one, awaited by `await using`.)
 */
export function isSyncDisposeMethod(fn: FunctionNode): boolean {
  const owner = fn.parent;
  if (
    owner.type !== AST_NODE_TYPES.Property &&
    owner.type !== AST_NODE_TYPES.MethodDefinition &&
    owner.type !== AST_NODE_TYPES.PropertyDefinition
  ) {
    return false;
  }
  const key = owner.key;
  return (
    owner.computed &&
    key.type === AST_NODE_TYPES.MemberExpression &&
    key.object.type === AST_NODE_TYPES.Identifier &&
    key.object.name === 'Symbol' &&
    memberName(key) === 'dispose'
  );
}

/**
 * A cheap guard before asking the checker about an identifier: can this
 * name hold a function at all? `const n = 1`, `let list = []`, a parameter
 * annotated `string`: no. Unknown declarations (imports, parameters without
 * types, globals): maybe.
 */
export function mayHoldFunction(sourceCode: SourceCode, node: TSESTree.Identifier, declaredOnly = false): boolean {
  if (node.name === 'undefined') return false;
  const variable = variableOf(sourceCode, node);
  // `declaredOnly`: only names whose declaration says so (imports, functions, function-typed
  // annotations), not unannotated parameters, globals, or variables set from a call.
  if (!variable || variable.defs.length === 0) return !declaredOnly;
  for (const def of variable.defs) {
    switch (def.type) {
      case 'ClassName':
      case 'CatchClause':
        continue;
      case 'Parameter': {
        const annotation = def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
        if (annotation ? isPossiblyFunctionType(annotation) : !declaredOnly) return true;
        continue;
      }
      case 'Variable': {
        const annotation = def.node.id === def.name ? def.node.id.typeAnnotation?.typeAnnotation : undefined;
        if (annotation) {
          if (isPossiblyFunctionType(annotation)) return true;
          continue;
        }
        const init = def.node.init ? skipWrappers(def.node.init) : null;
        if (declaredOnly) {
          if (init && def.node.id === def.name && isFunctionNode(init)) return true;
          continue;
        }
        if (!init || def.node.id !== def.name || !NOT_FUNCTION_VALUES.has(init.type)) return true;
        continue;
      }
      default:
        return true;
    }
  }
  return false;
}

const NOT_FUNCTION_VALUES = new Set<string>([
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.ClassExpression,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.UnaryExpression,
  AST_NODE_TYPES.UpdateExpression,
  AST_NODE_TYPES.JSXElement,
  AST_NODE_TYPES.JSXFragment,
]);

/** Can a value of this written type be called? Keywords, literals, arrays, tuples: no. */
export function isPossiblyFunctionType(type: TSESTree.TypeNode): boolean {
  switch (type.type) {
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSSymbolKeyword:
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSVoidKeyword:
    case AST_NODE_TYPES.TSNeverKeyword:
    case AST_NODE_TYPES.TSObjectKeyword:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSTemplateLiteralType:
    case AST_NODE_TYPES.TSArrayType:
    case AST_NODE_TYPES.TSTupleType:
    case AST_NODE_TYPES.TSMappedType:
      return false;
    case AST_NODE_TYPES.TSTypeLiteral:
      return type.members.some((member) => member.type === AST_NODE_TYPES.TSCallSignatureDeclaration);
    case AST_NODE_TYPES.TSUnionType:
      return type.types.some(isPossiblyFunctionType);
    default:
      return true;
  }
}

// ------------------------------------------------------------------ callees that ignore their callback

export type IgnoringApi =
  | { readonly kind: 'array'; readonly method: string; readonly effect: ArrayEffect; readonly callee: TSESTree.MemberExpression }
  | { readonly kind: 'listener'; readonly method: string }
  | { readonly kind: 'scheduler'; readonly name: string }
  | { readonly kind: 'callback-style'; readonly name: string }
  | { readonly kind: 'effect'; readonly name: string };

/**
 * Does the callee of `call` ignore (or misread) what its argument at `index`
 * returns, by its name alone? Array methods and listener methods match on any
 * receiver; schedulers and Node callback APIs must resolve to the builtin
 * (a local `setTimeout` or an import from `timers/promises` does not).
 */
export function ignoringApi(
  sourceCode: SourceCode,
  call: Call,
  index: number,
  catalog: CallbackApiCatalog = callbackApis,
): IgnoringApi | null {
  if (call.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticMemberName(sourceCode, callee);
    if (name !== null) {
      const array = Object.hasOwn(catalog.arrayMethods, name) ? catalog.arrayMethods[name] : undefined;
      if (array?.callback === index) return { kind: 'array', method: name, effect: array.effect, callee };
      const listenerAt = Object.hasOwn(catalog.listenerMethods, name) ? catalog.listenerMethods[name] : undefined;
      if (listenerAt !== undefined && index >= listenerAt) return { kind: 'listener', method: name };
      if (catalog.completionMethods.includes(name) && index === call.arguments.length - 1 && index > 0) {
        return { kind: 'callback-style', name };
      }
    }
  }
  if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const target = getImportResolver(sourceCode)(callee);
  if (!target) return null;
  const path = target.path.join('.');
  if (index === 0 && (catalog.effectHooks[target.module] ?? []).includes(path)) return { kind: 'effect', name: path };
  const scheduled = catalog.schedulers[target.module];
  if (scheduled && Object.hasOwn(scheduled, path) && scheduled[path] === index) {
    return { kind: 'scheduler', name: target.path[target.path.length - 1] ?? path };
  }
  if (
    catalog.callbackStyleModules.includes(target.module) &&
    target.path.length === 1 &&
    !path.endsWith('Sync') &&
    !(catalog.notCallbackStyle[target.module] ?? []).includes(path) &&
    index === call.arguments.length - 1 &&
    index > 0
  ) {
    return { kind: 'callback-style', name: path };
  }
  return null;
}

/** `a.b`, `a['b']`, and `a[name]` where `const name = 'b'`. */
export function staticMemberName(sourceCode: SourceCode, node: TSESTree.MemberExpression): string | null {
  const name = memberName(node);
  if (name !== null || !node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return name;
  const variable = variableOf(sourceCode, node.property);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'const') return null;
  const init = def.node.init;
  return init?.type === AST_NODE_TYPES.Literal && typeof init.value === 'string' ? init.value : null;
}

/**
 * Without types: is this receiver a stream or async iterable, whose
 * `forEach`/`filter`/`map` await an async callback? (`Readable.from(rows)`,
 * `fs.createReadStream(path)`, `readline.createInterface(...)`, chains of them.)
 */
export function isAwaitingReceiver(sourceCode: SourceCode, node: TSESTree.Node, catalog: CallbackApiCatalog = callbackApis): boolean {
  const resolve = getImportResolver(sourceCode);
  let current: TSESTree.Node | null = skipWrappers(node);
  for (let depth = 0; current && depth < 6; depth++) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      // `rows: Readable` (a parameter or variable annotated with an imported stream type)
      const annotated = annotatedTypeName(sourceCode, current);
      if (annotated) {
        const target = resolve(annotated);
        return !!target && (catalog.awaitingReceivers[target.module] ?? []).includes(target.path.join('.'));
      }
      current = constInit(sourceCode, current);
      continue;
    }
    if (current.type !== AST_NODE_TYPES.CallExpression && current.type !== AST_NODE_TYPES.NewExpression) return false;
    const callee = skipWrappers(current.callee);
    const target = resolve(callee);
    if (target && (catalog.awaitingReceivers[target.module] ?? []).includes(target.path.join('.'))) return true;
    // `stream.filter(...).map(...)`: the chain keeps the receiver's kind.
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = memberName(callee);
    if (name === null || !Object.hasOwn(catalog.arrayMethods, name)) return false;
    current = skipWrappers(callee.object);
  }
  return false;
}

/** `x: Readable` -> the identifier `Readable`, for a parameter or variable annotated with a plain type name. */
function annotatedTypeName(sourceCode: SourceCode, node: TSESTree.Identifier): TSESTree.Identifier | null {
  const variable = variableOf(sourceCode, node);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || !def || (def.type !== 'Parameter' && def.type !== 'Variable')) return null;
  const annotation = def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return null;
  const name = annotation.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name;
  return null;
}

/**
 * The module a receiver comes from, without types: `const bot = new Telegraf(token)`,
 * `const app = express()`, `client: Client` (imported type), `import bus from 'bus'`.
 */
export function receiverModule(sourceCode: SourceCode, node: TSESTree.Node): string | null {
  const resolve = getImportResolver(sourceCode);
  let current: TSESTree.Node | null = skipWrappers(node);
  for (let depth = 0; current && depth < 4; depth++) {
    const direct = resolve(current);
    if (direct && direct.module !== GLOBAL) return direct.module;
    if (current.type === AST_NODE_TYPES.Identifier) {
      const annotated = annotatedTypeName(sourceCode, current);
      const typed = annotated ? resolve(annotated) : null;
      if (typed) return typed.module === GLOBAL ? null : typed.module;
      current = constInit(sourceCode, current);
      continue;
    }
    if (current.type === AST_NODE_TYPES.AwaitExpression) {
      current = skipWrappers(current.argument);
      continue;
    }
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) {
      // `new Telegraf()`, `express()`, `Fastify.create()`: the maker's module.
      let callee = skipWrappers(current.callee);
      while (callee.type === AST_NODE_TYPES.MemberExpression) callee = skipWrappers(callee.object);
      current = callee;
      continue;
    }
    return null;
  }
  return null;
}

/**
 * Does an allow spec `{ from: 'package', package, name }` name this method
 * call by where its receiver comes from? Typed: the method is declared in
 * that package (its own files or its `@types`). Untyped: the receiver is made
 * by something imported from it (`receiverModule`).
 */
export function matchesAllowedMethod(
  sourceCode: SourceCode,
  info: TypeInfo | null,
  callee: TSESTree.Node,
  specs: readonly AllowSpec[],
): boolean {
  const target = skipWrappers(callee);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(target);
  if (name === null) return false;
  const packages = specs.flatMap((spec) =>
    typeof spec !== 'string' && spec.from === 'package' && (typeof spec.name === 'string' ? [spec.name] : spec.name).includes(name)
      ? [spec.package]
      : [],
  );
  if (packages.length === 0) return false;
  const module = receiverModule(sourceCode, target.object);
  if (module !== null && packages.some((pkg) => canonicalModule(pkg) === module)) return true;
  if (!info) return false;
  const tsProperty = info.tsNode(target.property);
  const symbol = tsProperty ? info.checker.getSymbolAtLocation(tsProperty) : undefined;
  const files = (symbol?.getDeclarations() ?? []).map((declaration) => declaration.getSourceFile().fileName.replaceAll('\\', '/'));
  return packages.some((pkg) => {
    const bare = pkg.replace(/^node:/, '');
    const typesName = bare.startsWith('@') ? bare.slice(1).replace('/', '__') : bare;
    return files.some((file) => file.includes(`/node_modules/${bare}/`) || file.includes(`/node_modules/@types/${typesName}/`));
  });
}

/**
 * Node routes a rejected async listener to the emitter's `'error'` event when
 * it is made with `captureRejections: true` (`new EventEmitter({ captureRejections: true })`,
 * a subclass that passes it to `super`), or when the file turns it on for
 * every emitter (`EventEmitter.captureRejections = true`). Its listeners do
 * not lose their errors.
 */
export function capturesRejections(sourceCode: SourceCode, receiver: TSESTree.Node): boolean {
  if (capturesEverywhere(sourceCode)) return true;
  let current: TSESTree.Node | null = skipWrappers(receiver);
  if (current.type === AST_NODE_TYPES.Identifier) current = constInit(sourceCode, current);
  if (current?.type === AST_NODE_TYPES.ThisExpression) {
    let owner: TSESTree.Node | undefined = current.parent;
    while (owner && owner.type !== AST_NODE_TYPES.ClassBody) owner = owner.parent;
    return owner?.type === AST_NODE_TYPES.ClassBody && classCaptures(owner);
  }
  if (current?.type !== AST_NODE_TYPES.NewExpression) return false;
  if (current.arguments.some(isCaptureOption)) return true;
  const callee = skipWrappers(current.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(sourceCode, callee)?.defs[0];
  return def?.type === 'ClassName' && classCaptures(def.node.body);
}

function isCaptureOption(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ObjectExpression &&
    node.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        keyName(property.key, property.computed) === 'captureRejections' &&
        property.value.type === AST_NODE_TYPES.Literal &&
        property.value.value === true,
    )
  );
}

/** A class whose constructor calls `super({ captureRejections: true })`. */
function classCaptures(body: TSESTree.ClassBody): boolean {
  return body.body.some(
    (member) =>
      member.type === AST_NODE_TYPES.MethodDefinition &&
      member.kind === 'constructor' &&
      member.value.body?.body.some(
        (statement) =>
          statement.type === AST_NODE_TYPES.ExpressionStatement &&
          statement.expression.type === AST_NODE_TYPES.CallExpression &&
          statement.expression.callee.type === AST_NODE_TYPES.Super &&
          statement.expression.arguments.some(isCaptureOption),
      ) === true,
  );
}

const captureEverywhere = new WeakMap<object, boolean>();

/** `EventEmitter.captureRejections = true` (or `events.captureRejections = true`) at the top level of the file. */
function capturesEverywhere(sourceCode: SourceCode): boolean {
  const cached = captureEverywhere.get(sourceCode);
  if (cached !== undefined) return cached;
  const found = sourceCode.ast.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      statement.expression.left.type === AST_NODE_TYPES.MemberExpression &&
      memberName(statement.expression.left) === 'captureRejections' &&
      statement.expression.right.type === AST_NODE_TYPES.Literal &&
      statement.expression.right.value === true,
  );
  captureEverywhere.set(sourceCode, found);
  return found;
}

/** `new Promise(executor)`: the executor is the constructor rule's business. */
export function isPromiseConstructor(sourceCode: SourceCode, call: Call): boolean {
  if (call.type !== AST_NODE_TYPES.NewExpression) return false;
  const target = getImportResolver(sourceCode)(call.callee);
  return target?.module === GLOBAL && target.path.length === 1 && target.path[0] === 'Promise';
}

/** `p.finally(async () => ...)`: `finally` waits for a returned promise, whatever its declared type says. */
export function isFinallyCall(sourceCode: SourceCode, call: Call): boolean {
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && staticMemberName(sourceCode, callee) === 'finally';
}

// ------------------------------------------------------------------ what a slot does with a returned promise

/**
 * What the slot a function goes into will do with the promise it returns:
 * - `void`: the slot's type is a function returning `void`: the promise is ignored;
 * - `thenable`: some accepted signature returns a promise: the callee may wait for it;
 * - `other`: a function type returning something else (`unknown`, `any`, `boolean`);
 * - `unknown`: nothing to go by (`any`, no declaration).
 */
export type SlotAnswer = 'void' | 'thenable' | 'other' | 'unknown';

const RANK: Readonly<Record<SlotAnswer, number>> = { unknown: 0, other: 1, void: 2, thenable: 3 };

/** The more telling of two answers: a promise-accepting signature beats a void one, which beats the rest. */
export function combineSlots(a: SlotAnswer, b: SlotAnswer): SlotAnswer {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * Typed: what the parameter at `index` of every signature of the callee
 * accepts (all overloads, union members and rest parameters, as
 * typescript-eslint's `checksVoidReturn` reads them), then, if that does not
 * decide, the contextual type of the argument (generic instantiations).
 */
const slotMemo = new WeakMap<Call, Map<number, SlotAnswer>>();

export function typedArgumentSlot(info: TypeInfo, call: Call, index: number): SlotAnswer {
  let memo = slotMemo.get(call);
  const known = memo?.get(index);
  if (known) return known;
  const answer = computeArgumentSlot(info, call, index);
  if (!memo) {
    memo = new Map();
    slotMemo.set(call, memo);
  }
  memo.set(index, answer);
  return answer;
}

function computeArgumentSlot(info: TypeInfo, call: Call, index: number): SlotAnswer {
  const { checker, ts: tsModule } = info;
  const tsCall = info.tsNode(call);
  if (!tsCall || !(tsModule.isCallExpression(tsCall) || tsModule.isNewExpression(tsCall))) return 'unknown';
  const calleeType = checker.getTypeAtLocation(tsCall.expression);
  if (isAnyLike(info, calleeType)) return 'unknown';
  let answer: SlotAnswer = 'unknown';
  let generic = false;
  for (const part of info.tsutils.unionConstituents(calleeType)) {
    const signatures = call.type === AST_NODE_TYPES.CallExpression ? part.getCallSignatures() : part.getConstructSignatures();
    for (const signature of signatures) {
      const parameter = parameterTypeAt(info, signature, index, tsCall.expression);
      if (!parameter) continue;
      answer = combineSlots(answer, classifyFunctionType(info, parameter, tsCall));
      if (answer === 'thenable') return answer;
      generic ||= info.tsutils.unionConstituents(parameter).some((one) => info.tsutils.isTypeParameter(one));
    }
  }
  if (answer === 'void' || !generic) return answer;
  // Generic instantiations (`useCallback<() => void>(async () => {})`): the argument's contextual
  // type, which resolves the whole call, so only when the parameter's type is a type parameter.
  const argument = tsCall.arguments?.[index];
  if (!argument) return answer;
  return combineSlots(answer, classifyFunctionType(info, checker.getContextualType(argument), tsCall));
}

function parameterTypeAt(info: TypeInfo, signature: ts.Signature, index: number, location: ts.Node): ts.Type | null {
  const { checker } = info;
  const parameters = signature.getParameters();
  const last = parameters.length - 1;
  const restAt = last >= 0 && isRestParameter(info, parameters[last]) ? last : -1;
  const at = index < parameters.length && index !== restAt ? index : restAt;
  const parameter = parameters[at];
  if (at < 0 || !parameter) return null;
  const type = checker.getTypeOfSymbolAtLocation(parameter, location);
  if (at !== restAt) return type;
  if (checker.isArrayType(type)) return checker.getTypeArguments(type as ts.TypeReference)[0] ?? null;
  if (checker.isTupleType(type)) return checker.getTypeArguments(type as ts.TypeReference)[index - restAt] ?? null;
  return null;
}

function isRestParameter(info: TypeInfo, parameter: ts.Symbol | undefined): boolean {
  const declaration = parameter?.valueDeclaration;
  return !!declaration && info.ts.isParameter(declaration) && declaration.dotDotDotToken !== undefined;
}

/** Typed: the contextual type at a property value, JSX attribute, returned value, initialiser or assigned value. */
export function typedContextualSlot(info: TypeInfo, node: TSESTree.Node): SlotAnswer {
  const tsNode = info.tsNode(node);
  if (!tsNode) return 'unknown';
  const { checker, ts: tsModule } = info;
  // `{ async save() {} }`: a method has no contextual type of its own; its object's property does.
  if (tsModule.isMethodDeclaration(tsNode) && tsModule.isObjectLiteralExpression(tsNode.parent)) {
    if (tsModule.isComputedPropertyName(tsNode.name)) return 'unknown';
    const objectType = checker.getContextualType(tsNode.parent);
    if (!objectType) return 'unknown';
    let answer: SlotAnswer = 'unknown';
    for (const part of info.tsutils.unionConstituents(objectType)) {
      const property = checker.getPropertyOfType(part, tsNode.name.getText());
      if (property) answer = combineSlots(answer, classifyFunctionType(info, checker.getTypeOfSymbolAtLocation(property, tsNode.name), tsNode));
    }
    return answer;
  }
  if (!isExpressionNode(info, tsNode)) return 'unknown';
  return classifyFunctionType(info, checker.getContextualType(tsNode), tsNode);
}

function isExpressionNode(info: TypeInfo, node: ts.Node): node is ts.Expression {
  return info.ts.isExpression(node) || info.ts.isJsxExpression(node);
}

/** What a function type does with a returned promise; see `SlotAnswer`. */
export function classifyFunctionType(info: TypeInfo, type: ts.Type | undefined, location: ts.Node): SlotAnswer {
  // `any` says nothing about what the callee does with a result.
  if (!type || isAnyLike(info, type)) return 'unknown';
  let answer: SlotAnswer = 'unknown';
  for (const part of info.tsutils.unionConstituents(type)) {
    for (const signature of part.getCallSignatures()) {
      answer = combineSlots(answer, classifyReturn(info, signature.getReturnType(), location));
      if (answer === 'thenable') return answer;
    }
  }
  return answer;
}

function classifyReturn(info: TypeInfo, type: ts.Type, location: ts.Node): SlotAnswer {
  const { checker, tsutils, ts: tsModule } = info;
  if (isAnyLike(info, type)) return 'other';
  let answer: SlotAnswer = 'other';
  for (const part of tsutils.unionConstituents(type)) {
    if (tsutils.isThenableType(checker, location, part)) return 'thenable';
    if (tsutils.isTypeFlagSet(part, tsModule.TypeFlags.Void)) answer = 'void';
  }
  return answer;
}

function isAnyLike(info: TypeInfo, type: ts.Type): boolean {
  return info.tsutils.isTypeFlagSet(type, info.ts.TypeFlags.Any | info.ts.TypeFlags.Unknown);
}

/**
 * Typed: is the method `callee` names the one TypeScript's lib declares
 * (`Array#forEach`, `Map#forEach`, `Iterator#filter`), as opposed to a
 * stream's or a library's method of the same name? `unknown` for `any`.
 */
export function isLibMethod(info: TypeInfo, callee: TSESTree.MemberExpression, name: string): Answer {
  const tsObject = info.tsNode(callee.object);
  if (!tsObject) return 'unknown';
  const type = info.checker.getTypeAtLocation(tsObject);
  if (isAnyLike(info, type)) return 'unknown';
  const property = info.checker.getApparentType(type).getProperty(name);
  const declarations = property?.getDeclarations() ?? [];
  if (declarations.length === 0) return 'unknown';
  return declarations.some((declaration) => info.program.isSourceFileDefaultLibrary(declaration.getSourceFile())) ? 'yes' : 'no';
}

const KEYED = new Set(['Map', 'Set', 'ReadonlyMap', 'ReadonlySet']);

/**
 * Is the receiver a `Map` or `Set`, whose `for...of` yields something other
 * than what its `forEach` passes, and which has no `map`? Typed: its type;
 * untyped: `new Map(...)`/`new Set(...)` held in a constant.
 */
export function isKeyedCollection(sourceCode: SourceCode, info: TypeInfo | null, node: TSESTree.Node): boolean {
  if (info) {
    const type = info.typeOf(node);
    return (
      !!type &&
      info.tsutils.unionConstituents(info.checker.getApparentType(type)).some((part) => KEYED.has(part.getSymbol()?.getName() ?? ''))
    );
  }
  const target = skipWrappers(node);
  const value = target.type === AST_NODE_TYPES.Identifier ? constInit(sourceCode, target) : target;
  return (
    value?.type === AST_NODE_TYPES.NewExpression &&
    value.callee.type === AST_NODE_TYPES.Identifier &&
    KEYED.has(value.callee.name)
  );
}

// ------------------------------------------------------------------ the same questions from written types (no checker)

/**
 * Without a checker: what the callee's own written parameter types say
 * about argument `index`, for callees declared in this file (functions,
 * overloads, `declare function`, arrow constants, variables annotated with a
 * function type or a local interface/type alias of one, class constructors).
 */
export function declaredArgumentSlot(sourceCode: SourceCode, call: Call, index: number): SlotAnswer {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return 'unknown';
  const variable = variableOf(sourceCode, callee);
  if (!variable) return 'unknown';
  let answer: SlotAnswer = 'unknown';
  for (const parameters of signaturesOf(sourceCode, variable, call.type === AST_NODE_TYPES.NewExpression)) {
    const type = declaredParameterType(parameters, index);
    if (type) answer = combineSlots(answer, classifyTypeNode(sourceCode, type, 0));
  }
  return answer;
}

type Parameters = readonly TSESTree.Parameter[];

function signaturesOf(sourceCode: SourceCode, variable: TSESLint.Scope.Variable, construct: boolean): Parameters[] {
  const out: Parameters[] = [];
  for (const def of variable.defs) {
    if (construct) {
      if (def.type !== 'ClassName') continue;
      for (const member of def.node.body.body) {
        if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') out.push(member.value.params);
      }
      continue;
    }
    if (def.type === 'FunctionName' && isFunctionNode(def.node)) out.push(def.node.params);
    if (def.type === 'Variable' && def.node.id === def.name) {
      const annotation = def.node.id.typeAnnotation?.typeAnnotation;
      if (annotation) out.push(...typeSignatures(sourceCode, annotation, 0));
      else if (def.node.init && isFunctionNode(skipWrappers(def.node.init))) out.push((skipWrappers(def.node.init) as FunctionNode).params);
    }
    if (def.type === 'Parameter' && def.name.type === AST_NODE_TYPES.Identifier && def.name.typeAnnotation) {
      out.push(...typeSignatures(sourceCode, def.name.typeAnnotation.typeAnnotation, 0));
    }
  }
  return out;
}

/** The parameter lists a written type can be called with. */
function typeSignatures(sourceCode: SourceCode, type: TSESTree.TypeNode, depth: number): Parameters[] {
  if (depth > 4) return [];
  switch (type.type) {
    case AST_NODE_TYPES.TSFunctionType:
      return [type.params];
    case AST_NODE_TYPES.TSUnionType:
      return type.types.flatMap((part) => typeSignatures(sourceCode, part, depth + 1));
    case AST_NODE_TYPES.TSTypeLiteral:
      return type.members.flatMap((member) => (member.type === AST_NODE_TYPES.TSCallSignatureDeclaration ? [member.params] : []));
    case AST_NODE_TYPES.TSTypeReference: {
      const local = localTypeDeclarations(sourceCode, type);
      return local.flatMap((declaration) =>
        declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration
          ? typeSignatures(sourceCode, declaration.typeAnnotation, depth + 1)
          : declaration.body.body.flatMap((member) => (member.type === AST_NODE_TYPES.TSCallSignatureDeclaration ? [member.params] : [])),
      );
    }
    default:
      return [];
  }
}

function localTypeDeclarations(
  sourceCode: SourceCode,
  type: TSESTree.TSTypeReference,
): (TSESTree.TSTypeAliasDeclaration | TSESTree.TSInterfaceDeclaration)[] {
  if (type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeArguments) return [];
  return localTypeDeclarationsByName(sourceCode, type, type.typeName.name);
}

function localTypeDeclarationsByName(
  sourceCode: SourceCode,
  at: TSESTree.Node,
  name: string,
): (TSESTree.TSTypeAliasDeclaration | TSESTree.TSInterfaceDeclaration)[] {
  const variable = ASTUtils.findVariable(sourceCode.getScope(at), name);
  const out: (TSESTree.TSTypeAliasDeclaration | TSESTree.TSInterfaceDeclaration)[] = [];
  for (const def of variable?.defs ?? []) {
    if (def.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration || def.node.type === AST_NODE_TYPES.TSInterfaceDeclaration) {
      out.push(def.node);
    }
  }
  return out;
}

function declaredParameterType(parameters: Parameters, index: number): TSESTree.TypeNode | null {
  const last = parameters[parameters.length - 1];
  const restAt = last?.type === AST_NODE_TYPES.RestElement ? parameters.length - 1 : -1;
  const at = index < parameters.length && index !== restAt ? index : restAt;
  const parameter = parameters[at];
  if (at < 0 || !parameter) return null;
  if (parameter.type === AST_NODE_TYPES.RestElement) {
    const rest = parameter.typeAnnotation?.typeAnnotation;
    if (!rest) return null;
    if (rest.type === AST_NODE_TYPES.TSArrayType) return rest.elementType;
    if (rest.type === AST_NODE_TYPES.TSTupleType) {
      const element = rest.elementTypes[index - restAt];
      return element && element.type !== AST_NODE_TYPES.TSNamedTupleMember ? element : (element?.elementType ?? null);
    }
    if (
      rest.type === AST_NODE_TYPES.TSTypeReference &&
      rest.typeName.type === AST_NODE_TYPES.Identifier &&
      (rest.typeName.name === 'Array' || rest.typeName.name === 'ReadonlyArray')
    ) {
      return rest.typeArguments?.params[0] ?? null;
    }
    return null;
  }
  const target = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  return target.type === AST_NODE_TYPES.Identifier ? (target.typeAnnotation?.typeAnnotation ?? null) : null;
}

/** Without a checker: what a written type says a function placed there may return. */
export function classifyTypeNode(sourceCode: SourceCode, type: TSESTree.TypeNode, depth: number): SlotAnswer {
  if (depth > 4) return 'unknown';
  switch (type.type) {
    case AST_NODE_TYPES.TSFunctionType:
      return type.returnType ? classifyReturnNode(type.returnType.typeAnnotation) : 'unknown';
    case AST_NODE_TYPES.TSUnionType:
      return type.types.reduce<SlotAnswer>((answer, part) => combineSlots(answer, classifyTypeNode(sourceCode, part, depth + 1)), 'unknown');
    case AST_NODE_TYPES.TSTypeLiteral:
      return type.members.reduce<SlotAnswer>(
        (answer, member) =>
          member.type === AST_NODE_TYPES.TSCallSignatureDeclaration && member.returnType
            ? combineSlots(answer, classifyReturnNode(member.returnType.typeAnnotation))
            : answer,
        'unknown',
      );
    case AST_NODE_TYPES.TSTypeReference:
      return localTypeDeclarations(sourceCode, type).reduce<SlotAnswer>(
        (answer, declaration) =>
          combineSlots(
            answer,
            declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration
              ? classifyTypeNode(sourceCode, declaration.typeAnnotation, depth + 1)
              : declaration.body.body.reduce<SlotAnswer>(
                  (inner, member) =>
                    member.type === AST_NODE_TYPES.TSCallSignatureDeclaration && member.returnType
                      ? combineSlots(inner, classifyReturnNode(member.returnType.typeAnnotation))
                      : inner,
                  'unknown',
                ),
          ),
        'unknown',
      );
    default:
      return 'unknown';
  }
}

function classifyReturnNode(type: TSESTree.TypeNode): SlotAnswer {
  if (annotationIsPromise(type) === 'yes') return 'thenable';
  if (type.type === AST_NODE_TYPES.TSVoidKeyword) return 'void';
  if (type.type === AST_NODE_TYPES.TSUnionType && type.types.some((part) => part.type === AST_NODE_TYPES.TSVoidKeyword)) {
    return annotationIsPromise(type) === 'no' ? 'void' : 'other';
  }
  return 'other';
}

/**
 * Without a checker: the written type of the member `name` of the type an
 * object literal is declared with (`const hooks: Hooks = { onDone: ... }`,
 * `return { ... }` from a function annotated `(): Hooks`, `{...} satisfies
 * Hooks`, nested objects), for types declared in this file.
 */
export function declaredPropertySlot(sourceCode: SourceCode, property: TSESTree.Property): SlotAnswer {
  if (property.parent.type !== AST_NODE_TYPES.ObjectExpression) return 'unknown';
  const name = keyName(property.key, property.computed);
  const type = declaredTypeOfObject(sourceCode, property.parent, 0);
  return name === null || !type ? 'unknown' : memberSlot(sourceCode, type, name);
}

/** Without a checker: `obj.f = async () => {}` where `obj` is declared with a type that has `f`. */
export function declaredMemberAssignmentSlot(sourceCode: SourceCode, target: TSESTree.MemberExpression): SlotAnswer {
  const name = memberName(target);
  const object = skipWrappers(target.object);
  if (name === null || object.type !== AST_NODE_TYPES.Identifier) return 'unknown';
  const type = annotationOf(sourceCode, object);
  return type ? memberSlot(sourceCode, type, name) : 'unknown';
}

/**
 * Without a checker: `<Button onPress={...}>` where `Button` is a component
 * declared in this file whose props parameter is annotated.
 */
export function declaredAttributeSlot(sourceCode: SourceCode, attribute: TSESTree.JSXAttribute, name: string): SlotAnswer {
  const element = attribute.parent;
  if (element.name.type !== AST_NODE_TYPES.JSXIdentifier) return 'unknown';
  const variable = ASTUtils.findVariable(sourceCode.getScope(element), element.name.name);
  const def = variable?.defs[0];
  if (!def) return 'unknown';
  let component: TSESTree.Node | null = null;
  if (def.type === 'FunctionName') component = def.node;
  else if (def.type === 'Variable' && def.node.init) component = skipWrappers(def.node.init);
  if (!component || !isFunctionNode(component)) return 'unknown';
  const props = component.params[0];
  const annotation = props && 'typeAnnotation' in props ? props.typeAnnotation?.typeAnnotation : undefined;
  return annotation ? memberSlot(sourceCode, annotation, name) : 'unknown';
}

function annotationOf(sourceCode: SourceCode, node: TSESTree.Identifier): TSESTree.TypeNode | null {
  const variable = variableOf(sourceCode, node);
  const def = variable?.defs[0];
  if (!def || (def.type !== 'Variable' && def.type !== 'Parameter') || def.name.type !== AST_NODE_TYPES.Identifier) return null;
  return def.name.typeAnnotation?.typeAnnotation ?? null;
}

function declaredTypeOfObject(sourceCode: SourceCode, object: TSESTree.ObjectExpression, depth: number): TSESTree.TypeNode | null {
  if (depth > 4) return null;
  let child: TSESTree.Node = object;
  let parent = object.parent;
  while (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSSatisfiesExpression) {
    if (parent.typeAnnotation.type !== AST_NODE_TYPES.TSTypeReference || parent.typeAnnotation.typeName.type !== AST_NODE_TYPES.Identifier || parent.typeAnnotation.typeName.name !== 'const') {
      return parent.typeAnnotation;
    }
    child = parent;
    parent = parent.parent;
  }
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      // `createQueue({ onFailed: ... })` where `function createQueue(options: QueueOptions)`.
      const index = parent.arguments.indexOf(child);
      const callee = skipWrappers(parent.callee);
      if (index === -1 || callee.type !== AST_NODE_TYPES.Identifier) return null;
      const variable = variableOf(sourceCode, callee);
      if (!variable) return null;
      for (const parameters of signaturesOf(sourceCode, variable, parent.type === AST_NODE_TYPES.NewExpression)) {
        const type = declaredParameterType(parameters, index);
        if (type) return type;
      }
      return null;
    }
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier ? (parent.id.typeAnnotation?.typeAnnotation ?? null) : null;
    case AST_NODE_TYPES.ReturnStatement: {
      const fn = enclosingFunctionOf(parent);
      return fn?.returnType?.typeAnnotation ?? null;
    }
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === child ? (parent.returnType?.typeAnnotation ?? null) : null;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === child && parent.left.type === AST_NODE_TYPES.Identifier ? annotationOf(sourceCode, parent.left) : null;
    case AST_NODE_TYPES.Property: {
      const name = keyName(parent.key, parent.computed);
      if (name === null || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return null;
      const outer = declaredTypeOfObject(sourceCode, parent.parent, depth + 1);
      if (!outer) return null;
      const member = typeMembers(sourceCode, outer, 0).find(
        (candidate): candidate is TSESTree.TSPropertySignature =>
          candidate.type === AST_NODE_TYPES.TSPropertySignature && keyName(candidate.key, candidate.computed) === name,
      );
      return member?.typeAnnotation?.typeAnnotation ?? null;
    }
    default:
      return null;
  }
}

/** The members of a written object type: literals, local aliases and interfaces (with their local bases), unions and intersections. */
function typeMembers(sourceCode: SourceCode, type: TSESTree.TypeNode, depth: number): TSESTree.TypeElement[] {
  if (depth > 4) return [];
  switch (type.type) {
    case AST_NODE_TYPES.TSTypeLiteral:
      return type.members;
    case AST_NODE_TYPES.TSUnionType:
    case AST_NODE_TYPES.TSIntersectionType:
      return type.types.flatMap((part) => typeMembers(sourceCode, part, depth + 1));
    case AST_NODE_TYPES.TSTypeReference:
      return localTypeDeclarations(sourceCode, type).flatMap((declaration) => {
        if (declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration) return typeMembers(sourceCode, declaration.typeAnnotation, depth + 1);
        const inherited = declaration.extends.flatMap((heritage) =>
          heritage.expression.type === AST_NODE_TYPES.Identifier
            ? localTypeDeclarationsByName(sourceCode, heritage, heritage.expression.name).flatMap((base) =>
                base.type === AST_NODE_TYPES.TSInterfaceDeclaration ? base.body.body : typeMembers(sourceCode, base.typeAnnotation, depth + 1),
              )
            : [],
        );
        return [...declaration.body.body, ...inherited];
      });
    default:
      return [];
  }
}

function memberSlot(sourceCode: SourceCode, type: TSESTree.TypeNode, name: string): SlotAnswer {
  let answer: SlotAnswer = 'unknown';
  for (const member of typeMembers(sourceCode, type, 0)) {
    if ((member.type !== AST_NODE_TYPES.TSPropertySignature && member.type !== AST_NODE_TYPES.TSMethodSignature) || keyName(member.key, member.computed) !== name) continue;
    const one =
      member.type === AST_NODE_TYPES.TSMethodSignature
        ? declaredReturnSlot(member.returnType?.typeAnnotation)
        : member.typeAnnotation
          ? classifyTypeNode(sourceCode, member.typeAnnotation.typeAnnotation, 0)
          : 'unknown';
    answer = combineSlots(answer, one);
  }
  return answer;
}

/** Without a checker: what a written return type says (`void`, `Promise<...>`, something else). */
export function declaredReturnSlot(type: TSESTree.TypeNode | undefined): SlotAnswer {
  return type ? classifyReturnNode(type) : 'unknown';
}

/** Without a checker: the written function type of a variable, or of a function's return value. */
export function declaredSlotOf(sourceCode: SourceCode, type: TSESTree.TypeNode | undefined): SlotAnswer {
  return type ? classifyTypeNode(sourceCode, type, 0) : 'unknown';
}

// ------------------------------------------------------------------ does the callback look after its own errors?

/**
 * Does this callback catch its own errors, so that the promise it returns
 * never rejects? Every `await`, `throw` and returned promise must sit inside
 * a `try` with a `catch` (or be a promise with a rejection handler), and there
 * must be at least one such guard: `async () => { try { await save(); } catch (e) { report(e); } }`,
 * `() => save().catch(report)`.
 */
export function handlesOwnErrors(fn: FunctionNode, visitorKeys: SourceCode['visitorKeys']): boolean {
  const body = fn.body;
  if (!body) return false;
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    const value = skipWrappers(body);
    return isHandledPromise(value.type === AST_NODE_TYPES.AwaitExpression ? value.argument : value);
  }
  let guarded = false;
  // `covered`: inside the block of a `try` that has a `catch`.
  const stack: { node: TSESTree.Node; covered: boolean }[] = body.body.map((node) => ({ node, covered: false }));
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry) break;
    const { node, covered } = entry;
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) continue;
    switch (node.type) {
      case AST_NODE_TYPES.TryStatement:
        if (node.handler) {
          guarded = true;
          // The `try` block is covered; what runs in `catch` and `finally` is not.
          stack.push({ node: node.block, covered: true }, { node: node.handler.body, covered });
          if (node.finalizer) stack.push({ node: node.finalizer, covered });
          continue;
        }
        break;
      case AST_NODE_TYPES.AwaitExpression:
        if (!covered && !isHandledPromise(node.argument)) return false;
        guarded ||= !covered;
        break;
      case AST_NODE_TYPES.ForOfStatement:
        if (node.await && !covered) return false;
        break;
      case AST_NODE_TYPES.ThrowStatement:
        if (!covered) return false;
        break;
      case AST_NODE_TYPES.ReturnStatement:
        // A returned promise settles after the `try` is left: only its own handler catches it.
        if (node.argument && !isPlainValue(node.argument)) {
          if (!isHandledPromise(node.argument)) return false;
          guarded = true;
          continue;
        }
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        if (isHandledPromise(node.expression)) {
          guarded = true;
          continue;
        }
        break;
      default:
        break;
    }
    for (const child of childrenOf(node, visitorKeys)) stack.push({ node: child, covered });
  }
  return guarded;
}

/**
 * Does this call give a promise that never rejects, because its function is
 * written in this file (lib/local-callees: `helper()`, `this.report()`,
 * `store.save()`) and catches its own errors (`handlesOwnErrors`)? undici's
 * `readAllBytes(reader, onDone, onError)`, whose whole body sits in a `try`
 * whose `catch` hands the error to `onError`.
 */
export function callHandlesOwnErrors(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const fn = localCallee(sourceCode, call.callee);
  return !!fn && !fn.generator && handlesOwnErrors(fn, sourceCode.visitorKeys);
}

/**
 * Does this callback catch its own errors? `fn` is its function when written
 * in place or named by a local variable (`functionOf`); otherwise the local
 * function the value stands for: a method or arrow field passed by reference
 * (`this.#onAuth`, `this.onMessage.bind(this)`). An arrow whose expression
 * body only calls (or awaits) one local function that catches its own errors
 * does too: `() => this.sendReportAndScheduleNext(false)`.
 */
export function callbackHandlesOwnErrors(sourceCode: SourceCode, value: TSESTree.Node, fn: FunctionNode | null): boolean {
  if (fn && handlesOwnErrors(fn, sourceCode.visitorKeys)) return true;
  const target = skipWrappers(value);
  if (fn && fn === target) {
    if (!fn.body || fn.body.type === AST_NODE_TYPES.BlockStatement) return false;
    const body = skipWrappers(fn.body);
    const call = skipWrappers(body.type === AST_NODE_TYPES.AwaitExpression ? body.argument : body);
    return call.type === AST_NODE_TYPES.CallExpression && callHandlesOwnErrors(sourceCode, call);
  }
  let reference: TSESTree.Node = target;
  // `this.onMessage.bind(this)`
  if (target.type === AST_NODE_TYPES.CallExpression && target.callee.type === AST_NODE_TYPES.MemberExpression && memberName(target.callee) === 'bind') {
    reference = skipWrappers(target.callee.object);
  }
  if (reference.type !== AST_NODE_TYPES.MemberExpression) return false;
  const local = localCallee(sourceCode, reference);
  return !!local && !local.generator && handlesOwnErrors(local, sourceCode.visitorKeys);
}

/** A returned value that is no new promise: not a call, `new` or `await` (those may reject). */
function isPlainValue(node: TSESTree.Node): boolean {
  const value = skipWrappers(node);
  return (
    value.type !== AST_NODE_TYPES.CallExpression &&
    value.type !== AST_NODE_TYPES.NewExpression &&
    value.type !== AST_NODE_TYPES.AwaitExpression &&
    value.type !== AST_NODE_TYPES.ConditionalExpression &&
    value.type !== AST_NODE_TYPES.LogicalExpression
  );
}

function childrenOf(node: TSESTree.Node, visitorKeys: SourceCode['visitorKeys']): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const key of visitorKeys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) out.push(item);
    } else if (isNode(child)) {
      out.push(child);
    }
  }
  return out;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

// ------------------------------------------------------------------ reduce: is the accumulator awaited?

/**
 * Does an async reducer wait for its accumulator (`const total = await acc`,
 * `(await acc).push(x)`, `acc.then(...)`)? Then each step runs after the one
 * before, and the last promise carries every error. Reads in nested
 * functions count too (`return acc.then(async (list) => ...)`).
 */
export function awaitsParameter(sourceCode: SourceCode, fn: FunctionNode, index: number): boolean {
  const parameter = fn.params[index];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === parameter.name);
  if (!variable) return false;
  return variable.references.some((ref) => {
    if (ref.isWrite()) return false;
    const { parent, child } = valueParent(ref.identifier);
    if (parent?.type === AST_NODE_TYPES.AwaitExpression) return true;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
      const name = memberName(parent);
      return name === 'then' || name === 'catch' || name === 'finally';
    }
    // `await Promise.all([acc, next])`
    return parent?.type === AST_NODE_TYPES.ArrayExpression && parent.parent.type === AST_NODE_TYPES.CallExpression &&
      isCombinator(sourceCode, parent.parent);
  });
}

// ------------------------------------------------------------------ map: what becomes of the array of promises?

/**
 * What the code does with the array `items.map(async ...)` returns:
 * - `waited`: handed to `Promise.all` & co., returned, yielded or passed on to a function that may wait;
 * - `dropped`: a statement of its own, or stored and never read;
 * - `awaited`: `await items.map(...)`, which does not wait for the promises inside;
 * - `values`: read as if it held the results (`.join()`, `.filter()`, `${...}`, `JSON.stringify`, JSX children).
 */
export type PromiseArrayUse = 'waited' | 'dropped' | 'awaited' | 'values';

export interface PromiseArrayVerdict {
  readonly use: PromiseArrayUse;
  /** The expression that is dropped, awaited or read as values (the map call, or a read of the variable that holds it). */
  readonly at: TSESTree.Node;
}

export function promiseArrayUse(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): PromiseArrayVerdict {
  const waited: PromiseArrayVerdict = { use: 'waited', at: node };
  if (depth > 4) return waited;
  let { parent, child } = valueParent(node);
  while (
    (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== child) ||
    (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.right === child) ||
    (parent?.type === AST_NODE_TYPES.SequenceExpression && parent.expressions[parent.expressions.length - 1] === child)
  ) {
    ({ parent, child } = valueParent(parent));
  }
  if (!parent) return waited;
  switch (parent.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return { use: 'dropped', at: node };
    case AST_NODE_TYPES.AwaitExpression:
      return { use: 'awaited', at: node };
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      if (parent.callee === child) return waited;
      return isValueConsumer(sourceCode, parent) ? { use: 'values', at: node } : waited;
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== child) return { use: 'values', at: node };
      const name = memberName(parent);
      const call = parent.parent;
      if (name !== null && callbackApis.promiseArrayPassThrough.includes(name) && call.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
        return promiseArrayUse(sourceCode, call, depth + 1);
      }
      // `promises.length` counts them; it reads nothing that a promise holds.
      if (name === 'length') return { use: 'dropped', at: node };
      return { use: 'values', at: node };
    }
    case AST_NODE_TYPES.SpreadElement: {
      const container = parent.parent;
      if (container.type === AST_NODE_TYPES.ArrayExpression) return promiseArrayUse(sourceCode, container, depth + 1);
      return container.type === AST_NODE_TYPES.ObjectExpression ? { use: 'values', at: node } : waited;
    }
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.JSXExpressionContainer:
      return parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void' ? { use: 'dropped', at: node } : { use: 'values', at: node };
    case AST_NODE_TYPES.ForOfStatement:
      return parent.right === child ? waited : { use: 'values', at: node };
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === child ? storedArrayUse(sourceCode, parent, depth) : waited;
    default:
      return waited;
  }
}

function storedArrayUse(sourceCode: SourceCode, declarator: TSESTree.VariableDeclarator, depth: number): PromiseArrayVerdict {
  const waited: PromiseArrayVerdict = { use: 'waited', at: declarator };
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return waited;
  // Exported or module-level names may be awaited elsewhere.
  if (declarator.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return waited;
  const [variable] = sourceCode.getDeclaredVariables(declarator);
  if (!variable) return waited;
  let values: PromiseArrayVerdict | null = null;
  for (const ref of variable.references) {
    if (ref.identifier === declarator.id) continue;
    if (ref.isWrite()) return waited;
    const verdict = promiseArrayUse(sourceCode, ref.identifier, depth + 1);
    if (verdict.use === 'waited') return waited;
    if (verdict.use !== 'dropped') values ??= verdict;
  }
  return values ?? { use: 'dropped', at: declarator.id };
}

/** Promise combinators (`Promise.all`, `Bluebird.all`): they wait for an array of promises. */
export function isCombinator(sourceCode: SourceCode, call: TSESTree.CallExpression, catalog: CallbackApiCatalog = callbackApis): boolean {
  const target = getImportResolver(sourceCode)(call.callee);
  if (target) return catalogHas(catalog.promiseCombinators, target);
  // `Promise.all` on a non-global `Promise` (a polyfill import, a parameter): still a combinator by its name.
  const callee = skipWrappers(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    /^(Promise|Bluebird|P|Q)$/.test(callee.object.name) &&
    ['all', 'allSettled', 'any', 'race'].includes(memberName(callee) ?? '')
  );
}

function catalogHas(list: Readonly<Record<string, readonly string[]>>, target: ImportTarget): boolean {
  return (list[target.module] ?? []).includes(target.path.join('.'));
}

/** Calls that read an argument's value rather than wait for it: `JSON.stringify(x)`, `console.log(x)`, `res.json(x)`. */
function isValueConsumer(sourceCode: SourceCode, call: Call): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  if (isCombinator(sourceCode, call)) return false;
  const target = getImportResolver(sourceCode)(call.callee);
  if (target?.module === GLOBAL) {
    const path = target.path.join('.');
    return path === 'JSON.stringify' || path.startsWith('console.') || path === 'structuredClone';
  }
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  // Express/Koa-style responses serialise what they get.
  return (name === 'json' || name === 'send') && callee.object.type === AST_NODE_TYPES.Identifier && /^(res|response|reply)$/.test(callee.object.name);
}

// ------------------------------------------------------------------ report location

/** From the start of the function to its `=>` or its parameter list: `async (item) =>`, `async function save(`. */
export function functionHeadLoc(sourceCode: SourceCode, fn: FunctionNode): TSESTree.SourceLocation {
  const owner = fn.parent;
  const isMethod = (owner.type === AST_NODE_TYPES.Property && owner.method) || owner.type === AST_NODE_TYPES.MethodDefinition;
  const start = isMethod ? owner.loc.start : fn.loc.start;
  if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression) {
    const arrow = sourceCode.getTokenBefore(fn.body, (token) => token.value === '=>');
    return { start, end: arrow ? arrow.loc.end : fn.loc.end };
  }
  if (fn.type === AST_NODE_TYPES.FunctionExpression || fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    const open = sourceCode.getFirstToken(fn, (token) => token.value === '(');
    return { start, end: open ? open.loc.end : fn.loc.end };
  }
  return fn.loc;
}
