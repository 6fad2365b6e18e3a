import { parse } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { exportedPromiseFunctions, readExports } from '../../lib/cross-file.js';
import { getPromiseOracle } from '../../lib/promise-oracle.js';
import { firstArgument, fixturesDir, probeCalls } from './probe.js';

const KEYS = ['flags.isEnabled', 'flags.variant', 'flags.label', 'store.save', 'store.size', 'hidden.secret'];

describe('exports of object literals and instances', () => {
  it('are read as `object.method`, by the TypeScript reader', () => {
    const [summary] = probeCalls('probe();', (context) => exportedPromiseFunctions(context, './lib/services.js'));
    expect(Object.fromEntries(KEYS.map((key) => [key, summary?.get(key)]))).toEqual({
      'flags.isEnabled': 'yes',
      'flags.variant': 'yes',
      'flags.label': 'unknown',
      'store.save': 'yes',
      'store.size': 'unknown',
      'hidden.secret': undefined,
    });
  });

  it('are read as `object.method`, by the ESTree reader', () => {
    const program = parse(
      `class Store { async save() {} size(): number { return 0; } }
export const flags = { async isEnabled() { return true; }, variant: async () => 'a', label: () => 'x' };
export const store = new Store();
const hidden = { async secret() {} };`,
      { sourceType: 'module' },
    );
    const summary = readExports(program);
    expect(Object.fromEntries(KEYS.map((key) => [key, summary.get(key)]))).toEqual({
      'flags.isEnabled': 'yes',
      'flags.variant': 'yes',
      'flags.label': 'unknown',
      'store.save': 'yes',
      'store.size': 'unknown',
      'hidden.secret': undefined,
    });
  });

  it('tell the untyped oracle that `flags.isEnabled()` and `store.save()` are promises', () => {
    const answers = probeCalls(
      `import { flags, store } from './lib/services.js';
probe(flags.isEnabled('x'));
probe(store.save('a'));
probe(flags.label('x'));
probe(store.size());`,
      (context, call) => getPromiseOracle(context).isPromise(firstArgument(call)),
      { filename: `${fixturesDir}/file.ts` },
    );
    expect(answers).toEqual(['yes', 'yes', 'unknown', 'unknown']);
  });
});
