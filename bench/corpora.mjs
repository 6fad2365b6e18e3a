/**
 * The benchmark corpora: real TypeScript projects with their own tsconfig,
 * fetched from the npm registry at pinned versions by `setup-corpora.mjs` into
 * the ignored folder `bench/corpora/`. Shared by the setup and the benches.
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
];

export function corpusDir(corpus) {
  return path.join(corporaDir, `${corpus.name}-${corpus.version}`);
}

export function findCorpus(name) {
  const corpus = corpora.find((c) => c.name === name || `${c.name}-${c.version}` === name);
  if (!corpus) throw new Error(`unknown corpus ${name}; known: ${corpora.map((c) => c.name).join(', ')}`);
  return corpus;
}
