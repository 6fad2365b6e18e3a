import { describe, expect, it } from 'vitest';
import { bindingFor, specifierOf, usesCommonJs, type BindingOptions } from '../../lib/module-bindings.js';
import { probeCalls, type LintOptions } from './probe.js';

/** `bindingFor` at every `probe()` call: the text, and the code after its edits. */
function bind(
  code: string,
  module: string,
  name: string,
  options: Partial<BindingOptions> = {},
  lint?: LintOptions,
): { text: string; code: string }[] {
  return probeCalls(
    code,
    (context, call) => {
      const binding = bindingFor(context.sourceCode, call, module, name, { commonjs: false, ...options });
      let result = code;
      for (const edit of [...binding.edits].sort((a, b) => b.range[0] - a.range[0])) {
        result = result.slice(0, edit.range[0]) + edit.text + result.slice(edit.range[1]);
      }
      return { text: binding.text, code: result };
    },
    lint,
  );
}

describe('bindingFor: reuse', () => {
  it('reuses a named import of the export, then a namespace of its module', () => {
    expect(bind(`import { readFile } from 'node:fs/promises';\nprobe();\n`, 'fs/promises', 'readFile')[0]?.text).toBe('readFile');
    expect(bind(`import * as fsp from 'fs/promises';\nprobe();\n`, 'fs/promises', 'readFile')[0]?.text).toBe('fsp.readFile');
    expect(bind(`import { promises as fsp } from 'fs';\nprobe();\n`, 'fs/promises', 'readFile')[0]?.text).toBe('fsp.readFile');
    expect(
      bind(`import * as fsp from 'fs/promises';\nimport { readFile } from 'fs/promises';\nprobe();\n`, 'fs/promises', 'readFile')[0]?.text,
    ).toBe('readFile');
  });

  it('reuses `fs` as `fs.promises` only when asked (the callee was written `fs.x`)', () => {
    const code = `import fs from 'node:fs';\nprobe();\n`;
    expect(bind(code, 'fs/promises', 'readFile', { viaBase: true })[0]?.text).toBe('fs.promises.readFile');
    expect(bind(code, 'fs/promises', 'readFile')[0]).toEqual({
      text: 'readFile',
      code: `import fs from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nprobe();\n`,
    });
  });

  it('reuses requires, and never the callback `readFile` of `fs`', () => {
    const code = `const { readFile } = require('fs');\nconst { promises } = require('node:fs');\nprobe();\n`;
    expect(bind(code, 'fs/promises', 'readFile', { commonjs: true }, { sourceType: 'commonjs' })[0]?.text).toBe('promises.readFile');
  });

  it('skips type-only imports and bindings shadowed where the call is', () => {
    const typeOnly = `import type { readFile } from 'node:fs/promises';\nprobe();\n`;
    expect(bind(typeOnly, 'fs/promises', 'readFile')[0]?.text).toBe('readFileAsync');
    const shadowed = `import { readFile } from 'node:fs/promises';\nexport function f(readFile: number) { probe(); return readFile; }\n`;
    expect(bind(shadowed, 'fs/promises', 'readFile')[0]?.text).toBe('readFileAsync');
  });
});

describe('bindingFor: adding', () => {
  it('adds to an existing named import of the module', () => {
    expect(bind(`import { writeFile } from 'node:fs/promises';\nprobe();\n`, 'fs/promises', 'readFile')[0]?.code).toBe(
      `import { writeFile, readFile } from 'node:fs/promises';\nprobe();\n`,
    );
  });

  it('adds an import after the last one, or at the top after directives', () => {
    expect(bind(`import a from 'a';\nimport b from 'b';\nprobe(a, b);\n`, 'timers/promises', 'setTimeout')[0]?.code).toBe(
      `import a from 'a';\nimport b from 'b';\nimport { setTimeout } from 'node:timers/promises';\nprobe(a, b);\n`,
    );
    expect(bind(`// license\nprobe();\n`, 'glob', 'glob')[0]?.code).toBe(`// license\nimport { glob } from 'glob';\nprobe();\n`);
  });

  it('picks an alias when the name is taken, or used as a global elsewhere', () => {
    const usesGlobal = `setTimeout(() => {}, 1);\nprobe();\n`;
    expect(bind(usesGlobal, 'timers/promises', 'setTimeout', { aliases: ['sleep'] })[0]?.code).toBe(
      `import { setTimeout as sleep } from 'node:timers/promises';\nsetTimeout(() => {}, 1);\nprobe();\n`,
    );
    const taken = `import { readFile } from 'node:fs';\nprobe(readFile);\n`;
    expect(bind(taken, 'fs/promises', 'readFile')[0]?.code).toBe(
      `import { readFile } from 'node:fs';\nimport { readFile as readFileAsync } from 'node:fs/promises';\nprobe(readFile);\n`,
    );
  });

  it('adds requires in CommonJS, to an existing destructuring when there is one', () => {
    const lint = { sourceType: 'commonjs' as const };
    expect(bind(`'use strict';\nconst path = require('path');\nprobe(path);\n`, 'fs/promises', 'readFile', { commonjs: true }, lint)[0]?.code).toBe(
      `'use strict';\nconst path = require('path');\nconst { readFile } = require('node:fs/promises');\nprobe(path);\n`,
    );
    expect(bind(`const { writeFile } = require('fs/promises');\nprobe(writeFile);\n`, 'fs/promises', 'readFile', { commonjs: true }, lint)[0]?.code).toBe(
      `const { writeFile, readFile } = require('fs/promises');\nprobe(writeFile);\n`,
    );
    expect(bind(`'use strict';\nprobe();\n`, 'util', 'promisify', { commonjs: true }, lint)[0]?.code).toBe(
      `'use strict';\nconst { promisify } = require('node:util');\nprobe();\n`,
    );
  });
});

describe('specifierOf and usesCommonJs', () => {
  it('spells builtins with node:', () => {
    expect(specifierOf('fs/promises')).toBe('node:fs/promises');
    expect(specifierOf('node:test')).toBe('node:test');
    expect(specifierOf('glob')).toBe('glob');
  });

  it('tells a file that requires from one that imports', () => {
    const commonjs = probeCalls(`const fs = require('fs');\nprobe(fs);\n`, (context) => usesCommonJs(context.sourceCode), { sourceType: 'commonjs' });
    const esm = probeCalls(`import fs from 'fs';\nprobe(fs);\n`, (context) => usesCommonJs(context.sourceCode));
    const mixed = probeCalls(`const fs = require('fs');\nexport {};\nprobe(fs);\n`, (context) => usesCommonJs(context.sourceCode));
    const bare = probeCalls(`probe();\n`, (context) => usesCommonJs(context.sourceCode));
    expect([commonjs, esm, mixed, bare]).toEqual([[true], [false], [true], [false]]);
  });
});
