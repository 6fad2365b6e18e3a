// Packages the scenarios use, declared here because they are not installed.
declare module 'undici' {
  export interface RequestOptions {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
    headersTimeout?: number;
    bodyTimeout?: number;
  }
  export function request(
    url: string | URL,
    options?: RequestOptions,
  ): Promise<{ statusCode: number; body: { json(): Promise<unknown>; text(): Promise<string> } }>;
  export function fetch(input: string | URL, init?: RequestInit): Promise<Response>;
}

declare module 'node-fetch' {
  export default function fetch(url: string, init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }): Promise<{
    ok: boolean;
    status: number;
    json(): Promise<unknown>;
  }>;
}
