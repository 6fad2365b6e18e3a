// Promises stored in variables and fields that are awaited, returned, passed on
// or deduplicated later: none of them is dropped.
const inflight = new Map<string, Promise<string>>();

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  return response.text();
}

export function dedupedFetch(url: string): Promise<string> {
  let request = inflight.get(url);
  if (!request) {
    request = fetchText(url).finally(() => inflight.delete(url));
    inflight.set(url, request);
  }
  return request;
}

export async function slowAndFast(): Promise<string> {
  const slow = fetchText('/slow');
  const fast = await fetchText('/fast');
  return fast + (await slow);
}

export function startBoth(): Promise<string>[] {
  const first = fetchText('/a');
  const second = fetchText('/b');
  return [first, second];
}

export class Connection {
  private readonly ready: Promise<void>;

  constructor(private readonly url: string) {
    this.ready = this.open();
  }

  async query(sql: string): Promise<string> {
    await this.ready;
    return fetchText(`${this.url}?q=${encodeURIComponent(sql)}`);
  }

  private async open(): Promise<void> {
    await fetchText(`${this.url}/health`);
  }
}

export function withLogging(url: string): Promise<string> {
  const request = fetchText(url);
  request.then((text) => console.debug(`${url}: ${text.length} chars`), () => undefined);
  return request;
}
