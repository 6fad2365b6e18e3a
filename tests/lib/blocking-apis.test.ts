import { describe, expect, it } from 'vitest';
import {
  blockingApis,
  blockingFactories,
  blockingTextTest,
  catalogNames,
  lookupBlockingApi,
  twinName,
  type BlockingApi,
} from '../../lib/catalogs/blocking-apis.js';
import { GLOBAL } from '../../lib/imports.js';

const lookup = (module: string, ...path: string[]): BlockingApi | null => lookupBlockingApi(blockingApis, module, path);

describe('blocking catalog: what the issue asks for', () => {
  it('knows every node:fs *Sync, with drop-in twins from node:fs/promises where they exist', () => {
    expect(lookup('fs', 'readFileSync')?.twin).toEqual({ module: 'fs/promises', name: 'readFile' });
    expect(lookup('fs', 'writeFileSync')?.twin).toEqual({ module: 'fs/promises', name: 'writeFile' });
    expect(lookup('fs', 'realpathSync', 'native')?.twin).toEqual({ module: 'fs/promises', name: 'realpath' });
    // No drop-in: `exists` has no promise twin; fd-based calls take a FileHandle there.
    expect(lookup('fs', 'existsSync')).toMatchObject({ instead: expect.stringContaining('access') as unknown });
    expect(lookup('fs', 'existsSync')?.twin).toBeUndefined();
    expect(lookup('fs', 'openSync')?.twin).toBeUndefined();
    // Exports the catalog does not list by name still block (`*Sync`).
    expect(lookup('fs', 'fchmodSync')).not.toBeNull();
    expect(lookup('fs', 'someFutureSync')).not.toBeNull();
  });

  it('does not take fs promise APIs, callback APIs or `Sync` itself for blocking calls', () => {
    expect(lookup('fs', 'readFile')).toBeNull();
    expect(lookup('fs/promises', 'readFile')).toBeNull();
    expect(lookup('fs', 'Sync')).toBeNull();
    expect(lookup('fs', 'promises', 'readFileSync')).toBeNull();
  });

  it('knows child_process, zlib, crypto and Atomics.wait', () => {
    for (const name of ['execSync', 'execFileSync', 'spawnSync']) expect(lookup('child_process', name)).not.toBeNull();
    expect(lookup('child_process', 'exec')).toBeNull();
    expect(lookup('zlib', 'gzipSync')?.twin).toEqual({ module: 'zlib', name: '*', promisify: true });
    expect(lookup('zlib', 'brotliDecompressSync')).not.toBeNull();
    expect(lookup('zlib', 'gzip')).toBeNull();
    for (const name of ['pbkdf2Sync', 'scryptSync', 'generateKeyPairSync', 'generatePrimeSync', 'randomFillSync']) {
      expect(lookup('crypto', name), name).not.toBeNull();
    }
    expect(lookup('crypto', 'randomUUID')).toBeNull();
    expect(lookup(GLOBAL, 'Atomics', 'wait')).not.toBeNull();
    expect(lookup(GLOBAL, 'Atomics', 'waitAsync')).toBeNull();
  });

  it('knows the popular blocking packages', () => {
    expect(lookup('sleep', 'msleep')?.twin).toEqual({ module: 'timers/promises', name: 'setTimeout' });
    expect(lookup('sleep', 'sleep')?.twin).toBeUndefined();
    expect(lookup('system-sleep')?.twin?.name).toBe('setTimeout');
    expect(lookup('deasync', 'sleep')).not.toBeNull();
    expect(lookup('sync-request')).not.toBeNull();
    expect(lookup('readline-sync', 'question')).not.toBeNull();
    expect(lookup('readline-sync', 'keyInYN')).not.toBeNull();
    expect(lookup('fs-extra', 'readJsonSync')?.twin).toEqual({ module: 'fs-extra', name: '*' });
    expect(lookup('fs-extra', 'readJson')).toBeNull();
    expect(lookup('glob', 'sync')).not.toBeNull();
    expect(lookup('glob', 'globSync')?.twin).toEqual({ module: 'glob', name: 'glob' });
    expect(lookup('fast-glob', 'sync')).not.toBeNull();
    expect(lookup('execa', 'execaSync')?.twin).toEqual({ module: 'execa', name: 'execa' });
    expect(lookup('execa', 'sync')).not.toBeNull();
    expect(lookup('execa', 'execa')).toBeNull();
    expect(lookup('cross-spawn', 'sync')).not.toBeNull();
    expect(lookup('cross-spawn')).toBeNull();
  });

  it('says why every entry blocks, and offers a twin or an alternative for each', () => {
    for (const [module, entries] of Object.entries({ ...blockingApis, ...blockingFactories })) {
      for (const [name, api] of Object.entries(entries)) {
        expect(api.why, `${module}:${name}`).toMatch(/^[a-z].*[^.]$/);
        expect(api.twin !== undefined || api.instead !== undefined, `${module}:${name} has neither twin nor instead`).toBe(true);
      }
    }
  });
});

describe('twinName', () => {
  it('resolves `*` to the name without `Sync`', () => {
    const api: BlockingApi = { why: 'blocks', twin: { module: 'fs-extra', name: '*' } };
    expect(twinName(api, 'readJsonSync')).toBe('readJson');
    expect(twinName(api, 'weird')).toBeNull();
    expect(twinName({ why: 'blocks', twin: { module: 'fs/promises', name: 'readFile' } }, 'readFileSync')).toBe('readFile');
    expect(twinName({ why: 'blocks', instead: '`x`' }, 'readFileSync')).toBeNull();
  });
});

describe('catalogNames', () => {
  it('lists the last names callees can have, for pre-checks', () => {
    const names = catalogNames(blockingApis);
    expect(names.has('readFileSync')).toBe(true);
    expect(names.has('wait')).toBe(true);
    expect(names.has('native')).toBe(true);
    expect(names.has('readFile')).toBe(false);
  });
});

describe('blockingTextTest', () => {
  const mayBlock = blockingTextTest([blockingApis, blockingFactories]);

  it('passes source that names a catalog module, Atomics, or has a loop and a clock read', () => {
    expect(mayBlock(`import { readFileSync } from 'node:fs';`)).toBe(true);
    expect(mayBlock(`const cp = require("child_process");`)).toBe(true);
    expect(mayBlock('const fse = await import(`fs-extra`);')).toBe(true);
    expect(mayBlock(`import { readFile } from 'fs/promises';`)).toBe(true);
    expect(mayBlock(`Atomics.wait(flags, 0, 0);`)).toBe(true);
    expect(mayBlock(`const end = Date.now() + 5;\nwhile (busy) {}`)).toBe(true);
  });

  it('rejects source that cannot block', () => {
    expect(mayBlock(`import express from 'express';\nexport async function f() { return fetch('/'); }`)).toBe(false);
    expect(mayBlock(`import { load } from './fs';\nimport sleepy from 'sleepy';`)).toBe(false);
    expect(mayBlock(`const started = Date.now();`)).toBe(false);
    expect(mayBlock(`for (const item of items) console.log(item);`)).toBe(false);
  });
});
