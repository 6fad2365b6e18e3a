/**
 * Editors: the ESLint language server (`vscode-eslint-language-server --stdio`
 * from vscode-langservers-extracted, the server VS Code's ESLint extension,
 * Neovim's and Helix's configs use) opens a file of tests/fixtures/lsp/, whose
 * eslint.config.js uses the BUILT plugin, and answers with our diagnostic at
 * the right range, and with our suggestions as code actions.
 *
 * What the server needs, learnt the hard way: it answers pull requests
 * (`textDocument/diagnostic`, so the client must advertise the capability) and
 * never pushes `publishDiagnostics`; it asks for its settings through
 * `workspace/configuration` and silently lints nothing unless it gets the
 * whole settings object; `experimental.useFlatConfig: true` breaks it with
 * ESLint 10 (flat config is found without it).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, ensureBuilt, root } from './hosts/built.js';

const project = path.join(root, 'tests', 'fixtures', 'lsp');
const file = path.join(project, 'src', 'orders.ts');
const fileUri = pathToFileURL(file).href;
const serverScript = path.join(path.dirname(createRequire(import.meta.url).resolve('vscode-langservers-extracted/package.json')), 'bin', 'vscode-eslint-language-server');

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  message: string;
  code?: string | number;
  source?: string;
  severity?: number;
}
interface CodeAction {
  title: string;
  kind?: string;
  command?: { command: string; arguments?: unknown[] };
}

/** Every setting the server reads (vscode-eslint's `TextDocumentSettings`); leave one out and it lints nothing. */
export const serverSettings = {
  validate: 'on',
  packageManager: 'npm',
  useESLintClass: false,
  experimental: {},
  codeAction: {
    disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
    showDocumentation: { enable: true },
  },
  codeActionOnSave: { enable: false, mode: 'all' },
  format: false,
  quiet: false,
  onIgnoredFiles: 'off',
  options: {},
  rulesCustomizations: [],
  run: 'onType',
  problems: { shortenToSingleLine: false },
  nodePath: null,
  workingDirectory: { mode: 'location' },
  workspaceFolder: { name: 'lsp', uri: pathToFileURL(project).href },
};

/** A minimal LSP client over stdio: Content-Length framing, requests with ids, answers to the server's requests. */
class LspClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly stderr: string[] = [];
  /** The server's `window/logMessage` texts. */
  readonly log: string[] = [];

  constructor(
    private readonly server: ChildProcessWithoutNullStreams,
    private readonly answer: (method: string, params: unknown) => unknown,
  ) {
    server.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    server.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
  }

  request<T>(method: string, params: unknown, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${String(timeoutMs)} ms; server stderr: ${this.stderr.join('')}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.server.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${String(body.length)}\r\n\r\n`, 'ascii'), body]));
  }

  private drain(): void {
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = /Content-Length: (\d+)/iu.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1];
      if (length === undefined) throw new Error('LSP message without Content-Length');
      const start = headerEnd + 4;
      if (this.buffer.length < start + Number(length)) return;
      const message = JSON.parse(this.buffer.subarray(start, start + Number(length)).toString('utf8')) as {
        id?: number;
        method?: string;
        params?: unknown;
        result?: unknown;
        error?: { message: string };
      };
      this.buffer = this.buffer.subarray(start + Number(length));
      this.dispatch(message);
    }
  }

  private dispatch(message: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } }): void {
    if (message.method === 'window/logMessage' && message.id === undefined) {
      this.log.push((message.params as { message: string }).message);
    } else if (message.method !== undefined && message.id !== undefined) {
      this.send({ jsonrpc: '2.0', id: message.id, result: this.answer(message.method, message.params) });
    } else if (message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(message.error.message));
      else waiting?.resolve(message.result);
    }
  }
}

let server: ChildProcessWithoutNullStreams;
let client: LspClient;
/** `{ uri: edits }` for every `workspace/applyEdit` the server asked for (`changes` or `documentChanges`). */
const appliedEdits: unknown[] = [];

beforeAll(async () => {
  ensureBuilt();
  ({ server, client } = await startServer(serverSettings));
}, BUILD_TIMEOUT);

/** Start the server on tests/fixtures/lsp, answer its requests with `settings`, open src/orders.ts. */
async function startServer(settings: object): Promise<{ server: ChildProcessWithoutNullStreams; client: LspClient }> {
  const started = spawn(process.execPath, [serverScript, '--stdio'], { cwd: project, stdio: 'pipe' });
  const connection = new LspClient(started, (method, params) => {
    if (method === 'workspace/configuration') return (params as { items: unknown[] }).items.map(() => settings);
    if (method === 'workspace/applyEdit') {
      const { edit } = params as { edit: { changes?: Record<string, unknown[]>; documentChanges?: { textDocument: { uri: string }; edits: unknown[] }[] } };
      for (const change of edit.documentChanges ?? []) appliedEdits.push({ [change.textDocument.uri]: change.edits });
      for (const [uri, edits] of Object.entries(edit.changes ?? {})) appliedEdits.push({ [uri]: edits });
      return { applied: true };
    }
    return null; // client/registerCapability, window/workDoneProgress/create, ...
  });
  await connection.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(project).href,
    workspaceFolders: [{ uri: pathToFileURL(project).href, name: 'lsp' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, applyEdit: true },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll.eslint'] } } },
      },
    },
  });
  connection.notify('initialized', {});
  connection.notify('textDocument/didOpen', { textDocument: { uri: fileUri, languageId: 'typescript', version: 1, text: await readFile(file, 'utf8') } });
  return { server: started, client: connection };
}

async function stopServer(started: ChildProcessWithoutNullStreams, connection: LspClient): Promise<void> {
  if (started.exitCode !== null) return;
  await connection.request('shutdown', null, 5_000).catch(() => undefined);
  connection.notify('exit', null);
  started.kill();
}

afterAll(async () => {
  await stopServer(server, client);
});

describe('the ESLint language server with the built plugin', () => {
  let ours: Diagnostic | undefined;

  it('returns our diagnostic, with its rule id and range, to a pull request', { timeout: 90_000 }, async () => {
    const diagnostics = await pullDiagnostics();
    ours = diagnostics.find((diagnostic) => diagnostic.code === 'async-pitfalls/no-floating-promise');
    expect(ours, JSON.stringify(diagnostics)).toBeDefined();
    expect(ours?.source).toBe('eslint');
    expect(ours?.severity).toBe(1); // Error
    // `saveOrder(order);` on line 16 (0-based 15), the call expression: columns 2 to 18.
    expect(ours?.range).toEqual({ start: { line: 15, character: 2 }, end: { line: 15, character: 18 } });
    expect(ours?.message).toMatch(/not awaited/u);
  });

  it('offers our suggestions as code actions', async () => {
    if (!ours) throw new Error('no diagnostic from the previous test');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: fileUri },
      range: ours.range,
      context: { diagnostics: [ours], only: ['quickfix'] },
    });
    const titles = actions.map((action) => action.title);
    expect(titles).toContain('Await it, so that this code waits for it and receives its error. (async-pitfalls/no-floating-promise)');
    expect(titles).toContain('Handle its rejection with `.catch(console.error)`. (async-pitfalls/no-floating-promise)');
    const suggestion = actions.find((action) => action.title.startsWith('Await it'));
    expect(suggestion?.kind).toBe('quickfix');
    expect(suggestion?.command?.command).toBe('eslint.applySuggestion');

    // Choosing it: the server sends the edit back through `workspace/applyEdit`.
    const command = suggestion?.command;
    if (!command) throw new Error('the suggestion has no command');
    await client.request('workspace/executeCommand', { command: command.command, arguments: command.arguments });
    expect(appliedEdits).toEqual([{ [fileUri]: [{ range: { start: { line: 15, character: 2 }, end: { line: 15, character: 2 } }, newText: 'await ' }] }]);
  });

  it('lints nothing with ESLint 10 when told `experimental.useFlatConfig: true` (what nvim-lspconfig sets), so the README says to unset it', { timeout: 90_000 }, async () => {
    const flat = await startServer({ ...serverSettings, experimental: { useFlatConfig: true } });
    try {
      expect(await pullDiagnostics(flat.client, 3_000)).toEqual([]);
      // The reason, in the server's log: ESLint 10 dropped the class that setting asks for.
      expect(flat.client.log).toContainEqual(expect.stringMatching(/doesn't export a FlatESLint class/u));
    } finally {
      await stopServer(flat.server, flat.client);
    }
  });
});

/** The server loads ESLint and the config on first use: ask again until it has linted the file. */
async function pullDiagnostics(connection: LspClient = client, patienceMs = 60_000): Promise<Diagnostic[]> {
  const until = Date.now() + patienceMs;
  for (;;) {
    const report = await connection.request<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: fileUri } });
    const items = report.items ?? [];
    if (items.length > 0 || Date.now() > until) return items;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
