/**
 * Suggestions for async callbacks handed to APIs that ignore their promise:
 * turn `items.forEach(async (item) => { ... })` into a `for...of` loop that
 * awaits, or into `await Promise.all(items.map(...))`; wait for an array of
 * promises where it is used as values; and make a listener catch its own
 * errors. All change behaviour, so rules offer them as suggestions; each
 * returns null where it cannot keep the code correct.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, skipWrappers, type FunctionNode } from './ast.js';
import { appendCatch, operandText } from './fixes.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type FixFn = (fixer: Fixer) => TSESLint.RuleFix | TSESLint.RuleFix[];

/** The statement `items.forEach(cb);` or `await items.forEach(cb);` that holds this call, if the call is all it does. */
function wholeStatement(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | null {
  const parent = call.parent;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement && parent.expression === call) return parent;
  if (parent.type === AST_NODE_TYPES.AwaitExpression && parent.parent.type === AST_NODE_TYPES.ExpressionStatement) return parent.parent;
  return null;
}

const LOOPS = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/**
 * `items.forEach(async (item, i) => { ...; return; ... });` ->
 * `for (const [i, item] of items.entries()) { ...; continue; ... }`.
 * Only for an arrow (its `this` is the loop's), one or two simple
 * parameters, no `return value`, and no `return` inside a nested loop
 * (where `continue` would mean something else). The caller checks that
 * `await` is legal at the statement.
 */
export function forOfFix(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  fn: FunctionNode,
  awaitExpression: (expression: TSESTree.Expression) => boolean,
): FixFn | null {
  const statement = wholeStatement(call);
  const callee = call.callee;
  if (!statement || callee.type !== AST_NODE_TYPES.MemberExpression || callee.optional || call.arguments.length !== 1) return null;
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression || fn.params.length === 0 || fn.params.length > 2) return null;
  const [item, index] = fn.params;
  if (!item || !isSimpleBinding(item) || (index && (index.type !== AST_NODE_TYPES.Identifier || index.optional))) return null;
  const names = new Set(sourceCode.getDeclaredVariables(fn).map((variable) => variable.name));
  // `for (const item of item.children)` would read the loop variable before it is set.
  const receiverNames = sourceCode.getTokens(callee.object).filter((token) => token.type === 'Identifier' && names.has(token.value));
  if (receiverNames.length > 0) return null;

  const edits: { range: TSESTree.Range; text: string }[] = [];
  let bodyText: string;
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    for (const ret of returnsOf(fn.body, sourceCode.visitorKeys)) {
      if (ret.node.argument || ret.inLoop) return null;
      edits.push({ range: ret.node.range, text: 'continue;' });
    }
    bodyText = sliceWithEdits(sourceCode, fn.body.range, edits);
  } else {
    if (fn.body.type === AST_NODE_TYPES.ObjectExpression) return null;
    const text = sourceCode.getText(fn.body);
    bodyText = `{ ${awaitExpression(fn.body) ? `await ${operandText(sourceCode, fn.body)}` : text}; }`;
  }
  const binding = bindingText(sourceCode, item);
  const receiver = operandText(sourceCode, callee.object);
  const head = index
    ? `for (const [${index.name}, ${binding}] of ${receiver}.entries())`
    : `for (const ${binding} of ${receiver})`;
  return (fixer) => fixer.replaceText(statement, `${head} ${bodyText}`);
}

function returnsValue(body: TSESTree.BlockStatement, visitorKeys: SourceCode['visitorKeys']): boolean {
  for (const ret of returnsOf(body, visitorKeys)) if (ret.node.argument) return true;
  return false;
}

function isSimpleBinding(node: TSESTree.Parameter): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return !node.optional;
  return node.type === AST_NODE_TYPES.ObjectPattern || node.type === AST_NODE_TYPES.ArrayPattern;
}

/** The binding without its type annotation: `item: Order` -> `item`, `{ id }: Order` -> `{ id }`. */
function bindingText(sourceCode: SourceCode, node: TSESTree.Parameter): string {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  const annotation = 'typeAnnotation' in node ? node.typeAnnotation : undefined;
  if (!annotation) return sourceCode.getText(node);
  return sourceCode.text.slice(node.range[0], annotation.range[0]).trimEnd();
}

function* returnsOf(
  body: TSESTree.BlockStatement,
  visitorKeys: SourceCode['visitorKeys'],
): Generator<{ node: TSESTree.ReturnStatement; inLoop: boolean }> {
  const stack: { node: TSESTree.Node; inLoop: boolean }[] = [{ node: body, inLoop: false }];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry) break;
    const { node, inLoop } = entry;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      yield { node, inLoop };
      continue;
    }
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) continue;
    const nested = inLoop || LOOPS.has(node.type);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(child) ? child : [child];
      for (const item of children) {
        if (typeof item === 'object' && item !== null && typeof (item as { type?: unknown }).type === 'string') {
          stack.push({ node: item as TSESTree.Node, inLoop: nested });
        }
      }
    }
  }
}

function sliceWithEdits(sourceCode: SourceCode, range: TSESTree.Range, edits: readonly { range: TSESTree.Range; text: string }[]): string {
  let out = '';
  let at = range[0];
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
    out += sourceCode.text.slice(at, edit.range[0]) + edit.text;
    at = edit.range[1];
  }
  return out + sourceCode.text.slice(at, range[1]);
}

/** `items.forEach(cb)` -> `await Promise.all(items.map(cb))`: the same concurrency, now waited for. */
export function promiseAllForEachFix(call: TSESTree.CallExpression): FixFn | null {
  const statement = wholeStatement(call);
  const callee = call.callee;
  if (!statement || callee.type !== AST_NODE_TYPES.MemberExpression || callee.optional || callee.computed) return null;
  const awaited = call.parent.type === AST_NODE_TYPES.AwaitExpression;
  return (fixer) => [
    fixer.insertTextBefore(call, awaited ? 'Promise.all(' : 'await Promise.all('),
    fixer.replaceText(callee.property, 'map'),
    fixer.insertTextAfter(call, ')'),
  ];
}

/**
 * An array of promises used as values -> wait for them where it is made:
 * `items.map(f).join()` -> `(await Promise.all(items.map(f))).join()`,
 * `await items.map(f)` -> `await Promise.all(items.map(f))`.
 */
export function promiseAllFix(sourceCode: SourceCode, node: TSESTree.Node): FixFn {
  const text = sourceCode.getText(node);
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) return (fixer) => fixer.replaceText(node, `Promise.all(${text})`);
  const needsParens = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node;
  return (fixer) => fixer.replaceText(node, needsParens ? `(await Promise.all(${text}))` : `await Promise.all(${text})`);
}

/**
 * Make a callback catch its own errors, for APIs that cannot wait for it:
 * `async (msg) => save(msg)` -> `async (msg) => save(msg).catch(handler)`;
 * a block body is wrapped in `try { ... } catch (error) { handler(error); }`.
 */
export function catchInsideFix(
  sourceCode: SourceCode,
  fn: FunctionNode,
  handler: string,
  isPromise: (node: TSESTree.Node) => boolean,
): FixFn | null {
  const body = fn.body;
  if (!body) return null;
  const errorName = /(^|[^.\w$])error\b/.test(handler) ? 'caught' : 'error';
  // `reportError` or `logger.error` are called as they are; an arrow or a call needs parentheses.
  const call = /^[\w$]+(\.[\w$]+)*$/.test(handler) ? handler : `(${handler})`;
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    const value = skipWrappers(body);
    if (value.type === AST_NODE_TYPES.AwaitExpression && isPromise(value.argument)) {
      const argument = value.argument;
      return (fixer) => fixer.replaceText(value, `${operandText(sourceCode, argument)}.catch(${handler})`);
    }
    if (value.type !== AST_NODE_TYPES.AwaitExpression && isPromise(value)) {
      return (fixer) => appendCatch(fixer, sourceCode, body, handler);
    }
    if (body.type === AST_NODE_TYPES.ObjectExpression || body.type === AST_NODE_TYPES.SequenceExpression) return null;
    return (fixer) =>
      fixer.replaceText(body, `{ try { ${sourceCode.getText(body)}; } catch (${errorName}) { ${call}(${errorName}); } }`);
  }
  // A `try` only catches what is awaited inside it: not in a plain function, nor a promise that is returned.
  if (body.body.length === 0 || !fn.async || returnsValue(body, sourceCode.visitorKeys)) return null;
  const open = sourceCode.getFirstToken(body);
  const close = sourceCode.getLastToken(body);
  if (!open || !close) return null;
  const inner = sourceCode.text.slice(open.range[1], close.range[0]);
  if (!inner.includes('\n')) {
    return (fixer) =>
      fixer.replaceText(body, `{ try {${inner.trimEnd()} } catch (${errorName}) { ${call}(${errorName}); } }`);
  }
  const lines = inner.split('\n');
  const base = lines[lines.length - 1] ?? '';
  const firstStatementLine = sourceCode.lines[(body.body[0]?.loc.start.line ?? 1) - 1] ?? '';
  const indent = /^\s*/.exec(firstStatementLine)?.[0] ?? `${base}  `;
  const unit = indent.length > base.length ? indent.slice(base.length) : '  ';
  // Lines inside a multi-line template literal are part of a string: leave them as they are.
  const frozen = new Set<number>();
  for (const token of sourceCode.getTokens(body)) {
    if (token.type === 'Template' && token.loc.end.line > token.loc.start.line) {
      for (let line = token.loc.start.line + 1; line <= token.loc.end.line; line++) frozen.add(line);
    }
  }
  const firstLine = open.loc.end.line;
  const middle = lines
    .slice(1, -1)
    .map((line, at) => (line.trim() === '' || frozen.has(firstLine + 1 + at) ? line : `${unit}${line}`))
    .join('\n');
  const head = lines[0]?.trim() ? ` ${lines[0].trim()}` : '';
  const text = `{\n${indent}try {${head}\n${middle}\n${indent}} catch (${errorName}) {\n${indent}${unit}${call}(${errorName});\n${indent}}\n${base}}`;
  return (fixer) => fixer.replaceText(body, text);
}

/**
 * An effect hook's callback must return a cleanup function or nothing:
 * `useEffect(async () => { ... }, deps)` ->
 * `useEffect(() => { (async () => { ... })().catch(handler); }, deps)`.
 * Only for an arrow without parameters (effects take none).
 */
export function effectFix(sourceCode: SourceCode, fn: FunctionNode, handler: string): FixFn | null {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression || !fn.async || fn.params.length > 0) return null;
  const body = fn.body;
  const inner = body.type === AST_NODE_TYPES.BlockStatement ? sourceCode.getText(body) : `(${sourceCode.getText(body)})`;
  return (fixer) => fixer.replaceText(fn, `() => { (async () => ${inner})().catch(${handler}); }`);
}
