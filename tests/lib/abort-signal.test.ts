import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { hasOptionKey, importsCallableModule, optionsArgument, signalParameter } from '../../lib/abort-signal.js';
import { extendNetworkCatalog, networkApiNames, networkApis } from '../../lib/catalogs/network-apis.js';
import { GLOBAL, canonicalModule } from '../../lib/imports.js';
import { probeCalls, probeNodes, probeOne } from './probe.js';

describe('network catalog', () => {
  it('lists the last names of its calls, and `*` for a callable module', () => {
    // `*`: node-fetch's default export is the call.
    expect([...networkApiNames(networkApis)].sort()).toEqual(['*', 'connect', 'createConnection', 'fetch', 'get', 'request', 'stream']);
    const extended = extendNetworkCatalog(networkApis, [{ module: 'node:http2', name: 'connect', optionsArgument: 1 }, { module: 'axios', name: 'default', optionsArgument: 0 }], canonicalModule);
    expect(extended.http2?.connect).toEqual({ options: [1], signalKeys: ['signal'], timeoutKeys: ['timeout'], resultTimeoutMethods: [] });
    expect(networkApiNames(extended).has('*')).toBe(true);
    expect(extended[GLOBAL]?.fetch).toBe(networkApis[GLOBAL]?.fetch);
  });

  it('returns the built-in catalog unchanged when nothing is added', () => {
    expect(extendNetworkCatalog(networkApis, [], canonicalModule)).toBe(networkApis);
  });
});

describe('optionsArgument and hasOptionKey', () => {
  const read = (code: string, indices: number[]) =>
    probeCalls(code, (_context, call) => {
      const found = optionsArgument(call, indices);
      return found.kind === 'literal' ? `literal@${String(found.index)}:${hasOptionKey(found.node, ['signal', 'timeout'])}` : found.kind;
    });

  it('finds the options literal among the allowed places, past URLs, strings and callbacks', () => {
    expect(
      read(
        `declare function probe(...args: unknown[]): void; declare const opts: object; declare const more: unknown[];
probe('u', { signal: 1 }); probe(new URL('x'), () => 1); probe(\`u\`, { method: 'GET' }); probe('u', opts); probe('u', ...more); probe({ ...opts }); probe({ ['timeout']: 1 }); probe({ [String(1)]: 2 });`,
        [0, 1],
      ),
    ).toEqual(['literal@1:yes', 'none', 'literal@1:no', 'unknown', 'unknown', 'literal@0:unknown', 'literal@0:yes', 'literal@0:unknown']);
  });

  it('reads an unknown first argument as the URL when an object literal follows in an options place', () => {
    expect(
      read(`declare function probe(...args: unknown[]): void; declare const url: string; declare const opts: object;
probe(url, { method: 'GET' }, () => 1); probe(url, opts); probe(url);`, [0, 1]),
    ).toEqual(['literal@1:no', 'unknown', 'unknown']);
  });
});

describe('importsCallableModule', () => {
  it('knows files that import or require a module whose export is the call', () => {
    const found = (code: string) =>
      probeNodes<boolean, TSESTree.Program>(code, 'Program', (_context, program) => importsCallableModule(program, networkApis, canonicalModule))[0];
    expect(found(`import fetch from 'node-fetch'; fetch('u');`)).toBe(true);
    expect(found(`const fetch = require('node-fetch').default; fetch('u');`)).toBe(true);
    expect(found(`import http from 'node:http'; http.get('u');`)).toBe(false);
  });
});

describe('signalParameter', () => {
  const signalOf = (code: string) =>
    probeOne(code, (_context, node) => {
      const found = signalParameter(node as TSESTree.ArrowFunctionExpression);
      return found ? `${found.name}@${String(found.index)}${found.inOptions ? ' in options' : ''}` : null;
    });

  it('recognises a parameter named signal, one typed AbortSignal, and a destructured signal', () => {
    expect(signalOf('declare function probe(f: unknown): void; probe((url: string, signal?: AbortSignal) => url);')).toBe('signal@1');
    expect(signalOf('declare function probe(f: unknown): void; probe((abort: AbortSignal | undefined) => abort);')).toBe('abort@0');
    expect(signalOf('declare function probe(f: unknown): void; probe(({ signal: s = undefined }: { signal?: AbortSignal } = {}) => s);')).toBe('s@0 in options');
    expect(signalOf('declare function probe(f: unknown): void; probe((url: string, options: object) => url);')).toBeNull();
  });
});
