import rule from '../../rules/no-floating-promise.js';
import { cloneCases, createRuleTester } from '../rule-tester.js';

const cases = {
  valid: [`async function f() { await fetch('/x'); }`],
  invalid: [
    {
      code: `async function f() {\n  fetch('/x');\n}`,
      errors: [
        {
          messageId: 'floatingInAsync' as const,
          line: 2,
          column: 3,
          suggestions: [
            { messageId: 'suggestAwait' as const, output: `async function f() {\n  await fetch('/x');\n}` },
            { messageId: 'suggestCatch' as const, data: { handler: 'console.error' }, output: `async function f() {\n  fetch('/x').catch(console.error);\n}` },
          ],
        },
      ],
    },
  ],
};

for (const typed of [false, true]) {
  createRuleTester({ typed }).run(`no-floating-promise (${typed ? 'typed' : 'untyped'})`, rule, cloneCases(cases));
}
