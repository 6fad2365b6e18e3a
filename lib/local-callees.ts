/**
 * Which function a call runs, when that function is written in this file:
 * `helper()` (a function declaration, or a `const` holding a function),
 * `this.load()` (a method or arrow field of the enclosing class or a local
 * base class), `Store.open()` (a static method of a local class) and
 * `store.save()` (a method of a `const` object literal). Analyses that follow
 * a call into its callee's body (transitive blocking, constructor I/O) ask here.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, keyName, memberName, skipWrappers, type FunctionNode } from './ast.js';
import { constInit, variableOf } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

const MAX_BASES = 5;

/** The function this callee names, when it is declared in this file and never reassigned; else null. */
export function localCallee(sourceCode: SourceCode, callee: TSESTree.Node): FunctionNode | null {
  const target = skipWrappers(callee);
  if (isFunctionNode(target)) return target;
  if (target.type === AST_NODE_TYPES.Identifier) return functionOfIdentifier(sourceCode, target);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = memberName(target);
  if (name === null) return null;
  const object = skipWrappers(target.object);
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const owner = thisClass(target);
    const isPrivate = target.property.type === AST_NODE_TYPES.PrivateIdentifier;
    return owner ? classMethod(sourceCode, owner.cls, name, owner.isStatic, isPrivate) : null;
  }
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const cls = localClass(sourceCode, object);
  if (cls) return classMethod(sourceCode, cls, name, true, target.property.type === AST_NODE_TYPES.PrivateIdentifier);
  const literal = constObjectLiteral(sourceCode, object);
  return literal ? objectMethod(literal, name) : null;
}

/** `new Foo()`: the constructor of a class written in this file (or of its nearest local base). */
export function localConstructor(sourceCode: SourceCode, callee: TSESTree.Node): FunctionNode | null {
  const target = skipWrappers(callee);
  if (target.type !== AST_NODE_TYPES.Identifier) return null;
  let cls = localClass(sourceCode, target);
  for (let depth = 0; cls && depth < MAX_BASES; depth++) {
    const ctor = cls.body.body.find(
      (member): member is TSESTree.MethodDefinition =>
        member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor',
    );
    if (ctor) return ctor.value;
    cls = cls.superClass ? classOf(sourceCode, cls.superClass) : null;
  }
  return null;
}

/** The class a class-valued identifier names, when declared in this file. */
export function localClass(sourceCode: SourceCode, node: TSESTree.Identifier): ClassNode | null {
  const variable = variableOf(sourceCode, node);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || !def) return null;
  if (def.type === 'ClassName') return def.node;
  if (def.type !== 'Variable' || def.node.id !== def.name || !def.node.init) return null;
  if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== def.name)) return null;
  const init = skipWrappers(def.node.init);
  return init.type === AST_NODE_TYPES.ClassExpression ? init : null;
}

/** The class whose method or field holds `node`, as `this` sees it there; null outside classes or under a `function`. */
export function thisClass(node: TSESTree.Node): { cls: ClassNode; isStatic: boolean } | null {
  let isStatic = false;
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
      const owner = current.parent;
      if (owner.type !== AST_NODE_TYPES.MethodDefinition && owner.type !== AST_NODE_TYPES.PropertyDefinition) return null;
      isStatic = owner.static;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition) isStatic = current.static;
    if (current.type === AST_NODE_TYPES.StaticBlock) isStatic = true;
    if (current.type === AST_NODE_TYPES.ClassBody) return { cls: current.parent, isStatic };
  }
  return null;
}

function functionOfIdentifier(sourceCode: SourceCode, node: TSESTree.Identifier): FunctionNode | null {
  const variable = variableOf(sourceCode, node);
  if (!variable || variable.defs.length === 0) return null;
  if (variable.defs.every((def) => def.type === 'FunctionName')) {
    // Overloads declare the name several times; the one with a body runs.
    for (const def of variable.defs) {
      if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
    }
    return null;
  }
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== 'Variable') return null;
  if (def.node.id !== def.name || !def.node.init) return null;
  if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== def.name)) return null;
  const init = skipWrappers(def.node.init);
  return isFunctionNode(init) ? init : null;
}

function classOf(sourceCode: SourceCode, node: TSESTree.Node): ClassNode | null {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.ClassExpression) return target;
  return target.type === AST_NODE_TYPES.Identifier ? localClass(sourceCode, target) : null;
}

/** `isPrivate`: `this.#name` names only `#name`, never a public `name` (nor a base class's member). */
function classMethod(sourceCode: SourceCode, start: ClassNode, name: string, isStatic: boolean, isPrivate = false): FunctionNode | null {
  let cls: ClassNode | null = start;
  for (let depth = 0; cls && depth < MAX_BASES; depth++) {
    for (const member of cls.body.body) {
      if (member.type === AST_NODE_TYPES.MethodDefinition) {
        if (member.kind !== 'method' || member.static !== isStatic || keyName(member.key, member.computed) !== name) continue;
        if ((member.key.type === AST_NODE_TYPES.PrivateIdentifier) !== isPrivate) continue;
        return member.value.body ? member.value : null;
      }
      if (member.type === AST_NODE_TYPES.PropertyDefinition) {
        if (member.static !== isStatic || keyName(member.key, member.computed) !== name) continue;
        if ((member.key.type === AST_NODE_TYPES.PrivateIdentifier) !== isPrivate) continue;
        const value = member.value ? skipWrappers(member.value) : null;
        return value && isFunctionNode(value) ? value : null;
      }
    }
    // Private names are not inherited.
    cls = cls.superClass && !isPrivate ? classOf(sourceCode, cls.superClass) : null;
  }
  return null;
}

function constObjectLiteral(sourceCode: SourceCode, node: TSESTree.Identifier): TSESTree.ObjectExpression | null {
  const init = constInit(sourceCode, node);
  return init?.type === AST_NODE_TYPES.ObjectExpression ? init : null;
}

function objectMethod(literal: TSESTree.ObjectExpression, name: string): FunctionNode | null {
  let found: FunctionNode | null = null;
  for (const property of literal.properties) {
    // A spread may bring a later definition of the same name.
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      found = null;
      continue;
    }
    if (property.kind !== 'init' || keyName(property.key, property.computed) !== name) continue;
    const value = skipWrappers(property.value);
    found = isFunctionNode(value) ? value : null;
  }
  return found;
}
