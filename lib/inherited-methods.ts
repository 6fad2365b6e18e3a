/**
 * Methods that override or implement a member declared to return `void` with
 * one that returns a promise: code that holds the base type calls the method
 * and drops the promise (an event handler interface, a `dispose()` of a base
 * class). Syntax picks the members first (`async`, a written `Promise<...>`
 * return type, an async arrow field; bodies are not read); the base types are read from the checker, or
 * without it from classes and interfaces declared in the same file.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { isFunctionNode, keyName, skipWrappers } from './ast.js';
import { classifyFunctionType, declaredReturnSlot, type SlotAnswer } from './callbacks.js';
import { annotationIsPromise } from './promise-oracle.js';
import type { TypeInfo } from './type-info.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type TypeLike = TSESTree.ClassDeclaration | TSESTree.ClassExpression | TSESTree.TSInterfaceDeclaration;

export interface InheritedVoid {
  /** The overriding member (method, field, signature). */
  readonly member: TSESTree.Node;
  readonly name: string;
  /** The base type whose member returns `void`, as written (`Listener`, `Base<T>`). */
  readonly base: string;
}

/** Heritage clauses: `extends` and `implements` of a class, `extends` of an interface. */
function heritageOf(node: TypeLike): TSESTree.Node[] {
  if (node.type === AST_NODE_TYPES.TSInterfaceDeclaration) return node.extends;
  // espree's classes have no `implements` at all (typescript-estree's always do).
  const implemented = (node.implements as TSESTree.TSClassImplements[] | undefined) ?? [];
  return [...(node.superClass ? [node.superClass] : []), ...implemented];
}

/** Members that return a promise, by syntax alone, with their names. */
function promiseMembers(node: TypeLike): { member: TSESTree.Node; name: string }[] {
  const out: { member: TSESTree.Node; name: string }[] = [];
  for (const member of node.body.body) {
    if (member.type === AST_NODE_TYPES.StaticBlock || member.type === AST_NODE_TYPES.TSIndexSignature) continue;
    if ('static' in member && member.static) continue;
    if (!('key' in member) || member.computed) continue;
    const name = keyName(member.key, false);
    if (name === null) continue;
    if (returnsPromise(member)) out.push({ member, name });
  }
  return out;
}

/** `async`, or a written `Promise<...>` return type: bodies are not read (classes have many members). */
function declaresPromise(fn: TSESTree.FunctionLike): boolean {
  if (fn.async) return !fn.generator;
  return !!fn.returnType && annotationIsPromise(fn.returnType.typeAnnotation) === 'yes';
}

function returnsPromise(member: TSESTree.Node): boolean {
  switch (member.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.TSAbstractMethodDefinition:
      return member.kind === 'method' && declaresPromise(member.value);
    case AST_NODE_TYPES.TSMethodSignature:
      return member.kind === 'method' && !!member.returnType && annotationIsPromise(member.returnType.typeAnnotation) === 'yes';
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AccessorProperty:
    case AST_NODE_TYPES.TSAbstractPropertyDefinition:
    case AST_NODE_TYPES.TSAbstractAccessorProperty:
    case AST_NODE_TYPES.TSPropertySignature: {
      const value = 'value' in member && member.value ? skipWrappers(member.value) : null;
      if (value && isFunctionNode(value)) return declaresPromise(value);
      const annotation = member.typeAnnotation?.typeAnnotation;
      return annotation?.type === AST_NODE_TYPES.TSFunctionType && declaredReturnSlot(annotation.returnType?.typeAnnotation) === 'thenable';
    }
    default:
      return false;
  }
}

/** Every member of `node` that returns a promise where a base type's member of that name returns `void`. */
export function asyncOverridesOfVoid(sourceCode: SourceCode, info: TypeInfo | null, node: TypeLike): InheritedVoid[] {
  const heritage = heritageOf(node);
  if (heritage.length === 0) return [];
  const members = promiseMembers(node);
  if (members.length === 0) return [];
  const out: InheritedVoid[] = [];
  for (const { member, name } of members) {
    for (const base of heritage) {
      const answer = info ? typedBaseMember(info, base, member, name) : declaredBaseMember(sourceCode, base, name);
      if (answer === 'void') {
        out.push({ member, name, base: sourceCode.getText(base) });
        break;
      }
    }
  }
  return out;
}

function typedBaseMember(info: TypeInfo, base: TSESTree.Node, member: TSESTree.Node, name: string): SlotAnswer {
  const { checker, ts: tsModule } = info;
  let tsBase: ts.Node | undefined = info.tsNode(base);
  // `extends Base` maps to the expression; its instance type is that of the enclosing `Base<...>` clause.
  if (tsBase && !tsModule.isExpressionWithTypeArguments(tsBase) && tsModule.isExpressionWithTypeArguments(tsBase.parent)) tsBase = tsBase.parent;
  const tsMember = info.tsNode(member);
  if (!tsBase || !tsMember) return 'unknown';
  const type = checker.getTypeAtLocation(tsBase);
  // `extends typeof SomeClass`: the members its symbol declares, as typescript-eslint reads them.
  const property = checker.getPropertyOfType(type, name) ?? type.getSymbol()?.members?.get(tsModule.escapeLeadingUnderscores(name));
  if (!property) return 'unknown';
  return classifyFunctionType(info, checker.getTypeOfSymbolAtLocation(property, tsMember), tsMember);
}

/** Without a checker: the member of that name in a class or interface declared in this file, if it says `void`. */
function declaredBaseMember(sourceCode: SourceCode, base: TSESTree.Node, name: string): SlotAnswer {
  const expression = base.type === AST_NODE_TYPES.TSClassImplements || base.type === AST_NODE_TYPES.TSInterfaceHeritage ? base.expression : base;
  if (expression.type !== AST_NODE_TYPES.Identifier) return 'unknown';
  const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression.name);
  let answer: SlotAnswer = 'unknown';
  for (const def of variable?.defs ?? []) {
    let declaration: TSESTree.Node = def.node;
    if (declaration.type === AST_NODE_TYPES.VariableDeclarator && declaration.init?.type === AST_NODE_TYPES.ClassExpression) declaration = declaration.init;
    if (
      declaration.type !== AST_NODE_TYPES.ClassDeclaration &&
      declaration.type !== AST_NODE_TYPES.ClassExpression &&
      declaration.type !== AST_NODE_TYPES.TSInterfaceDeclaration
    ) {
      continue;
    }
    for (const member of declaration.body.body) {
      if (!('key' in member) || member.computed || ('static' in member && member.static) || keyName(member.key, false) !== name) continue;
      const one = declaredMemberSlot(member);
      if (one !== 'unknown') answer = one;
    }
  }
  return answer;
}

function declaredMemberSlot(member: TSESTree.Node): SlotAnswer {
  switch (member.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.TSAbstractMethodDefinition:
      return declaredReturnSlot(member.value.returnType?.typeAnnotation);
    case AST_NODE_TYPES.TSMethodSignature:
      return declaredReturnSlot(member.returnType?.typeAnnotation);
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AccessorProperty:
    case AST_NODE_TYPES.TSAbstractPropertyDefinition:
    case AST_NODE_TYPES.TSAbstractAccessorProperty:
    case AST_NODE_TYPES.TSPropertySignature: {
      const annotation = member.typeAnnotation?.typeAnnotation;
      if (annotation) return annotation.type === AST_NODE_TYPES.TSFunctionType ? declaredReturnSlot(annotation.returnType?.typeAnnotation) : 'unknown';
      const value = 'value' in member && member.value ? skipWrappers(member.value) : null;
      return value && isFunctionNode(value) ? declaredReturnSlot(value.returnType?.typeAnnotation) : 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** From the start of the member to the end of its name: `async setThing`, `accessor run`. */
export function memberHeadLoc(member: TSESTree.Node): TSESTree.SourceLocation {
  if ('key' in member) return { start: member.loc.start, end: member.key.loc.end };
  return member.loc;
}
