import { describe, expect, it } from 'vitest';
import { GLOBAL, canonicalModule, getImportResolver, targetKey, type ImportTarget } from '../../lib/imports.js';
import { probeCalls, probeOne, type LintOptions } from './probe.js';

/** What `probe(<expression>)` resolves to. */
function resolve(code: string, options?: LintOptions): ImportTarget | null {
  return probeOne(code, (context, node) => getImportResolver(context.sourceCode)(node), options);
}

/** What every `probe(<expression>)` resolves to, as `module:path` keys (or null). */
function resolveAll(code: string, options?: LintOptions): (string | null)[] {
  return probeCalls(
    code,
    (context, call) => {
      const [argument] = call.arguments;
      if (!argument) throw new Error('probe() without argument');
      const target = getImportResolver(context.sourceCode)(argument);
      return target ? targetKey(target) : null;
    },
    options,
  );
}

describe('canonicalModule', () => {
  it('drops the node: prefix of builtins that exist without it', () => {
    expect(canonicalModule('node:fs')).toBe('fs');
    expect(canonicalModule('node:fs/promises')).toBe('fs/promises');
    expect(canonicalModule('node:child_process')).toBe('child_process');
  });

  it('keeps the prefix of builtins that exist only with it', () => {
    expect(canonicalModule('node:test')).toBe('node:test');
    expect(canonicalModule('node:sqlite')).toBe('node:sqlite');
  });

  it('leaves packages and relative specifiers alone', () => {
    expect(canonicalModule('fs-extra')).toBe('fs-extra');
    expect(canonicalModule('./store.js')).toBe('./store.js');
    expect(canonicalModule('@scope/pkg/sub')).toBe('@scope/pkg/sub');
  });
});

describe('targetKey', () => {
  it('joins module and path', () => {
    expect(targetKey({ module: 'fs', path: ['promises', 'readFile'] })).toBe('fs:promises.readFile');
    expect(targetKey({ module: 'axios', path: [] })).toBe('axios:');
  });
});

describe('ES imports', () => {
  it('resolves named, aliased, default and namespace imports', () => {
    const code = `
      import { readFileSync, writeFileSync as write } from 'fs';
      import * as cp from 'node:child_process';
      import axios from 'axios';
      import got, { post } from 'got';
      import { default as glob } from 'fast-glob';

      export function build(dir: string) {
        probe(readFileSync);
        probe(write);
        probe(cp.execSync);
        probe(cp);
        probe(axios.get);
        probe(axios);
        probe(got);
        probe(post);
        probe(glob);
      }
    `;
    expect(resolveAll(code)).toEqual([
      'fs:readFileSync',
      'fs:writeFileSync',
      'child_process:execSync',
      'child_process:',
      'axios:get',
      'axios:',
      'got:',
      'got:post',
      'fast-glob:',
    ]);
  });

  it('canonicalises node: specifiers, except node:test', () => {
    const code = `
      import { readFile } from 'node:fs/promises';
      import { test, describe as suite } from 'node:test';
      import timers from 'node:timers/promises';
      probe(readFile);
      probe(test);
      probe(suite);
      probe(timers.setTimeout);
    `;
    expect(resolveAll(code)).toEqual([
      'fs/promises:readFile',
      'node:test:test',
      'node:test:describe',
      'timers/promises:setTimeout',
    ]);
  });

  it('resolves a string-named import specifier', () => {
    expect(resolve(`import { "readFile" as rf } from 'fs/promises'; probe(rf);`)).toEqual({
      module: 'fs/promises',
      path: ['readFile'],
    });
  });

  it('resolves a member chain read through optional chaining, `!` and `as`', () => {
    const code = `
      import * as fs from 'fs';
      probe(fs?.readFileSync);
      probe(fs!.statSync);
      probe((fs as typeof import('fs')).existsSync);
      probe(fs['readdirSync']);
    `;
    expect(resolveAll(code)).toEqual(['fs:readFileSync', 'fs:statSync', 'fs:existsSync', 'fs:readdirSync']);
  });

  it('gives null for a member whose name is computed at runtime', () => {
    expect(resolve(`import * as fs from 'fs'; declare const name: string; probe(fs[name]);`)).toBeNull();
  });

  it('resolves relative imports to their specifier', () => {
    expect(resolve(`import { save } from './store.js'; probe(save);`)).toEqual({ module: './store.js', path: ['save'] });
  });
});

describe('the promises twins', () => {
  it('treats fs.promises.readFile as fs/promises readFile', () => {
    const code = `
      import fs from 'node:fs';
      import * as dns from 'dns';
      import { promises as fsp } from 'fs';
      const { promises } = require('fs');
      probe(fs.promises.readFile);
      probe(fsp.readFile);
      probe(promises.writeFile);
      probe(require('fs').promises.stat);
      probe(dns.promises.lookup);
      probe(fs.promises);
    `;
    expect(resolveAll(code)).toEqual([
      'fs/promises:readFile',
      'fs/promises:readFile',
      'fs/promises:writeFile',
      'fs/promises:stat',
      'dns/promises:lookup',
      'fs/promises:',
    ]);
  });

  it('does not invent twins for modules without one', () => {
    expect(resolve(`import cp from 'child_process'; probe(cp.promises.exec);`)).toEqual({
      module: 'child_process',
      path: ['promises', 'exec'],
    });
  });
});

describe('require', () => {
  it('resolves require() with and without destructuring', () => {
    const code = `
      const fs = require('node:fs');
      const { execSync, spawnSync: spawn } = require('child_process');
      const { promises: { readFile } } = require('fs');
      const { readdirSync = () => [] } = require('fs');
      const zlib = require('zlib').gzipSync;
      probe(fs.readFileSync);
      probe(execSync);
      probe(spawn);
      probe(readFile);
      probe(readdirSync);
      probe(zlib);
      probe(require('crypto').pbkdf2Sync);
    `;
    expect(resolveAll(code, { sourceType: 'commonjs' })).toEqual([
      'fs:readFileSync',
      'child_process:execSync',
      'child_process:spawnSync',
      'fs/promises:readFile',
      'fs:readdirSync',
      'zlib:gzipSync',
      'crypto:pbkdf2Sync',
    ]);
  });

  it('gives null for rest elements and array patterns', () => {
    const code = `
      const { readFileSync, ...rest } = require('fs');
      const [first] = require('fs');
      probe(rest);
      probe(first);
      probe(readFileSync);
    `;
    expect(resolveAll(code, { sourceType: 'commonjs' })).toEqual([null, null, 'fs:readFileSync']);
  });

  it('sees through the namespace helpers of compiled TypeScript and Babel', () => {
    const code = `
      var __importStar = (this && this.__importStar) || function (mod) { return mod; };
      const fs = __importStar(require("fs"));
      const cp = tslib.__importStar(require('node:child_process'));
      const zlib = _interopRequireWildcard(require('zlib'));
      const other = wrap(require('fs'));
      probe(fs.readFileSync);
      probe(cp.execSync);
      probe(zlib.gzipSync);
      probe(other.readFileSync);
    `;
    expect(resolveAll(code, { sourceType: 'commonjs' })).toEqual(['fs:readFileSync', 'child_process:execSync', 'zlib:gzipSync', null]);
  });

  it('ignores a require that is the user’s own function', () => {
    const code = `
      function require(name: string) { return { readFileSync: () => name }; }
      const fs = require('fs');
      probe(fs.readFileSync);
    `;
    expect(resolve(code)).toBeNull();
  });

  it('follows the require an ES module makes with createRequire', () => {
    const code = `
      import { createRequire } from 'node:module';
      import * as nodeModule from 'module';
      const require = createRequire(import.meta.url);
      const fs = require('fs');
      probe(fs.readFileSync);
      export function load() {
        const require = nodeModule.createRequire(import.meta.url);
        probe(require('child_process').execSync);
      }
    `;
    expect(resolveAll(code)).toEqual(['fs:readFileSync', 'child_process:execSync']);
  });

  it('ignores a require made by something else', () => {
    const code = `
      declare function makeLoader(): (name: string) => unknown;
      const require = makeLoader();
      probe(require('fs'));
    `;
    expect(resolve(code)).toBeNull();
  });

  it('ignores require() with a computed specifier', () => {
    expect(resolve(`declare const name: string; const m = require(name); probe(m.readFileSync);`)).toBeNull();
  });

  it('resolves `import fs = require("fs")`', () => {
    const code = `
      import fs = require('fs');
      import cp = require('node:child_process');
      probe(fs.readFileSync);
      probe(cp.execSync);
    `;
    expect(resolveAll(code)).toEqual(['fs:readFileSync', 'child_process:execSync']);
  });

  it('gives null for `import x = Namespace.member`', () => {
    expect(resolve(`namespace NS { export const a = 1; } import a = NS.a; probe(a);`)).toBeNull();
  });
});

describe('dynamic import', () => {
  it('resolves (await import("fs")).readFileSync', () => {
    const code = `
      export async function load() {
        probe((await import('node:fs')).readFileSync);
        const fsp = await import('fs/promises');
        probe(fsp.readFile);
      }
    `;
    expect(resolveAll(code)).toEqual(['fs:readFileSync', 'fs/promises:readFile']);
  });

  it('gives null for an awaited value that is not an import', () => {
    expect(resolve(`export async function f(p: Promise<any>) { probe((await p).readFileSync); }`)).toBeNull();
  });
});

describe('globals', () => {
  it('resolves unbound identifiers to the global module', () => {
    const code = `
      export async function get(url: string) {
        probe(fetch);
        probe(globalThis.fetch);
        probe(window.fetch);
        probe(Promise.all);
        probe(navigator.clipboard.writeText);
        probe(globalThis.process.exit);
      }
    `;
    expect(resolveAll(code)).toEqual([
      `${GLOBAL}:fetch`,
      `${GLOBAL}:fetch`,
      `${GLOBAL}:fetch`,
      `${GLOBAL}:Promise.all`,
      `${GLOBAL}:navigator.clipboard.writeText`,
      `${GLOBAL}:process.exit`,
    ]);
  });

  it('gives null for `undefined`', () => {
    expect(resolve(`probe(undefined);`)).toBeNull();
  });

  it('does not resolve a local function named like a global', () => {
    const code = `
      function fetch(url: string) { return url.length; }
      probe(fetch);
      export function inner() {
        const Promise = { all: (xs: unknown[]) => xs };
        probe(Promise.all);
      }
    `;
    expect(resolveAll(code)).toEqual([null, null]);
  });

  it('does not resolve a parameter that shadows a global', () => {
    expect(resolve(`export function f(fetch: (u: string) => void) { probe(fetch); }`)).toBeNull();
  });
});

describe('variables', () => {
  it('follows a const alias of an import', () => {
    const code = `
      import * as fs from 'fs';
      const read = fs.readFileSync;
      const { writeFileSync } = fs;
      const f = fetch;
      probe(read);
      probe(writeFileSync);
      probe(f);
    `;
    expect(resolveAll(code)).toEqual(['fs:readFileSync', 'fs:writeFileSync', `${GLOBAL}:fetch`]);
  });

  it('gives null for a variable assigned again', () => {
    const code = `
      import * as fs from 'fs';
      let read = fs.readFileSync;
      if (Math.random() > 0.5) read = () => Buffer.from('');
      probe(read);
    `;
    expect(resolve(code)).toBeNull();
  });

  it('gives null for a variable without initializer', () => {
    const code = `
      import * as fs from 'fs';
      let read: typeof fs.readFileSync;
      read = fs.readFileSync;
      probe(read);
    `;
    expect(resolve(code)).toBeNull();
  });

  it('gives null for a declaration repeated with var', () => {
    expect(resolve(`var fs = require('fs'); var fs = require('path'); probe(fs.join);`, { sourceType: 'script' })).toBeNull();
  });

  it('gives null for other calls and expressions', () => {
    const code = `
      import * as fs from 'fs';
      declare function make(): typeof fs;
      probe(make().readFileSync);
      probe((Math.random() ? fs : fs).readFileSync);
    `;
    expect(resolveAll(code)).toEqual([null, null]);
  });

  it('does not loop on self-referencing variables', () => {
    const code = `
      const a: any = a.b;
      probe(a.c);
    `;
    expect(resolve(code)).toBeNull();
  });
});

describe('the resolver', () => {
  it('is one per file and caches its answers', () => {
    const [first, again] = probeCalls(`import * as fs from 'fs'; probe(fs.readFileSync); probe(0);`, (context, call) => {
      const resolver = getImportResolver(context.sourceCode);
      expect(getImportResolver(context.sourceCode)).toBe(resolver);
      const [argument] = call.arguments;
      return argument ? [resolver(argument), resolver(argument)] : null;
    });
    expect(first?.[0]).toEqual({ module: 'fs', path: ['readFileSync'] });
    expect(first?.[1]).toBe(first?.[0]);
    expect(again).toEqual([null, null]);
  });
});
