// A body parser that rejects the wrong content type with a synchronous throw
// and everything else with a rejected promise.
import { readBody } from './shared/store.js';

export function parseJsonBody(req: { headers: Record<string, string>; body?: string }): Promise<unknown> {
  if (req.headers['content-type'] !== 'application/json') {
    throw new TypeError('expected application/json'); // expect-report
  }
  return readBody(req).then((text) => JSON.parse(text) as unknown);
}
