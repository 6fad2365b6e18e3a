import { describe, expect, it } from 'vitest';
import { mayNameBlockingApi, namesThatMayBlock, packageOf, typedBlockingApi, typedBlockingHelper } from '../../lib/blocking-typed.js';
import { targetKey } from '../../lib/imports.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { getTypeInfo, type TypeInfo } from '../../lib/type-info.js';
import { probeCalls, type Context } from './probe.js';

/** For every `probe(<call>)` in typed mode: what `inspect` says about that call. */
function typedProbe<T>(code: string, inspect: (info: TypeInfo, call: TSESTree.CallExpression, context: Context) => T): T[] {
  return probeCalls(
    code,
    (context, call) => {
      const info = getTypeInfo(context);
      if (!info) throw new Error('no type information');
      const [argument] = call.arguments;
      if (argument?.type !== 'CallExpression') throw new Error('probe(<call>) expected');
      return inspect(info, argument, context);
    },
    { typed: true },
  );
}

describe('packageOf', () => {
  it('names the package a declaration file belongs to', () => {
    expect(packageOf('/p/node_modules/@types/fs-extra/index.d.ts')).toBe('fs-extra');
    expect(packageOf('/p/node_modules/@types/scope__pkg/index.d.ts')).toBe('@scope/pkg');
    expect(packageOf('/p/node_modules/glob/dist/commonjs/index.d.ts')).toBe('glob');
    expect(packageOf('/p/node_modules/@org/tool/lib/a.d.ts')).toBe('@org/tool');
    expect(packageOf('C:\\p\\node_modules\\execa\\index.d.ts')).toBe('execa');
    expect(packageOf('/p/src/a.ts')).toBeNull();
  });
});

describe('mayNameBlockingApi', () => {
  it('lets through only names a catalog entry can have', () => {
    const names = probeCalls(
      `probe(a.readFileSync()); probe(wait()); probe(x.save()); probe(querySync()); probe((0, f)());`,
      (_context, call) => {
        const [argument] = call.arguments;
        if (argument?.type !== 'CallExpression') throw new Error('probe(<call>) expected');
        return mayNameBlockingApi(argument.callee);
      },
    );
    expect(names).toEqual([true, true, false, true, false]);
  });
});

describe('typedBlockingApi', () => {
  it('finds catalog APIs the import resolver cannot see', () => {
    const code = `
      import * as nodeFs from 'node:fs';
      import * as cp from 'node:child_process';
      export class Service {
        constructor(private readonly fs: typeof nodeFs, private readonly tools: { run: typeof cp.execSync }) {}
        async run(view: Int32Array) {
          probe(this.fs.readFileSync('a'));
          probe(this.tools.run('ls'));
          probe(this.fs.promises.readFile('b'));
          probe(Atomics.wait(view, 0, 0));
        }
      }
    `;
    expect(typedProbe(code, (info, call) => {
      const found = typedBlockingApi(info, call);
      return found ? targetKey(found.target) : null;
    })).toEqual(['fs:readFileSync', 'child_process:execSync', null, '<global>:Atomics.wait']);
  });
});

describe('typedBlockingHelper', () => {
  it('follows imported sync functions and methods into their files, through further calls', () => {
    const code = `
      import { loadSettings, gitRevision, waitBriefly, templateOnce, formatName, loadAsync, SettingsStore } from './blocking-helpers.js';
      export async function run(store: SettingsStore) {
        probe(loadSettings('a.json'));
        probe(gitRevision());
        probe(waitBriefly(5));
        probe(templateOnce());
        probe(formatName('a', 'b'));
        probe(loadAsync('x'));
        probe(store.read('y'));
        probe(JSON.parse('{}'));
      }
    `;
    expect(
      typedProbe(code, (info, call, context) => {
        const site = typedBlockingHelper(info, context.sourceCode, call);
        return site ? `${site.label} ${site.file ?? ''}:${String(site.line)}` : null;
      }),
    ).toEqual([
      'readFileSync blocking-helpers.ts:6',
      'execFileSync blocking-helpers.ts:14',
      'busy-wait loop blocking-helpers.ts:19',
      null,
      null,
      null,
      'readFileSync blocking-helpers.ts:38',
      null,
    ]);
  });
});

describe('namesThatMayBlock', () => {
  it('names the project functions that block directly or through calls, and not the others', () => {
    const [names] = probeCalls(
      `probe();`,
      (context) => {
        const info = getTypeInfo(context);
        if (!info) throw new Error('no type information');
        return namesThatMayBlock(info);
      },
      { typed: true },
    );
    for (const name of ['loadSettings', 'gitRevision', 'revisionOf', 'waitBriefly', 'read']) expect(names?.has(name), name).toBe(true);
    for (const name of ['formatName', 'loadAsync']) expect(names?.has(name), name).toBe(false);
  });
});
