/**
 * Untyped mode's view across files: for `import { save } from './store'`, which
 * exports of `./store` are functions that return a promise. The imported file is
 * parsed once per lint run with the parser of the file being linted (cached by
 * path and mtime); only its top-level declarations are read.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, skipWrappers } from './ast.js';
import type { Answer } from './promise-oracle.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Summary = ReadonlyMap<string, Answer>;

interface CacheEntry {
  readonly mtimeMs: number;
  readonly summary: Summary | null;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];
const summaries = new Map<string, CacheEntry>();
const MAX_CACHE = 5000;
const MAX_BYTES = 1_000_000;

/** Which exports of a relative module are promise-returning functions; null when unreadable. */
export function exportedPromiseFunctions(context: AnyContext, specifier: string): Summary | null {
  const from = context.physicalFilename;
  if (!path.isAbsolute(from)) return null;
  const file = resolveRelative(path.dirname(from), specifier);
  if (!file) return null;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const hit = summaries.get(file);
  if (hit?.mtimeMs === mtimeMs) return hit.summary;
  const summary = summarize(context, file);
  if (summaries.size >= MAX_CACHE) summaries.clear();
  summaries.set(file, { mtimeMs, summary });
  return summary;
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
  for (const candidate of candidates) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return null;
}

interface ParserLike {
  parse?: (text: string, options?: unknown) => unknown;
  parseForESLint?: (text: string, options?: unknown) => { ast: unknown };
}

function summarize(context: AnyContext, file: string): Summary | null {
  const parser = context.languageOptions.parser as ParserLike | undefined;
  if (!parser) return null;
  let program: TSESTree.Program;
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length > MAX_BYTES) return null;
    const options = {
      ...context.languageOptions.parserOptions,
      ecmaVersion: 'latest',
      sourceType: 'module',
      filePath: file,
      project: undefined,
      projectService: undefined,
      programs: undefined,
      range: false,
      loc: false,
      tokens: false,
      comment: false,
    };
    const parsed = parser.parseForESLint ? parser.parseForESLint(text, options).ast : parser.parse?.(text, options);
    if (!parsed) return null;
    program = parsed as TSESTree.Program;
  } catch {
    return null;
  }
  return readExports(program);
}

/** Reads the top level of a module: its exported functions and what they return. */
export function readExports(program: TSESTree.Program): Summary {
  const locals = new Map<string, Answer>();
  const localMethods = new Map<string, Map<string, Answer>>();
  const exported = new Map<string, Answer>();
  const pendingNames: [exportedName: string, localName: string][] = [];

  const noteDeclaration = (node: TSESTree.Node, exportAs: ((name: string) => string) | null): void => {
    if (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.TSDeclareFunction) {
      const answer = declaredReturn(node);
      const name = node.id?.name;
      if (name) locals.set(name, answer);
      if (exportAs) exported.set(exportAs(name ?? 'default'), answer);
    } else if (
      node.type === AST_NODE_TYPES.ClassDeclaration ||
      node.type === AST_NODE_TYPES.TSInterfaceDeclaration
    ) {
      // Methods as `Class#method`, for `new Class().method()` and `x: Class` in the importer.
      const name = node.id?.name;
      const methods = methodAnswers(node);
      if (name) localMethods.set(name, methods);
      if (exportAs) for (const [method, answer] of methods) exported.set(`${exportAs(name ?? 'default')}#${method}`, answer);
    } else if (node.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of node.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
        const value = skipWrappers(declarator.init);
        if (!isFunctionNode(value)) continue;
        const answer = declaredReturn(value);
        locals.set(declarator.id.name, answer);
        if (exportAs) exported.set(exportAs(declarator.id.name), answer);
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
            pendingNames.push([exportedName, specifier.local.name]);
          }
        }
        break;
      case AST_NODE_TYPES.ExportDefaultDeclaration: {
        const declaration = statement.declaration;
        if (isFunctionNode(declaration)) {
          noteDeclaration(declaration, () => 'default');
          if (declaration.type !== AST_NODE_TYPES.FunctionDeclaration) exported.set('default', declaredReturn(declaration));
        } else if (declaration.type === AST_NODE_TYPES.ClassDeclaration) {
          noteDeclaration(declaration, () => 'default');
        } else if (declaration.type === AST_NODE_TYPES.Identifier) {
          pendingNames.push(['default', declaration.name]);
        }
        break;
      }
      case AST_NODE_TYPES.ExpressionStatement:
        noteCommonJsExport(statement.expression, exported, pendingNames);
        break;
      default:
        noteDeclaration(statement, null);
    }
  }
  for (const [exportedName, localName] of pendingNames) {
    const answer = locals.get(localName);
    if (answer) exported.set(exportedName, answer);
    for (const [method, methodAnswer] of localMethods.get(localName) ?? []) {
      exported.set(`${exportedName}#${method}`, methodAnswer);
    }
  }
  return exported;
}

/** Instance methods of a class or interface and what each returns. */
function methodAnswers(node: TSESTree.ClassDeclaration | TSESTree.TSInterfaceDeclaration): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  const note = (key: TSESTree.Node, computed: boolean, answer: Answer): void => {
    const name = key.type === AST_NODE_TYPES.Identifier && !computed ? key.name : null;
    if (name === null) return;
    // Overloads: any signature returning a promise is enough.
    const previous = answers.get(name);
    answers.set(name, previous === 'yes' || answer === 'yes' ? 'yes' : previous && previous !== answer ? 'unknown' : answer);
  };
  for (const member of node.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && !member.static && member.kind === 'method') {
      note(member.key, member.computed, declaredReturn(member.value));
    } else if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.value) {
      const value = skipWrappers(member.value);
      if (isFunctionNode(value)) note(member.key, member.computed, declaredReturn(value));
    } else if (member.type === AST_NODE_TYPES.TSMethodSignature) {
      note(member.key, member.computed, declaredReturn(member));
    }
  }
  return answers;
}

/**
 * CommonJS: `exports.save = async () => {}`, `module.exports.save = ...`,
 * `module.exports = { save, load: async () => {} }`, `module.exports = fn`.
 */
function noteCommonJsExport(
  expression: TSESTree.Expression,
  exported: Map<string, Answer>,
  pendingNames: [string, string][],
): void {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') return;
  const { left, right } = expression;
  if (left.type !== AST_NODE_TYPES.MemberExpression) return;
  const target = commonJsTarget(left);
  if (target === null) return;
  const value = skipWrappers(right);
  if (target !== 'module.exports') {
    if (isFunctionNode(value)) exported.set(target, declaredReturn(value));
    else if (value.type === AST_NODE_TYPES.Identifier) pendingNames.push([target, value.name]);
    return;
  }
  if (isFunctionNode(value)) {
    exported.set('default', declaredReturn(value));
  } else if (value.type === AST_NODE_TYPES.Identifier) {
    pendingNames.push(['default', value.name]);
  } else if (value.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of value.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : null;
      if (key === null) continue;
      if (isFunctionNode(property.value)) exported.set(key, declaredReturn(property.value));
      else if (property.value.type === AST_NODE_TYPES.Identifier) pendingNames.push([key, property.value.name]);
    }
  }
}

/** `exports.x` / `module.exports.x` -> 'x'; `module.exports` -> 'module.exports'; else null. */
function commonJsTarget(node: TSESTree.MemberExpression): string | null {
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
function declaredReturn(fn: TSESTree.Node): Answer {
  if (!isFunctionNode(fn) && fn.type !== AST_NODE_TYPES.TSMethodSignature) return 'unknown';
  if (fn.type !== AST_NODE_TYPES.TSMethodSignature) {
    if (fn.generator) return 'no';
    if (fn.async) return 'yes';
  }
  const returnType = fn.returnType?.typeAnnotation;
  if (returnType?.type === AST_NODE_TYPES.TSTypeReference && returnType.typeName.type === AST_NODE_TYPES.Identifier) {
    return returnType.typeName.name === 'Promise' || returnType.typeName.name === 'PromiseLike' ? 'yes' : 'unknown';
  }
  if (returnType?.type === AST_NODE_TYPES.TSVoidKeyword) return 'no';
  return 'unknown';
}
