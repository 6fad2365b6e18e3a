/**
 * Once the oracle says an expression is a promise: is it one on every path,
 * or only on some? `Promise<T>` always; `Promise<T> | undefined` is a promise
 * or nothing (testing it is a presence check); `T | Promise<T>` is sometimes
 * the value itself (sync on some paths, async on others); `false | Promise<T>`
 * (from `cond && p`) is sometimes something else. And: does the promise carry
 * members of its own beyond a Promise's (a query builder's `where`, execa's
 * `stdout`)?
 *
 * With the checker the union is read from the type; without it (or when the
 * checker says `any`) from syntax: annotations, optional parameters, optional
 * chains, `?:` branches, the `return`s of functions in the same file.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { isFunctionNode, memberName, skipWrappers, type FunctionNode } from './ast.js';
import { promisesWithMembers } from './catalogs/value-consuming-apis.js';
import { getImportResolver, type Resolver } from './imports.js';
import { localCallee } from './local-callees.js';
import { getPromiseOracle, returnedValues, type Answer, type PromiseOracle } from './promise-oracle.js';
import { getTypeInfo, type TypeInfo } from './type-info.js';
import { PROMISE_MEMBERS } from './value-use.js';
import { constInit, variableOf } from './scope.js';

export type Certainty =
  /** A promise on every path. */
  | 'always'
  /** A promise or the value it resolves to (`T | Promise<T>`). */
  | 'or-value'
  /** A promise or `null`/`undefined`. */
  | 'or-nullish'
  /** A promise or some unrelated value (`false | Promise<T>`). */
  | 'sometimes'
  /** Not known to be a promise. */
  | 'unknown';

export interface PromiseShape {
  /** How surely this expression, which the oracle calls a promise, is one. */
  certainty(node: TSESTree.Node): Certainty;
  /** Does the promise in this expression have a property `name` (`then` always; `where` on a query builder)? */
  hasMember(node: TSESTree.Node, name: string): Answer;
}

export interface ShapeOptions {
  /** As the oracle's option: count thenables that are not Promises. Default true. */
  readonly checkThenables?: boolean;
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const PROMISE = 1;
const NULLISH = 2;
const OTHER = 4;
const UNKNOWN = 8;
/** A non-promise part that is the promise's own resolved type: `T | Promise<T>`. */
const OWN_VALUE = 16;
const MAX_DEPTH = 10;

const shapes = new WeakMap<object, Map<string, PromiseShape>>();

/** The shape reader for the file the rule is linting; one per file and option set. */
export function getPromiseShape(context: AnyContext, options: ShapeOptions = {}): PromiseShape {
  const { sourceCode } = context;
  const key = options.checkThenables === false ? 'promises' : 'thenables';
  let perFile = shapes.get(sourceCode);
  if (!perFile) {
    perFile = new Map();
    shapes.set(sourceCode, perFile);
  }
  let shape = perFile.get(key);
  if (!shape) {
    shape = new Shape(context, options.checkThenables !== false);
    perFile.set(key, shape);
  }
  return shape;
}

function certaintyOf(flags: number): Certainty {
  if (!(flags & PROMISE)) return 'unknown';
  if (flags & OWN_VALUE) return 'or-value';
  const rest = flags & ~PROMISE;
  if (rest === 0) return 'always';
  return rest === NULLISH ? 'or-nullish' : 'sometimes';
}

class Shape implements PromiseShape {
  private readonly info: TypeInfo | null;
  private readonly oracle: PromiseOracle;
  private readonly resolveImport: Resolver;
  private readonly cache = new WeakMap<TSESTree.Node, Certainty>();
  private depth = 0;

  constructor(
    private readonly context: AnyContext,
    private readonly checkThenables: boolean,
  ) {
    this.info = getTypeInfo(context);
    this.oracle = getPromiseOracle(context, { checkThenables });
    this.resolveImport = getImportResolver(context.sourceCode);
  }

  certainty(node: TSESTree.Node): Certainty {
    const cached = this.cache.get(node);
    if (cached) return cached;
    const typed = this.info ? this.typedFlags(node, this.info) : null;
    const answer = certaintyOf(typed ?? this.flags(node));
    this.cache.set(node, answer);
    return answer;
  }

  hasMember(node: TSESTree.Node, name: string): Answer {
    const info = this.info;
    const type = info?.typeOf(skipWrappers(node));
    if (info && type && !isAnyLike(type, info)) {
      const nullish = (info.ts.TypeFlags.Undefined | info.ts.TypeFlags.Null | info.ts.TypeFlags.Void) as ts.TypeFlags;
      for (const part of info.tsutils.unionConstituents(type)) {
        if (info.tsutils.isTypeFlagSet(part, nullish)) continue;
        if (info.checker.getApparentType(part).getProperty(name)) return 'yes';
      }
      return 'no';
    }
    if (PROMISE_MEMBERS.has(name)) return 'yes';
    return this.madeByPackage(skipWrappers(node), 0) ? 'unknown' : 'no';
  }

  // ---------------------------------------------------------------- types

  private typedFlags(node: TSESTree.Node, info: TypeInfo): number | null {
    const tsNode = info.tsNode(skipWrappers(node));
    if (!tsNode) return null;
    const { checker, tsutils } = info;
    let type = declaredType(tsNode, info) ?? checker.getTypeAtLocation(tsNode);
    if (tsutils.isTypeParameter(type)) {
      const constraint = checker.getBaseConstraintOfType(type);
      if (!constraint) return null;
      type = constraint;
    }
    // `any`: what syntax says still counts.
    if (isAnyLike(type, info)) return null;
    const nullish = (info.ts.TypeFlags.Undefined | info.ts.TypeFlags.Null | info.ts.TypeFlags.Void) as ts.TypeFlags;
    let flags = 0;
    const promises: ts.Type[] = [];
    const others: ts.Type[] = [];
    for (const part of tsutils.unionConstituents(type)) {
      if (isAnyLike(part, info)) flags |= UNKNOWN;
      else if (tsutils.isTypeFlagSet(part, nullish)) flags |= NULLISH;
      else if (this.isThenable(part, tsNode, info)) {
        flags |= PROMISE;
        promises.push(part);
      } else {
        flags |= OTHER;
        others.push(part);
      }
    }
    if (others.length > 0 && promises.length > 0) {
      for (const promise of promises) {
        const awaited = checker.getAwaitedType(promise);
        if (awaited && !isAnyLike(awaited, info) && others.some((other) => checker.isTypeAssignableTo(other, awaited))) {
          flags |= OWN_VALUE;
          break;
        }
      }
    }
    return flags;
  }

  private isThenable(type: ts.Type, tsNode: ts.Node, info: TypeInfo): boolean {
    return info.tsutils
      .intersectionConstituents(type)
      .some(
        (part) =>
          info.tsutils.isThenableType(info.checker, tsNode, part) &&
          (this.checkThenables || (part.getProperty('catch') !== undefined && part.getProperty('finally') !== undefined)),
      );
  }

  // ---------------------------------------------------------------- syntax

  private flags(node: TSESTree.Node): number {
    if (this.depth > MAX_DEPTH) return UNKNOWN;
    this.depth++;
    try {
      return this.syntacticFlags(node);
    } finally {
      this.depth--;
    }
  }

  private leaf(node: TSESTree.Node): number {
    const answer = this.oracle.isPromise(node);
    if (answer === 'yes') return PROMISE;
    return answer === 'no' ? OTHER : UNKNOWN;
  }

  private syntacticFlags(node: TSESTree.Node): number {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return node.value === null ? NULLISH : OTHER;
      case AST_NODE_TYPES.Identifier:
        if (node.name === 'undefined') return NULLISH;
        return this.identifierFlags(node);
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator === 'void' ? NULLISH : OTHER;
      case AST_NODE_TYPES.TSNonNullExpression:
        return this.flags(node.expression) & ~NULLISH;
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSInstantiationExpression:
        return this.flags(node.expression);
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSTypeAssertion: {
        const declared = this.annotationFlags(node.typeAnnotation);
        return declared & PROMISE ? declared : this.flags(node.expression);
      }
      case AST_NODE_TYPES.ChainExpression: {
        const inner = this.flags(node.expression);
        return hasOptionalLink(node.expression) ? inner | NULLISH : inner;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        return this.flags(node.consequent) | this.flags(node.alternate);
      case AST_NODE_TYPES.SequenceExpression: {
        const last = node.expressions[node.expressions.length - 1];
        return last ? this.flags(last) : UNKNOWN;
      }
      case AST_NODE_TYPES.LogicalExpression: {
        const right = this.flags(node.right);
        if (node.operator === '&&') return OTHER | right;
        // `cached ?? load()`, `cached || load()`: a nullish left is replaced by the right. (A left that is
        // always a promise makes the right dead code, but the type still says "either": so does this.)
        return (this.flags(node.left) & ~NULLISH) | right;
      }
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === '=' ? this.flags(node.right) : this.leaf(node);
      case AST_NODE_TYPES.MemberExpression:
        return this.memberFlags(node) | (hasOptionalLink(node) ? NULLISH : 0);
      case AST_NODE_TYPES.CallExpression:
        return this.callFlags(node) | (hasOptionalLink(node) ? NULLISH : 0);
      default:
        return this.leaf(node);
    }
  }

  private identifierFlags(node: TSESTree.Identifier): number {
    const variable = this.findVariable(node);
    const def = variable?.defs[0];
    if (!variable || !def || variable.defs.length !== 1) return this.leaf(node);
    if (def.type === 'Parameter') {
      const name = def.name;
      if (name.type !== AST_NODE_TYPES.Identifier || !name.typeAnnotation) return this.leaf(node);
      const declared = this.annotationFlags(name.typeAnnotation.typeAnnotation);
      if (!(declared & PROMISE)) return this.leaf(node);
      return name.optional ? declared | NULLISH : declared;
    }
    if (def.type !== 'Variable' || def.node.id !== def.name) return this.leaf(node);
    const annotation = def.node.id.typeAnnotation?.typeAnnotation;
    if (annotation) {
      const declared = this.annotationFlags(annotation);
      if (declared & PROMISE) return declared;
    }
    // Every value the variable is given: `let pending = null; ... pending = load();`.
    let flags = def.node.init ? this.flags(def.node.init) : NULLISH;
    for (const reference of variable.references) {
      if (!reference.isWrite() || reference.identifier === def.name) continue;
      const written = reference.writeExpr;
      const assignment = reference.identifier.parent;
      if (!written || assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') {
        flags |= UNKNOWN;
        continue;
      }
      flags |= this.flags(written);
    }
    return flags;
  }

  /** `this.pending` or `this.#pending` read from a class field: its annotation, `?` included. */
  private memberFlags(node: TSESTree.MemberExpression): number {
    const name = memberName(node);
    if (name === null || skipWrappers(node.object).type !== AST_NODE_TYPES.ThisExpression) return this.leaf(node);
    // `this.#x` reads the field `#x`, `this.x` the field `x`: the same name, not the same field.
    const keyType = node.property.type === AST_NODE_TYPES.PrivateIdentifier ? AST_NODE_TYPES.PrivateIdentifier : AST_NODE_TYPES.Identifier;
    let current: TSESTree.Node | undefined = node.parent;
    while (current && current.type !== AST_NODE_TYPES.ClassBody) current = current.parent;
    const field = current?.body.find(
      (member): member is TSESTree.PropertyDefinition =>
        member.type === AST_NODE_TYPES.PropertyDefinition &&
        !member.static &&
        !member.computed &&
        member.key.type === keyType &&
        member.key.name === name,
    );
    const annotation = field?.typeAnnotation?.typeAnnotation;
    if (!field || !annotation) return this.leaf(node);
    const declared = this.annotationFlags(annotation);
    if (!(declared & PROMISE)) return this.leaf(node);
    return field.optional ? declared | NULLISH : declared;
  }

  /** A call of a function declared in this file: `async`, its return type, or what its `return`s give. */
  private callFlags(node: TSESTree.CallExpression): number {
    const callee = skipWrappers(node.callee);
    const written = callee.type === AST_NODE_TYPES.Identifier ? this.writtenFunctionType(callee) : null;
    if (written?.returnType) {
      // `declare const check: () => boolean | Promise<boolean>`, `(load: () => Promise<T> | undefined) => ...`
      const declared = this.annotationFlags(written.returnType.typeAnnotation);
      if (declared & PROMISE) return declared;
    }
    // `this.stream(options)`: a method of this class, read as a function is (what its `return`s give).
    const fn =
      callee.type === AST_NODE_TYPES.Identifier
        ? this.localFunction(callee)
        : callee.type === AST_NODE_TYPES.MemberExpression
          ? localCallee(this.context.sourceCode, callee)
          : null;
    if (!fn) return this.leaf(node);
    if (fn.async && !fn.generator) return PROMISE;
    if (fn.returnType) {
      const declared = this.annotationFlags(fn.returnType.typeAnnotation);
      if (declared & PROMISE) return declared;
    }
    if (!fn.body || fn.generator) return this.leaf(node);
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return this.flags(fn.body);
    let flags = 0;
    for (const argument of returnedValues(fn.body)) {
      flags |= argument ? this.flags(argument) : NULLISH;
    }
    const last = fn.body.body[fn.body.body.length - 1];
    // Falling off the end returns `undefined`.
    if (last?.type !== AST_NODE_TYPES.ReturnStatement && last?.type !== AST_NODE_TYPES.ThrowStatement) flags |= NULLISH;
    return flags & PROMISE ? flags : this.leaf(node);
  }

  /** The function type written on the variable or parameter a callee names: `const f: () => T`. */
  private writtenFunctionType(callee: TSESTree.Identifier): TSESTree.TSFunctionType | null {
    const variable = this.findVariable(callee);
    const def = variable?.defs[0];
    if (!variable || !def || variable.defs.length !== 1 || (def.type !== 'Variable' && def.type !== 'Parameter')) return null;
    if (def.name.type !== AST_NODE_TYPES.Identifier) return null;
    const annotation = def.name.typeAnnotation?.typeAnnotation;
    return annotation?.type === AST_NODE_TYPES.TSFunctionType ? annotation : null;
  }

  private localFunction(callee: TSESTree.Identifier): FunctionNode | null {
    const variable = this.findVariable(callee);
    const def = variable?.defs[0];
    if (!variable || !def || variable.defs.length !== 1) return null;
    if (def.type === 'FunctionName' && isFunctionNode(def.node)) return def.node;
    if (def.type !== 'Variable' || def.node.id !== def.name || !def.node.init) return null;
    if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== def.name)) return null;
    const init = skipWrappers(def.node.init);
    return isFunctionNode(init) ? init : null;
  }

  /** What a written type says: `Promise<T> | undefined` is PROMISE | NULLISH; `T | Promise<T>` adds OWN_VALUE. */
  private annotationFlags(type: TSESTree.TypeNode): number {
    switch (type.type) {
      case AST_NODE_TYPES.TSTypeReference:
        if (type.typeName.type === AST_NODE_TYPES.Identifier) {
          if (type.typeName.name === 'Promise') return PROMISE;
          if (type.typeName.name === 'PromiseLike') return this.checkThenables ? PROMISE : OTHER;
        }
        return UNKNOWN;
      case AST_NODE_TYPES.TSUnionType: {
        let flags = 0;
        for (const part of type.types) flags |= this.annotationFlags(part);
        if (flags & PROMISE && ownValueInUnion(type, this.context.sourceCode)) flags |= OWN_VALUE;
        return flags;
      }
      case AST_NODE_TYPES.TSUndefinedKeyword:
      case AST_NODE_TYPES.TSNullKeyword:
      case AST_NODE_TYPES.TSVoidKeyword:
        return NULLISH;
      case AST_NODE_TYPES.TSAnyKeyword:
      case AST_NODE_TYPES.TSUnknownKeyword:
        return UNKNOWN;
      default:
        return OTHER;
    }
  }

  /** `execa(...)`, `got(...)`, `new Builder()`: a promise that may carry members of its own. */
  private madeByPackage(node: TSESTree.Node, depth: number): boolean {
    if (depth > 3) return true;
    if (node.type === AST_NODE_TYPES.NewExpression) {
      const callee = skipWrappers(node.callee);
      return !(callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise');
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      const init = this.constInit(node);
      return init ? this.madeByPackage(init, depth + 1) : false;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipWrappers(node.callee);
    // `.then()`, `.catch()`, `.finally()` make a plain Promise.
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(callee);
      if (name !== null && PROMISE_MEMBERS.has(name)) return false;
    }
    const target = this.resolveImport(callee);
    return target !== null && promisesWithMembers.has(target.module);
  }

  private findVariable(node: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    return variableOf(this.context.sourceCode, node);
  }

  private constInit(node: TSESTree.Identifier): TSESTree.Node | null {
    return constInit(this.context.sourceCode, node);
  }
}

/**
 * The declared type of a variable, parameter or property read by name: a
 * field declared `Promise<T> | undefined` is tested as a presence check even
 * where flow analysis has narrowed it (`pending ??= start(); if (pending) ...`).
 */
function declaredType(tsNode: ts.Node, info: TypeInfo): ts.Type | undefined {
  const { ts: tsModule, checker } = info;
  const name = tsModule.isIdentifier(tsNode)
    ? tsNode
    : tsModule.isPropertyAccessExpression(tsNode)
      ? tsNode.name
      : undefined;
  if (!name) return undefined;
  const symbol = checker.getSymbolAtLocation(name);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration) return undefined;
  const declared =
    tsModule.isVariableDeclaration(declaration) ||
    tsModule.isParameter(declaration) ||
    tsModule.isPropertyDeclaration(declaration) ||
    tsModule.isPropertySignature(declaration);
  return declared ? checker.getTypeOfSymbol(symbol) : undefined;
}

/** `T | Promise<T>` written out: a non-promise part spelled like the promise's type argument (or one of its parts). */
function ownValueInUnion(type: TSESTree.TSUnionType, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const resolved = new Set<string>();
  const plain: string[] = [];
  for (const part of type.types) {
    const argument = promiseArgument(part);
    if (argument) {
      const parts = argument.type === AST_NODE_TYPES.TSUnionType ? argument.types : [argument];
      for (const inner of parts) resolved.add(sourceCode.getText(inner));
    } else if (
      part.type !== AST_NODE_TYPES.TSUndefinedKeyword &&
      part.type !== AST_NODE_TYPES.TSNullKeyword &&
      part.type !== AST_NODE_TYPES.TSVoidKeyword
    ) {
      plain.push(sourceCode.getText(part));
    }
  }
  return plain.some((text) => resolved.has(text));
}

function promiseArgument(type: TSESTree.TypeNode): TSESTree.TypeNode | null {
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return null;
  if (type.typeName.name !== 'Promise' && type.typeName.name !== 'PromiseLike') return null;
  return type.typeArguments?.params[0] ?? null;
}

/** Does this chain have a `?.` link, so that it may give `undefined`? */
function hasOptionalLink(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (current.optional) return true;
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      if (current.optional) return true;
      current = current.callee;
    } else if (current.type === AST_NODE_TYPES.TSNonNullExpression) {
      current = current.expression;
    } else {
      return false;
    }
  }
}

function isAnyLike(type: ts.Type, info: TypeInfo): boolean {
  return info.tsutils.isTypeFlagSet(type, info.ts.TypeFlags.Any | info.ts.TypeFlags.Unknown);
}
