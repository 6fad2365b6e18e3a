// Packages the scenarios use, declared here because they are not installed.
declare module 'p-map' {
  export default function pMap<T, R>(
    input: Iterable<T>,
    mapper: (item: T, index: number) => Promise<R> | R,
    options?: { concurrency?: number },
  ): Promise<R[]>;
}

declare module 'p-queue' {
  export default class PQueue {
    constructor(options?: { concurrency?: number });
    add<T>(task: () => Promise<T>): Promise<T>;
    onIdle(): Promise<void>;
  }
}

declare module 'csv-parse/sync' {
  export function parse(input: string, options?: { columns?: boolean }): Record<string, string>[];
}
