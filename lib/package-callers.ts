/**
 * The reverse of lib/cross-file.ts: not what the linted module imports, but
 * who imports it. For an export of the linted module, every call of it from
 * the other modules of its package (the folder tree under the nearest
 * `package.json`, without `node_modules`, dot folders, symbolic links,
 * declaration files and test files), or null when some use is out of sight:
 * re-exported, passed around as a value, the module is the package's entry
 * point, an importer does not parse, or the package is too large to read.
 *
 * The answer depends only on the files on disk, never on which files the lint
 * run has seen before: the package is listed and its relative import
 * specifiers read once (a regular expression per file, no parse), kept for a
 * few seconds; only the importers of the asked module are parsed, and only
 * when a rule asks (rules ask last, for a report they would otherwise make).
 * An importer's answer is kept while its mtime and size stay the same.
 */
import { readFileSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, skipWrappers, walkSubtree } from './ast.js';
import { EXTENSIONS, isFile, parseWithLintParser, resolveRelativeModule, statFile, type VisitorKeys } from './cross-file.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Past these a package is not read: its importers stay out of sight. */
const MAX_FILES = 5_000;
const MAX_FILE_BYTES = 1_000_000;
/** How long a package's listing is reused (an editor sees an added importer this late at most). */
const TTL_MS = 30_000;

/** Folders and names of test code: tests call each path of a function on purpose, they are not its clients. */
const TEST_FOLDER = /^(?:tests?|__tests__|__mocks__|specs?|fixtures?)$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
/** A relative module specifier after `require(`, `from`, `import(` or a bare `import`. */
const SPECIFIER = /(?:\brequire\s*\(\s*|\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?(?:\/[^'"\n]*)?)\1/g;

interface ModuleFile {
  readonly file: string;
  readonly specifiers: readonly string[];
}

interface PackageIndex {
  readonly at: number;
  /** Non-test modules with their relative specifiers; null when the package is too large or unreadable. */
  readonly modules: readonly ModuleFile[] | null;
  /** Files `package.json` names as entry points (`main`, `module`, `exports`, `bin`, `browser`). */
  readonly entries: readonly string[];
}

const indexes = new Map<string, PackageIndex>();
const roots = new Map<string, string | null>();

/** A file of test code, by its path inside its package. */
export function isTestPath(relative: string): boolean {
  const parts = relative.split(/[\\/]/);
  const name = parts.pop() ?? '';
  return TEST_FILE.test(name) || parts.some((part) => TEST_FOLDER.test(part));
}

/**
 * Every call of `exportName` (an export of the linted module) from the other
 * non-test modules of its package, with parents set; [] when no module
 * imports it; null when some use is out of sight (see the file comment).
 */
export function callsFromImporters(context: AnyContext, exportName: string): TSESTree.CallExpression[] | null {
  const target = context.physicalFilename;
  if (!path.isAbsolute(target)) return null;
  const root = packageRoot(path.dirname(target));
  if (root === null) return null;
  const index = packageIndex(root);
  if (index.modules === null || index.entries.includes(target)) return null;
  const calls: TSESTree.CallExpression[] = [];
  for (const module of index.modules) {
    if (module.file === target) continue;
    const naming = module.specifiers.filter((specifier) => mayName(specifier, target) && resolveRelativeModule(module.file, specifier) === target);
    if (naming.length === 0) continue;
    const found = importerCalls(context, module.file, naming, target, exportName);
    if (found === null) return null;
    calls.push(...found);
  }
  return calls;
}

type Calls = readonly TSESTree.CallExpression[];

/** An importer's answers (by target and export) while its mtime and size stay the same, for the parser that read it. */
interface ImporterAnswers {
  readonly mtimeMs: number;
  readonly size: number;
  readonly parser: unknown;
  readonly answers: Map<string, Calls | null>;
}

const importerAnswers = new Map<string, ImporterAnswers>();

/**
 * The calls of `exportName` in one importer of `target` (see callsInImporter),
 * settled from its text when it can be (neverUses). Kept by the importer's
 * stat: a file linted again (an editor's, on every change) asks the same
 * importers again, and a shared module has hundreds of them (firebase-tools'
 * utils.js: 329, about 60 ms of reading, matching and parsing per lint; 2 ms to stat them); the
 * stat reused for a second (lib/cross-file) costs a few microseconds each.
 */
function importerCalls(context: AnyContext, file: string, specifiers: readonly string[], target: string, exportName: string): Calls | null {
  const answer = (): Calls | null => (neverUses(file, specifiers, exportName) ? [] : callsInImporter(context, file, target, exportName));
  const stats = statFile(file);
  if (!stats) return answer();
  const parser = context.languageOptions.parser;
  let entry = importerAnswers.get(file);
  if (!entry || entry.mtimeMs !== stats.mtimeMs || entry.size !== stats.size || entry.parser !== parser) {
    if (importerAnswers.size >= MAX_FILES) importerAnswers.clear();
    entry = { mtimeMs: stats.mtimeMs, size: stats.size, parser, answers: new Map() };
    importerAnswers.set(file, entry);
  }
  // The answer depends on the importer's text alone: the specifiers that name the target are read from it too.
  const key = `${target}\0${exportName}`;
  let known = entry.answers.get(key);
  if (known === undefined) {
    known = answer();
    entry.answers.set(key, known);
  }
  return known;
}

/**
 * The cheap answer for most importers of a shared module, without a parse:
 * the text never mentions the export's name, and the module object is only
 * bound by plain `import`/`require` declarations and then only read from
 * (`m.other`). When the text leaves any doubt (a mention, a re-export, the
 * module object used bare), the importer is parsed.
 */
function neverUses(file: string, specifiers: readonly string[], exportName: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  if (new RegExp(`(?<![\\w$])${escapeRegExp(exportName)}(?![\\w$])`).test(text)) return false;
  const bindings: string[] = [];
  // The text without the import statements matched below, where the uses of the bindings are counted.
  let rest = text;
  for (const specifier of specifiers) {
    const literal = `['"]${escapeRegExp(specifier)}['"]`;
    const occurrences = [...text.matchAll(new RegExp(literal, 'g'))].length;
    const plain = [
      // import * as m from '...'; import m from '...'; import m, { a } from '...'
      new RegExp(`\\bimport\\s+(?:\\*\\s+as\\s+)?([\\w$]+)\\s*(?:,\\s*\\{[^}]*\\}\\s*)?from\\s*${literal}`, 'g'),
      // const m = require('...'), also wrapped: __importStar(require('...'))
      new RegExp(`\\b(?:const|let|var)\\s+([\\w$]+)\\s*=\\s*(?:[\\w$.]+\\(\\s*)?require\\(\\s*${literal}\\s*\\)\\s*\\)?`, 'g'),
    ];
    const harmless = [
      // import { a } from '...'; import type ...; import '...'; const { a } = require('...'); require('...');
      new RegExp(`\\bimport\\s*(?:type\\s+)?\\{[^}]*\\}\\s*from\\s*${literal}`, 'g'),
      new RegExp(`\\bimport\\s+type\\s+[^{;]*?from\\s*${literal}`, 'g'),
      new RegExp(`\\bimport\\s*${literal}`, 'g'),
      new RegExp(`\\b(?:const|let|var)\\s*\\{[^}.]*\\}\\s*=\\s*require\\(\\s*${literal}\\s*\\)`, 'g'),
      new RegExp(`(?:^|[;{}]\\s*)require\\(\\s*${literal}\\s*\\)\\s*;`, 'gm'),
    ];
    let accounted = 0;
    for (const pattern of [...plain, ...harmless]) {
      for (const match of text.matchAll(pattern)) {
        accounted++;
        if (match[1] !== undefined) bindings.push(match[1]);
        rest = rest.replace(match[0], ' ');
      }
    }
    if (accounted !== occurrences) return false;
  }
  // Every use of a module object reads a member (not our export: its name is nowhere in the text).
  for (const binding of bindings) {
    const uses = [...rest.matchAll(new RegExp(`(?<![\\w$.])${escapeRegExp(binding)}(?![\\w$])`, 'g'))].length;
    const reads = [...rest.matchAll(new RegExp(`(?<![\\w$.])${escapeRegExp(binding)}\\s*\\??\\.\\s*[\\w$]`, 'g'))].length;
    if (uses !== reads) return false;
  }
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Cheap test before resolving: `./store`, `./store.js` and `./services` (for `services/index.js`) can name the target. */
function mayName(specifier: string, target: string): boolean {
  const stem = path.basename(target).replace(/\.[^.]+$/, '');
  const last = specifier.split('/').pop() ?? '';
  const lastStem = last.replace(/\.[cm]?[jt]sx?$/, '');
  return lastStem === stem || (stem === 'index' && (lastStem === path.basename(path.dirname(target)) || last === '' || last === '.' || last === '..'));
}

function packageRoot(dir: string): string | null {
  const cached = roots.get(dir);
  if (cached !== undefined) return cached;
  let root: string | null;
  if (isFile(path.join(dir, 'package.json'))) root = dir;
  else {
    const parent = path.dirname(dir);
    root = parent === dir ? null : packageRoot(parent);
  }
  roots.set(dir, root);
  return root;
}

function packageIndex(root: string): PackageIndex {
  const now = Date.now();
  const cached = indexes.get(root);
  if (cached && now - cached.at < TTL_MS) return cached;
  const index: PackageIndex = { at: now, modules: readModules(root), entries: readEntries(root) };
  indexes.set(root, index);
  return index;
}

function readModules(root: string): ModuleFile[] | null {
  const modules: ModuleFile[] = [];
  const folders = [root];
  let seen = 0;
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return null;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const file = path.join(folder, entry.name);
      // Symbolic links are not followed (Dirent reports them as neither a folder nor a file).
      if (entry.isDirectory()) {
        if (!isTestPath(path.relative(root, path.join(file, 'x.js')))) folders.push(file);
        continue;
      }
      if (!entry.isFile() || !EXTENSIONS.includes(path.extname(entry.name)) || /\.d\.[cm]?ts$/.test(entry.name)) continue;
      if (++seen > MAX_FILES) return null;
      if (isTestPath(path.relative(root, file))) continue;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      if (text.length > MAX_FILE_BYTES) continue;
      const specifiers = new Set<string>();
      for (const match of text.matchAll(SPECIFIER)) if (match[2] !== undefined) specifiers.add(match[2]);
      if (specifiers.size > 0) modules.push({ file, specifiers: [...specifiers] });
    }
  }
  return modules.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The package's entry points: code outside the package calls their exports. */
function readEntries(root: string): string[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  } catch {
    return [];
  }
  const named: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') named.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  const fields = manifest && typeof manifest === 'object' ? (manifest as Record<string, unknown>) : {};
  collect(fields['main'] ?? 'index.js');
  for (const field of ['module', 'exports', 'bin', 'browser']) collect(fields[field]);
  const from = path.join(root, 'package.json');
  return named.flatMap((entry) => {
    const file = resolveRelativeModule(from, entry.startsWith('.') ? entry : `./${entry}`);
    return file === null ? [] : [file];
  });
}

function parseModule(context: AnyContext, file: string): { program: TSESTree.Program; visitorKeys: VisitorKeys } | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const parsed = parseWithLintParser(context, file, text, true);
  if (!parsed) return null;
  const visitorKeys = parsed.visitorKeys ?? context.sourceCode.visitorKeys;
  setParents(parsed.program, visitorKeys);
  return { program: parsed.program, visitorKeys };
}

function setParents(root: TSESTree.Node, visitorKeys: VisitorKeys): void {
  const stack: TSESTree.Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      const items = Array.isArray(child) ? (child as unknown[]) : [child];
      for (const item of items) {
        if (item && typeof (item as TSESTree.Node).type === 'string') {
          (item as { parent: TSESTree.Node }).parent = node;
          stack.push(item as TSESTree.Node);
        }
      }
    }
  }
}

/**
 * The calls of `exportName` in one importer of `target`, or null when the
 * importer re-exports it or uses it as a value. Followed: `import { n as a }`,
 * `import * as ns`, a default import (CommonJS interop), `const ns =
 * require(...)` (also wrapped: `__importStar(require(...))`), `const { n: a }
 * = require(...)`, `require(...).n(...)`; calls as `a(...)`, `ns.n(...)`,
 * `(0, ns.n)(...)`. Names are matched as written (a shadowing local of the
 * same name counts as a use).
 */
function callsInImporter(context: AnyContext, file: string, target: string, exportName: string): TSESTree.CallExpression[] | null {
  const parsed = parseModule(context, file);
  if (!parsed) return null;
  const { program, visitorKeys } = parsed;
  const names = new Set<string>();
  const namespaces = new Set<string>();
  const calls: TSESTree.CallExpression[] = [];
  const sight = { lost: false };
  const fromTarget = (source: TSESTree.Node | null | undefined): boolean =>
    source?.type === AST_NODE_TYPES.Literal &&
    typeof source.value === 'string' &&
    source.value.startsWith('.') &&
    resolveRelativeModule(file, source.value) === target;

  // First the bindings, then their uses.
  walkSubtree(program, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ImportDeclaration && fromTarget(node.source)) {
      for (const specifier of node.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) namespaces.add(specifier.local.name);
        else if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
          if (exportName === 'default') names.add(specifier.local.name);
          else namespaces.add(specifier.local.name);
        } else {
          const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
          if (imported === exportName) names.add(specifier.local.name);
        }
      }
    } else if ((node.type === AST_NODE_TYPES.ExportAllDeclaration || node.type === AST_NODE_TYPES.ExportNamedDeclaration) && fromTarget(node.source)) {
      sight.lost = true;
    } else if (node.type === AST_NODE_TYPES.ImportExpression && fromTarget(node.source)) {
      sight.lost = true;
    } else if (isRequireOf(node, fromTarget)) {
      const use = requireUse(node, exportName, names, namespaces, calls);
      if (use === 'out') sight.lost = true;
    }
  });
  if (sight.lost) return null;
  if (names.size === 0 && namespaces.size === 0) return calls;

  return usesInSight(program, visitorKeys, exportName, names, namespaces, calls) ? calls : null;
}

/** Adds the calls of the bindings to `calls`; false when some use hands a binding on. */
function usesInSight(
  program: TSESTree.Program,
  visitorKeys: VisitorKeys,
  exportName: string,
  names: ReadonlySet<string>,
  namespaces: ReadonlySet<string>,
  calls: TSESTree.CallExpression[],
): boolean {
  const sight = { lost: false };
  walkSubtree(program, visitorKeys, (node) => {
    if (sight.lost || node.type !== AST_NODE_TYPES.Identifier || !isReference(node)) return;
    if (names.has(node.name)) {
      const call = calleeOf(node);
      if (call) calls.push(call);
      else if (!isBindingSite(node)) sight.lost = true;
    } else if (namespaces.has(node.name)) {
      const parent = node.parent;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
        const name = memberName(parent);
        if (name === null) sight.lost = true;
        else if (name === exportName) {
          const call = calleeOf(parent);
          if (call) calls.push(call);
          else sight.lost = true;
        }
      } else if (!isBindingSite(node)) {
        // The module object itself handed on: its functions can be called anywhere.
        sight.lost = true;
      }
    }
  });
  return !sight.lost;
}

function isRequireOf(node: TSESTree.Node, fromTarget: (source: TSESTree.Node | undefined) => boolean): node is TSESTree.CallExpression {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    fromTarget(node.arguments[0])
  );
}

/**
 * What `require(target)` is used for: a namespace binding, destructured
 * names, a direct call of the export, a side-effect import; 'out' for anything
 * else (`module.exports = require(...)`, `__exportStar(require(...), exports)`).
 */
function requireUse(
  required: TSESTree.CallExpression,
  exportName: string,
  names: Set<string>,
  namespaces: Set<string>,
  calls: TSESTree.CallExpression[],
): 'ok' | 'out' {
  let node: TSESTree.Node = required;
  // `__importStar(require(...))`, `__importDefault(require(...))`, `tslib.__importStar(...)`: interop wrappers.
  while (node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.arguments.length === 1 && node.parent.arguments[0] === node && isInteropHelper(node.parent.callee)) {
    node = node.parent;
  }
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return 'ok';
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) {
    if (parent.id.type === AST_NODE_TYPES.Identifier) {
      namespaces.add(parent.id.name);
      return 'ok';
    }
    if (parent.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of parent.id.properties) {
        if (property.type === AST_NODE_TYPES.RestElement) return 'out';
        const key = property.computed ? null : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String(property.key.value);
        if (key === null) return 'out';
        if (key !== exportName) continue;
        const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        if (value.type !== AST_NODE_TYPES.Identifier) return 'out';
        names.add(value.name);
      }
      return 'ok';
    }
    return 'out';
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && parent.left.type === AST_NODE_TYPES.Identifier) {
    namespaces.add(parent.left.name);
    return 'ok';
  }
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const name = memberName(parent);
    if (name === null) return 'out';
    if (name !== exportName) return 'ok';
    const call = calleeOf(parent);
    if (!call) return 'out';
    calls.push(call);
    return 'ok';
  }
  return 'out';
}

function isInteropHelper(callee: TSESTree.Node): boolean {
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
  return name !== null && /^(?:__importStar|__importDefault|__toESM|_interopRequireDefault|_interopRequireWildcard|interopRequireDefault)$/.test(name);
}

/** The call whose callee `node` is: `f(...)`, `(0, ns.f)(...)`, `f?.(...)`. */
function calleeOf(node: TSESTree.Node): TSESTree.CallExpression | null {
  let current: TSESTree.Node = node;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return null;
    if (parent.type === AST_NODE_TYPES.SequenceExpression && parent.expressions[parent.expressions.length - 1] === current) current = parent;
    else if (parent.type === AST_NODE_TYPES.ChainExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSAsExpression) current = parent;
    else return parent.type === AST_NODE_TYPES.CallExpression && skipWrappers(parent.callee) === skipWrappers(current) ? parent : null;
  }
}

/** An identifier that names a variable: not a property key or a member name after a dot. */
function isReference(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression) return parent.object === node || parent.computed;
  if (parent.type === AST_NODE_TYPES.Property) return parent.value === node || parent.computed;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) return parent.computed && parent.key === node;
  if (parent.type === AST_NODE_TYPES.ImportSpecifier || parent.type === AST_NODE_TYPES.ExportSpecifier) return parent.local === node;
  return true;
}

/** Where a binding is declared (an import, a declarator, a destructured name, a parameter), not where it is used. */
function isBindingSite(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.ImportSpecifier:
    case AST_NODE_TYPES.ImportDefaultSpecifier:
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return true;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id === node;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === node;
    case AST_NODE_TYPES.Property:
      return parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectPattern;
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.left === node;
    default:
      return false;
  }
}
