import { readBody } from '../shared/store.js';

export function parseJsonBody(req: { headers: Record<string, string>; body?: string }): Promise<unknown> {
  if (req.headers['content-type'] !== 'application/json') {
    return Promise.reject(new TypeError('expected application/json'));
  }
  return readBody(req).then((text) => JSON.parse(text) as unknown);
}
