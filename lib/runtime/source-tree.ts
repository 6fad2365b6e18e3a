/**
 * Running a TypeScript entry of lib/runtime with plain Node, from the sources:
 * the entry and every file it imports by relative path are transpiled once
 * (`ts.transpileModule`, the repository's isolated-modules settings) into
 * node_modules/.cache/async-pitfalls-runtime/<content hash>/, keeping their
 * layout, so that package imports resolve as they do in the repository. Needed
 * for worker threads (Vitest does not transform them) and for `node --import`;
 * the built package (dist/) never uses it.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The path of the runnable JavaScript for a TypeScript entry file of this repository. */
export async function runnableFromSources(entry: string, tsModule: typeof ts): Promise<string> {
  const files = new Map<string, string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    const text = await readFile(file, 'utf8');
    files.set(file, text);
    for (const [, specifier = ''] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      pending.push(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  }
  const hash = createHash('sha256');
  for (const [file, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) hash.update(file).update(text);
  const outDir = path.join(root, 'node_modules', '.cache', 'async-pitfalls-runtime', hash.digest('hex').slice(0, 16));
  const output = (file: string): string => path.join(outDir, path.relative(root, file)).replace(/\.ts$/, '.js');
  if (!(await exists(output(entry)))) {
    // Written aside and renamed into place, so that a parallel test process never loads a half-written tree.
    const staging = `${outDir}.${String(process.pid)}-${String(Date.now())}`;
    for (const [file, text] of files) {
      const js = tsModule.transpileModule(text, {
        fileName: file,
        compilerOptions: { module: tsModule.ModuleKind.ESNext, target: tsModule.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      }).outputText;
      const out = path.join(staging, path.relative(root, file)).replace(/\.ts$/, '.js');
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, js);
    }
    await writeFile(path.join(staging, 'package.json'), '{ "type": "module" }\n');
    try {
      await rename(staging, outDir);
    } catch {
      // Another process got there first, with the same content.
      await rm(staging, { recursive: true, force: true });
    }
  }
  return output(entry);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
