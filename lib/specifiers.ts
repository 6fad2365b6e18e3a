/**
 * The `allow` option shared by rules: which callees a user declares safe.
 * A string names a callee by its dotted path (`router.push`) or, without a dot,
 * by its last name (`push`); an object pins where it comes from:
 * `{ from: 'package', package: 'node:test', name: 'test' }`,
 * `{ from: 'file', name: 'startPolling' }`, `{ from: 'lib', name: 'fetch' }`.
 */
import { ASTUtils, AST_NODE_TYPES, type JSONSchema, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { skipWrappers, staticPath } from './ast.js';
import { GLOBAL, canonicalModule, getImportResolver } from './imports.js';

export type AllowSpec =
  | string
  | { readonly from: 'package'; readonly package: string; readonly name: string | readonly string[] }
  | { readonly from: 'file' | 'lib'; readonly name: string | readonly string[] };

export const allowSchema: JSONSchema.JSONSchema4 = {
  type: 'array',
  description:
    'Callees whose promises may be dropped: a name or dotted path (`"router.push"`), or `{ from, name }` with `from` one of `package` (with `package`), `file`, `lib`.',
  uniqueItems: true,
  items: {
    oneOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'package', 'name'],
        properties: {
          from: { type: 'string', enum: ['package'] },
          package: { type: 'string', minLength: 1 },
          name: nameSchema(),
        },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'name'],
        properties: {
          from: { type: 'string', enum: ['file', 'lib'] },
          name: nameSchema(),
        },
      },
    ],
  },
};

function nameSchema(): JSONSchema.JSONSchema4 {
  return {
    oneOf: [
      { type: 'string', minLength: 1 },
      { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true },
    ],
  };
}

function names(spec: { readonly name: string | readonly string[] }): readonly string[] {
  return typeof spec.name === 'string' ? [spec.name] : spec.name;
}

/** Does one of the specs name this callee? */
export function matchesAllow(
  sourceCode: Readonly<TSESLint.SourceCode>,
  callee: TSESTree.Node,
  specs: readonly AllowSpec[],
): boolean {
  if (specs.length === 0) return false;
  const target = skipWrappers(callee);
  const dotted = staticPath(target)?.join('.') ?? null;
  for (const spec of specs) {
    if (typeof spec === 'string') {
      if (dotted === null) continue;
      if (dotted === spec) return true;
      if (!spec.includes('.') && dotted.endsWith(`.${spec}`)) return true;
      continue;
    }
    if (spec.from === 'file') {
      if (dotted !== null && names(spec).includes(dotted) && isDeclaredInFile(sourceCode, target)) return true;
      continue;
    }
    const resolved = getImportResolver(sourceCode)(target);
    if (!resolved) continue;
    const module = spec.from === 'package' ? canonicalModule(spec.package) : GLOBAL;
    if (resolved.module !== module) continue;
    const name = resolved.path.length === 0 ? 'default' : resolved.path.join('.');
    if (names(spec).includes(name)) return true;
  }
  return false;
}

function isDeclaredInFile(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  let root = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  if (root.type === AST_NODE_TYPES.ThisExpression) return true;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
  return !!variable && variable.defs.length > 0 && variable.defs.every((def) => def.type !== 'ImportBinding');
}
