/** Small scope questions: which variable a name refers to, and whether it is the global one. */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The variable `identifier` refers to from where it is written, or null for an undeclared global. */
export function variableOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
}

/**
 * Does `identifier` name the global of that name, not a local binding that
 * shadows it? (ESLint's `sourceCode.isGlobalReference`, which typescript-eslint's
 * types do not declare.)
 */
export function isGlobalReference(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  const variable = variableOf(sourceCode, identifier);
  return !variable || variable.defs.length === 0;
}
