/**
 * Typed mode's view of blocking calls: the checker tells which declaration a
 * callee names, so `this.fs.readFileSync(p)` is `fs.readFileSync` and
 * `loadConfig()` imported from another file of the program can be followed
 * into its body (bounded depth; each declaration summarised once per program,
 * cycle-safe). Only asked about calls that syntax could not settle.
 */
import path from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { memberName, skipWrappers } from './ast.js';
import { BUSY_WAIT, IN_PLACE_CALLBACK_METHODS, type BlockingSite } from './blocking.js';
import { blockingApis, blockingFactories, blockingTextTest, catalogNames, lookupBlockingApi, type BlockingApi } from './catalogs/blocking-apis.js';
import { GLOBAL, canonicalModule, getImportResolver, type ImportTarget } from './imports.js';
import { localCallee } from './local-callees.js';
import type { TypeInfo } from './type-info.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type FunctionLike = ts.FunctionLikeDeclaration;

const MAX_DEPTH = 4;
const MAX_LABEL = 40;
const CLOCK_TEXT = /\b(?:Date\.now|performance\.now|process\.hrtime(?:\.bigint)?|getTime)\s*\(/;
const names = catalogNames(blockingApis);
const textMayBlock = blockingTextTest([blockingApis, blockingFactories]);

/**
 * Per program: the names of project functions and methods that may block,
 * directly or through calls of each other (a text-level over-approximation,
 * computed once). A call whose name is not here needs no checker question.
 */
const blockingNames = new WeakMap<ts.Program, ReadonlySet<string>>();
const DIRECT_TEXT = new RegExp(`\\b(?:${[...names].filter((name) => /^\w{3,}$/.test(name)).join('|')}|\\w+Sync)\\s*\\(`);
const LOOP_CLOCK_TEXT = /\b(?:while|for)\s*\(/;
const ABSENCE_TEXT = /^\s*!|[=!]==?\s*(?:undefined|null|void 0)\b|\btypeof\b/;
const ANY_CLOCK_TEXT = /\b(?:Date\.now|performance\.now|hrtime|getTime|valueOf|new Date)\b/;

/** Per program: what each followed declaration blocks on (null: nothing). */
const summaries = new WeakMap<ts.Node, BlockingSite | null>();
const inProgress = new WeakSet<ts.Node>();

/** Could a callee with this last name be a catalog API? A free syntactic check before asking the checker. */
export function mayNameBlockingApi(callee: TSESTree.Node): boolean {
  const target = skipWrappers(callee);
  const name =
    target.type === AST_NODE_TYPES.Identifier
      ? target.name
      : target.type === AST_NODE_TYPES.MemberExpression
        ? memberName(target)
        : null;
  return name !== null && (names.has(name) || name.endsWith('Sync'));
}

/** The catalog API the checker says this call runs (`this.fs.readFileSync(p)`), or null. */
export function typedBlockingApi(
  info: TypeInfo,
  call: TSESTree.CallExpression,
): { readonly api: BlockingApi; readonly target: ImportTarget } | null {
  const tsNode = info.tsNode(call);
  if (!tsNode || !info.ts.isCallExpression(tsNode)) return null;
  const declaration = signatureDeclaration(info, tsNode);
  return declaration ? catalogEntryOf(info, declaration) : null;
}

/**
 * For a call syntax could not follow (a function imported from another file,
 * a method of a typed field): where the function the checker resolves it to
 * blocks, following further calls across files up to a bounded depth.
 */
export function typedBlockingHelper(info: TypeInfo, sourceCode: SourceCode, call: TSESTree.CallExpression): BlockingSite | null {
  const target = skipWrappers(call.callee);
  if (target.type !== AST_NODE_TYPES.Identifier && target.type !== AST_NODE_TYPES.MemberExpression) return null;
  // Globals and packages are not followed: their code is not the user's to change.
  const resolved = getImportResolver(sourceCode)(target);
  if (resolved && !resolved.module.startsWith('.')) return null;
  // Cheap before costly: a name no blocking project function has needs no checker question.
  const name = target.type === AST_NODE_TYPES.Identifier ? target.name : memberName(target);
  if (name === null || !namesThatMayBlock(info).has(name)) return null;
  // A function of this file is read from its source by `lib/blocking`, which knows more (lazy caches, allow).
  if (localCallee(sourceCode, target)) return null;
  const tsNode = info.tsNode(call);
  if (!tsNode || !info.ts.isCallExpression(tsNode)) return null;
  const declaration = signatureDeclaration(info, tsNode);
  const fn = declaration ? projectFunction(info, declaration) : null;
  return fn ? blockingSiteOf(info, fn, 0) : null;
}

/** The names of project functions that may block (see `blockingNames`). */
export function namesThatMayBlock(info: TypeInfo): ReadonlySet<string> {
  const cached = blockingNames.get(info.program);
  if (cached) return cached;
  const { ts: tsApi } = info;
  const functions: { name: string; body: string; direct: boolean }[] = [];
  for (const file of info.program.getSourceFiles()) {
    if (!isProjectFile(info, file)) continue;
    const fileMayBlock = textMayBlock(file.text);
    const visit = (node: ts.Node): void => {
      const name = functionName(info, node);
      const body = name === null ? undefined : (node as FunctionLike).body ?? initializerBody(info, node);
      if (name !== null && body) {
        const text = body.getText(file);
        const direct = fileMayBlock && (DIRECT_TEXT.test(text) || (LOOP_CLOCK_TEXT.test(text) && ANY_CLOCK_TEXT.test(text)));
        functions.push({ name, body: text, direct });
      }
      tsApi.forEachChild(node, visit);
    };
    tsApi.forEachChild(file, visit);
  }
  const found = new Set(functions.filter((fn) => fn.direct).map((fn) => fn.name));
  // Callers of callers, as deep as the follow goes.
  for (let depth = 0; depth < MAX_DEPTH && found.size > 0; depth++) {
    const calls = new RegExp(`(?<![\\w$])(?:${[...found].map((name) => name.replaceAll('$', '\\$')).join('|')})\\s*\\(`);
    let grew = false;
    for (const fn of functions) {
      if (!found.has(fn.name) && calls.test(fn.body)) {
        found.add(fn.name);
        grew = true;
      }
    }
    if (!grew) break;
  }
  blockingNames.set(info.program, found);
  return found;
}

/** The name a function-like declaration is called by: `function f`, `m() {}`, `const f = () => ...`, `f: () => ...`. */
function functionName(info: TypeInfo, node: ts.Node): string | null {
  const { ts: tsApi } = info;
  if (tsApi.isFunctionDeclaration(node) || tsApi.isMethodDeclaration(node)) {
    return node.name && tsApi.isIdentifier(node.name) ? node.name.text : null;
  }
  if ((tsApi.isVariableDeclaration(node) || tsApi.isPropertyDeclaration(node) || tsApi.isPropertyAssignment(node)) && node.initializer) {
    const value = node.initializer;
    if ((tsApi.isArrowFunction(value) || tsApi.isFunctionExpression(value)) && tsApi.isIdentifier(node.name)) return node.name.text;
  }
  return null;
}

function initializerBody(info: TypeInfo, node: ts.Node): ts.Node | undefined {
  const initializer = (node as { initializer?: ts.Node }).initializer;
  return initializer && info.ts.isFunctionLike(initializer) ? (initializer as FunctionLike).body : undefined;
}

/** The declaration of the signature the checker picks for this call (the overload, the arrow a `const` holds). */
function signatureDeclaration(info: TypeInfo, call: ts.CallExpression): ts.Declaration | null {
  const declaration = info.checker.getResolvedSignature(call)?.getDeclaration() as ts.Declaration | undefined;
  return declaration && !info.ts.isJSDocSignature(declaration) ? declaration : null;
}

function isProjectFile(info: TypeInfo, file: ts.SourceFile): boolean {
  return (
    !file.isDeclarationFile &&
    !info.program.isSourceFileFromExternalLibrary(file) &&
    !file.fileName.replaceAll('\\', '/').includes('/node_modules/')
  );
}

/** The declaration as a sync function with a body in a project file; null otherwise. */
function projectFunction(info: TypeInfo, declaration: ts.Declaration): FunctionLike | null {
  const { ts: tsApi } = info;
  if (!tsApi.isFunctionLike(declaration) || !isProjectFile(info, declaration.getSourceFile())) return null;
  const fn = declaration as FunctionLike;
  if (!fn.body || fn.asteriskToken) return null;
  if (fn.modifiers?.some((modifier) => modifier.kind === tsApi.SyntaxKind.AsyncKeyword)) return null;
  return fn;
}

/** `(module, path)` of a declaration in a library or `.d.ts` file, and its catalog entry. */
function catalogEntryOf(info: TypeInfo, declaration: ts.Declaration): { api: BlockingApi; target: ImportTarget } | null {
  const { ts: tsApi, program } = info;
  if (isProjectFile(info, declaration.getSourceFile())) return null;
  const name = (declaration as { name?: ts.Node }).name;
  if (!name || !(tsApi.isIdentifier(name) || tsApi.isStringLiteral(name))) return null;
  const exportPath = [name.text];
  let module: string | null = null;
  for (let current: ts.Node = declaration.parent; ; current = current.parent) {
    if (tsApi.isModuleDeclaration(current)) {
      if (tsApi.isStringLiteral(current.name)) {
        module = canonicalModule(current.name.text);
        break;
      }
      exportPath.unshift(current.name.text);
    } else if ((tsApi.isInterfaceDeclaration(current) || tsApi.isClassDeclaration(current)) && current.name) {
      exportPath.unshift(current.name.text);
    } else if (tsApi.isSourceFile(current)) {
      module = program.isSourceFileDefaultLibrary(current) ? GLOBAL : packageOf(current.fileName);
      break;
    }
  }
  if (module === null) return null;
  const api = lookupBlockingApi(blockingApis, module, exportPath);
  return api ? { api, target: { module, path: exportPath } } : null;
}

/** `/x/node_modules/@types/fs-extra/index.d.ts` -> `fs-extra`; `/x/node_modules/glob/dist/index.d.ts` -> `glob`. */
export function packageOf(fileName: string): string | null {
  const normalized = fileName.replaceAll('\\', '/');
  const at = normalized.lastIndexOf('/node_modules/');
  if (at === -1) return null;
  const parts = normalized.slice(at + '/node_modules/'.length).split('/');
  const [first = '', second = ''] = parts;
  if (first === '@types') return second.includes('__') ? `@${second.replace('__', '/')}` : second || null;
  return first.startsWith('@') ? `${first}/${second}` : first || null;
}

function blockingSiteOf(info: TypeInfo, fn: FunctionLike, depth: number): BlockingSite | null {
  const cached = summaries.get(fn);
  if (cached !== undefined) return cached;
  if (inProgress.has(fn) || depth > MAX_DEPTH) return null;
  inProgress.add(fn);
  let site: BlockingSite | null = null;
  try {
    site = firstSite(info, fn, depth);
  } finally {
    inProgress.delete(fn);
  }
  // A result cut short by the depth bound is not cached: a shallower caller may see further.
  if (site || depth === 0) summaries.set(fn, site);
  return site;
}

function firstSite(info: TypeInfo, fn: FunctionLike, depth: number): BlockingSite | null {
  const { ts: tsApi } = info;
  const body = fn.body;
  if (!body) return null;
  const file = fn.getSourceFile();
  const siteAt = (node: ts.Node, label: string): BlockingSite => ({
    label,
    file: path.basename(file.fileName),
    line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1,
  });
  let site: BlockingSite | null = null;
  const visit = (node: ts.Node): void => {
    if (site) return;
    if (node !== fn && tsApi.isFunctionLike(node) && !runsInPlace(info, node)) return;
    if (tsApi.isCallExpression(node) && mayBlockByName(info, node.expression) && !isLazyInit(info, node, fn)) {
      const declaration = signatureDeclaration(info, node);
      if (declaration) {
        if (catalogEntryOf(info, declaration)) {
          site = siteAt(node, labelOf(node.expression, file));
          return;
        }
        const next = projectFunction(info, declaration);
        const inner = next && next !== fn ? blockingSiteOf(info, next, depth + 1) : null;
        if (inner) {
          site = inner;
          return;
        }
      }
    }
    if (isBusyWait(info, node, file)) {
      site = siteAt(node, BUSY_WAIT);
      return;
    }
    tsApi.forEachChild(node, visit);
  };
  tsApi.forEachChild(body, visit);
  return site;
}

/** A callee named like a catalog API or a project function that may block. */
function mayBlockByName(info: TypeInfo, callee: ts.Expression): boolean {
  const { ts: tsApi } = info;
  let target: ts.Node = callee;
  while (tsApi.isParenthesizedExpression(target) || tsApi.isNonNullExpression(target)) target = target.expression;
  const name = tsApi.isIdentifier(target) ? target.text : tsApi.isPropertyAccessExpression(target) ? target.name.text : null;
  if (name === null) return tsApi.isCallExpression(target);
  return names.has(name) || name.endsWith('Sync') || namesThatMayBlock(info).has(name);
}

function labelOf(node: ts.Node, file: ts.SourceFile): string {
  const text = node.getText(file);
  return text.length <= MAX_LABEL && !text.includes('\n') ? text : 'a blocking call';
}

function runsInPlace(info: TypeInfo, fn: ts.Node): boolean {
  const { ts: tsApi } = info;
  const like = fn as FunctionLike;
  if (like.asteriskToken || like.modifiers?.some((modifier) => modifier.kind === tsApi.SyntaxKind.AsyncKeyword)) return false;
  let child: ts.Node = fn;
  let parent = fn.parent;
  while (tsApi.isParenthesizedExpression(parent)) {
    child = parent;
    parent = parent.parent;
  }
  if (!tsApi.isCallExpression(parent)) return false;
  if (parent.expression === child) return true;
  const callee = parent.expression;
  return tsApi.isPropertyAccessExpression(callee) && IN_PLACE_CALLBACK_METHODS.has(callee.name.text);
}

/** A loop whose condition reads the clock and whose body is empty. */
function isBusyWait(info: TypeInfo, node: ts.Node, file: ts.SourceFile): boolean {
  const { ts: tsApi } = info;
  if (!tsApi.isWhileStatement(node) && !tsApi.isDoStatement(node) && !tsApi.isForStatement(node)) return false;
  const condition = tsApi.isForStatement(node) ? node.condition : node.expression;
  if (!condition || !CLOCK_TEXT.test(condition.getText(file))) return false;
  const body = node.statement;
  return tsApi.isEmptyStatement(body) || (tsApi.isBlock(body) && body.statements.every((statement) => tsApi.isEmptyStatement(statement)));
}

/** Inside `if (!cache) { cache = ... }` or on the right of `cache ??= ...`: runs once. */
function isLazyInit(info: TypeInfo, node: ts.Node, boundary: ts.Node): boolean {
  const { ts: tsApi } = info;
  const file = node.getSourceFile();
  let child = node;
  for (let current = node.parent; current !== boundary && !tsApi.isSourceFile(current); current = current.parent) {
    if (
      tsApi.isBinaryExpression(current) &&
      current.right === child &&
      (current.operatorToken.kind === tsApi.SyntaxKind.QuestionQuestionEqualsToken ||
        current.operatorToken.kind === tsApi.SyntaxKind.BarBarEqualsToken)
    ) {
      return true;
    }
    if (tsApi.isIfStatement(current) && current.thenStatement === child) {
      const tested = current.expression.getText(file);
      // A test for absence: `!cache`, `cache === undefined`, `cache == null`, `!map.has(key)`.
      if (!ABSENCE_TEXT.test(tested)) {
        child = current;
        continue;
      }
      const fills = (inner: ts.Node): boolean =>
        (tsApi.isBinaryExpression(inner) &&
          inner.operatorToken.kind === tsApi.SyntaxKind.EqualsToken &&
          tested.includes(inner.left.getText(file))) ||
        (tsApi.isCallExpression(inner) &&
          tsApi.isPropertyAccessExpression(inner.expression) &&
          inner.expression.name.text === 'set' &&
          tested.includes(`${inner.expression.expression.getText(file)}.has(`)) ||
        (tsApi.forEachChild(inner, (next) => (fills(next) ? true : undefined)) ?? false);
      if (fills(current.thenStatement)) return true;
    }
    child = current;
  }
  return false;
}
