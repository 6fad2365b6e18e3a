/**
 * Which files a tsconfig.json covers, so that `async-pitfalls` can switch on
 * type information file by file: the nearest tsconfig.json above a file (then
 * the next one up, as TypeScript's project service does) whose file list, or
 * the file list of a project it references, includes the file.
 *
 * A tsconfig.json that TypeScript cannot read (bad JSON, a missing `extends`,
 * an unknown option) is an error the user has to see, not a silent switch to
 * syntax-only linting.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type TS from 'typescript';

/** A tsconfig.json that TypeScript rejects: exit code 2. */
export class BrokenTsconfigError extends Error {
  override name = 'BrokenTsconfigError';
  constructor(
    readonly tsconfigPath: string,
    readonly detail: string,
  ) {
    super(`${tsconfigPath} is broken: ${detail} Fix it, or lint without type information (--no-types).`);
  }
}

/** TS18003 "No inputs were found in config file": an empty project is not a broken one. */
const NO_INPUTS = 18003;

export class TsconfigCoverage {
  /** tsconfig path -> the absolute files of it and of the projects it references. */
  private readonly projects = new Map<string, ReadonlySet<string>>();
  /** folder -> the tsconfig.json files at or above it, nearest first. */
  private readonly chains = new Map<string, Promise<readonly string[]>>();

  constructor(private readonly ts: typeof TS) {}

  /** The tsconfig.json that gives `file` its types, or undefined when none covers it. */
  async tsconfigFor(file: string): Promise<string | undefined> {
    const absolute = path.resolve(file);
    const chain = await this.chainFor(path.dirname(absolute));
    return chain.find((tsconfig) => this.filesOf(tsconfig).has(absolute));
  }

  private chainFor(folder: string): Promise<readonly string[]> {
    const known = this.chains.get(folder);
    if (known) return known;
    const chain = (async () => {
      const parent = path.dirname(folder);
      const above = parent === folder ? [] : await this.chainFor(parent);
      const here = path.join(folder, 'tsconfig.json');
      return (await exists(here)) ? [here, ...above] : above;
    })();
    this.chains.set(folder, chain);
    return chain;
  }

  private filesOf(tsconfig: string, seen = new Set<string>()): ReadonlySet<string> {
    const known = this.projects.get(tsconfig);
    if (known) return known;
    seen.add(tsconfig);
    const parsed = this.parse(tsconfig);
    const files = new Set(parsed.fileNames.map((file) => path.resolve(file)));
    for (const reference of parsed.projectReferences ?? []) {
      const referenced = path.resolve(this.ts.resolveProjectReferencePath(reference));
      if (seen.has(referenced) || !this.ts.sys.fileExists(referenced)) continue;
      for (const file of this.filesOf(referenced, seen)) files.add(file);
    }
    this.projects.set(tsconfig, files);
    return files;
  }

  private parse(tsconfig: string): TS.ParsedCommandLine {
    const { ts } = this;
    const describe = (diagnostic: TS.Diagnostic): string => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      if (!diagnostic.file || diagnostic.start === undefined) return text;
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `line ${String(line + 1)}, column ${String(character + 1)}: ${text}`;
    };
    // `getParsedCommandLineOfConfigFile` reads bad JSON leniently and keeps quiet about it.
    const { error: syntaxError } = ts.readConfigFile(tsconfig, (file) => ts.sys.readFile(file));
    if (syntaxError) throw new BrokenTsconfigError(tsconfig, describe(syntaxError));
    const host: TS.ParseConfigFileHost = {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new BrokenTsconfigError(tsconfig, describe(diagnostic));
      },
    };
    const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, host);
    if (!parsed) throw new BrokenTsconfigError(tsconfig, 'TypeScript could not read it');
    const errors = parsed.errors.filter((diagnostic) => diagnostic.code !== NO_INPUTS);
    const [first] = errors;
    if (first) throw new BrokenTsconfigError(tsconfig, describe(first));
    return parsed;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
