/**
 * The `allow` option shared by rules: which callees a user declares safe.
 * A string names a callee by its dotted path (`router.push`) or, without a dot,
 * by its last name (`push`); an object pins where it comes from:
 * `{ from: 'package', package: 'node:test', name: 'test' }`,
 * `{ from: 'file', name: 'startPolling' }`, `{ from: 'lib', name: 'fetch' }`.
 */
import { AST_NODE_TYPES, type JSONSchema, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { skipWrappers, staticPath } from './ast.js';
import { GLOBAL, canonicalModule, getImportResolver } from './imports.js';
import type { TypeInfo } from './type-info.js';
import { variableOf } from './scope.js';

export type AllowSpec =
  | string
  | { readonly from: 'package'; readonly package: string; readonly name: string | readonly string[] }
  | { readonly from: 'file' | 'lib'; readonly name: string | readonly string[] };

export const allowSchema: JSONSchema.JSONSchema4 = {
  type: 'array',
  description:
    'Callees or types whose promises may be dropped: a name or dotted path (`"router.push"`), or `{ from, name }` with `from` one of `package` (with `package`), `file`, `lib`. With type information, names also match the promise\'s type.',
  uniqueItems: true,
  items: {
    oneOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'package', 'name'],
        properties: {
          from: { type: 'string', enum: ['package'], description: 'The callee or type comes from an npm package or a Node.js builtin.' },
          package: { type: 'string', minLength: 1, description: 'The package name, such as `vue-router` or `node:test`.' },
          name: nameSchema(),
        },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'name'],
        properties: {
          from: {
            type: 'string',
            enum: ['file', 'lib'],
            description: '`file`: declared in the file being linted; `lib`: a global of the JavaScript or DOM library.',
          },
          name: nameSchema(),
        },
      },
    ],
  },
};

function nameSchema(): JSONSchema.JSONSchema4 {
  return {
    description: 'The export, function or type name (or several), as a dotted path for members: `test.skip`.',
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
  const variable = variableOf(sourceCode, root);
  return !!variable && variable.defs.length > 0 && variable.defs.every((def) => def.type !== 'ImportBinding');
}

/**
 * Typed mode: does one of the specs name the type of this expression
 * (`{ from: 'package', package: 'knex', name: 'QueryBuilder' }`, `'Thenable'`)?
 * Asked only after a node is known to be a promise, so it adds no cost elsewhere.
 */
export function matchesAllowedType(info: TypeInfo | null, node: TSESTree.Node, specs: readonly AllowSpec[]): boolean {
  if (!info || specs.length === 0) return false;
  const type = info.typeOf(node);
  if (!type) return false;
  for (const part of info.tsutils.unionConstituents(type)) {
    const symbol = part.aliasSymbol ?? part.getSymbol();
    if (!symbol) continue;
    const name = symbol.getName();
    const files = (symbol.getDeclarations() ?? []).map((decl) => decl.getSourceFile());
    for (const spec of specs) {
      if (typeof spec === 'string') {
        if (spec === name) return true;
        continue;
      }
      if (!names(spec).includes(name)) continue;
      const pkg = spec.from === 'package' ? spec.package : '';
      const matchesOrigin = files.some((file) => {
        const fileName = file.fileName.replaceAll('\\', '/');
        if (spec.from === 'lib') return info.program.isSourceFileDefaultLibrary(file);
        if (spec.from === 'file') return !fileName.includes('/node_modules/') && !info.program.isSourceFileDefaultLibrary(file);
        const bare = pkg.replace(/^node:/, '');
        const typesName = bare.startsWith('@') ? bare.slice(1).replace('/', '__') : bare;
        return fileName.includes(`/node_modules/${bare}/`) || fileName.includes(`/node_modules/@types/${typesName}/`);
      });
      if (matchesOrigin) return true;
    }
  }
  return false;
}
