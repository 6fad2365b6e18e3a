/**
 * The module name under which globals resolve (`fetch` -> `{ module: GLOBAL,
 * path: ['fetch'] }`). Kept free of dependencies so that catalogs and the
 * runtime worker can name it without loading the ESLint utilities.
 */
export const GLOBAL = '<global>';
