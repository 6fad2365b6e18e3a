/**
 * Test files and what runs in them: whether a file is a test file (its name
 * matches the patterns, or it imports a test framework), which calls register
 * a test (`it`, `test`, `test.only`, `it.each(rows)`, ... from vitest,
 * @jest/globals, node:test, mocha, or as globals in a test file), their test
 * callbacks and `done` parameters, and which calls are assertions that only
 * settle later (`expect(p).resolves`, `expect.poll`, `assert.rejects`).
 */
import path from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, isFunctionNode, memberName, skipWrappers, someOwnNode, walkSubtree, type FunctionNode } from './ast.js';
import { GLOBAL, getImportResolver, type ImportTarget } from './imports.js';
import { chainHead, chainLink } from './promise-chains.js';
import { constInit } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type TestFramework = 'vitest' | 'jest' | 'node:test' | 'mocha';

/** Modules whose import makes a file a test file, and the framework each stands for. */
export const TEST_FRAMEWORK_MODULES: Readonly<Record<string, TestFramework>> = {
  vitest: 'vitest',
  '@jest/globals': 'jest',
  'node:test': 'node:test',
  mocha: 'mocha',
};

/** Where tests usually live; the `testFilePatterns` default. */
export const DEFAULT_TEST_FILE_PATTERNS: readonly string[] = [
  '**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}',
  '**/__tests__/**',
  '**/test/**',
  '**/tests/**',
];

/**
 * Test files named as such (`*.test.ts`, `__tests__/`), without the folder
 * patterns: rules that leave tests alone (a runner's timeout bounds them) use
 * these, so that fixtures and helpers kept under `test/` still count as code.
 */
export const TEST_FILE_NAME_PATTERNS: readonly string[] = ['**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}', '**/__tests__/**'];

const REGISTRARS = new Set(['it', 'test', 'specify']);
const MODIFIERS = new Set(['only', 'skip', 'todo', 'concurrent', 'sequential', 'fails', 'failing', 'serial', 'each', 'for']);
const DONE_NAMES = /^(?:done|cb|callback|next|finish|end)$|(?:Done|Completed?|Finished|Finish|End)$/;

export interface TestFile {
  /** The file's test framework when it imports one; null when it relies on globals. */
  readonly framework: TestFramework | null;
}

const testFiles = new WeakMap<object, Map<string, TestFile | null>>();

/**
 * The test file this is, or null when it is none: its name matches one of
 * `patterns` (globs; `**`, `*`, `?`, `{a,b}`; matched against the path
 * relative to the working directory and the absolute path), or it imports a
 * test framework (`vitest`, `@jest/globals`, `node:test`, `mocha`).
 */
export function getTestFile(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  patterns: readonly string[],
): TestFile | null {
  const { sourceCode } = context;
  const key = patterns.join('\n');
  let perFile = testFiles.get(sourceCode);
  if (!perFile) {
    perFile = new Map();
    testFiles.set(sourceCode, perFile);
  }
  const cached = perFile.get(key);
  if (cached !== undefined) return cached;
  const framework = importedFramework(sourceCode);
  const result = framework !== null || matchesAny(context.filename, context.cwd, patterns) ? { framework } : null;
  perFile.set(key, result);
  return result;
}

const frameworks = new WeakMap<SourceCode, TestFramework | null>();

/** The test framework the file imports or requires, found once per file: asked for each statement of a test body. */
function importedFramework(sourceCode: SourceCode): TestFramework | null {
  let framework = frameworks.get(sourceCode);
  if (framework === undefined) {
    framework = findImportedFramework(sourceCode);
    frameworks.set(sourceCode, framework);
  }
  return framework;
}

function findImportedFramework(sourceCode: SourceCode): TestFramework | null {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const framework = TEST_FRAMEWORK_MODULES[statement.source.value];
      if (framework) return framework;
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const init = declarator.init ? skipWrappers(declarator.init) : null;
        if (init?.type !== AST_NODE_TYPES.CallExpression) continue;
        const target = getImportResolver(sourceCode)(init);
        const framework = target ? TEST_FRAMEWORK_MODULES[target.module] : undefined;
        if (framework) return framework;
      }
    }
  }
  return null;
}

/** Does `filename` match one of the globs, relative to `cwd` or absolute? */
export function matchesAny(filename: string, cwd: string, patterns: readonly string[]): boolean {
  const absolute = filename.split(path.sep).join('/');
  const relative = path.relative(cwd, filename).split(path.sep).join('/');
  return patterns.some((pattern) => {
    const regex = globToRegExp(pattern);
    return regex.test(relative) || regex.test(absolute);
  });
}

const globCache = new Map<string, RegExp>();

/** A glob as a regular expression: `**` any path, `*` and `?` within a segment, `{a,b}` alternatives. */
export function globToRegExp(glob: string): RegExp {
  const cached = globCache.get(glob);
  if (cached) return cached;
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob.charAt(index);
    if (char === '*' && glob[index + 1] === '*') {
      const slash = glob[index + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      const close = glob.indexOf('}', index);
      if (close === -1) {
        source += '\\{';
        continue;
      }
      const options = glob.slice(index + 1, close).split(',').map((option) => option.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'));
      source += `(?:${options.join('|')})`;
      index = close;
    } else {
      source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
  }
  const regex = new RegExp(`^(?:.*/)?${source.replace(/^\(\?:\.\*\/\)\?/, '')}$`);
  globCache.set(glob, regex);
  return regex;
}

/** What a name stands for: a framework export, or (in a test file) a global of the same name. */
function frameworkTarget(sourceCode: SourceCode, node: TSESTree.Node): ImportTarget | null {
  const target = getImportResolver(sourceCode)(node);
  if (!target) return null;
  if (target.module === GLOBAL || target.module in TEST_FRAMEWORK_MODULES) return target;
  return null;
}

/**
 * The test callback of a call that registers a test (`it('...', fn)`,
 * `test.only('...', fn)`, `it.each(rows)('...', fn)`, node:test's
 * `test('...', options, fn)` and default export), or null.
 */
export function testCallback(sourceCode: SourceCode, call: TSESTree.CallExpression): FunctionNode | null {
  const fn = call.arguments.find((argument): argument is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression =>
    isFunctionNode(argument),
  );
  if (!fn) return null;
  let callee = skipWrappers(call.callee);
  // `it.each(rows)(...)`, `test.each\`table\`(...)`
  if (callee.type === AST_NODE_TYPES.CallExpression) callee = skipWrappers(callee.callee);
  else if (callee.type === AST_NODE_TYPES.TaggedTemplateExpression) callee = skipWrappers(callee.tag);
  while (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(callee);
    if (name === null || !MODIFIERS.has(name)) return null;
    callee = skipWrappers(callee.object);
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const target = frameworkTarget(sourceCode, callee);
  if (!target) return null;
  const last = target.path[target.path.length - 1];
  // `import test from 'node:test'`: the default export is `test`.
  if (target.path.length === 0) return target.module === 'node:test' ? fn : null;
  if (target.module === GLOBAL && target.path.length !== 1) return null;
  return last !== undefined && (REGISTRARS.has(last) || (target.path.length === 1 && last === 'default')) ? fn : null;
}

/**
 * Does the test body count its assertions first (`t.plan(3)`, node:test and
 * tap)? Then a test that ends before its promises settle fails on the count
 * instead of passing silently.
 */
export function plansAssertions(fn: FunctionNode): boolean {
  const [context] = fn.params;
  if (context?.type !== AST_NODE_TYPES.Identifier || fn.body?.type !== AST_NODE_TYPES.BlockStatement) return false;
  return fn.body.body.some((statement) => {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipWrappers(statement.expression.callee);
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      memberName(callee) === 'plan' &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === context.name
    );
  });
}

/**
 * Is the promise a `.then`/`.catch`/`.finally` chain on a call or a promise
 * that the test body awaits again further down (`app.ready().then(cb)` ...
 * `await app.ready()`; `pending.then(cb)` ... `await pending`)? The callbacks
 * on the first run before the await resumes, so the test does wait for them.
 */
export function awaitedLaterInTest(sourceCode: SourceCode, fn: FunctionNode, statement: TSESTree.Statement, expression: TSESTree.Expression): boolean {
  const root = chainRoot(expression);
  const held = root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.Identifier || root.type === AST_NODE_TYPES.MemberExpression;
  if (root === expression || !held || !fn.body) return false;
  const text = sourceCode.getText(root);
  return walkSubtree(fn.body, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression && node.range[0] > statement.range[1] && sourceCode.getText(chainRoot(node.argument)) === text) return 'stop';
    return isFunctionNode(node) ? 'skip' : undefined;
  });
}

/** Methods that end an object's life: awaiting one settles the operations still pending on it. */
const TEARDOWNS = new Set(['close', 'destroy', 'terminate', 'shutdown', 'stop', 'disconnect', 'quit', 'dispose']);

/**
 * node:test only: is `subject` (`pool.run(x)`, a `.then` chain on it, or a
 * `const` holding such a call) an operation of an object that the test body tears down and awaits
 * further down (`await pool.destroy()`, `await client.close()`)? The teardown
 * settles (completes or rejects) what is pending on its object before it
 * resolves, so an assertion about the operation settles while the test still
 * runs, and node:test fails the running test with its rejection. Vitest and
 * Jest report such a rejection apart from the test, so they do not count.
 */
export function settledByAwaitedTeardown(
  sourceCode: SourceCode,
  fn: FunctionNode,
  statement: TSESTree.Statement,
  subject: TSESTree.Node,
): boolean {
  if (!fn.async || !fn.body || importedFramework(sourceCode) !== 'node:test') return false;
  let operation: TSESTree.Node = chainRoot(subject as TSESTree.Expression);
  if (operation.type === AST_NODE_TYPES.Identifier) operation = constInit(sourceCode, operation) ?? operation;
  if (operation.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(operation.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const owner = sourceCode.getText(callee.object);
  return someOwnNode(fn.body, sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.AwaitExpression || node.range[0] < statement.range[1]) return false;
    const argument = skipWrappers(node.argument);
    if (argument.type !== AST_NODE_TYPES.CallExpression) return false;
    const teardown = skipWrappers(argument.callee);
    if (teardown.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = memberName(teardown);
    return name !== null && TEARDOWNS.has(name) && sourceCode.getText(teardown.object) === owner;
  });
}

/**
 * Is `subject`, a promise held in a variable (`assert.doesNotReject(task)`),
 * awaited by the test body itself further down (`await task`)? Then the test
 * fails on that await if it rejects, whatever the assertion does.
 */
export function awaitedItselfLaterInTest(sourceCode: SourceCode, fn: FunctionNode, statement: TSESTree.Statement, subject: TSESTree.Node): boolean {
  const held = skipWrappers(subject);
  if (held.type !== AST_NODE_TYPES.Identifier || !fn.body) return false;
  return someOwnNode(fn.body, sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.AwaitExpression || node.range[0] < statement.range[1]) return false;
    const argument = skipWrappers(node.argument);
    return argument.type === AST_NODE_TYPES.Identifier && argument.name === held.name;
  });
}

/** `p.then(a).catch(b)` -> `p`. */
function chainRoot(expression: TSESTree.Expression): TSESTree.Expression {
  const value = skipWrappers(expression) as TSESTree.Expression;
  const link = chainLink(value);
  return link ? (skipWrappers(chainHead(link)) as TSESTree.Expression) : value;
}

/**
 * Does `node` run inside a test callback (`it('...', () => { here })`)? With
 * `byShape` (for files under a test folder), also inside calls shaped like a
 * registration whose registrar came from elsewhere: `test('name', fn)` or
 * `t.test('name', fn)` with `test` a parameter's property (shared test helpers).
 */
export function isInTestBody(sourceCode: SourceCode, node: TSESTree.Node, byShape = false): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current) || current.parent.type !== AST_NODE_TYPES.CallExpression) continue;
    const call = current.parent;
    if (testCallback(sourceCode, call) === current || (byShape && looksLikeRegistration(call, current))) return true;
  }
  return false;
}

function looksLikeRegistration(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  const name = calleeName(call);
  const [title] = call.arguments;
  const named = title?.type === AST_NODE_TYPES.TemplateLiteral || (title?.type === AST_NODE_TYPES.Literal && typeof title.value === 'string');
  return name !== null && REGISTRARS.has(name) && named && call.arguments.includes(fn as TSESTree.Expression);
}

const HOOKS = new Set(['beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'before', 'after']);

/**
 * The callback of a hook (`beforeEach(fn)`, `afterAll(fn)`, mocha's
 * `before(fn)`, from a framework or as a global in a test file), or null. The
 * runner waits for what a hook returns, as for a test.
 */
export function hookCallback(sourceCode: SourceCode, call: TSESTree.CallExpression): FunctionNode | null {
  const fn = call.arguments.find((argument): argument is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression => isFunctionNode(argument));
  const callee = skipWrappers(call.callee);
  if (!fn || callee.type !== AST_NODE_TYPES.Identifier || !HOOKS.has(callee.name)) return null;
  const target = frameworkTarget(sourceCode, callee);
  if (!target) return null;
  const last = target.path[target.path.length - 1];
  return last !== undefined && HOOKS.has(last) && (target.module !== GLOBAL || target.path.length === 1) ? fn : null;
}

/**
 * node:test's `t.test('name', fn)` inside a test body: a subtest, which
 * returns a promise the parent must await (the parent cancels subtests still
 * running when it ends).
 */
export function isSubtestCall(sourceCode: SourceCode, call: TSESTree.CallExpression, body: FunctionNode): boolean {
  const callee = skipWrappers(call.callee);
  const [context] = body.params;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'test' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    context?.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === context.name &&
    importedFramework(sourceCode) === 'node:test'
  );
}

/**
 * The `done` callback a test callback takes, or null: node:test passes it
 * second (after the test context); Jest and Mocha first. Only conventional
 * names count (`done`, `cb`, `callback`, `next`, `finish`, `end`), since
 * Vitest and node:test pass a context object first; names that end like one
 * count too (`testDone`, `testCompleted`, `allFinished`).
 */
export function doneParameter(fn: FunctionNode): TSESTree.Identifier | null {
  for (const param of fn.params.slice(0, 2)) {
    if (param.type === AST_NODE_TYPES.Identifier && DONE_NAMES.test(param.name)) return param;
  }
  return null;
}

/** An assertion whose verdict arrives later, as a promise that must be awaited. */
export interface AsyncAssertion {
  readonly kind: 'resolves' | 'rejects' | 'eventually' | 'poll' | 'element' | 'assertRejects' | 'assertDoesNotReject';
  /** The outermost expression of the assertion chain: what must be awaited or returned. */
  readonly chain: TSESTree.Expression;
  /** The promise it is about (`p` of `expect(p)` or `assert.rejects(p)`), or null (a function, `expect.poll`). */
  readonly subject?: TSESTree.Node | null;
}

/**
 * For the member `.resolves`/`.rejects` of `expect(x)`, or the call
 * `expect.poll(...)`/`expect.element(...)`: the whole assertion
 * (`expect(p).resolves.not.toThrow()`). For `assert.rejects(...)` and
 * `assert.doesNotReject(...)` (node:assert, node:assert/strict, named
 * imports too): the call. Null for anything else.
 */
export function asyncAssertion(sourceCode: SourceCode, node: TSESTree.MemberExpression | TSESTree.CallExpression): AsyncAssertion | null {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    // chai-as-promised: `expect(p).to.eventually.equal(1)`, `chai.expect(p).to.be.rejectedWith(E)`'s sibling.
    if (name === 'eventually') return isChaiExpectChain(node.object) ? { kind: 'eventually', chain: outermostChain(node) } : null;
    if (name !== 'resolves' && name !== 'rejects') return null;
    const object = skipWrappers(node.object);
    if (object.type !== AST_NODE_TYPES.CallExpression || !isExpect(sourceCode, object.callee, true)) return null;
    const [subject] = object.arguments;
    return { kind: name, chain: outermostChain(node), subject: subject ?? null };
  }
  const callee = skipWrappers(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(callee);
    if ((name === 'poll' || name === 'element') && isExpect(sourceCode, callee.object, false)) {
      return { kind: name, chain: outermostChain(node) };
    }
  }
  // Syntax first: only callees named `rejects` or `doesNotReject` go on to resolve their import.
  const name = calleeName(node);
  if (name !== 'rejects' && name !== 'doesNotReject') return null;
  const target = getImportResolver(sourceCode)(callee);
  if (!target || (target.module !== 'assert' && target.module !== 'assert/strict')) return null;
  const parts = target.path[0] === 'strict' || target.path[0] === 'default' ? target.path.slice(1) : target.path;
  if (parts.length !== 1) return null;
  const [argument] = node.arguments;
  const subject = argument && !isFunctionNode(argument) ? argument : null;
  if (parts[0] === 'rejects') return { kind: 'assertRejects', chain: node, subject };
  if (parts[0] === 'doesNotReject') return { kind: 'assertDoesNotReject', chain: node, subject };
  return null;
}

/** `expect(x).to.be` and the like: chai's assertion chain on a call of `expect` or `chai.expect`. */
function isChaiExpectChain(node: TSESTree.Node): boolean {
  let current = skipWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipWrappers(current.object);
  if (current.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(current.callee);
  return (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'expect') || (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'expect');
}

/** `expect` (or, with `soft`, `expect.soft`) from a framework or as a global. */
function isExpect(sourceCode: SourceCode, node: TSESTree.Node, soft: boolean): boolean {
  let target = skipWrappers(node);
  if (soft && target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === 'soft') target = skipWrappers(target.object);
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const resolved = frameworkTarget(sourceCode, target);
  return resolved !== null && resolved.path.length === 1 && resolved.path[0] === 'expect';
}

/** Climbs `a.b`, `a.b(...)`, `a?.b` while `node` is the object or callee. */
function outermostChain(node: TSESTree.Node): TSESTree.Expression {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) break;
    if (
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current) ||
      (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === current) ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression
    ) {
      current = parent;
      continue;
    }
    break;
  }
  return current as TSESTree.Expression;
}
