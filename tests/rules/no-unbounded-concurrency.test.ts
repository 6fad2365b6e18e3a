import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule, { type MessageIds, type Options } from '../../rules/no-unbounded-concurrency.js';
import { cloneCases, createRuleTester } from '../rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

const api = `
declare function pLimit(n: number): <T>(fn: () => Promise<T>) => Promise<T>;
async function upload(file: string): Promise<string> { return file; }
`;

const valid: Valid[] = [
  // A literal array, a small const, a fixed number of workers, a slice with literal bounds.
  `
export async function warm() {
  await Promise.all(['users', 'orders', 'invoices'].map(async (table) => upload(table)));
  const regions = ['eu', 'us'] as const;
  await Promise.all(regions.map((region) => upload(region)));
  await Promise.all(Array.from({ length: 4 }, async (_, worker) => upload(String(worker))));
}
export async function firstPage(files: string[]) {
  return Promise.all(files.slice(0, 10).map(upload));
}
${api}`,
  // Through p-limit: the limiter bounds it.
  `
const limit = pLimit(5);
export async function uploadAll(files: string[]) {
  return Promise.all(files.map((file) => limit(() => upload(file))));
}
${api}`,
  // A mapper that does not start async work.
  `
export async function settleAll(promises: Promise<string>[]) {
  return Promise.all(promises.map((promise) => promise.catch(() => 'failed')));
}
export function sizes(files: string[]) {
  return Promise.all(files.map((file) => file.length));
}
${api}`,
  // Sequential: one at a time.
  `
export async function uploadInOrder(files: string[]) {
  const results: string[] = [];
  for (const file of files) results.push(await upload(file));
  return results;
}
${api}`,
  // Pushed in a loop over a small literal.
  `
export async function three() {
  const jobs: Promise<string>[] = [];
  for (const name of ['a', 'b', 'c']) jobs.push(upload(name));
  for (let attempt = 0; attempt < 3; attempt++) jobs.push(upload(String(attempt)));
  return Promise.all(jobs);
}
${api}`,
  // Pushed into an array nobody passes to Promise.all (another rule's business).
  `
export function track(files: string[], log: Promise<string>[]) {
  for (const file of files) log.push(upload(file));
}
${api}`,
  // A user's limiter.
  {
    code: `
declare const bottleneck: { wrap<T>(fn: T): T };
const throttled = bottleneck.wrap(upload);
export async function uploadAll(files: string[]) {
  return Promise.all(files.map((file) => throttled(file)));
}
${api}`,
    options: [{ allow: ['throttled'] }],
  },
  // A local Promise that is not the global one.
  `
const Promise = { all: (values: unknown[]) => values };
export function fake(files: string[]) {
  return Promise.all(files.map(async (file) => file));
}
`,
];

const invalid: Invalid[] = [
  {
    code: `
export async function uploadAll(files: string[]) {
  return Promise.all(files.map(async (file) => upload(file)));
}
${api}`,
    errors: [{ messageId: 'unboundedAll', data: { combinator: 'all', source: 'files' }, line: 3, column: 10 }],
  },
  {
    code: `
export async function uploadAll(request: { body: { files: string[] } }) {
  const results = await Promise.allSettled(request.body.files.map(upload));
  return results;
}
${api}`,
    errors: [{ messageId: 'unboundedAll', data: { combinator: 'allSettled', source: 'request.body.files' }, line: 3, column: 25 }],
  },
  // Stored first, then awaited together.
  {
    code: `
export async function fetchAll(urls: string[]) {
  const pending = urls.map(async (url) => {
    const response = await fetch(url);
    return response.text();
  });
  return Promise.all(pending);
}
`,
    errors: [{ messageId: 'unboundedAll', line: 7, column: 10 }],
  },
  // Pushed in a loop over unbounded input.
  {
    code: `
export async function syncAll(files: string[]) {
  const jobs: Promise<string>[] = [];
  for (const file of files) {
    jobs.push(upload(file));
  }
  await Promise.all(jobs);
}
${api}`,
    errors: [{ messageId: 'unboundedPush', line: 5, column: 5 }],
  },
  // A limiter the user did not name does not count.
  {
    code: `
const limit = async <T>(task: () => Promise<T>) => task();
export async function uploadAll(files: string[]) {
  return Promise.all(files.map((file) => limit(() => upload(file))));
}
${api}`,
    options: [{ allow: [] }],
    errors: [{ messageId: 'unboundedAll', line: 4, column: 10 }],
  },
];

const javascript = {
  valid: [
    {
      code: `
async function send(user) { return user; }
module.exports = (users) => Promise.all(users.slice(0, 5).map(send));
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
    },
  ],
  invalid: [
    {
      code: `
async function send(user) { return user; }
module.exports = (users) => Promise.all(users.map(send));
`,
      languageOptions: { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } },
      errors: [{ messageId: 'unboundedAll' as const, line: 3, column: 29 }],
    },
  ],
};

/** Only the checker knows that `client.get` returns a promise (a declared interface of an imported-like shape). */
const typedOnlyCode = `
declare function connect<T>(shape: T): T;
const client = connect({ get: async (id: string) => ({ id }) });
export async function loadAll(ids: string[]) {
  return Promise.all(ids.map((id) => client.get(id)));
}
`;

createRuleTester({ typed: false }).run('no-unbounded-concurrency (untyped)', rule, {
  valid: cloneCases([...valid, typedOnlyCode]),
  invalid: cloneCases(invalid),
});

createRuleTester({ typed: true }).run('no-unbounded-concurrency (typed)', rule, {
  valid: cloneCases(valid),
  invalid: cloneCases([...invalid, { code: typedOnlyCode, errors: [{ messageId: 'unboundedAll', line: 5, column: 10 }] }]),
});

createRuleTester({ typed: false }).run('no-unbounded-concurrency (JavaScript)', rule, javascript);
