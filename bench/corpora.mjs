/**
 * The benchmark corpora: real async-heavy projects (TypeScript with a
 * tsconfig, and one plain-JavaScript package linted untyped), fetched from the
 * npm registry at pinned versions by `setup-corpora.mjs` into the ignored
 * folder `bench/corpora/`. Shared by the setup and the benches.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const corporaDir = path.join(benchDir, 'corpora');
export const locksDir = path.join(benchDir, 'corpora-locks');

/**
 * mongodb (the official Node driver): 132 files / ~41k lines of async-heavy
 * TypeScript (connection pools, cursors, sessions, change streams), shipped
 * as `src/**` with its `tsconfig.json` in the npm tarball. Its dev
 * dependencies are a test/tooling stack we do not need; the typed program only
 * needs the runtime deps, @types/node and the optional peers whose types
 * `src/` imports (`mongodb-client-encryption`, `kerberos`, `gcp-metadata`).
 */
export const corpora = [
  {
    name: 'mongodb',
    version: '7.8.0',
    integrity: 'sha512-p2NKagbQ41+daACG/ZSvhTzeAo+DoEyWE9Cmpf/SyP3pTC43+X0mwKE/44PpKtCxp5wOxnXz+t2pXEZRSkt9Yg==',
    /** Exact versions for the typed program; transitive ones are pinned by the lockfile in bench/corpora-locks/. */
    dependencies: {
      '@mongodb-js/saslprep': '1.6.3',
      '@types/node': '22.20.5',
      bson: '7.3.4',
      'gcp-metadata': '7.0.1',
      kerberos: '7.0.0',
      'mongodb-client-encryption': '7.2.1',
      'mongodb-connection-string-url': '7.0.2',
    },
    /**
     * TypeScript 6 turns `esModuleInterop: false` (set by this tsconfig) into a
     * deprecation error; silence it the way TS asks so the project service
     * loads the config unchanged otherwise.
     */
    compilerOptionsPatch: { ignoreDeprecations: '6.0' },
    /** What the benches lint, relative to the corpus folder. */
    lint: ['src/**/*.ts'],
  },
  /**
   * puppeteer-core: 182 files / ~48k lines of TypeScript that drive a browser
   * over CDP and WebDriver BiDi (sessions, frames, navigation waits, locators,
   * `await using`): ~1400 awaits. The tarball ships `src/**` but no tsconfig
   * (theirs extends the monorepo's base), so `tsconfig` below is written in its
   * place: the upstream options that matter for types (ES2022 + DOM +
   * disposables, bundler resolution, strict, `chrome` types for the extension
   * transport). `src/` imports `../../third_party/{rxjs,mitt,parsel-js,
   * urlpattern-polyfill}`: the tarball has those re-export stubs under
   * `lib/third_party/`, copied into place; their targets are the upstream dev
   * dependencies pinned below. `tsc --noEmit` reports 0 errors.
   */
  {
    name: 'puppeteer-core',
    version: '25.16.0',
    integrity: 'sha512-VA5Pf54N8shfopNkZZXCdiiwfnnY8ZJYAMqFQRhlH5mGUhfwf53Ar770GPtdpTDLUqvQeYpIBtC9/G2Jij2IJw==',
    dependencies: {
      '@puppeteer/browsers': '3.2.6',
      '@types/chrome': '0.3.5',
      '@types/node': '22.20.5',
      '@types/ws': '8.18.2',
      'chromium-bidi': '157.0.8090-0',
      'devtools-protocol': '0.0.1704951',
      mitt: '3.0.1',
      'parsel-js': '1.2.3',
      rxjs: '7.8.2',
      'typed-query-selector': '2.12.3',
      'urlpattern-polyfill': '10.1.0',
      'webdriver-bidi-protocol': '1.0.1',
      ws: '8.23.0',
    },
    tsconfig: {
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable', 'ESNext.Disposable'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        types: ['node', 'chrome'],
        skipLibCheck: true,
        noImplicitOverride: true,
        noEmit: true,
      },
      include: ['src/**/*'],
    },
    copy: [['lib/third_party', 'third_party']],
    lint: ['src/**/*.ts'],
  },
  /**
   * @apollo/server: 60 files / ~11k lines, the GraphQL server's request
   * pipeline, plugin hooks (all async), usage reporting and the standalone HTTP
   * server. Ships `src/**` without a tsconfig; the one below uses bundler
   * resolution because a few files import relative paths without extensions.
   * Runtime dependencies at the versions their ranges resolve to today, plus
   * the `@types/*` packages `src/` needs. `tsc --noEmit` reports 1 error (a
   * Uint8Array/Buffer variance in plugin/inlineTrace that @types/node 22
   * rejects); everything resolves.
   */
  {
    name: '@apollo/server',
    version: '5.5.1',
    integrity: 'sha512-Rn3g5TJQsMSUY23CWZTghWdBWyjX7dP1eaEBPkvmM2RHi82cDcpgTIkSCbGvtTUEGjwopLv1AAooU/n7iIZ20A==',
    dependencies: {
      '@apollo/cache-control-types': '1.0.3',
      '@apollo/server-gateway-interface': '2.0.0',
      '@apollo/usage-reporting-protobuf': '4.1.2',
      '@apollo/utils.createhash': '3.0.1',
      '@apollo/utils.fetcher': '3.1.0',
      '@apollo/utils.isnodelike': '3.0.0',
      '@apollo/utils.keyvaluecache': '4.0.0',
      '@apollo/utils.logger': '3.0.0',
      '@apollo/utils.usagereporting': '2.1.0',
      '@apollo/utils.withrequired': '3.0.0',
      '@graphql-tools/schema': '10.1.5',
      '@types/async-retry': '1.4.9',
      '@types/body-parser': '1.19.6',
      '@types/content-type': '1.1.9',
      '@types/cors': '2.8.19',
      '@types/finalhandler': '1.2.4',
      '@types/negotiator': '0.6.5',
      '@types/node': '22.20.5',
      '@types/whatwg-mimetype': '3.0.2',
      'async-retry': '1.3.3',
      'body-parser': '2.4.0',
      'content-type': '1.0.5',
      cors: '2.8.6',
      finalhandler: '2.1.1',
      graphql: '16.15.0',
      loglevel: '1.9.2',
      'lru-cache': '11.5.3',
      negotiator: '1.1.0',
      'whatwg-mimetype': '4.0.0',
    },
    tsconfig: {
      compilerOptions: {
        strict: true,
        target: 'ES2023',
        lib: ['ES2023'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        types: ['node'],
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['src/**/*'],
    },
    lint: ['src/**/*.ts'],
  },
  /**
   * undici (Node's fetch/HTTP client): 112 plain CommonJS files / ~44k lines in
   * `lib/`, full of promises, streams and callbacks. Untyped only (`typed:
   * false`): the benches and the crash sweep lint it without a program, as
   * most JavaScript projects are linted. No dependencies needed.
   */
  {
    name: 'undici',
    version: '8.12.4',
    integrity: 'sha512-8Mx+uNKKER2bA4AdtedkqRbwUCIJFr2nJckXRe5yrDqzePqwLP7VNcctN8/XdmDSbF7mS+jJKIszlL+vbam1VA==',
    typed: false,
    sourceType: 'commonjs',
    dependencies: {},
    lint: ['lib/**/*.js'],
  },
];

/** Whether the benches lint this corpus with type information (a tsconfig and the project service). */
export function isTyped(corpus) {
  return corpus.typed !== false;
}

/** `@apollo/server` -> `apollo-server`: a folder and lockfile name. */
export function corpusSlug(corpus) {
  return corpus.name.replace(/^@/, '').replace(/\//g, '-');
}

export function corpusDir(corpus) {
  return path.join(corporaDir, `${corpusSlug(corpus)}-${corpus.version}`);
}

export function findCorpus(name) {
  const corpus = corpora.find((c) => c.name === name || corpusSlug(c) === name || `${c.name}-${c.version}` === name || `${corpusSlug(c)}-${c.version}` === name);
  if (!corpus) throw new Error(`unknown corpus ${name}; known: ${corpora.map((c) => c.name).join(', ')}`);
  return corpus;
}
