/** Packages installed without their types in this corpus: minimal declarations. */
declare module 'glob' {
  export function glob(pattern: string, options?: { cwd?: string }): Promise<string[]>;
  export function globSync(pattern: string, options?: { cwd?: string }): string[];
}
declare module 'fast-glob' {
  interface FastGlob {
    (pattern: string, options?: { cwd?: string }): Promise<string[]>;
    glob(pattern: string, options?: { cwd?: string }): Promise<string[]>;
    sync(pattern: string, options?: { cwd?: string }): string[];
  }
  const fg: FastGlob;
  export default fg;
}
declare module 'execa' {
  export function execa(file: string, args?: string[]): Promise<{ stdout: string }>;
  export function execaSync(file: string, args?: string[]): { stdout: string };
}
declare module 'cross-spawn' {
  import type { SpawnSyncReturns, ChildProcess } from 'node:child_process';
  interface Spawn {
    (command: string, args?: string[]): ChildProcess;
    sync(command: string, args?: string[]): SpawnSyncReturns<Buffer>;
  }
  const spawn: Spawn;
  export default spawn;
}
declare module 'readline-sync' {
  export function question(query: string): string;
  export function keyInYN(query: string): boolean;
}
declare module 'fs-extra' {
  export function readJson(file: string): Promise<unknown>;
  export function readJsonSync(file: string): unknown;
  export function outputJson(file: string, data: unknown): Promise<void>;
  export function outputJsonSync(file: string, data: unknown): void;
}
declare module 'sleep' {
  export function sleep(seconds: number): void;
  export function msleep(ms: number): void;
}
declare module 'deasync' {
  function deasync<T>(fn: (...args: never[]) => void): (...args: unknown[]) => T;
  export default deasync;
}
