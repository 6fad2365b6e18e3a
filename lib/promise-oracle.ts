/**
 * "Is this expression a promise?" answered `yes | no | unknown`, with the
 * checker when there is one and from syntax when there is not (or when the
 * checker only says `any`). Rules never know which mode they run in.
 *
 * Cheap first: the syntactic answer is computed before any type query, and a
 * sure syntactic answer (an `async` function called, a literal, `await x`)
 * never reaches the checker.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { isFunctionNode, keyName, memberName, skipWrappers, type FunctionNode } from './ast.js';
import { promiseApis, type PromiseApiCatalog } from './catalogs/promise-apis.js';
import { exportedPromiseFunctions, noteLintedFile } from './cross-file.js';
import { GLOBAL, getImportResolver, targetKey, type ImportTarget, type Resolver } from './imports.js';
import { getTypeInfo, type TypeInfo } from './type-info.js';
import { constInit, variableOf, writeCount } from './scope.js';

export type Answer = 'yes' | 'no' | 'unknown';

export interface OracleOptions {
  /** Count thenables that are not Promises (query builders, `PromiseLike`). Default true. */
  readonly checkThenables?: boolean;
}

export interface PromiseOracle {
  /** Is the value of this expression a promise (or, with `checkThenables`, any thenable)? */
  isPromise(node: TSESTree.Node): Answer;
  /** Does calling this function-valued expression return a promise? */
  returnsPromise(callee: TSESTree.Node): Answer;
  /** Does this function return a promise when called? */
  functionReturnsPromise(fn: FunctionNode): Answer;
  /** Is this expression an array whose elements are promises (`items.map(async ...)`)? */
  isPromiseArray(node: TSESTree.Node): Answer;
  /**
   * Can `.catch(...)` be chained on this promise? False for bare thenables
   * (`PromiseLike`, query builders) and for values that may be `void`,
   * `undefined` or `null`, except for the `undefined` an optional chain adds
   * (`client?.close().catch(...)` continues the chain).
   */
  hasCatch(node: TSESTree.Node): boolean;
  /**
   * The answer without the checker: syntax, and for a call of a function
   * imported from a relative module, what that file declares (which typed
   * mode otherwise leaves to the checker). For hot paths that ask the checker
   * only about the nodes worth its cost.
   */
  isPromiseSyntactically(node: TSESTree.Node): Answer;
  /** True when a checker backs the answers. */
  readonly typed: boolean;
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const oracles = new WeakMap<object, Map<string, PromiseOracle>>();

/** The oracle for the file the rule is linting; one per file and option set. */
export function getPromiseOracle(context: AnyContext, options: OracleOptions = {}): PromiseOracle {
  const { sourceCode } = context;
  const key = options.checkThenables === false ? 'promises' : 'thenables';
  let perFile = oracles.get(sourceCode);
  if (!perFile) {
    perFile = new Map();
    oracles.set(sourceCode, perFile);
    noteLintedFile(context);
  }
  let oracle = perFile.get(key);
  if (!oracle) {
    oracle = new Oracle(context, options.checkThenables !== false);
    perFile.set(key, oracle);
  }
  return oracle;
}

const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);
const ARRAY_CALLBACK_METHODS = new Set(['map', 'flatMap']);
/** Receivers whose `then` is not a promise's: Cypress chains. */
const NON_PROMISE_THENABLE_ROOTS = new Set(['cy']);
const MAX_DEPTH = 12;

const NEVER_PROMISE_SHAPES = new Set<string>([
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ClassExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.UpdateExpression,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.UnaryExpression,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.MetaProperty,
  AST_NODE_TYPES.JSXElement,
  AST_NODE_TYPES.JSXFragment,
  AST_NODE_TYPES.YieldExpression,
]);

/**
 * `value = await value`: a variable whose written type says `T | Promise<T>`
 * but that is assigned an awaited value somewhere; the type no longer says
 * what a read finds (the checker narrows it, syntax cannot).
 */
function assignsAwaited(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((ref) => {
    if (!ref.isWrite()) return false;
    const parent = ref.identifier.parent;
    return (
      parent.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.left === ref.identifier &&
      skipWrappers(parent.right).type === AST_NODE_TYPES.AwaitExpression
    );
  });
}

/** A constant-time pre-check for hot paths: by its shape alone, this expression is no promise. */
export function cannotBePromise(node: TSESTree.Node): boolean {
  return NEVER_PROMISE_SHAPES.has(node.type);
}

const ARRAY_MAKING_METHODS = new Set(['map', 'flatMap', 'from', 'filter', 'slice', 'concat']);

function mayMakeArray(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  return name !== null && ARRAY_MAKING_METHODS.has(name);
}

function or(a: Answer, b: Answer): Answer {
  if (a === 'yes' || b === 'yes') return 'yes';
  return a === 'no' && b === 'no' ? 'no' : 'unknown';
}

function catalogHas(list: Readonly<Record<string, readonly string[]>>, target: ImportTarget): boolean {
  const entries = list[target.module];
  if (!entries) return false;
  const path = target.path.join('.');
  return entries.includes(path) || (entries.includes('*') && target.path.length === 1);
}

class Oracle implements PromiseOracle {
  readonly typed: boolean;
  private readonly info: TypeInfo | null;
  private readonly resolveImport: Resolver;
  private readonly catalog: PromiseApiCatalog = promiseApis;
  private exprCache = new WeakMap<TSESTree.Node, Answer>();
  private readonly typedCache = new WeakMap<TSESTree.Node, Answer>();
  private fnCache = new WeakMap<TSESTree.Node, Answer>();
  private depth = 0;
  /** How many written types answered "a promise" while one of their parts may lack `.catch` (`Promise<T> | void`). */
  private writtenWithoutCatch = 0;

  constructor(
    private readonly context: AnyContext,
    private readonly checkThenables: boolean,
  ) {
    this.info = getTypeInfo(context);
    this.typed = this.info !== null;
    this.resolveImport = getImportResolver(context.sourceCode);
  }

  isPromise(node: TSESTree.Node): Answer {
    const syntactic = this.syn(node);
    if (syntactic !== 'unknown' || !this.info) return syntactic;
    const cached = this.typedCache.get(node);
    if (cached !== undefined) return cached;
    let answer = this.typedIsPromise(node, this.info);
    // The checker said `any` (an unresolved import, say): what the imported file declares still counts.
    if (answer === 'unknown' && node.type === AST_NODE_TYPES.CallExpression) {
      answer = this.crossFileAnswer(skipWrappers(node.callee));
    }
    this.typedCache.set(node, answer);
    return answer;
  }

  isPromiseSyntactically(node: TSESTree.Node): Answer {
    const answer = this.syn(node);
    if (answer !== 'unknown' || !this.info || node.type !== AST_NODE_TYPES.CallExpression) return answer;
    return this.crossFileAnswer(skipWrappers(node.callee));
  }

  returnsPromise(callee: TSESTree.Node): Answer {
    const answer = this.synReturns(callee);
    if (answer !== 'unknown' || !this.info) return answer;
    const typed = this.typedReturnsPromise(callee, this.info);
    return typed === 'unknown' ? this.crossFileAnswer(skipWrappers(callee)) : typed;
  }

  /**
   * The syntactic answer alone. Analyses recurse through this, so that one
   * question reaches the checker at most once, for the outermost expression.
   */
  private syn(node: TSESTree.Node): Answer {
    const cached = this.exprCache.get(node);
    if (cached !== undefined) return cached;
    if (this.depth > MAX_DEPTH) return 'unknown';
    this.depth++;
    // Guard against cycles (`let a = b; let b = a`) while this node is in progress.
    this.exprCache.set(node, 'unknown');
    let answer: Answer = 'unknown';
    try {
      answer = this.syntacticIsPromise(node);
    } finally {
      this.depth--;
      this.exprCache.set(node, answer);
    }
    return answer;
  }

  private synReturns(callee: TSESTree.Node): Answer {
    if (this.depth > MAX_DEPTH) return 'unknown';
    this.depth++;
    try {
      return this.syntacticReturnsPromise(skipWrappers(callee));
    } finally {
      this.depth--;
    }
  }

  functionReturnsPromise(fn: FunctionNode): Answer {
    const cached = this.fnCache.get(fn);
    if (cached !== undefined) return cached;
    this.fnCache.set(fn, 'unknown');
    const answer = this.computeFunctionReturns(fn);
    this.fnCache.set(fn, answer);
    return answer;
  }

  isPromiseArray(node: TSESTree.Node): Answer {
    const target = skipWrappers(node);
    if (target.type === AST_NODE_TYPES.ArrayExpression) {
      let answer: Answer = 'no';
      for (const element of target.elements) {
        if (!element) continue;
        const value = element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element;
        const one = element.type === AST_NODE_TYPES.SpreadElement ? this.isPromiseArray(value) : this.isPromise(value);
        if (one === 'yes') return 'yes';
        if (one === 'unknown') answer = 'unknown';
      }
      return answer;
    }
    if (target.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipWrappers(target.callee);
      const callback = target.arguments[0];
      if (callee.type === AST_NODE_TYPES.MemberExpression && callback && callback.type !== AST_NODE_TYPES.SpreadElement) {
        const name = memberName(callee);
        const isArrayFrom = name === 'from' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Array';
        if (name !== null && ARRAY_CALLBACK_METHODS.has(name)) {
          const answer = this.returnsPromise(callback);
          if (answer === 'yes') return 'yes';
        } else if (isArrayFrom) {
          const mapper = target.arguments[1];
          if (mapper && mapper.type !== AST_NODE_TYPES.SpreadElement && this.returnsPromise(mapper) === 'yes') return 'yes';
        }
      }
    }
    // Ask the checker only about shapes that make arrays: `x.map(f)`, `Array.from(x, f)`, a variable.
    if (!this.info || !mayMakeArray(target)) return 'unknown';
    return this.typedIsPromiseArray(target, this.info);
  }

  hasCatch(node: TSESTree.Node): boolean {
    const value = skipWrappers(node);
    if (value.type === AST_NODE_TYPES.NewExpression) {
      const cls = this.localClass(skipWrappers(value.callee));
      if (cls) return findClassMember(cls, 'catch', false) !== null;
    }
    const info = this.info;
    if (!info) return this.syntacticHasCatch(value);
    // A `void`, `undefined` or `null` part has no `.catch` to call (`Promise<void> | void`).
    return catchReceiverTypes(node, info).every(
      (type) => isAnyLike(type, info) || info.tsutils.unionConstituents(type).every((part) => part.getProperty('catch') !== undefined),
    );
  }

  /**
   * Without the checker: `.catch` is there (an async function, `new Promise`,
   * `Promise<T>`, `fetch`) unless the answer rests on a written type that
   * may lack it (`Promise<T> | void`, `PromiseLike<T>`). The answer is
   * worked out again with fresh caches, so that every written type it reads
   * is seen; asked only when a suggestion is made.
   */
  private syntacticHasCatch(node: TSESTree.Node): boolean {
    const [exprCache, fnCache] = [this.exprCache, this.fnCache];
    this.exprCache = new WeakMap();
    this.fnCache = new WeakMap();
    const before = this.writtenWithoutCatch;
    try {
      return this.syn(node) !== 'yes' || this.writtenWithoutCatch === before;
    } finally {
      this.exprCache = exprCache;
      this.fnCache = fnCache;
    }
  }

  // ---------------------------------------------------------------- syntax

  /** What a written type says; `PromiseLike` counts only with `checkThenables`. */
  private declaredPromise(type: TSESTree.TypeNode): Answer {
    const answer = annotationIsPromise(type, this.checkThenables);
    if (answer === 'yes' && !annotationHasCatch(type)) this.writtenWithoutCatch++;
    return answer;
  }

  private declaredPromiseFunction(type: TSESTree.TypeNode): Answer {
    if (type.type !== AST_NODE_TYPES.TSFunctionType || !type.returnType) return 'unknown';
    return this.declaredPromise(type.returnType.typeAnnotation);
  }

  private syntacticIsPromise(node: TSESTree.Node): Answer {
    if (cannotBePromise(node)) return 'no';
    switch (node.type) {
      case AST_NODE_TYPES.ObjectExpression:
        return this.objectHasThen(node) ? 'unknown' : 'no';
      case AST_NODE_TYPES.ImportExpression:
        return 'yes';
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSInstantiationExpression:
        return this.syn(node.expression);
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSTypeAssertion: {
        const declared = this.declaredPromise(node.typeAnnotation);
        return declared === 'unknown' ? this.syn(node.expression) : declared;
      }
      case AST_NODE_TYPES.SequenceExpression:
        return this.syn(node.expressions[node.expressions.length - 1] ?? node);
      case AST_NODE_TYPES.ConditionalExpression:
        return or(this.syn(node.consequent), this.syn(node.alternate));
      case AST_NODE_TYPES.LogicalExpression:
        return or(this.syn(node.left), this.syn(node.right));
      case AST_NODE_TYPES.AssignmentExpression:
        if (node.operator === '=') return this.syn(node.right);
        if (node.operator === '||=' || node.operator === '&&=' || node.operator === '??=') {
          return or(this.syn(node.left), this.syn(node.right));
        }
        return 'no';
      case AST_NODE_TYPES.NewExpression:
        return this.newIsPromise(node);
      case AST_NODE_TYPES.Identifier:
        return this.identifierIsPromise(node);
      case AST_NODE_TYPES.MemberExpression:
        return this.memberIsPromise(node);
      case AST_NODE_TYPES.CallExpression:
        return this.callIsPromise(node);
      default:
        return 'unknown';
    }
  }

  private objectHasThen(node: TSESTree.ObjectExpression): boolean {
    return node.properties.some(
      (property) => property.type === AST_NODE_TYPES.Property && keyName(property.key, property.computed) === 'then',
    );
  }

  private newIsPromise(node: TSESTree.NewExpression): Answer {
    const callee = skipWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise' && this.isGlobal(callee)) return 'yes';
    const cls = this.localClass(callee);
    if (cls) return this.instanceAnswer(cls);
    return 'unknown';
  }

  private identifierIsPromise(node: TSESTree.Identifier): Answer {
    if (node.name === 'undefined') return 'no';
    const variable = this.findVariable(node);
    if (!variable) return 'unknown';
    if (variable.defs.length === 0) return 'unknown';
    const def = variable.defs[0];
    if (!def || variable.defs.length !== 1) return 'unknown';
    switch (def.type) {
      case 'FunctionName':
      case 'ClassName':
        return 'no';
      case 'Parameter': {
        const annotation = parameterAnnotation(def.name);
        return annotation && !assignsAwaited(variable) ? this.declaredPromise(annotation) : 'unknown';
      }
      case 'Variable': {
        const id = def.node.id;
        if (id === def.name && id.typeAnnotation && !assignsAwaited(variable)) {
          const declared = this.declaredPromise(id.typeAnnotation.typeAnnotation);
          if (declared !== 'unknown') return declared;
        }
        if (id !== def.name || !def.node.init) return 'unknown';
        // A variable written only by its declaration holds its initial value.
        if (writeCount(variable) > 1) return 'unknown';
        return this.syn(def.node.init);
      }
      default:
        return 'unknown';
    }
  }

  private memberIsPromise(node: TSESTree.MemberExpression): Answer {
    const name = memberName(node);
    // `Promise.withResolvers().promise`
    if (name === 'promise' && node.object.type === AST_NODE_TYPES.CallExpression) {
      const target = this.resolveImport(node.object.callee);
      if (target?.module === GLOBAL && target.path.join('.') === 'Promise.withResolvers') return 'yes';
    }
    const object = skipWrappers(node.object);
    // `const jobs = { nightly: runNightly() }; jobs.nightly`
    if (name !== null && object.type === AST_NODE_TYPES.Identifier) {
      const value = this.constInit(object);
      if (value?.type === AST_NODE_TYPES.ObjectExpression) {
        const property = value.properties.find(
          (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.method && keyName(p.key, p.computed) === name,
        );
        if (property && property.value.type !== AST_NODE_TYPES.AssignmentPattern) return this.syn(property.value);
      }
    }
    if (name !== null && object.type === AST_NODE_TYPES.ThisExpression) {
      const member = this.classMember(node, name);
      if (member?.type === AST_NODE_TYPES.PropertyDefinition && member.value) {
        if (member.typeAnnotation) {
          const declared = this.declaredPromise(member.typeAnnotation.typeAnnotation);
          if (declared !== 'unknown') return declared;
        }
      }
    }
    return 'unknown';
  }

  private callIsPromise(node: TSESTree.CallExpression): Answer {
    const callee = skipWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(callee);
      if (name !== null && CHAIN_METHODS.has(name)) {
        const receiver = this.syn(callee.object);
        if (receiver === 'yes') return 'yes';
        if (receiver === 'unknown' && name === 'then' && node.arguments.length > 0 && !this.isNonPromiseThenable(callee)) {
          return this.checkThenables ? 'yes' : 'unknown';
        }
      }
    }
    return this.synReturns(callee);
  }

  private isNonPromiseThenable(callee: TSESTree.MemberExpression): boolean {
    let root: TSESTree.Node = callee;
    while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
      root = root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee;
    }
    return root.type === AST_NODE_TYPES.Identifier && NON_PROMISE_THENABLE_ROOTS.has(root.name);
  }

  private syntacticReturnsPromise(callee: TSESTree.Node): Answer {
    if (isFunctionNode(callee)) return this.functionReturnsPromise(callee);
    if (callee.type === AST_NODE_TYPES.CallExpression) {
      // `promisify(fs.readFile)(path)`
      return this.isPromisifyCall(callee) ? 'yes' : 'unknown';
    }
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const local = this.localFunctionAnswer(callee);
      if (local !== null) return local;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const local = this.memberFunctionAnswer(callee);
      if (local !== null) return local;
    }
    return this.catalogAnswer(callee);
  }

  /** Answers for a callee named by an identifier declared in this file; null when it is not. */
  private localFunctionAnswer(callee: TSESTree.Identifier): Answer | null {
    const variable = this.findVariable(callee);
    if (!variable || variable.defs.length === 0) return null;
    let answer: Answer | null = null;
    for (const def of variable.defs) {
      let one: Answer;
      switch (def.type) {
        case 'FunctionName':
          one = isFunctionNode(def.node) ? this.functionReturnsPromise(def.node) : 'unknown';
          break;
        case 'ClassName':
          one = 'no';
          break;
        case 'Parameter': {
          const annotation = parameterAnnotation(def.name);
          one = annotation ? this.declaredPromiseFunction(annotation) : 'unknown';
          break;
        }
        case 'Variable':
          one = this.variableFunctionAnswer(variable, def.node, def.name);
          // `const { save } = require('./store')`, `const run = require('execa').execa`
          if (one === 'unknown') one = this.catalogAnswer(callee);
          break;
        case 'ImportBinding':
          return this.catalogAnswer(callee);
        default:
          one = 'unknown';
      }
      // Overloads: any declared signature returning a promise is enough.
      answer = answer === null ? one : or(answer, one);
      if (answer === 'yes') return 'yes';
    }
    return answer;
  }

  private variableFunctionAnswer(
    variable: TSESLint.Scope.Variable,
    declarator: TSESTree.VariableDeclarator,
    name: TSESTree.Node,
  ): Answer {
    if (declarator.id === name && declarator.id.typeAnnotation) {
      const declared = this.declaredPromiseFunction(declarator.id.typeAnnotation.typeAnnotation);
      if (declared !== 'unknown') return declared;
    }
    const init = declarator.init;
    if (!init || declarator.id !== name) return 'unknown';
    if (writeCount(variable) > 1) return 'unknown';
    const value = skipWrappers(init);
    if (isFunctionNode(value)) return this.functionReturnsPromise(value);
    if (value.type === AST_NODE_TYPES.CallExpression) {
      if (this.isPromisifyCall(value)) return 'yes';
      // `const save = store.save.bind(store)`
      const callee = skipWrappers(value.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind') {
        return this.synReturns(callee.object);
      }
      return 'unknown';
    }
    if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
      return this.synReturns(value);
    }
    return 'unknown';
  }

  /** `this.save()`, `store.save()`, `Store.create()`: methods of classes and objects in this file. */
  private memberFunctionAnswer(callee: TSESTree.MemberExpression): Answer | null {
    const name = memberName(callee);
    if (name === null) return null;
    const object = skipWrappers(callee.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const member = this.classMember(callee, name);
      if (member) return this.memberAnswer(member);
      return this.prototypeMethodAnswer(name);
    }
    if (object.type === AST_NODE_TYPES.Identifier) {
      // `var self = this; ... self.upload()`: the `this` of where `self` was written.
      const alias = this.constInit(object);
      if (alias?.type === AST_NODE_TYPES.ThisExpression) {
        const member = this.classMember(alias, name);
        if (member) return this.memberAnswer(member);
        return this.prototypeMethodAnswer(name);
      }
      const cls = this.localClass(object);
      if (cls) {
        const member = findClassMember(cls, name, true, (superClass) => this.localClass(superClass));
        return member ? this.memberAnswer(member) : null;
      }
      const value = this.constInit(object);
      if (value?.type === AST_NODE_TYPES.ObjectExpression) {
        const property = value.properties.find(
          (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && keyName(p.key, p.computed) === name,
        );
        if (property && isFunctionNode(property.value)) return this.functionReturnsPromise(property.value);
        return null;
      }
    }
    // `client.close()`, `this.pool.end()`, `user.save()`: methods of what the object is an instance of.
    const instance = this.instanceOf(object);
    if (instance) {
      const answer = this.instanceMethodAnswer(instance, name);
      if (answer !== null) return answer;
    }
    // `(await fetch(url)).json()` and `const res = await fetch(url); res.json()`
    const awaited = this.awaitedCall(object);
    if (awaited) {
      const target = this.resolveImport(awaited.callee);
      const methods = target ? this.catalog.resolvedValueMethods[targetKey(target)] : undefined;
      if (methods?.includes(name)) return 'yes';
    }
    return null;
  }

  /** What `node` is an instance of, from `new C()`, a type annotation or a class field. */
  private instanceOf(node: TSESTree.Node): InstanceRef | null {
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = this.findVariable(node);
      const def = variable?.defs[0];
      if (!variable || !def || variable.defs.length !== 1) return null;
      if (def.type !== 'Variable' && def.type !== 'Parameter') return null;
      const annotated = def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
      if (annotated) return this.instanceOfType(annotated);
      const value = this.constInit(node);
      return value?.type === AST_NODE_TYPES.NewExpression ? this.instanceOfConstructor(value.callee) : null;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && skipWrappers(node.object).type === AST_NODE_TYPES.ThisExpression) {
      const name = memberName(node);
      if (name === null) return null;
      const member = this.classMember(node, name);
      if (member?.type === AST_NODE_TYPES.PropertyDefinition) {
        if (member.typeAnnotation) return this.instanceOfType(member.typeAnnotation.typeAnnotation);
        const value = member.value ? skipWrappers(member.value) : null;
        return value?.type === AST_NODE_TYPES.NewExpression ? this.instanceOfConstructor(value.callee) : null;
      }
      if (!member) {
        // `constructor(private readonly queue: JobQueue) {}`
        const annotation = this.parameterProperty(node, name);
        return annotation ? this.instanceOfType(annotation) : null;
      }
    }
    return null;
  }

  private instanceOfConstructor(callee: TSESTree.Node): InstanceRef | null {
    const target = skipWrappers(callee);
    const cls = this.localClass(target);
    if (cls) return { kind: 'class', cls };
    const imported = this.resolveImport(target);
    return imported?.module.startsWith('.') ? { kind: 'import', target: imported } : null;
  }

  private instanceOfType(type: TSESTree.TypeNode): InstanceRef | null {
    if (type.type === AST_NODE_TYPES.TSUnionType) {
      const parts = type.types.filter(
        (part) => part.type !== AST_NODE_TYPES.TSNullKeyword && part.type !== AST_NODE_TYPES.TSUndefinedKeyword,
      );
      return parts.length === 1 && parts[0] ? this.instanceOfType(parts[0]) : null;
    }
    if (type.type === AST_NODE_TYPES.TSTypeLiteral) return { kind: 'shape', members: type.members };
    if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(type), type.typeName.name);
    const def = variable?.defs[0];
    if (!def) return null;
    switch (def.node.type) {
      case AST_NODE_TYPES.ClassDeclaration:
        return { kind: 'class', cls: def.node };
      case AST_NODE_TYPES.TSInterfaceDeclaration:
        return { kind: 'shape', members: this.interfaceMembers(def.node, 0) };
      case AST_NODE_TYPES.TSTypeAliasDeclaration:
        return def.node.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral
          ? { kind: 'shape', members: def.node.typeAnnotation.members }
          : null;
      default: {
        if (def.type !== 'ImportBinding') return null;
        const imported = this.resolveImport(type.typeName);
        return imported?.module.startsWith('.') ? { kind: 'import', target: imported } : null;
      }
    }
  }

  /** The members of an interface and of the local interfaces it extends. */
  private interfaceMembers(node: TSESTree.TSInterfaceDeclaration, depth: number): TSESTree.TypeElement[] {
    const members = [...node.body.body];
    if (depth > 4) return members;
    for (const heritage of node.extends) {
      if (heritage.expression.type !== AST_NODE_TYPES.Identifier) continue;
      const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(heritage), heritage.expression.name);
      for (const def of variable?.defs ?? []) {
        if (def.node.type === AST_NODE_TYPES.TSInterfaceDeclaration && def.node !== node) {
          members.push(...this.interfaceMembers(def.node, depth + 1));
        }
      }
    }
    return members;
  }

  private instanceMethodAnswer(instance: InstanceRef, name: string): Answer | null {
    switch (instance.kind) {
      case 'class': {
        const member = findClassMember(instance.cls, name, false, (superClass) => this.localClass(superClass));
        return member ? this.memberAnswer(member) : null;
      }
      case 'shape': {
        let answer: Answer | null = null;
        for (const member of instance.members) {
          let one: Answer | null = null;
          if (member.type === AST_NODE_TYPES.TSMethodSignature && keyName(member.key, member.computed) === name) {
            one = member.returnType ? this.declaredPromise(member.returnType.typeAnnotation) : 'unknown';
          } else if (member.type === AST_NODE_TYPES.TSPropertySignature && keyName(member.key, member.computed) === name) {
            one = member.typeAnnotation ? this.declaredPromiseFunction(member.typeAnnotation.typeAnnotation) : 'unknown';
          }
          // Overloads: any signature that returns a promise is enough.
          if (one !== null) answer = answer === null ? one : or(answer, one);
        }
        return answer;
      }
      case 'import': {
        // With a checker, imported classes are the checker's business.
        if (this.info || instance.target.path.length > 1) return null;
        const exported = exportedPromiseFunctions(this.context, instance.target.module);
        return exported?.get(`${instance.target.path[0] ?? 'default'}#${name}`) ?? null;
      }
    }
  }

  /** The type of a constructor parameter property `this.name` of the enclosing class. */
  private parameterProperty(node: TSESTree.Node, name: string): TSESTree.TypeNode | null {
    let current: TSESTree.Node | undefined = node.parent;
    while (current && current.type !== AST_NODE_TYPES.ClassBody) current = current.parent;
    if (!current) return null;
    for (const member of current.body) {
      if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') continue;
      for (const param of member.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const inner = param.parameter;
        if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name) return inner.typeAnnotation?.typeAnnotation ?? null;
      }
    }
    return null;
  }

  /**
   * Pre-class JavaScript: `Store.prototype.save = async function () {}` and
   * `Store.prototype = { async save() {} }`, read for `this.save()` outside
   * classes. Every definition of the name in the file must agree.
   */
  private prototypeMethodAnswer(name: string): Answer | null {
    const definitions = this.prototypeMethods().get(name);
    if (!definitions) return null;
    let answer: Answer | null = null;
    for (const fn of definitions) {
      const one = this.functionReturnsPromise(fn);
      answer = answer === null ? one : answer === one ? answer : 'unknown';
    }
    return answer;
  }

  private prototypeIndex: Map<string, FunctionNode[]> | null = null;

  private prototypeMethods(): Map<string, FunctionNode[]> {
    if (this.prototypeIndex) return this.prototypeIndex;
    const index = new Map<string, FunctionNode[]>();
    const add = (name: string | null, value: TSESTree.Node): void => {
      if (name === null || !isFunctionNode(value)) return;
      const list = index.get(name) ?? [];
      list.push(value);
      index.set(name, list);
    };
    for (const statement of this.context.sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
      const assignment = statement.expression;
      if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') continue;
      const left = assignment.left;
      if (left.type !== AST_NODE_TYPES.MemberExpression) continue;
      // `X.prototype.name = function () {}`
      if (left.object.type === AST_NODE_TYPES.MemberExpression && memberName(left.object) === 'prototype') {
        add(memberName(left), assignment.right);
      } else if (memberName(left) === 'prototype' && assignment.right.type === AST_NODE_TYPES.ObjectExpression) {
        // `X.prototype = { name() {} }`
        for (const property of assignment.right.properties) {
          if (property.type === AST_NODE_TYPES.Property) add(keyName(property.key, property.computed), property.value);
        }
      }
    }
    this.prototypeIndex = index;
    return index;
  }

  private memberAnswer(member: ClassMember): Answer {
    if (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.TSAbstractMethodDefinition) {
      if (member.kind === 'get' || member.kind === 'set') return 'unknown';
      return this.functionReturnsPromise(member.value);
    }
    if (member.type === AST_NODE_TYPES.PropertyDefinition) {
      // The declared type first: the field may be given other functions later (`#onMessage: (m) => Promise<void> | void = async ...`).
      const declared = member.typeAnnotation ? this.declaredPromiseFunction(member.typeAnnotation.typeAnnotation) : 'unknown';
      if (declared !== 'unknown') return declared;
      if (member.value && isFunctionNode(member.value)) return this.functionReturnsPromise(member.value);
    }
    return 'unknown';
  }

  private awaitedCall(node: TSESTree.Node): TSESTree.CallExpression | null {
    let value: TSESTree.Node | null = node;
    if (value.type === AST_NODE_TYPES.Identifier) {
      const settled = this.thenParameterSource(value);
      if (settled) return settled;
      value = this.constInit(value);
    }
    if (value?.type !== AST_NODE_TYPES.AwaitExpression) return null;
    const argument = skipWrappers(value.argument);
    return argument.type === AST_NODE_TYPES.CallExpression ? argument : null;
  }

  /**
   * `fetch(url).then((res) => res.json())`: the first parameter of a `.then`
   * callback holds what the call it is chained on resolves to, like
   * `const res = await fetch(url)`. Null for anything else.
   */
  private thenParameterSource(node: TSESTree.Identifier): TSESTree.CallExpression | null {
    const variable = this.findVariable(node);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || def?.type !== 'Parameter') return null;
    const fn = def.node;
    if (!isFunctionNode(fn) || fn.params[0] !== def.name) return null;
    if (variable.references.some((ref) => ref.isWrite())) return null;
    const call = fn.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return null;
    const callee = skipWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'then') return null;
    const receiver = skipWrappers(callee.object);
    return receiver.type === AST_NODE_TYPES.CallExpression ? receiver : null;
  }

  /** Known APIs of packages and builtins, and (untyped) the exports of relative imports. */
  private catalogAnswer(callee: TSESTree.Node): Answer {
    const target = this.resolveImport(callee);
    if (!target) return 'unknown';
    // With a checker, relative imports are its business; `crossFileAnswer` is the fallback.
    if (target.module.startsWith('.')) return this.info ? 'unknown' : this.exportAnswer(target);
    return this.catalogTargetAnswer(target);
  }

  /** For a callee imported from a relative module: what that module's declaration says. */
  private crossFileAnswer(callee: TSESTree.Node): Answer {
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return 'unknown';
    const target = this.resolveImport(callee);
    return target?.module.startsWith('.') ? this.exportAnswer(target) : 'unknown';
  }

  private exportAnswer(target: ImportTarget): Answer {
    if (target.path.length > 2) return 'unknown';
    const exported = exportedPromiseFunctions(this.context, target.module);
    // `flags.isEnabled()`, `db.exists()`: a method of an exported object literal or instance.
    const key = target.path.length === 2 ? target.path.join('.') : (target.path[0] ?? 'default');
    return exported?.get(key) ?? 'unknown';
  }

  private catalogTargetAnswer(target: ImportTarget): Answer {
    const { catalog } = this;
    if (catalogHas(catalog.notPromise, target)) return 'no';
    if (catalogHas(catalog.returnsPromise, target)) return 'yes';
    if (catalogHas(catalog.neverPromise, target)) return 'no';
    return 'unknown';
  }

  private isPromisifyCall(node: TSESTree.CallExpression): boolean {
    const target = this.resolveImport(node.callee);
    return target !== null && catalogHas(this.catalog.promisifiers, target);
  }

  private computeFunctionReturns(fn: FunctionNode): Answer {
    if (fn.generator) return 'no';
    if (fn.async) return 'yes';
    if (fn.returnType) {
      const declared = this.declaredPromise(fn.returnType.typeAnnotation);
      if (declared !== 'unknown') return declared;
    }
    if (!fn.body) return 'unknown';
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return this.syn(fn.body);
    // A function that returns a promise on some paths and a plain value (or
    // `undefined`) on others is not "a promise" to its callers: `isexe(path, cb)`
    // returns one only when no callback is passed. Only sure paths count.
    let promises = false;
    let values = mayCompleteNormally(fn.body);
    let unknown = false;
    for (const argument of returnedValues(fn.body)) {
      const one = argument ? this.syn(argument) : 'no';
      if (one === 'yes') promises = true;
      else if (one === 'no') values = true;
      else unknown = true;
    }
    if (promises) return values ? 'unknown' : 'yes';
    return unknown ? 'unknown' : 'no';
  }

  // ---------------------------------------------------------------- scope helpers

  private findVariable(node: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    return variableOf(this.context.sourceCode, node);
  }

  private isGlobal(node: TSESTree.Identifier): boolean {
    const variable = this.findVariable(node);
    return !variable || variable.defs.length === 0;
  }

  /** The initial value of a variable written only by its declaration. */
  private constInit(node: TSESTree.Identifier): TSESTree.Node | null {
    return constInit(this.context.sourceCode, node);
  }

  private localClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
    if (node.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = this.findVariable(node);
    const def = variable?.defs[0];
    if (!def) return null;
    if (def.type === 'ClassName') return def.node;
    if (def.type === 'Variable' && def.node.init?.type === AST_NODE_TYPES.ClassExpression) return def.node.init;
    return null;
  }

  /** `new C()` of a class in this file: a `then` of its own or of a local base, or `extends Promise`. */
  private instanceAnswer(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Answer {
    let current = cls;
    for (let depth = 0; depth < 5; depth++) {
      if (this.checkThenables && findClassMember(current, 'then', false) !== null) return 'yes';
      if (!current.superClass) return 'no';
      const base = skipWrappers(current.superClass);
      if (base.type === AST_NODE_TYPES.Identifier && base.name === 'Promise' && this.isGlobal(base)) return 'yes';
      const parent = this.localClass(base);
      // A base from elsewhere (an import, a call) may be anything.
      if (!parent || parent === current) return 'unknown';
      current = parent;
    }
    return 'unknown';
  }

  /** The member `name` of the class whose method encloses `node` (for `this.name`; `this.#name` finds only `#name`). */
  private classMember(node: TSESTree.Node, name: string): ClassMember | null {
    const isPrivate = node.type === AST_NODE_TYPES.MemberExpression && node.property.type === AST_NODE_TYPES.PrivateIdentifier;
    let current: TSESTree.Node | undefined = node.parent;
    let isStatic = false;
    while (current) {
      if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
        const owner = current.parent;
        if (owner.type !== AST_NODE_TYPES.MethodDefinition && owner.type !== AST_NODE_TYPES.PropertyDefinition) {
          return null;
        }
        isStatic = owner.static;
      }
      if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) {
        isStatic = current.type === AST_NODE_TYPES.StaticBlock || current.static;
      }
      if (current.type === AST_NODE_TYPES.ClassBody) {
        const cls = current.parent;
        return findClassMember(cls, name, isStatic, (superClass) => this.localClass(superClass), 0, isPrivate);
      }
      current = current.parent;
    }
    return null;
  }

  // ---------------------------------------------------------------- types

  private typedIsPromise(node: TSESTree.Node, info: TypeInfo): Answer {
    const tsNode = info.tsNode(node);
    if (!tsNode) return 'unknown';
    return this.classifyType(info.checker.getTypeAtLocation(tsNode), tsNode, info);
  }

  private typedReturnsPromise(callee: TSESTree.Node, info: TypeInfo): Answer {
    const tsNode = info.tsNode(callee);
    if (!tsNode) return 'unknown';
    const type = info.checker.getTypeAtLocation(tsNode);
    if (isAnyLike(type, info)) return 'unknown';
    let answer: Answer = 'no';
    for (const part of info.tsutils.unionConstituents(info.checker.getApparentType(type))) {
      for (const signature of part.getCallSignatures()) {
        const one = this.classifyType(signature.getReturnType(), tsNode, info);
        if (one === 'yes') return 'yes';
        if (one === 'unknown') answer = 'unknown';
      }
    }
    return answer;
  }

  private typedIsPromiseArray(node: TSESTree.Node, info: TypeInfo): Answer {
    const tsNode = info.tsNode(node);
    if (!tsNode) return 'unknown';
    const type = info.checker.getTypeAtLocation(tsNode);
    if (isAnyLike(type, info)) return 'unknown';
    let answer: Answer = 'no';
    for (const part of info.tsutils.unionConstituents(type)) {
      let elements: readonly ts.Type[] = [];
      if (info.checker.isArrayType(part)) elements = info.checker.getTypeArguments(part as ts.TypeReference).slice(0, 1);
      else if (info.checker.isTupleType(part)) elements = info.checker.getTypeArguments(part as ts.TypeReference);
      for (const element of elements) {
        const one = this.classifyType(element, tsNode, info);
        if (one === 'yes') return 'yes';
        if (one === 'unknown') answer = 'unknown';
      }
    }
    return answer;
  }

  private classifyType(type: ts.Type, tsNode: ts.Node, info: TypeInfo): Answer {
    const { checker, tsutils } = info;
    let target = type;
    if (tsutils.isTypeParameter(target)) {
      const constraint = checker.getBaseConstraintOfType(target);
      if (!constraint) return 'unknown';
      target = constraint;
    }
    if (isAnyLike(target, info)) return 'unknown';
    let answer: Answer = 'no';
    for (const part of tsutils.unionConstituents(target)) {
      if (isAnyLike(part, info)) {
        answer = 'unknown';
        continue;
      }
      for (const member of tsutils.intersectionConstituents(part)) {
        if (this.isThenableType(member, tsNode, info)) return 'yes';
      }
    }
    return answer;
  }

  private isThenableType(type: ts.Type, tsNode: ts.Node, info: TypeInfo): boolean {
    if (!info.tsutils.isThenableType(info.checker, tsNode, type)) return false;
    if (this.checkThenables) return true;
    // Promise-shaped: a thenable that also has `catch` and `finally` (Promise and its subclasses).
    return type.getProperty('catch') !== undefined && type.getProperty('finally') !== undefined;
  }
}

type InstanceRef =
  | { readonly kind: 'class'; readonly cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression }
  | { readonly kind: 'shape'; readonly members: readonly TSESTree.TypeElement[] }
  | { readonly kind: 'import'; readonly target: ImportTarget };

type ClassMember =
  | TSESTree.MethodDefinition
  | TSESTree.PropertyDefinition
  | TSESTree.TSAbstractMethodDefinition
  | TSESTree.TSAbstractPropertyDefinition;

function findClassMember(
  cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  name: string,
  isStatic: boolean,
  superClassOf?: (node: TSESTree.Node) => TSESTree.ClassDeclaration | TSESTree.ClassExpression | null,
  depth = 0,
  /** `#name` and `name` are different members (vscode-markdown-languageservice has both `provideCompletionItems` and an async generator `#provideCompletionItems`); unset: either. */
  isPrivate?: boolean,
): ClassMember | null {
  for (const member of cls.body.body) {
    if (
      (member.type === AST_NODE_TYPES.MethodDefinition ||
        member.type === AST_NODE_TYPES.PropertyDefinition ||
        member.type === AST_NODE_TYPES.TSAbstractMethodDefinition ||
        member.type === AST_NODE_TYPES.TSAbstractPropertyDefinition) &&
      member.static === isStatic &&
      !(member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') &&
      keyName(member.key, member.computed) === name &&
      (isPrivate === undefined || (member.key.type === AST_NODE_TYPES.PrivateIdentifier) === isPrivate)
    ) {
      return member;
    }
  }
  // Private names are not inherited.
  if (superClassOf && cls.superClass && depth < 4 && isPrivate !== true) {
    const parent = superClassOf(cls.superClass);
    if (parent && parent !== cls) return findClassMember(parent, name, isStatic, superClassOf, depth + 1, isPrivate);
  }
  return null;
}

const returnsByBody = new WeakMap<TSESTree.BlockStatement, readonly (TSESTree.Expression | null)[]>();

/**
 * Every `return <value>` of a function body (`null` for a bare `return`), not
 * descending into nested functions. Only statements can hold a `return`, so
 * expressions are never walked; computed once per body.
 */
export function returnedValues(body: TSESTree.BlockStatement): readonly (TSESTree.Expression | null)[] {
  const cached = returnsByBody.get(body);
  if (cached) return cached;
  const values: (TSESTree.Expression | null)[] = [];
  const stack: (TSESTree.Statement | TSESTree.SwitchCase | null | undefined)[] = [body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    switch (node.type) {
      case AST_NODE_TYPES.ReturnStatement:
        values.push(node.argument);
        break;
      case AST_NODE_TYPES.BlockStatement:
        for (let i = node.body.length - 1; i >= 0; i--) stack.push(node.body[i]);
        break;
      case AST_NODE_TYPES.SwitchCase:
        for (let i = node.consequent.length - 1; i >= 0; i--) stack.push(node.consequent[i]);
        break;
      case AST_NODE_TYPES.SwitchStatement:
        for (let i = node.cases.length - 1; i >= 0; i--) stack.push(node.cases[i]);
        break;
      case AST_NODE_TYPES.IfStatement:
        stack.push(node.alternate, node.consequent);
        break;
      case AST_NODE_TYPES.TryStatement:
        stack.push(node.finalizer, node.handler?.body, node.block);
        break;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.WithStatement:
        stack.push(node.body);
        break;
      default:
        // Expressions, declarations (a nested function or class has returns of its own), `throw`, `break`, ...
        break;
    }
  }
  returnsByBody.set(body, values);
  return values;
}

/**
 * Can running this statement reach its end without `return` or `throw`?
 * Conservative: true unless every branch visibly returns or throws.
 */
function mayCompleteNormally(node: TSESTree.Statement): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return false;
    case AST_NODE_TYPES.BlockStatement: {
      const last = node.body[node.body.length - 1];
      return !last || node.body.every(mayCompleteNormally);
    }
    case AST_NODE_TYPES.IfStatement:
      return !node.alternate || mayCompleteNormally(node.consequent) || mayCompleteNormally(node.alternate);
    case AST_NODE_TYPES.TryStatement: {
      if (node.finalizer && !mayCompleteNormally(node.finalizer)) return false;
      return mayCompleteNormally(node.block) || (node.handler !== null && mayCompleteNormally(node.handler.body));
    }
    default:
      return true;
  }
}

function parameterAnnotation(name: TSESTree.Node): TSESTree.TypeNode | null {
  if (name.type === AST_NODE_TYPES.Identifier && name.typeAnnotation) return name.typeAnnotation.typeAnnotation;
  return null;
}

/** Does a written type say "promise"? `Promise<T>`, `PromiseLike<T>`, a union with one: yes; keywords: no. */
export function annotationIsPromise(type: TSESTree.TypeNode, thenables = true): Answer {
  switch (type.type) {
    case AST_NODE_TYPES.TSTypeReference:
      if (type.typeName.type === AST_NODE_TYPES.Identifier) {
        if (type.typeName.name === 'Promise') return 'yes';
        if (type.typeName.name === 'PromiseLike') return thenables ? 'yes' : 'no';
      }
      return 'unknown';
    case AST_NODE_TYPES.TSUnionType: {
      let answer: Answer = 'no';
      for (const part of type.types) answer = or(answer, annotationIsPromise(part, thenables));
      return answer;
    }
    case AST_NODE_TYPES.TSVoidKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSSymbolKeyword:
    case AST_NODE_TYPES.TSNeverKeyword:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSArrayType:
    case AST_NODE_TYPES.TSTupleType:
    case AST_NODE_TYPES.TSFunctionType:
    case AST_NODE_TYPES.TSTypePredicate:
      return 'no';
    default:
      return 'unknown';
  }
}

/** Does every value of a written type that answers "a promise" have `.catch`: `Promise<T>`, unions of those? */
function annotationHasCatch(type: TSESTree.TypeNode): boolean {
  if (type.type === AST_NODE_TYPES.TSUnionType) return type.types.every(annotationHasCatch);
  return type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'Promise';
}

/**
 * The types `.catch` would be called on when appended to `node` as written
 * (`p as Promise<void>`, `p!` included). An optional chain's own `undefined`
 * does not count: `.catch` continues the chain, so its last link is what matters.
 */
function catchReceiverTypes(node: TSESTree.Node, info: TypeInfo): ts.Type[] {
  const { checker } = info;
  const link = node.type === AST_NODE_TYPES.ChainExpression ? info.tsNode(node.expression) : undefined;
  if (link && info.ts.isCallExpression(link)) {
    // What the callee returns when it is called (its resolved signature has the chain's `undefined` too).
    const signatures = checker.getNonNullableType(checker.getTypeAtLocation(link.expression)).getCallSignatures();
    if (signatures.length > 0) return signatures.map((signature) => signature.getReturnType());
  }
  if (link && info.ts.isPropertyAccessExpression(link)) {
    const property = checker.getNonNullableType(checker.getTypeAtLocation(link.expression)).getProperty(link.name.text);
    if (property) return [checker.getTypeOfSymbol(property)];
  }
  const type = info.typeOf(node);
  return type ? [type] : [];
}

function isAnyLike(type: ts.Type, info: TypeInfo): boolean {
  return info.tsutils.isTypeFlagSet(type, info.ts.TypeFlags.Any | info.ts.TypeFlags.Unknown);
}
