/**
 * The host side of the runtime shim: `runSnippet(code)` type-checks a
 * TypeScript snippet with the TypeScript checker, transpiles it with
 * `ts.transpileModule`, and runs it in one long-lived worker thread
 * (lib/runtime/worker.ts), one snippet at a time. The worker is replaced
 * after a run that timed out, called `process.exit` or left timers or I/O
 * running, so every run starts clean. See lib/runtime/README.md for the
 * snippet conventions.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type * as ts from 'typescript';
import { functionSpans } from './function-spans.js';
import type { MockSpec, RunRequest, RunResponse, WorkerReport } from './protocol.js';
import type { HazardReport } from './report.js';
import { runnableFromSources } from './source-tree.js';

export interface RunOptions {
  /** Globals standing in for the operations the snippet declares; see `MockSpec`. */
  readonly mocks?: Readonly<Record<string, MockSpec>>;
  /** Files in the snippet's working directory (relative paths resolve there). */
  readonly files?: Readonly<Record<string, string>>;
  /** Give up after this long (default 3000 ms); the worker is replaced. */
  readonly timeoutMs?: number;
  /** Type-check the snippet first (default true). */
  readonly typeCheck?: boolean;
}

const DEFAULT_TIMEOUT_MS = 3000;
/** Extra time the host grants before it decides the worker itself is stuck (a synchronous endless loop). */
const HOST_GRACE_MS = 2000;
const here = fileURLToPath(import.meta.url);
const load = createRequire(import.meta.url);

/** Type-checks, transpiles and runs a snippet; never throws for problems of the snippet itself. */
export async function runSnippet(code: string, options: RunOptions = {}): Promise<HazardReport> {
  const tsModule = typescript();
  const typeErrors = options.typeCheck === false ? [] : checker().check(code);
  const output = tsModule.transpileModule(code, {
    fileName: 'snippet.ts',
    compilerOptions: {
      module: tsModule.ModuleKind.CommonJS,
      target: tsModule.ScriptTarget.ES2022,
      esModuleInterop: true,
      sourceMap: true,
    },
  });
  const report = await host.run({
    js: output.outputText,
    map: output.sourceMapText ?? '{"version":3,"sources":[],"mappings":""}',
    spans: functionSpans(tsModule, code, 'snippet.ts'),
    mocks: options.mocks ?? {},
    files: options.files ?? {},
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  return { ...report, typeErrors };
}

/** TypeScript's errors for the snippet, `line:column message`; [] when it type-checks. */
export function typeCheckSnippet(code: string): string[] {
  return checker().check(code);
}

/** Stops the worker (tests call it in `afterAll`; it is `unref`'d, so a process can also just exit). */
export async function closeRuntime(): Promise<void> {
  await host.close();
}

// ---- type checking ----

interface Checker {
  check(code: string): string[];
}

let checkerInstance: Checker | null = null;

function typescript(): typeof ts {
  return load('typescript') as typeof ts;
}

function checker(): Checker {
  checkerInstance ??= createChecker(typescript());
  return checkerInstance;
}

/** The directory whose node_modules holds `@types/node` (the package root in the sources and in dist/). */
function packageRoot(): string {
  let dir = path.dirname(here);
  while (!existsSync(path.join(dir, 'node_modules', '@types', 'node'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/**
 * One program, rebuilt for each snippet from cached library files: only the
 * snippet is parsed and checked again (tens of milliseconds after the first).
 * The options are those of tests/fixtures/tsconfig.json, where the typed docs
 * examples are linted, with ES-module semantics so top-level `await` checks.
 */
function createChecker(tsModule: typeof ts): Checker {
  const root = packageRoot();
  const file = path.join(root, '__async_pitfalls_snippet__.ts');
  const options: ts.CompilerOptions = {
    target: tsModule.ScriptTarget.ES2022,
    module: tsModule.ModuleKind.ESNext,
    moduleResolution: tsModule.ModuleResolutionKind.Bundler,
    moduleDetection: tsModule.ModuleDetectionKind.Force,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  };
  const base = tsModule.createCompilerHost(options);
  const cache = new Map<string, ts.SourceFile | undefined>();
  let text = '';
  let previous: ts.Program | undefined;
  const host: ts.CompilerHost = {
    ...base,
    getCurrentDirectory: () => root,
    fileExists: (name) => name === file || base.fileExists(name),
    readFile: (name) => (name === file ? text : base.readFile(name)),
    getSourceFile(name, languageVersion, onError) {
      if (name === file) return tsModule.createSourceFile(name, text, languageVersion, true);
      if (!cache.has(name)) cache.set(name, base.getSourceFile(name, languageVersion, onError));
      return cache.get(name);
    },
  };
  return {
    check(code) {
      text = code;
      const program = tsModule.createProgram({ rootNames: [file], options, host, oldProgram: previous });
      previous = program;
      const source = program.getSourceFile(file);
      return tsModule.getPreEmitDiagnostics(program, source).map((diagnostic) => {
        const message = tsModule.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        if (!diagnostic.file || diagnostic.start === undefined) return message;
        const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
        return `${String(line + 1)}:${String(character + 1)} ${message}`;
      });
    },
  };
}

// ---- the worker ----

type Request = Omit<RunRequest, 'type' | 'id'>;

interface Pending {
  readonly id: number;
  readonly request: Request;
  resolve(report: WorkerReport): void;
  readonly timer: NodeJS.Timeout;
}

class WorkerHost {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private stderr = '';

  /** Runs requests one at a time, in the order they came. */
  run(request: Request): Promise<WorkerReport> {
    const result = this.queue.then(() => this.runNow(request));
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.queue;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private async runNow(request: Request): Promise<WorkerReport> {
    const worker = await this.ensureWorker();
    return new Promise((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        // The worker did not answer even after its own deadline: a synchronous endless loop. Only terminating it stops that.
        this.finish(failedReport(true, `The snippet did not finish in ${String(request.timeoutMs)} ms (the worker was stuck and has been replaced).`), true);
      }, request.timeoutMs + HOST_GRACE_MS);
      this.pending = { id, request, resolve, timer };
      worker.ref();
      worker.postMessage({ type: 'run', id, ...request } satisfies RunRequest);
    });
  }

  private finish(report: WorkerReport, replace: boolean): void {
    const pending = this.pending;
    this.pending = null;
    if (pending) clearTimeout(pending.timer);
    if (replace) this.discard();
    else this.worker?.unref();
    pending?.resolve(report);
  }

  private discard(): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      worker.terminate().catch(() => undefined);
    }
  }

  private async ensureWorker(): Promise<Worker> {
    if (this.worker) return this.worker;
    const worker = new Worker(await workerEntry(), { stdout: true, stderr: true });
    this.stderr = '';
    worker.stdout.resume();
    worker.stderr.setEncoding('utf8');
    worker.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    worker.on('message', (message: RunResponse | { type: 'crash'; id: number; error: string }) => {
      if (message.id !== this.pending?.id) return;
      if (message.type === 'crash') this.finish(failedReport(false, `The shim failed: ${message.error}`), true);
      else this.finish(message.report, message.replace);
    });
    const died = (why: string): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.finish(failedReport(false, `The shim's worker ${why}.${this.stderr ? `\n${this.stderr}` : ''}`), false);
    };
    worker.on('error', (error) => {
      died(`crashed: ${error.stack ?? error.message}`);
    });
    worker.on('exit', (code) => {
      died(`exited with code ${String(code)}`);
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

const host = new WorkerHost();

function failedReport(timedOut: boolean, error: string): WorkerReport {
  return {
    unhandledRejections: [],
    lateSettlements: [],
    blockingCalls: [],
    yielded: null,
    order: [],
    constructorIo: [],
    result: undefined,
    error,
    uncaughtExceptions: [],
    leftoverHandles: [],
    exit: null,
    timedOut,
    neverSettled: null,
    assertions: [],
    tests: [],
    inFlight: { peak: 0, stack: null },
    requests: [],
    hasMain: false,
    durationMs: 0,
    stallMs: 0,
  };
}

/**
 * The worker's entry file: worker.js beside this file once built; from the
 * TypeScript sources (under Vitest, which does not transform worker threads),
 * worker.ts transpiled with the files it imports (lib/runtime/source-tree.ts).
 */
async function workerEntry(): Promise<URL> {
  if (here.endsWith('.js')) return new URL('./worker.js', import.meta.url);
  return pathToFileURL(await runnableFromSources(path.join(path.dirname(here), 'worker.ts'), typescript()));
}
