/**
 * Typed questions about the parameter an argument lands in. Asked only after
 * a rule knows the argument matters (it is a promise, say): each question
 * resolves the call's signature, which is not cheap.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { TypeInfo } from './type-info.js';

/**
 * Is argument `index` of this call received by a parameter declared `any`,
 * `unknown`, `{}`, `Object` or `object` (a rest parameter's element type
 * included), so that the callee takes any value and cannot be expecting a
 * promise in particular? False for generic parameters (`push(...items: T[])`,
 * `expect<T>(actual: T)`: they take the promise as the promise it is), for
 * type guards on the argument (`isThenable(x: unknown): x is PromiseLike`),
 * and when the signature cannot be resolved.
 */
export function parameterTakesAnything(
  info: TypeInfo,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
): boolean {
  const tsCall = info.tsNode(call);
  if (!tsCall || !(info.ts.isCallExpression(tsCall) || info.ts.isNewExpression(tsCall))) return false;
  const { checker, ts: tsModule } = info;
  const signature = checker.getResolvedSignature(tsCall);
  if (!signature) return false;
  const predicate = checker.getTypePredicateOfSignature(signature);
  if (predicate?.parameterIndex === index) return false;
  const parameters = signature.getParameters();
  const last = parameters[parameters.length - 1];
  const lastDeclaration = last?.valueDeclaration;
  const isRest = lastDeclaration !== undefined && tsModule.isParameter(lastDeclaration) && lastDeclaration.dotDotDotToken !== undefined;
  const symbol = index < parameters.length - (isRest ? 1 : 0) ? parameters[index] : isRest ? last : undefined;
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration || !tsModule.isParameter(declaration)) return false;
  // The type as declared, before instantiation: a type parameter stays one.
  let type = declaration.type ? checker.getTypeFromTypeNode(declaration.type) : checker.getTypeOfSymbolAtLocation(symbol, tsCall);
  if (declaration.dotDotDotToken) {
    if (!checker.isArrayType(type)) return false;
    const element = checker.getTypeArguments(type as ts.TypeReference)[0];
    if (!element) return false;
    type = element;
  }
  return takesAnything(type, info);
}

function takesAnything(type: ts.Type, info: TypeInfo): boolean {
  const { ts: tsModule, tsutils, checker } = info;
  if (tsutils.isTypeFlagSet(type, tsModule.TypeFlags.Any | tsModule.TypeFlags.Unknown | tsModule.TypeFlags.NonPrimitive)) {
    return true;
  }
  if (tsutils.isTypeParameter(type) || type.isUnion() || type.isIntersection()) return false;
  if (!tsutils.isObjectType(type)) return false;
  // `{}` and `Object`: no members of their own that a caller must provide.
  const symbol = type.getSymbol();
  if (symbol?.getName() === 'Object' && isGlobalObject(symbol, info)) return true;
  return (
    checker.getPropertiesOfType(type).length === 0 &&
    type.getCallSignatures().length === 0 &&
    type.getConstructSignatures().length === 0 &&
    checker.getIndexInfosOfType(type).length === 0
  );
}

function isGlobalObject(symbol: ts.Symbol, info: TypeInfo): boolean {
  return (symbol.getDeclarations() ?? []).some((declaration) => info.program.isSourceFileDefaultLibrary(declaration.getSourceFile()));
}
