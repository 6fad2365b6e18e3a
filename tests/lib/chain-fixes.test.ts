import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { awaitDropped, callbackReplacement, returnDropped, returnLastValue } from '../../lib/chain-fixes.js';
import { chainLink, droppedPromises, inlineCallbacks } from '../../lib/promise-chains.js';
import { getPromiseOracle } from '../../lib/promise-oracle.js';
import { lintReports, type Context } from './probe.js';

const API = `async function save(id: string): Promise<void> {}
declare const p: Promise<string[]>;
declare const logger: { error(...args: unknown[]): void };
`;

type MakeFixes = (fixer: TSESLint.RuleFixer, context: Context, call: TSESTree.CallExpression) => TSESLint.RuleFix | TSESLint.RuleFix[] | null;

/** For each `probe(...)` call, the code after applying what `makeFixes` returns for its argument (null when nothing). */
function fixEach(body: string, makeFixes: MakeFixes): (string | null)[] {
  const code = API + body;
  const results: (string | null)[] = [];
  const messages = lintReports(code, (context) => ({
    CallExpression(node) {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'probe') return;
      const [argument] = node.arguments;
      if (!argument || argument.type !== 'CallExpression') throw new Error('probe needs a call');
      const fixes = (fixer: TSESLint.RuleFixer) => makeFixes(fixer, context, argument);
      // A raw `message` (this throwaway rule has no messageIds), which TSESLint's types do not model.
      const report = context.report as unknown as (descriptor: {
        node: TSESTree.Node;
        message: string;
        fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[] | null;
      }) => void;
      report({ node, message: 'fix', fix: fixes });
    },
  }));
  for (const message of messages) {
    const { fix } = message;
    results.push(fix ? (code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1])).slice(API.length).trim() : null);
  }
  return results;
}

/** The dropped promises of the first callback of the probed link. */
function drops(context: Context, call: TSESTree.CallExpression) {
  const link = chainLink(call);
  const [callback] = link ? inlineCallbacks(link) : [];
  if (!callback) throw new Error('probe(...) must hold a link with a callback');
  return { callback, dropped: droppedPromises(callback, getPromiseOracle(context), context.sourceCode.visitorKeys) };
}

describe('returnDropped', () => {
  it('returns the promise, through `void`, and wraps arrays in Promise.all', () => {
    const fixed = fixEach(
      `
probe(p.then((ids) => { save(ids[0] ?? ''); }));
probe(p.then((ids) => { void save(ids[0] ?? ''); }));
probe(p.then((ids) => void save(ids[0] ?? '')));
probe(p.then((ids) => { ids.map((id) => save(id)); }));
`,
      (fixer, context, call) => {
        const [drop] = drops(context, call).dropped;
        return drop ? returnDropped(fixer, context.sourceCode, drop) : null;
      },
    );
    expect(fixed.map((code, index) => code?.split('\n')[index] ?? null)).toEqual([
      "probe(p.then((ids) => { return save(ids[0] ?? ''); }));",
      "probe(p.then((ids) => { return save(ids[0] ?? ''); }));",
      "probe(p.then((ids) => save(ids[0] ?? '')));",
      'probe(p.then((ids) => { return Promise.all(ids.map((id) => save(id))); }));',
    ]);
  });
});

describe('awaitDropped', () => {
  it('makes the callback async and awaits every drop', () => {
    const [fixed] = fixEach(
      `
probe(p.then(function (ids) {
  save(ids[0] ?? '');
  void save('b');
  ids.map((id) => save(id));
}));
`,
      (fixer, context, call) => {
        const { callback, dropped } = drops(context, call);
        return awaitDropped(fixer, context.sourceCode, callback, dropped);
      },
    );
    expect(fixed).toBe(`probe(p.then(async function (ids) {
  await save(ids[0] ?? '');
  await save('b');
  await Promise.all(ids.map((id) => save(id)));
}));`);
  });
});

describe('callbackReplacement', () => {
  it('wraps a call in a function, and hands the error to a logging call in a rejection slot', () => {
    const fixed = fixEach(
      `
probe(p.then(save('a')));
probe(p.catch(logger.error()));
probe(p.then(String, console.error()));
probe(p.then(logger.error()));
probe(p.then('done' as never));
`,
      (fixer, context, call) => {
        const link = chainLink(call);
        const argument = link?.callbackArguments[link.method === 'then' && call.arguments.length > 1 ? 1 : 0];
        if (!link || !argument || argument.type === 'SpreadElement') return null;
        const replacement = callbackReplacement(context.sourceCode, link, argument);
        return replacement === null ? null : fixer.replaceText(argument, replacement);
      },
    );
    expect(fixed.map((code, index) => code?.split('\n')[index] ?? null)).toEqual([
      "probe(p.then(() => save('a')));",
      'probe(p.catch((error) => logger.error(error)));',
      'probe(p.then(String, (error) => console.error(error)));',
      'probe(p.then(() => logger.error()));',
      null,
    ]);
  });
});

describe('returnLastValue', () => {
  it('returns the last expression or the variable the last declaration binds', () => {
    const fixed = fixEach(
      `
probe(p.then((ids) => { ids.map((id) => id.length); }));
probe(p.then((ids) => {
  const lengths = ids.map((id) => id.length);
}));
probe(p.then((ids) => { const first = ids[0]; }));
probe(p.then((ids) => { console.log(ids); }));
probe(p.then((ids) => { ids.length = 0; }));
`,
      (fixer, context, call) => {
        const link = chainLink(call);
        const [callback] = link ? inlineCallbacks(link) : [];
        const fix = callback ? returnLastValue(context.sourceCode, callback) : null;
        return fix ? fix(fixer) : null;
      },
    );
    expect(fixed.slice(0, 3).map((code) => code?.split('probe(').find((part) => part.includes('return')))).toEqual([
      'p.then((ids) => { return ids.map((id) => id.length); }));\n',
      'p.then((ids) => {\n  const lengths = ids.map((id) => id.length);\n  return lengths;\n}));\n',
      'p.then((ids) => { const first = ids[0]; return first; }));\n',
    ]);
    expect(fixed.slice(3)).toEqual([null, null]);
  });
});
