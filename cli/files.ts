/**
 * Which files `async-pitfalls` lints: JavaScript and TypeScript sources under
 * the given paths, minus what git ignores (.gitignore at any depth, the global
 * excludes, .git/info/exclude), node_modules and build output.
 *
 * In a git work tree the list comes from `git ls-files`, which applies the
 * ignore rules exactly as git does. Elsewhere (a folder that is not a
 * repository, or git missing) the folders are walked and the `.gitignore` of
 * the working directory is turned into ESLint ignore patterns.
 */
import { execFile } from 'node:child_process';
import type { Dirent, Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { convertIgnorePatternToMinimatch } from '@eslint/config-helpers';

export const LINTABLE_EXTENSIONS: readonly string[] = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'];

/** The file patterns the lint configs apply to. */
export const LINTABLE_GLOBS: string[] = LINTABLE_EXTENSIONS.map((extension) => `**/*${extension}`);

/** Build output, dependencies and generated files: never the code a person wrote. */
export const DEFAULT_IGNORES: string[] = [
  '**/node_modules/',
  '**/dist/',
  '**/build/',
  '**/out/',
  '**/coverage/',
  '**/.next/',
  '**/.nuxt/',
  '**/.output/',
  '**/.svelte-kit/',
  '**/.turbo/',
  '**/.cache/',
  '**/*.min.js',
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
];

/** Folder names the walk never enters (the folder forms of DEFAULT_IGNORES, and .git). */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.output', '.svelte-kit', '.turbo', '.cache']);

/** A path named on the command line does not exist: exit code 2. */
export class MissingPathError extends Error {
  override name = 'MissingPathError';
  constructor(readonly target: string) {
    super(`No such file or directory: ${target}`);
  }
}

export interface FileListing {
  /** Absolute paths, sorted. */
  files: string[];
  /** The folder every target and the working directory sit in: ESLint's base path. */
  base: string;
  /** Targets whose .gitignore rules git itself applied, and those walked without git. */
  gitignore: 'git' | 'file' | 'mixed';
  /** ESLint ignore patterns relative to `base`: the .gitignore files of the walked targets. */
  extraIgnores: string[];
}

export function isLintable(file: string): boolean {
  return LINTABLE_EXTENSIONS.some((extension) => file.endsWith(extension));
}

/**
 * The candidate files under `targets` (relative to `cwd` or absolute). A file
 * named explicitly is kept even when git ignores it: the user asked for it.
 * ESLint's own ignores (DEFAULT_IGNORES) are applied by the caller.
 */
export async function listFiles(cwd: string, targets: readonly string[]): Promise<FileListing> {
  const absolute = targets.map((target) => path.resolve(cwd, target));
  const stats = await Promise.all(absolute.map(statOrUndefined));
  const missing = stats.findIndex((found) => found === undefined);
  if (missing >= 0) throw new MissingPathError(targets[missing] ?? '');
  const base = commonFolder([cwd, ...absolute.map((target, index) => (stats[index]?.isDirectory() === true ? target : path.dirname(target)))]);

  const files = new Set<string>();
  const extraIgnores = new Set<string>();
  let byGit = 0;
  let walked = 0;
  for (const [index, target] of absolute.entries()) {
    if (stats[index]?.isDirectory() !== true) {
      files.add(target);
      continue;
    }
    const fromGit = await gitListFiles(target);
    if (fromGit) {
      byGit += 1;
      for (const file of fromGit) if (isLintable(file) && (await statOrUndefined(file))?.isFile() === true) files.add(file);
      continue;
    }
    walked += 1;
    for (const file of await walk(target)) files.add(file);
    for (const pattern of await gitignoreChain(base, target)) extraIgnores.add(pattern);
  }
  return {
    files: [...files].sort(),
    base,
    gitignore: walked === 0 ? 'git' : byGit === 0 ? 'file' : 'mixed',
    extraIgnores: [...extraIgnores],
  };
}

/** `.gitignore` lines as ESLint (minimatch) ignore patterns relative to the file's folder. */
export function gitignorePatterns(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map(convertIgnorePatternToMinimatch);
}

/** The patterns of every .gitignore from `target` up to `base`, made relative to `base`. */
async function gitignoreChain(base: string, target: string): Promise<string[]> {
  const patterns: string[] = [];
  for (let folder = target; ; folder = path.dirname(folder)) {
    const text = await readFile(path.join(folder, '.gitignore'), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const prefix = path.relative(base, folder).split(path.sep).join('/');
      for (const pattern of gitignorePatterns(text)) patterns.push(rebase(prefix, pattern));
    }
    if (folder === base || path.dirname(folder) === folder) break;
  }
  return patterns;
}

function rebase(prefix: string, pattern: string): string {
  if (prefix === '') return pattern;
  const negated = pattern.startsWith('!');
  return `${negated ? '!' : ''}${prefix}/${negated ? pattern.slice(1) : pattern}`;
}

/** The deepest folder that holds all of `folders`. */
export function commonFolder(folders: readonly string[]): string {
  const [first = path.resolve('.'), ...rest] = folders.map((folder) => path.resolve(folder));
  let common = first;
  for (const folder of rest) {
    while (folder !== common && !folder.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) common = path.dirname(common);
  }
  return common;
}

/**
 * Files git tracks or would track under `folder`, absolute; undefined when
 * git cannot answer (not a work tree, git missing).
 */
function gitListFiles(folder: string): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.'],
      { cwd: folder, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => {
        if (error) {
          resolve(undefined);
          return;
        }
        resolve(
          stdout
            .split('\0')
            .filter((file) => file !== '')
            .map((file) => path.resolve(folder, file)),
        );
      },
    );
  });
}

async function walk(folder: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [folder];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to lint there
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && isLintable(entry.name)) {
        found.push(full);
      }
    }
  }
  return found;
}

/** Undefined for a missing path (or one tracked by git but deleted from the work tree). */
async function statOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await stat(file);
  } catch {
    return undefined;
  }
}
