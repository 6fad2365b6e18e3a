// Packages as their type definitions describe them (not installed here).
declare module 'execa-lite' {
  export interface ResultPromise extends Promise<{ stdout: string; exitCode: number }> {
    stdout: NodeJS.ReadableStream;
    kill(signal?: string): boolean;
  }
  export function execa(file: string, args?: readonly string[]): ResultPromise;
}

declare module 'legacy-session' {
  const session: any;
  export default session;
}
