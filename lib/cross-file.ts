/**
 * Untyped mode's view across files: for `import { save } from './store'`, which
 * exports of `./store` are functions that return a promise. The imported file is
 * parsed once per lint run with the parser of the file being linted (cached by
 * path and mtime); only its top-level declarations are read.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, skipWrappers, type FunctionNode } from './ast.js';
import { readExportsWithTypeScript } from './cross-file-ts.js';
import { ExportsBuilder, noteMethod, shapeAnswer, type Summary } from './module-exports.js';
import type { Answer } from './promise-oracle.js';
import { loadTypeScript } from './type-info.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

interface CacheEntry {
  /** null for a summary taken from a linted file: its size stands for it until a lookup stats the file. */
  mtimeMs: number | null;
  readonly size: number;
  readonly summary: Summary | null;
}

/** The extensions of modules a relative specifier can name, in the order they are tried. */
export const EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];
const summaries = new Map<string, CacheEntry>();
const MAX_CACHE = 5000;
const MAX_BYTES = 1_000_000;

/**
 * Only `async` and a written `Promise`/`PromiseLike` make an export answer
 * "yes" (see shapeAnswer); a file that mentions neither has nothing to tell.
 * About half the files of a real project (constants, errors, plain helpers):
 * their parse is skipped. (Their `void`/generator "no" answers are lost too;
 * without a checker "no" and "unknown" lead to the same verdicts.)
 */
const MAY_EXPORT_PROMISES = /async|Promise/;
const NOTHING: Summary = new Map();

/** Which exports of a relative module are promise-returning functions; null when unreadable. */
export function exportedPromiseFunctions(context: AnyContext, specifier: string): Summary | null {
  // One lint of one file asks about the same few modules again and again: stat them once.
  let asked = askedByFile.get(context.sourceCode);
  if (!asked) {
    asked = new Map();
    askedByFile.set(context.sourceCode, asked);
  }
  let summary = asked.get(specifier);
  if (summary === undefined) {
    summary = lookUp(context, specifier);
    asked.set(specifier, summary);
  }
  return summary;
}

const askedByFile = new WeakMap<object, Map<string, Summary | null>>();

function lookUp(context: AnyContext, specifier: string): Summary | null {
  const from = context.physicalFilename;
  if (!path.isAbsolute(from)) return null;
  const found = resolveCached(path.dirname(from), specifier);
  if (!found) return null;
  const { file, stats } = found;
  const hit = summaries.get(file);
  if (hit && hit.mtimeMs === null && hit.size === stats.size) hit.mtimeMs = stats.mtimeMs;
  if (hit?.mtimeMs === stats.mtimeMs) return hit.summary;
  const summary = summarize(context, file);
  if (summaries.size >= MAX_CACHE) summaries.clear();
  summaries.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, summary });
  return summary;
}

/**
 * Files the lint run has already parsed: their summary is read from the ESTree
 * ESLint built (top-level statements only), so that importing them later costs
 * no second parse. Called once per linted file, before any rule asks.
 */
export function noteLintedFile(context: AnyContext): void {
  const file = context.physicalFilename;
  if (!path.isAbsolute(file) || !EXTENSIONS.includes(path.extname(file))) return;
  const { sourceCode } = context;
  // An editor's unsaved buffer, or a test's code under a real file's name, is not what importers will read:
  // the first lookup compares the sizes. (A same-size edit passes; its summary is the buffer's, which the editor shows.)
  const size = Buffer.byteLength(sourceCode.text, 'utf8') + (sourceCode.hasBOM ? 3 : 0);
  const summary = MAY_EXPORT_PROMISES.test(sourceCode.text) ? readExports(sourceCode.ast) : NOTHING;
  if (summaries.size >= MAX_CACHE) summaries.clear();
  summaries.set(file, { mtimeMs: null, size, summary });
}

/** Resolved specifiers by importing folder; a hit is re-checked with one stat (the file may be gone). */
const resolved = new Map<string, string>();

/** The file a relative specifier names, with its stats (one stat when the folder has asked before). */
function resolveCached(dir: string, specifier: string): { file: string; stats: Stats } | null {
  const key = `${dir}\0${specifier}`;
  const hit = resolved.get(key);
  const hitStats = hit === undefined ? null : statFile(hit);
  if (hit !== undefined && hitStats) return { file: hit, stats: hitStats };
  const file = resolveRelative(dir, specifier);
  const stats = file === null ? null : statFile(file);
  if (file === null || !stats) {
    resolved.delete(key);
    return null;
  }
  if (resolved.size >= MAX_CACHE) resolved.clear();
  resolved.set(key, file);
  return { file, stats };
}

/**
 * A stat is reused for a second: a lint run asks about the same imported
 * files from file after file, and a stat is not cheap on every file system.
 * (An editor sees a saved change to an imported file at most a second late.)
 */
const STAT_TTL_MS = 1000;
const recentStats = new Map<string, { readonly at: number; readonly stats: Stats | null }>();

/** The stats of a regular file (reused for a second); null for a folder or a missing path. */
export function statFile(file: string): Stats | null {
  const now = Date.now();
  const recent = recentStats.get(file);
  if (recent && now - recent.at < STAT_TTL_MS) return recent.stats;
  let stats: Stats | null;
  try {
    stats = statSync(file);
    if (!stats.isFile()) stats = null;
  } catch {
    stats = null;
  }
  if (recentStats.size >= MAX_CACHE) recentStats.clear();
  recentStats.set(file, { at: now, stats });
  return stats;
}

/** Is `file` a regular file (its stat reused for a second)? */
export function isFile(file: string): boolean {
  return statFile(file) !== null;
}

/** The file a relative specifier written in `fromFile` names (the resolution importers use), or null. */
export function resolveRelativeModule(fromFile: string, specifier: string): string | null {
  return resolveCached(path.dirname(fromFile), specifier)?.file ?? null;
}

function resolveRelative(dir: string, specifier: string): string | null {
  const base = path.resolve(dir, specifier);
  const candidates = [base];
  // TypeScript's ESM convention: `./store.js` names `./store.ts`.
  const ext = path.extname(base);
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs' || ext === '.jsx') {
    const stem = base.slice(0, -ext.length);
    candidates.push(`${stem}${ext.replace('js', 'ts')}`);
  }
  for (const extension of EXTENSIONS) candidates.push(base + extension);
  for (const extension of EXTENSIONS) candidates.push(path.join(base, `index${extension}`));
  return candidates.find(isFile) ?? null;
}

interface ParserLike {
  parse?: (text: string, options?: unknown) => unknown;
  parseForESLint?: (text: string, options?: unknown) => { ast: unknown; visitorKeys?: VisitorKeys };
}

export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

function summarize(context: AnyContext, file: string): Summary | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  if (text.length > MAX_BYTES) return null;
  if (!MAY_EXPORT_PROMISES.test(text)) return NOTHING;
  // TypeScript's parser alone is much cheaper than a parse converted to ESTree.
  const typescript = loadTypeScript();
  if (typescript) return readExportsWithTypeScript(typescript, file, text);
  const parsed = parseWithLintParser(context, file, text, false);
  return parsed ? readExports(parsed.program) : null;
}

/**
 * Another file's text parsed with the parser of the file being linted, as a
 * module, without a program, tokens or comments (and without locations
 * unless asked); null when there is no parser or the text does not parse.
 */
export function parseWithLintParser(
  context: AnyContext,
  file: string,
  text: string,
  locations: boolean,
): { program: TSESTree.Program; visitorKeys: VisitorKeys | undefined } | null {
  const parser = context.languageOptions.parser as ParserLike | undefined;
  if (!parser) return null;
  try {
    const options = {
      ...context.languageOptions.parserOptions,
      ecmaVersion: 'latest',
      sourceType: 'module',
      filePath: file,
      project: undefined,
      projectService: undefined,
      programs: undefined,
      range: locations,
      loc: locations,
      tokens: false,
      comment: false,
    };
    const result = parser.parseForESLint ? parser.parseForESLint(text, options) : { ast: parser.parse?.(text, options) };
    if (!result.ast) return null;
    return { program: result.ast as TSESTree.Program, visitorKeys: result.visitorKeys };
  } catch {
    return null;
  }
}

/** Reads the top level of a module (ESTree): its exported functions and what they return. */
export function readExports(program: TSESTree.Program): Summary {
  const builder = new ExportsBuilder();

  const noteDeclaration = (node: TSESTree.Node, exportAs: ((name: string) => string) | null): void => {
    if (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.TSDeclareFunction) {
      const name = node.id?.name ?? null;
      builder.fn(name, declaredReturn(node), exportAs ? exportAs(name ?? 'default') : null);
    } else if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.TSInterfaceDeclaration) {
      // Methods as `Class#method`, for `new Class().method()` and `x: Class` in the importer.
      const name = node.id?.name ?? null;
      builder.cls(name, methodAnswers(node), exportAs ? exportAs(name ?? 'default') : null);
    } else if (node.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of node.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
        const value = skipWrappers(declarator.init);
        const exported = exportAs ? exportAs(declarator.id.name) : null;
        if (isFunctionNode(value)) builder.fn(declarator.id.name, declaredReturn(value), exported);
        else if (value.type === AST_NODE_TYPES.ObjectExpression) builder.obj(objectMethodAnswers(value), exported);
        else if (value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier) {
          builder.instance(value.callee.name, exported);
        }
      }
    }
  };

  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (statement.declaration) noteDeclaration(statement.declaration, (name) => name);
        else if (!statement.source) {
          for (const specifier of statement.specifiers) {
            const exportedName =
              specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
            builder.alias(exportedName, specifier.local.name);
          }
        }
        break;
      case AST_NODE_TYPES.ExportDefaultDeclaration: {
        const declaration = statement.declaration;
        if (isFunctionNode(declaration)) {
          if (declaration.type === AST_NODE_TYPES.FunctionDeclaration) noteDeclaration(declaration, () => 'default');
          else builder.fn(null, declaredReturn(declaration), 'default');
        } else if (declaration.type === AST_NODE_TYPES.ClassDeclaration) {
          noteDeclaration(declaration, () => 'default');
        } else if (declaration.type === AST_NODE_TYPES.Identifier) {
          builder.alias('default', declaration.name);
        }
        break;
      }
      case AST_NODE_TYPES.ExpressionStatement:
        noteCommonJsExport(statement.expression, builder);
        break;
      default:
        noteDeclaration(statement, null);
    }
  }
  return builder.finish();
}

/** The methods of an object literal (`{ async save() {}, load: async () => {} }`) and what each returns. */
function objectMethodAnswers(node: TSESTree.ObjectExpression): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    const value = skipWrappers(property.value);
    if (isFunctionNode(value)) noteMethod(answers, property.key.name, declaredReturn(value));
  }
  return answers;
}

/** Instance methods of a class or interface and what each returns. */
function methodAnswers(node: TSESTree.ClassDeclaration | TSESTree.TSInterfaceDeclaration): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  const name = (key: TSESTree.Node, computed: boolean): string | null =>
    key.type === AST_NODE_TYPES.Identifier && !computed ? key.name : null;
  for (const member of node.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && !member.static && member.kind === 'method') {
      noteMethod(answers, name(member.key, member.computed), declaredReturn(member.value));
    } else if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.value) {
      const value = skipWrappers(member.value);
      if (isFunctionNode(value)) noteMethod(answers, name(member.key, member.computed), declaredReturn(value));
    } else if (member.type === AST_NODE_TYPES.TSMethodSignature) {
      noteMethod(answers, name(member.key, member.computed), declaredReturn(member));
    }
  }
  return answers;
}

/**
 * CommonJS: `exports.save = async () => {}`, `module.exports.save = ...`,
 * `module.exports = { save, load: async () => {} }`, `module.exports = fn`.
 */
function noteCommonJsExport(expression: TSESTree.Expression, builder: ExportsBuilder): void {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') return;
  const { left, right } = expression;
  if (left.type !== AST_NODE_TYPES.MemberExpression) return;
  const target = commonJsTarget(left);
  if (target === null) return;
  const value = skipWrappers(right);
  if (target !== 'module.exports') {
    if (isFunctionNode(value)) builder.fn(null, declaredReturn(value), target);
    else if (value.type === AST_NODE_TYPES.Identifier) builder.alias(target, value.name);
    return;
  }
  if (isFunctionNode(value)) {
    builder.fn(null, declaredReturn(value), 'default');
  } else if (value.type === AST_NODE_TYPES.Identifier) {
    builder.alias('default', value.name);
  } else if (value.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of value.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : null;
      if (key === null) continue;
      if (isFunctionNode(property.value)) builder.fn(null, declaredReturn(property.value), key);
      else if (property.value.type === AST_NODE_TYPES.Identifier) builder.alias(key, property.value.name);
    }
  }
}

/** `exports.x` / `module.exports.x` -> 'x'; `module.exports` -> 'module.exports'; else null, a computed `exports['x']` too (as the TypeScript reader). */
export function commonJsTarget(node: TSESTree.MemberExpression): string | null {
  const name = !node.computed && node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : null;
  if (name === null) return null;
  const object = node.object;
  if (object.type === AST_NODE_TYPES.Identifier) {
    if (object.name === 'exports') return name;
    if (object.name === 'module' && name === 'exports') return 'module.exports';
    return null;
  }
  if (
    object.type === AST_NODE_TYPES.MemberExpression &&
    object.object.type === AST_NODE_TYPES.Identifier &&
    object.object.name === 'module' &&
    !object.computed &&
    object.property.type === AST_NODE_TYPES.Identifier &&
    object.property.name === 'exports'
  ) {
    return name;
  }
  return null;
}

/** What a function's own declaration says about its result, without reading its body's calls. */
function declaredReturn(fn: FunctionNode | TSESTree.TSMethodSignature): Answer {
  const returnType = fn.returnType?.typeAnnotation;
  let written: string | null = null;
  if (returnType?.type === AST_NODE_TYPES.TSTypeReference && returnType.typeName.type === AST_NODE_TYPES.Identifier) {
    written = returnType.typeName.name;
  } else if (returnType?.type === AST_NODE_TYPES.TSVoidKeyword) {
    written = 'void';
  } else if (returnType) {
    written = returnType.type;
  }
  const isFunction = fn.type !== AST_NODE_TYPES.TSMethodSignature;
  return shapeAnswer({ async: isFunction && fn.async, generator: isFunction && fn.generator, returnType: written });
}
