/**
 * The only module that touches `parserServices`. Everything else asks it for a
 * checker and gets `null` when the file was parsed without type information.
 */
import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type * as tsutils from 'ts-api-utils';

export interface TypeInfo {
  readonly ts: typeof ts;
  readonly tsutils: typeof tsutils;
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  /** The TypeScript node behind an ESTree node, or undefined for synthetic nodes. */
  tsNode(node: TSESTree.Node): ts.Node | undefined;
  /** The type of an expression, or undefined when the node has no TypeScript twin. */
  typeOf(node: TSESTree.Node): ts.Type | undefined;
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const cache = new WeakMap<object, TypeInfo | null>();
const load = createRequire(import.meta.url);

let typescript: typeof ts | null | undefined;

/**
 * The `typescript` module, or null when it is not installed. Loaded lazily, so
 * that users without TypeScript can run the untyped configs.
 */
export function loadTypeScript(): typeof ts | null {
  if (typescript === undefined) {
    try {
      typescript = load('typescript') as typeof ts;
    } catch {
      typescript = null;
    }
  }
  return typescript;
}

/**
 * The checker for this file, or null when there is none (no `project` /
 * `projectService`, another parser, or `typescript` not installed). Never throws.
 */
export function getTypeInfo(context: AnyContext): TypeInfo | null {
  const { sourceCode } = context;
  const cached = cache.get(sourceCode);
  if (cached !== undefined) return cached;
  const info = build(sourceCode.parserServices);
  cache.set(sourceCode, info);
  return info;
}

function build(services: Partial<TSESLint.SourceCode['parserServices']> | undefined): TypeInfo | null {
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return null;
  const tsModule = loadTypeScript();
  let utils: typeof tsutils;
  if (!tsModule) return null;
  try {
    utils = load('ts-api-utils') as typeof tsutils;
  } catch {
    return null;
  }
  const checker = program.getTypeChecker();
  const tsNode = (node: TSESTree.Node): ts.Node | undefined =>
    (map as unknown as WeakMap<TSESTree.Node, ts.Node>).get(node);
  return {
    ts: tsModule,
    tsutils: utils,
    program,
    checker,
    tsNode,
    typeOf(node) {
      const n = tsNode(node);
      return n ? checker.getTypeAtLocation(n) : undefined;
    },
  };
}
