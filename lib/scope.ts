/** Small scope questions: which variable a name refers to, and whether it is the global one. */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { skipWrappers } from './ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

type Variable = TSESLint.Scope.Variable;

/** Per file: each name declared once in the whole file, with its variable; null for a name declared more than once. */
const declaredOnce = new WeakMap<SourceCode, Map<string, Variable | null>>();

function namesOf(sourceCode: SourceCode): Map<string, Variable | null> {
  let names = declaredOnce.get(sourceCode);
  if (!names) {
    names = new Map();
    for (const scope of sourceCode.scopeManager?.scopes ?? []) {
      for (const variable of scope.variables) names.set(variable.name, names.has(variable.name) ? null : variable);
    }
    declaredOnce.set(sourceCode, names);
  }
  return names;
}

/**
 * The variable `identifier` refers to from where it is written, or null for an
 * undeclared global. ESLint's lookup (`getScope`, then up the scope chain) is
 * what the analyses ask most; two shortcuts answer most questions from one
 * table per file: a name no scope declares is an undeclared global, and a
 * name declared once is that variable wherever its scope reaches.
 */
export function variableOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): Variable | null {
  const names = namesOf(sourceCode);
  const only = names.get(identifier.name);
  if (only === undefined && sourceCode.scopeManager) return null;
  if (only) {
    const [start, end] = only.scope.block.range;
    if (start <= identifier.range[0] && identifier.range[1] <= end) return only;
  }
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

const writeCounts = new WeakMap<Variable, number>();

/**
 * How many references write `variable` (its initialiser included). Asked for
 * every read of a variable, so counted once per variable: a filter per read
 * is quadratic in the reads of a busy name.
 */
export function writeCount(variable: Variable): number {
  let count = writeCounts.get(variable);
  if (count === undefined) {
    count = 0;
    for (const reference of variable.references) if (reference.isWrite()) count++;
    writeCounts.set(variable, count);
  }
  return count;
}

/**
 * The initial value (wrappers skipped) of the variable `identifier` reads,
 * when that variable is declared once as a plain name with an initialiser and
 * never written again (`const x = init`, or a `let` never reassigned); null
 * otherwise.
 */
export function constInit(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Node | null {
  const variable = variableOf(sourceCode, identifier);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable') return null;
  if (def.node.id !== def.name || !def.node.init || writeCount(variable) > 1) return null;
  return skipWrappers(def.node.init);
}
