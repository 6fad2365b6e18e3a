/**
 * The triage corpus for the strict rules (issue #6: "a triaged sample of 20
 * reports per rule"): npm packages, pinned, that ship what those rules look
 * at: their test suites (await-async-assertion), CLIs (no-exit-with-pending-work),
 * HTTP clients and servers (require-abort-signal), batch jobs and release
 * tooling (no-unbounded-concurrency), stateful clients and pools
 * (no-await-race), and plenty of promise-returning library code
 * (no-mixed-sync-async-return). `bench/triage.mjs --fetch` packs them with
 * `npm pack` into the ignored folder bench/corpora/triage/ (integrity checked,
 * nothing installed) and lints them untyped.
 *
 * `lint`: globs relative to the package folder (`**`, `*`, `{a,b}`); `skip`:
 * globs left out (built duplicates, bundles, fixtures that are not code).
 */
import path from 'node:path';
import { corporaDir } from './corpora.mjs';

export const triageDir = path.join(corporaDir, 'triage');

const JS = '**/*.{js,mjs,cjs}';
const CODE = '**/*.{js,mjs,cjs,ts,mts,cts}';

export const triageCorpora = [
  // Test-heavy: node:test suites that ship with the package.
  { name: 'fastify', version: '5.12.8', integrity: 'sha512-moP8exb2sCHLUbJkwp+I6C0padhy4D8lp0SdmzY7HhSdZuqm7O/u3o2aq7u8okaQ//33QDzj3G/u+FsSdB8Qzw==', lint: [CODE], skip: ['test/types/**'] },
  { name: 'pino', version: '10.4.0', integrity: 'sha512-bk1ZMTwG/Vymx+zPoa28MhNzucFvXJWp3csrSuxuHPSMeUettaCoQ5Jvg07mtC4JGNpcfTwz41oVCnNgBK9+vA==', lint: [CODE], skip: ['test/types/**'] },
  { name: 'pino-pretty', version: '13.2.0', integrity: 'sha512-jjghD1ML+Di/WxjJDz6j6Y4FT7hIXOlb8h27AyJ+ohtAXJXH4PS/xkv7si+RCCIW59HMgZsMKTDgzdr0RhuRrg==', lint: [CODE], skip: ['test/types/**'] },
  { name: 'avvio', version: '9.3.1', integrity: 'sha512-QyTKW61/qlba+cUQBm/sT9X8lri4UdomqSDwCnrnj1IvLVDRRiXRkz4CgBRWB+/cmfC7SK5WQc8T1vSdGvaUcQ==', lint: [CODE], skip: ['test/types/**'] },
  { name: '@fastify/rate-limit', version: '11.2.0', integrity: 'sha512-X7osJd4XSvMoejYrnJkSZYYjY1eNYoBqhjlzf1RakC2204qExFqZFTKj5+T7VuzA/iUI9Z3UoSqQRkB2HpG0oQ==', lint: [CODE], skip: ['types/**'] },
  { name: '@fastify/multipart', version: '10.1.9', integrity: 'sha512-zAQfAo9m9e6uENaPsYuNgcNptxn9DgQnASZXgNK9gQwJVP6IdV2rBGPLc6Y8SSAYWoWoCFhya5OajO8QD5fKOQ==', lint: [CODE], skip: ['types/**'] },
  { name: '@fastify/static', version: '10.1.11', integrity: 'sha512-WjEpDqkzOziIipghh4ki3ZNfLCmI1kRWlYKar3+9FiuY2LzoeogKiDqxIH68r6vYUSxvUzyEiV1BOP0yfW+glQ==', lint: [CODE], skip: ['types/**'] },
  { name: 'find-my-way', version: '9.10.1', integrity: 'sha512-UwbZdEdk59YXIGPW/rbDn/Ayr3mJ5fPH/HJeMPlK8Ez10aUin4iyRwgJvNTSkRfpZ2h8uLX0LbvZm/YUBUpymw==', lint: [CODE], skip: ['test/types/**'] },
  { name: 'thread-stream', version: '4.2.1', integrity: 'sha512-Stg6edJXC/6/xqGwSXwFokrUhChJ18amEjpKH89WrQQ0oVFDF+pUUcTpiwWhFUrE89Vf16FBOlwhaw+lescxMQ==', lint: [CODE] },
  { name: 'mercurius', version: '16.10.1', integrity: 'sha512-8P7KwNjA+R8OeZ2+6f43fQsCLjvekdeYKIvgWZbRnOMq8J2VdR2fDb/PLL5QPQF3ndjCuPXZJ7GxHfkKOnNlXw==', lint: [CODE], skip: ['static/**', 'test/types/**'] },
  // piscina: a worker pool; dist/ is the build of src/.
  { name: 'piscina', version: '5.3.2', integrity: 'sha512-vv7l/mM7B9WgrhDaudIqv1x6v4LOBRYYmpWGdWushhpbCmVHp11sUB2v4hj1CAeTGXVxuZFz6xOU1RalAiPKfQ==', lint: ['src/**/*.ts', 'test/**/*.{js,mjs,cjs,ts}', 'benchmark/**/*.{js,ts}'] },
  // zod's vitest suites (the library itself is synchronous).
  { name: 'zod', version: '4.6.7', integrity: 'sha512-g8W2D2kU6a8untc053fX1uVBKzM7yqAxW/3zwk83+6RyF2+SKOuV+c0wBDhUwzV1PaGapmZH+rmcUzPf+3CGwg==', lint: ['src/**/tests/**/*.ts'] },
  // CLIs and release tooling: exits, fan-out over commits/packages/files, fetches.
  { name: 'release-it', version: '20.2.1', integrity: 'sha512-xd0mqTGduwQlEzVBKOJcoVZxDrRLzjmFv3W8tWwkPIPDYtwYBWYjULiSk6VhfuGKocfz7GmptAqViKMQV4Zzbw==', lint: [CODE] },
  { name: 'semantic-release', version: '24.2.9', integrity: 'sha512-phCkJ6pjDi9ANdhuF5ElS10GGdAKY6R1Pvt9lT3SFhOwM4T7QZE7MLpBDbNruUx/Q3gFD92/UOFringGipRqZA==', lint: [CODE] },
  { name: 'lint-staged', version: '16.4.0', integrity: 'sha512-lBWt8hujh/Cjysw5GYVmZpFHXDCgZzhrOm8vbcUdobADZNOK/bRshr2kM3DfgrrtR1DQhfupW9gnIXOfiFi+bw==', lint: [CODE] },
  { name: 'json-server', version: '0.17.4', integrity: 'sha512-bGBb0WtFuAKbgI7JV3A864irWnMZSvBYRJbohaOuatHwKSRFUfqtQlrYMrB6WbalXy/cJabyjlb7JkHli6dYjQ==', lint: ['lib/**/*.js'] },
  { name: 'pm2', version: '7.0.4', integrity: 'sha512-rMzoZmZlmJw7hoTbO9cOqcwj407TzUVc84JRaIjmnK8+808zldQT2Sd4rVcqVvXUcI2LoXEf1irMevWfOx5SEQ==', lint: [JS] },
  { name: 'react-scripts', version: '5.0.1', integrity: 'sha512-8VAmEm/ZAwQzJ+GOMLbBsTdDKOpuZh7RPs0UymvBR2vRk4iZWCskjbFnxqjrzoIvlNNRZ3QJFx6/qDSi6zSnaQ==', lint: [JS] },
  { name: 'mocha', version: '12.0.3', integrity: 'sha512-beammieDdiWdkjANWeWPpkxUROYGi5FN88fPOkLiticz7HTg3Y+Pho3EYE6SUdcuWnZ3h2WD8EXCA55JF4o6wg==', lint: ['lib/**/*.js', 'bin/**/*.js'] },
  { name: 'nodemon', version: '3.1.14', integrity: 'sha512-jakjZi93UtB3jHMWsXL68FXSAosbLfY0In5gtKq3niLSkrWznrVBzXFNOEMJUfc9+Ke7SHWoAZsiMkNP3vq6Jw==', lint: ['lib/**/*.js', 'bin/**/*.js'] },
  { name: 'sequelize-cli', version: '6.6.5', integrity: 'sha512-DqyISCULOaEbTM+rRQH4YvcUWeOC1XDiSKcjsC6TfAnT7W837mNkChJhtB/Z4FdCFHRCojmiP7zsrA4pARmacA==', lint: ['lib/**/*.js'] },
  // firebase-tools: a large CLI (deploys, emulators, fetches to Google APIs).
  { name: 'firebase-tools', version: '15.34.2', integrity: 'sha512-Xo010+PZAj5sL6hn33p19egXDmVlowPZknbs2Rf4nxd6Ulx6gLCd76qHd9XT2lV3B0u7yi0iO0BU5qrLeY8Y+g==', lint: ['lib/**/*.js'] },
  // Database layers: migrations, pools, transactions, CLIs.
  { name: 'knex', version: '3.3.0', integrity: 'sha512-LgWl031hNuLv9Lhxdd9093zULa2aNcoP04Bk29e5NidgRcEr/T0rAr2WYi4BhjTiCDoQiRU56meUE5rppLKZzQ==', lint: [JS] },
  { name: 'sequelize', version: '6.37.8', integrity: 'sha512-HJ0IQFqcTsTiqbEgiuioYFMSD00TP6Cz7zoTti+zVVBwVe9fEhev9cH6WnM3XU31+ABS356durAb99ZuOthnKw==', lint: ['lib/**/*.js'] },
  { name: 'mongoose', version: '9.12.1', integrity: 'sha512-wPw1NKurTDShT+kr/JJvhdwPKIJkxFJv5GEbv++QahN8snPR9Fp/BFg6nQbbCyUHBB8DexwwlCQW6SfBD99QCg==', lint: ['lib/**/*.js'] },
  // typeorm ships its build twice (CommonJS at the root, ESM in browser/).
  { name: 'typeorm', version: '1.1.1', integrity: 'sha512-og9mG4Lwlvj6MfvYd8yRCzXy73gETtwgTKQ/ISLYvEOpJPy4IrjU/89HK4ZAFmRIbEg1hkIk04v8phTrxfgPmQ==', lint: [JS], skip: ['browser/**'] },
  // Stateful clients, queues and servers.
  { name: 'bullmq', version: '6.7.0', integrity: 'sha512-+LnKsqZ+PRV/Iul7T84qEZYOewsgtnnmTc3/TjXZk6dSaOeK68AuR/p8uzQ6WIQ8Jvf/GjitjsUrmTaRV2cfsQ==', lint: ['dist/esm/**/*.js'] },
  { name: 'ioredis', version: '6.0.0', integrity: 'sha512-f+Dtubxfpf6KYFq7WVXJoOLn0bk4TJrMrN9SzeE+jrWrCWj7XX3fA6vkryafhADX+GMymRxgDJDOI33COkJc0w==', lint: ['built/**/*.js'] },
  { name: 'mqtt', version: '5.16.0', integrity: 'sha512-G0VsEtuJz5sJUgZJaaADMVfW7SIFPzkIuHR+d6rk+tBeSwdCfd9BaIRycRfd2AbyFDEmLlFM+SDQeti/+IbOnw==', lint: ['build/**/*.js'] },
  { name: 'socket.io', version: '4.8.4', integrity: 'sha512-9ZV9zg8vN8hO3Y25DhR7nUkJ1VDnBhq5O/JrXhFT9s6+F0gqytSASTHVfCFc2mJXaTfARroErplXlzFWwETZqQ==', lint: ['dist/**/*.js'] },
  // Bots: long-lived clients with caches and state changed around awaits.
  { name: 'discord.js', version: '14.28.1', integrity: 'sha512-Je5OcqgurnIUQK4vR+gQnmzOf/lNQsD6d/UkV8ZOj+bFa5zJXPyiGXlbywp2EagwshVT18y7YNQNSRd3FjYkDw==', lint: ['src/**/*.js'] },
  { name: 'telegraf', version: '4.16.3', integrity: 'sha512-yjEu2NwkHlXu0OARWoNhJlIjX09dRktiMQFsM678BAH/PEPVwctzL67+tvXqLCRQQvm3SDtki2saGO9hLlz68w==', lint: ['src/**/*.ts'] },
  // HTTP clients: where signals and timeouts are (or are not) passed on.
  { name: 'got', version: '14.6.6', integrity: 'sha512-QLV1qeYSo5l13mQzWgP/y0LbMr5Plr5fJilgAIwgnwseproEbtNym8xpLsDzeZ6MWXgNE6kdWGBjdh3zT/Qerg==', lint: ['dist/source/**/*.js'] },
  { name: 'openai', version: '6.49.0', integrity: 'sha512-aYCc0C6L864eR6WSYIwQGyXriw/nIyZx0ObvhzOEVuk0zoBDpynjSbrionWI7q65B5H8jJX0DXR9snEzM6bfPg==', lint: ['src/**/*.ts'], skip: ['src/_vendor/**'] },
];

/** `@fastify/rate-limit` -> `fastify-rate-limit`. */
export function triageSlug(corpus) {
  return corpus.name.replace(/^@/, '').replace(/\//g, '-');
}

export function triageCorpusDir(corpus) {
  return path.join(triageDir, `${triageSlug(corpus)}-${corpus.version}`);
}
