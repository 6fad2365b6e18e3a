import type { TSESTree } from '@typescript-eslint/utils';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { allowSchema, matchesAllow, matchesAllowedType, type AllowSpec } from '../../lib/specifiers.js';
import { getTypeInfo } from '../../lib/type-info.js';
import { probeNodes, repoRoot, type LintOptions } from './probe.js';

/** For each call statement (`f();`, `a?.f();`), in source order: is its callee allowed? */
function allowed(code: string, specs: readonly AllowSpec[], options?: LintOptions): boolean[] {
  return probeNodes(
    code,
    'ExpressionStatement > CallExpression, ExpressionStatement > ChainExpression > CallExpression',
    (context, call: TSESTree.CallExpression) => matchesAllow(context.sourceCode, call.callee, specs),
    options,
  );
}

describe('matchesAllow: strings', () => {
  const code = `
    declare const router: { push(path: string): Promise<void>; pushState(): void };
    declare function push(path: string): Promise<void>;
    declare function pusher(): Promise<void>;
    export class Page {
      constructor(readonly router: { push(path: string): Promise<void> }) {}
      go() {
        this.router.push('/a');
      }
    }
    router.push('/a');
    router?.push('/b');
    push('/c');
    pusher();
    router.pushState();
    (router.push as (path: string) => Promise<void>)('/d');
    router['push']('/e');
  `;

  it('a name without a dot matches the last name of any callee', () => {
    expect(allowed(code, ['push'])).toEqual([true, true, true, true, false, false, true, true]);
  });

  it('a dotted name matches that exact path only', () => {
    expect(allowed(code, ['router.push'])).toEqual([false, true, true, false, false, false, true, true]);
    expect(allowed(code, ['this.router.push'])).toEqual([true, false, false, false, false, false, false, false]);
  });

  it('matches nothing without specs, and skips computed callees', () => {
    expect(allowed(code, [])).toEqual([false, false, false, false, false, false, false, false]);
    expect(allowed(`declare const api: Record<string, () => void>; declare const k: string; api[k]();`, ['api'])).toEqual([false]);
  });
});

describe('matchesAllow: { from: "package" }', () => {
  const spec: AllowSpec = { from: 'package', package: 'node:test', name: ['test', 'describe.skip'] };

  it('follows aliased imports, namespaces and require', () => {
    const code = `
      import { test as check, describe } from 'node:test';
      import * as nodeTest from 'node:test';
      const { test: viaRequire } = require('node:test');
      const required = require('node:test');
      check('a', async () => {});
      nodeTest.test('b', async () => {});
      viaRequire('c', async () => {});
      required.test('d', async () => {});
      describe.skip ('e', () => {});
      describe('f', () => {});
    `;
    expect(allowed(code, [spec])).toEqual([true, true, true, true, true, false]);
  });

  it('canonicalises node: on both sides', () => {
    const code = `
      import { readFile } from 'node:fs/promises';
      import { writeFile } from 'fs/promises';
      readFile('a');
      writeFile('b', '');
    `;
    expect(allowed(code, [{ from: 'package', package: 'fs/promises', name: ['readFile', 'writeFile'] }])).toEqual([true, true]);
    expect(allowed(code, [{ from: 'package', package: 'node:fs/promises', name: 'readFile' }])).toEqual([true, false]);
  });

  it('does not match the same name from another module or a local function', () => {
    const code = `
      import { test } from 'vitest';
      test('a', async () => {});
      export function local() {
        function test(name: string) { return Promise.resolve(name); }
        test('b');
      }
    `;
    expect(allowed(code, [spec])).toEqual([false, false]);
  });

  it('names a default export `default`', () => {
    const code = `
      import axios from 'axios';
      axios('/a');
      axios.get('/b');
    `;
    expect(allowed(code, [{ from: 'package', package: 'axios', name: 'default' }])).toEqual([true, false]);
    expect(allowed(code, [{ from: 'package', package: 'axios', name: 'get' }])).toEqual([false, true]);
  });
});

describe('matchesAllow: { from: "file" }', () => {
  it('matches names declared in this file, not imported ones', () => {
    const code = `
      import { startPolling as imported } from './poller.js';
      import { refresh } from './cache.js';
      async function startPolling() {}
      const poller = { start: async () => {} };
      export class Service {
        async warm() {}
        run() {
          this.warm();
        }
      }
      startPolling();
      poller.start();
      refresh();
      imported();
      unknownGlobal();
    `;
    const spec: AllowSpec = { from: 'file', name: ['startPolling', 'poller.start', 'refresh', 'this.warm', 'unknownGlobal'] };
    expect(allowed(code, [spec])).toEqual([true, true, true, false, false, false]);
  });
});

describe('matchesAllow: { from: "lib" }', () => {
  it('matches globals, also through globalThis, but not a shadowing local', () => {
    const code = `
      fetch('/a');
      globalThis.fetch('/b');
      window.fetch('/c');
      export function inner() {
        const fetch = (url: string) => Promise.resolve(url);
        fetch('/d');
      }
      import { fetch as undiciFetch } from 'undici';
      undiciFetch('/e');
    `;
    expect(allowed(code, [{ from: 'lib', name: 'fetch' }])).toEqual([true, true, true, false, false]);
  });

  it('matches dotted global paths', () => {
    const code = `
      navigator.clipboard.writeText('x');
      Promise.resolve(1);
    `;
    expect(allowed(code, [{ from: 'lib', name: ['navigator.clipboard.writeText'] }])).toEqual([true, false]);
  });
});

describe('matchesAllowedType', () => {
  const code = `
    class Query<T> {
      then(resolve: (rows: T[]) => void) { resolve([]); }
    }
    declare const either: Query<string> | Promise<void>;
    new Query<number>();
    fetch('/a');
    either;
  `;

  function typeMatches(specs: readonly AllowSpec[], typed = true): boolean[] {
    return probeNodes(
      code,
      'Program > ExpressionStatement',
      (context, statement: TSESTree.ExpressionStatement) => matchesAllowedType(getTypeInfo(context), statement.expression, specs),
      { typed },
    );
  }

  it('matches the promise’s type by name', () => {
    expect(typeMatches(['Query'])).toEqual([true, false, true]);
    expect(typeMatches(['Promise'])).toEqual([false, true, true]);
  });

  it('matches where the type is declared', () => {
    expect(typeMatches([{ from: 'file', name: 'Query' }])).toEqual([true, false, true]);
    expect(typeMatches([{ from: 'lib', name: 'Query' }])).toEqual([false, false, false]);
    expect(typeMatches([{ from: 'lib', name: 'Promise' }])).toEqual([false, true, true]);
    expect(typeMatches([{ from: 'file', name: 'Promise' }])).toEqual([false, false, false]);
    expect(typeMatches([{ from: 'package', package: 'knex', name: 'Query' }])).toEqual([false, false, false]);
  });

  it('never matches without type information or specs', () => {
    expect(typeMatches(['Query', 'Promise'], false)).toEqual([false, false, false]);
    expect(typeMatches([])).toEqual([false, false, false]);
  });
});

describe('allowSchema', () => {
  const linter = new Linter({ cwd: repoRoot });
  const rule = { meta: { type: 'problem', schema: [allowSchema] }, create: () => ({}) };

  function validate(options: unknown): string | null {
    try {
      linter.verify('x;', [
        {
          files: ['**/*.ts'],
          plugins: { probe: { rules: { allow: rule } } },
          languageOptions: { parser },
          rules: { 'probe/allow': ['error', options] },
        },
      ] as unknown as Linter.Config[], { filename: 'file.ts' });
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }

  it('accepts every documented form', () => {
    expect(
      validate([
        'router.push',
        'push',
        { from: 'package', package: 'node:test', name: 'test' },
        { from: 'package', package: 'knex', name: ['QueryBuilder', 'Knex'] },
        { from: 'file', name: 'startPolling' },
        { from: 'lib', name: ['fetch'] },
      ]),
    ).toBeNull();
  });

  it.each([
    ['an empty name', ['']],
    ['a package spec without package', [{ from: 'package', name: 'test' }]],
    ['an unknown source', [{ from: 'npm', name: 'x' }]],
    ['an extra property', [{ from: 'lib', name: 'fetch', package: 'x' }]],
    ['an empty name list', [{ from: 'file', name: [] }]],
    ['a duplicate', ['push', 'push']],
    ['not an array', 'push'],
  ])('refuses %s', (_label, options) => {
    expect(validate(options)).toMatch(/Key "probe\/allow"/);
  });
});
