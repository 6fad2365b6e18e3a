/**
 * A constructor that starts I/O: `new` cannot be awaited, so the caller gets
 * an object whose fields are not set yet, and a rejection no caller can catch;
 * blocking I/O stalls the event loop on every `new`. The asyncio "I/O in
 * `__init__`: use a factory method" pitfall.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../lib/ast.js';
import { BUSY_WAIT, type BlockingSite } from '../lib/blocking.js';
import { typedBlockingHelper } from '../lib/blocking-typed.js';
import { constructorInfo, constructorIo, type ConstructorInfo, type ConstructorIo } from '../lib/constructors.js';
import { createRule } from '../lib/create-rule.js';
import { getPromiseOracle } from '../lib/promise-oracle.js';
import { getTypeInfo } from '../lib/type-info.js';

export type Options = [
  {
    allowReadyPromise?: boolean;
  },
];

export type MessageIds = 'asyncWork' | 'readyPromise' | 'blockingIo' | 'asyncCallback';

export default createRule<Options, MessageIds>({
  name: 'no-io-in-constructor',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow constructors that start async work, do blocking I/O or start async timers and listeners',
      recommended: true,
      requiresTypeChecking: false,
    },
    messages: {
      asyncWork:
        '`new {{name}}()` returns before `{{call}}` settles: callers get an object whose fields are not set yet, and if it rejects there is no promise they can await to catch the rejection. Start the work in a `static async create()` factory.',
      readyPromise:
        '`new {{name}}()` returns while `{{call}}` is still running in `{{field}}`: callers get an object whose fields are not set yet unless they remember to await `{{field}}`, and if nobody does its rejection is unhandled. Start the work in a `static async create()` factory.',
      blockingIo:
        '`new {{name}}()` blocks the event loop: the constructor runs {{callee}} synchronously, so nothing else runs until it finishes, on every `new`. Do the I/O in a `static async create()` factory and pass the result in.',
      asyncCallback:
        '`new {{name}}()` starts `{{api}}` with an async callback that nothing tears down: it keeps running after the object is dropped, and a rejection inside it reaches no caller.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowReadyPromise: {
            type: 'boolean',
            description:
              'Accept a promise stored in a field (`this.ready = this.init()`) for code bases that always await such a ready promise before using the object.',
          },
        },
      },
    ],
    defaultOptions: [{ allowReadyPromise: false }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const typeInfo = getTypeInfo(context);
    const ioOptions = {
      allowReadyPromise: options.allowReadyPromise === true,
      // A command-line script has nothing else to run while it blocks.
      checkBlocking: !sourceCode.text.startsWith('#!'),
      typedHelper: typeInfo ? (call: TSESTree.CallExpression) => typedBlockingHelper(typeInfo, sourceCode, call) : undefined,
    };

    return {
      'MethodDefinition[kind="constructor"] > FunctionExpression'(fn: TSESTree.FunctionExpression) {
        check(fn);
      },
      // Constructor functions: by convention their names are capitalised, and this file calls them only with `new`.
      'FunctionDeclaration[id.name=/^[A-Z]/], VariableDeclarator[id.name=/^[A-Z]/] > FunctionExpression'(fn: FunctionNode) {
        check(fn);
      },
    };

    function check(fn: FunctionNode): void {
      if (fn.body?.type !== AST_NODE_TYPES.BlockStatement || fn.body.body.length === 0) return;
      const ctor = constructorInfo(sourceCode, fn);
      if (!ctor) return;
      for (const io of constructorIo(sourceCode, getPromiseOracle(context), ctor, ioOptions)) report(ctor, io);
    }

    function report(ctor: ConstructorInfo, io: ConstructorIo): void {
      const name = ctor.name;
      switch (io.kind) {
        case 'async-work': {
          const callee = io.node.callee;
          const call = isFunctionNode(callee) ? `(${callee.async ? 'async ' : ''}() => { ... })()` : `${text(callee)}()`;
          if (io.field === null) context.report({ node: io.node, messageId: 'asyncWork', data: { name, call } });
          else context.report({ node: io.node, messageId: 'readyPromise', data: { name, call, field: io.field } });
          return;
        }
        case 'blocking':
          context.report({ node: io.node, messageId: 'blockingIo', data: { name, callee: blockingText(io.label, io.site) } });
          return;
        case 'async-callback':
          context.report({ node: io.node, messageId: 'asyncCallback', data: { name, api: io.api } });
          return;
      }
    }

    function text(node: TSESTree.Node): string {
      const source = sourceCode.getText(node);
      return source.length <= 40 && !source.includes('\n') ? source : 'this call';
    }
  },
});

/** "`readFileSync`", or "`loadConfig()`, which runs `readFileSync` (line 3)". */
function blockingText(label: string, site: BlockingSite | null): string {
  if (!site) return `\`${label}\``;
  const where = site.file === null ? `line ${String(site.line)}` : `${site.file}:${String(site.line)}`;
  const what = site.label === BUSY_WAIT ? 'a busy-wait loop' : `\`${site.label}\``;
  return `\`${label}()\`, which runs ${what} (${where}),`;
}
