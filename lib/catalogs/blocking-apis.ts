/**
 * Data: the synchronous calls that hold the event loop until they finish, by
 * module and export path, each with why it blocks and, where one exists, its
 * drop-in async twin. Keys use the canonical module names of `lib/imports`
 * (`fs`, not `node:fs`; globals under `<global>`; `''` is a module's default
 * export or the module itself when called).
 *
 * Two wildcards: `'*Sync'` stands for every export whose name ends in `Sync`
 * (entries listed by name win), `'*'` for every export of the module. A twin
 * named `'*'` is the export's own name without `Sync` (`readJsonSync` ->
 * `readJson`).
 *
 * A twin is drop-in: it takes the same arguments and resolves to what the
 * blocking call returns, so `await twin(...)` can replace the call as is
 * (`promisify: true`: `await promisify(twin)(...)`). Where no such twin
 * exists, `instead` names the async way to do it and no suggestion is made.
 */
import { GLOBAL } from '../globals.js';

export interface AsyncTwin {
  /** Canonical module name (`fs/promises`, `timers/promises`, `glob`). */
  readonly module: string;
  /** The export; `'*'` for the blocking export's name without `Sync`. */
  readonly name: string;
  /** The twin takes a Node-style callback: call it through `util.promisify`. */
  readonly promisify?: boolean;
}

export interface BlockingApi {
  /** What the call does while it holds the thread, as a clause: "reads the whole file". */
  readonly why: string;
  /** A drop-in async replacement; suggestions swap to it. */
  readonly twin?: AsyncTwin;
  /** The async way to do it when there is no drop-in twin (Markdown, code in backticks). */
  readonly instead?: string;
}

export type BlockingCatalog = Readonly<Record<string, Readonly<Record<string, BlockingApi>>>>;

const fsTwin = (name: string): AsyncTwin => ({ module: 'fs/promises', name });

/** `fs.<name>Sync` -> `fs/promises.<name>`: same arguments, same result. */
const FS_DROP_IN = [
  'access',
  'appendFile',
  'chmod',
  'chown',
  'copyFile',
  'cp',
  'lchown',
  'link',
  'lstat',
  'lutimes',
  'mkdir',
  'mkdtemp',
  'opendir',
  'readdir',
  'readFile',
  'readlink',
  'realpath',
  'rename',
  'rm',
  'rmdir',
  'stat',
  'statfs',
  'symlink',
  'truncate',
  'unlink',
  'utimes',
  'writeFile',
] as const;

const FS_WHY: Partial<Record<string, string>> = {
  readFile: 'reads the whole file',
  writeFile: 'writes the whole file',
  appendFile: 'writes to the file',
  readdir: 'lists the directory',
  copyFile: 'copies the file',
  cp: 'copies the whole tree',
  rm: 'deletes the whole tree',
  mkdir: 'creates the directories',
  stat: 'asks the file system',
  lstat: 'asks the file system',
  access: 'asks the file system',
  realpath: 'resolves every link in the path',
};

function fsEntries(): Record<string, BlockingApi> {
  const entries: Record<string, BlockingApi> = {
    '*Sync': { why: 'waits for the file system', instead: 'its counterpart in `node:fs/promises`' },
    existsSync: {
      why: 'asks the file system',
      instead: '`access` or `stat` from `node:fs/promises` (they reject when the path is missing)',
    },
    openSync: { why: 'opens the file', instead: '`open` from `node:fs/promises`, which gives a `FileHandle`' },
    readSync: { why: 'reads from the file', instead: '`FileHandle#read` from `node:fs/promises`' },
    writeSync: { why: 'writes to the file', instead: '`FileHandle#write` from `node:fs/promises`' },
    fsyncSync: { why: 'waits until the disk has the data', instead: '`FileHandle#sync` from `node:fs/promises`' },
    'realpathSync.native': { why: 'resolves every link in the path', twin: fsTwin('realpath') },
  };
  for (const name of FS_DROP_IN) {
    entries[`${name}Sync`] = { why: FS_WHY[name] ?? 'waits for the file system', twin: fsTwin(name) };
  }
  return entries;
}

const childProcessInstead = '`execFile` or `spawn` from `node:child_process` (through `util.promisify` for `execFile`)';

const sleepTwin: AsyncTwin = { module: 'timers/promises', name: 'setTimeout' };

export const blockingApis: BlockingCatalog = {
  fs: fsEntries(),
  child_process: {
    execSync: { why: 'runs the command and waits for it to exit', instead: childProcessInstead },
    execFileSync: { why: 'runs the program and waits for it to exit', instead: childProcessInstead },
    spawnSync: { why: 'runs the program and waits for it to exit', instead: '`spawn` from `node:child_process`' },
  },
  zlib: {
    '*Sync': { why: 'compresses or decompresses the whole buffer', twin: { module: 'zlib', name: '*', promisify: true } },
  },
  crypto: {
    pbkdf2Sync: { why: 'derives the key', twin: { module: 'crypto', name: 'pbkdf2', promisify: true } },
    scryptSync: { why: 'derives the key', instead: '`scrypt` from `node:crypto` (through `util.promisify`)' },
    generateKeyPairSync: {
      why: 'generates the key pair',
      instead: '`generateKeyPair` from `node:crypto` (through `util.promisify`)',
    },
    generatePrimeSync: { why: 'searches for a prime', instead: '`generatePrime` from `node:crypto`' },
    checkPrimeSync: { why: 'tests the prime', instead: '`checkPrime` from `node:crypto`' },
    randomFillSync: { why: 'fills the buffer', instead: '`randomFill` from `node:crypto`' },
  },
  [GLOBAL]: {
    'Atomics.wait': { why: 'suspends the thread until another thread notifies it', instead: '`Atomics.waitAsync`' },
  },
  // Packages.
  sleep: {
    sleep: { why: 'sleeps the whole thread', instead: '`setTimeout` from `node:timers/promises` (it takes milliseconds)' },
    msleep: { why: 'sleeps the whole thread', twin: sleepTwin },
    usleep: { why: 'sleeps the whole thread', instead: '`setTimeout` from `node:timers/promises` (it takes milliseconds)' },
  },
  'system-sleep': { '': { why: 'sleeps the whole thread', twin: sleepTwin } },
  deasync: {
    sleep: { why: 'spins the event loop from inside a call until the time is up', twin: sleepTwin },
    loopWhile: { why: 'spins the event loop from inside a call until the condition changes', instead: '`await` on a promise' },
    runLoopOnce: { why: 'runs the event loop from inside a call', instead: '`await` on a promise' },
  },
  'sync-request': { '': { why: 'waits for the whole HTTP exchange', instead: '`fetch`' } },
  'readline-sync': { '*': { why: 'waits for the user to type', instead: '`question` from `node:readline/promises`' } },
  'fs-extra': {
    '*Sync': { why: 'waits for the file system', twin: { module: 'fs-extra', name: '*' } },
  },
  'graceful-fs': { '*Sync': { why: 'waits for the file system', instead: 'its counterpart in `node:fs/promises`' } },
  glob: {
    sync: { why: 'walks the directory tree', twin: { module: 'glob', name: 'glob' } },
    globSync: { why: 'walks the directory tree', twin: { module: 'glob', name: 'glob' } },
    'glob.sync': { why: 'walks the directory tree', twin: { module: 'glob', name: 'glob' } },
  },
  'fast-glob': {
    sync: { why: 'walks the directory tree', twin: { module: 'fast-glob', name: 'glob' } },
    globSync: { why: 'walks the directory tree', twin: { module: 'fast-glob', name: 'glob' } },
  },
  globby: {
    globbySync: { why: 'walks the directory tree', twin: { module: 'globby', name: 'globby' } },
    sync: { why: 'walks the directory tree', instead: '`globby`' },
  },
  execa: {
    execaSync: { why: 'runs the command and waits for it to exit', twin: { module: 'execa', name: 'execa' } },
    execaCommandSync: { why: 'runs the command and waits for it to exit', twin: { module: 'execa', name: 'execaCommand' } },
    sync: { why: 'runs the command and waits for it to exit', instead: '`execa`' },
    commandSync: { why: 'runs the command and waits for it to exit', instead: '`execaCommand`' },
    '$.sync': { why: 'runs the command and waits for it to exit', instead: '`$`' },
    '$.s': { why: 'runs the command and waits for it to exit', instead: '`$`' },
  },
  'cross-spawn': { sync: { why: 'runs the program and waits for it to exit', instead: '`spawn` from `cross-spawn`' } },
  bcrypt: {
    hashSync: { why: 'hashes', twin: { module: 'bcrypt', name: 'hash' } },
    compareSync: { why: 'hashes', twin: { module: 'bcrypt', name: 'compare' } },
    genSaltSync: { why: 'generates the salt', twin: { module: 'bcrypt', name: 'genSalt' } },
  },
  bcryptjs: {
    hashSync: { why: 'hashes', twin: { module: 'bcryptjs', name: 'hash' } },
    compareSync: { why: 'hashes', twin: { module: 'bcryptjs', name: 'compare' } },
    genSaltSync: { why: 'generates the salt', twin: { module: 'bcryptjs', name: 'genSalt' } },
  },
  rimraf: {
    sync: { why: 'deletes the whole tree', instead: '`rimraf`' },
    rimrafSync: { why: 'deletes the whole tree', twin: { module: 'rimraf', name: 'rimraf' } },
  },
  mkdirp: {
    sync: { why: 'creates the directories', instead: '`mkdirp`' },
    mkdirpSync: { why: 'creates the directories', twin: { module: 'mkdirp', name: 'mkdirp' } },
  },
};

/**
 * Functions whose result is a blocking function, and why that function blocks:
 * `deasync(fs.readFile)` returns a `readFile` that spins the event loop from
 * inside the call until the wrapped callback has run.
 */
export const blockingFactories: BlockingCatalog = {
  deasync: {
    '': {
      why: 'spins the event loop from inside the call until the wrapped callback runs',
      instead: 'the wrapped function itself, through `util.promisify`',
    },
  },
};

/** The catalog entry for this module export, wildcards included; null when it does not block. */
export function lookupBlockingApi(
  catalog: BlockingCatalog,
  module: string,
  path: readonly string[],
): BlockingApi | null {
  const entries = catalog[module];
  if (!entries) return null;
  const key = path.join('.');
  const exact = entries[key];
  if (exact) return exact;
  if (path.length !== 1) return null;
  const [name = ''] = path;
  const sync = entries['*Sync'];
  if (sync && name.endsWith('Sync') && name.length > 'Sync'.length) return sync;
  return entries['*'] ?? null;
}

/** The twin's export name for this blocking export (`'*'` resolved); null when there is no twin. */
export function twinName(api: BlockingApi, blockingName: string): string | null {
  const twin = api.twin;
  if (!twin) return null;
  if (twin.name !== '*') return twin.name;
  return blockingName.endsWith('Sync') ? blockingName.slice(0, -'Sync'.length) : null;
}

const namesCache = new WeakMap<BlockingCatalog, ReadonlySet<string>>();

/** Every last name a catalog entry can be called by, for cheap syntactic pre-checks (computed once per catalog). */
export function catalogNames(catalog: BlockingCatalog): ReadonlySet<string> {
  const cached = namesCache.get(catalog);
  if (cached) return cached;
  const names = new Set<string>();
  for (const entries of Object.values(catalog)) {
    for (const key of Object.keys(entries)) {
      const last = key.split('.').pop();
      if (last) names.add(last);
    }
  }
  namesCache.set(catalog, names);
  return names;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const CLOCK_TEXT = /\b(?:Date\.now|performance\.now|hrtime|getTime|valueOf|new Date)\b/;
const LOOP_TEXT = /\b(?:while|for)\s*\(/;

/**
 * A text pre-check: source that can block somewhere names one of the
 * catalog's modules in quotes (`'node:fs'`, `"child_process"`, `'fs-extra'`),
 * `Atomics`, or has both a loop and a clock read. Source that does none of
 * this has no blocking call and no busy-wait in any function.
 */
export function blockingTextTest(catalogs: readonly BlockingCatalog[]): (text: string) => boolean {
  const modules = new Set<string>();
  for (const catalog of catalogs) for (const module of Object.keys(catalog)) if (module !== GLOBAL) modules.add(module);
  const names = [...modules].sort((a, b) => b.length - a.length).map(escape).join('|');
  const moduleText = new RegExp(`['"\`](?:node:)?(?:${names})(?:/[^'"\`]*)?['"\`]|\\bAtomics\\b`);
  return (text) => moduleText.test(text) || (LOOP_TEXT.test(text) && CLOCK_TEXT.test(text));
}
