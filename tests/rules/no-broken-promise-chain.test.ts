import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule, { type MessageIds, type Options } from '../../rules/no-broken-promise-chain.js';
import { cloneCases, createRuleTester } from '../rule-tester.js';

type Valid = ValidTestCase<Options> | string;
type Invalid = InvalidTestCase<MessageIds, Options>;

/** An async API written in the same file, so that both modes know what returns a promise. */
const api = `
async function loadUser(id: string): Promise<{ id: string; name: string; teamId: string }> {
  return { id, name: 'Ada', teamId: 't1' };
}
async function loadOrders(userId: string): Promise<{ total: number }[]> {
  return [{ total: 3 }];
}
async function save(record: { id: string }): Promise<void> {}
async function notify(userId: string): Promise<void> {}
`;

const valid: Valid[] = [
  // Each callback returns the promise it starts.
  `export function rename(id: string, name: string) {
  return loadUser(id)
    .then((user) => save({ ...user, name }))
    .then(() => notify(id))
    .catch((error: unknown) => console.error('rename failed', error));
}
${api}`,
  `export function archive(id: string) {
  return loadUser(id)
    .then((user) => {
      console.log('archiving', user.id);
      return save(user);
    })
    .then(() => notify(id));
}
${api}`,
  `export function saveAll(ids: string[]) {
  return loadUser('lead')
    .then(async (user) => {
      for (const id of ids) {
        await save({ id: id + user.teamId });
      }
    })
    .then(() => Promise.all(ids.map((id) => notify(id))))
    .then(() => console.log('all saved'));
}
${api}`,
  // Started, handled and deliberately not waited for: the callback hands on another value.
  `export function view(id: string) {
  return loadUser(id)
    .then((user) => {
      notify(user.id).catch((error: unknown) => console.warn('notification lost', error));
      return user;
    })
    .then((user) => user.name);
}
${api}`,
  // No promise in the callback, and the next step does not read the value.
  `export function log(id: string) {
  return loadUser(id)
    .then((user) => {
      console.log(user.name);
    })
    .then(() => notify(id));
}
${api}`,
  // A nested chain that is returned; it uses `user`, which is why it is nested.
  `export function summary(id: string) {
  return loadUser(id).then((user) =>
    loadOrders(user.id).then((orders) => ({ name: user.name, count: orders.length })),
  );
}
export function summary2(id: string) {
  return loadUser(id).then((user) => {
    return loadOrders(user.id).then((orders) => ({ name: user.name, count: orders.length }));
  });
}
${api}`,
  // The last step drops a promise and nothing waits for the chain: no-floating-promise reports that statement, this rule does not.
  `export function fireAndForget(id: string) {
  loadUser(id).then((user) => {
    save(user);
  });
}
${api}`,
  // A nested chain with its own handler at the end of a chain nobody waits for: a detached task, handled.
  `export function prefetch(id: string) {
  loadUser(id)
    .then((user) => {
      loadOrders(user.id)
        .then((orders) => console.log(orders.length))
        .catch((error: unknown) => console.error(error));
    })
    .catch((error: unknown) => console.error(error));
}
${api}`,
  // A nested chain with its own handlers, while the step hands on another value: detached on purpose.
  `export function mirror(id: string) {
  return loadUser(id)
    .then((user) => {
      save(user).then(() => console.log('mirrored'), (error: unknown) => console.error(error));
      return user;
    })
    .then((user) => user.name);
}
${api}`,
  // Function references, `undefined` slots, handler factories that return functions.
  `declare function next(error: unknown): void;
function handle(label: string) {
  return (error: unknown) => console.error(label, error);
}
export function route(id: string) {
  loadUser(id).then(console.log).catch(next);
  loadUser(id).then(undefined, handle('load'));
  loadUser(id).then(null, console.error);
  return loadUser(id).then((user) => user.id).catch(handle('route'));
}
${api}`,
  // Generated code (regenerator) has a `catch` of its own that takes a number: not a promise's.
  `export function step(_context: { catch(at: number): unknown; t0?: unknown }) {
  _context.t0 = _context['catch'](5);
}
`,
  // A default value for the next step: it is written for `undefined`.
  `export function withDefault(id: string) {
  return loadUser(id)
    .then((user) => {
      console.log(user.id);
    })
    .then((value = 'none') => value);
}
${api}`,
  // A callback that always throws hands no value on.
  `export function fail(id: string) {
  return loadUser(id)
    .then((user) => {
      throw new Error(\`\${user.id} is locked\`);
    })
    .then((value) => console.log(value))
    .catch((error: unknown) => console.error(error));
}
${api}`,
  // The awaited value is not used.
  `export async function audit(id: string) {
  await loadUser(id).then((user) => {
    console.log(user.name);
  });
}
${api}`,
  // A Cypress chain: `then` is not a promise's, and returning nothing yields the previous subject.
  `declare const cy: any;
cy.get('form')
  .then(() => {
    cy.get('input').type('name');
  })
  .then((form: unknown) => console.log(form));
`,
  // A handler factory from elsewhere: without types nothing says it returns no function.
  `import { handleError } from './errors.js';
export function load(id: string) {
  return loadUser(id).catch(handleError('load'));
}
${api}`,
  // Nested chains, with nesting checks off.
  {
    code: `export function report(id: string) {
  loadUser(id)
    .then((user) => {
      loadOrders(user.id).then((orders) => console.log(orders.length));
    })
    .catch((error: unknown) => console.error(error));
}
${api}`,
    options: [{"checkNested":false}],
  },
];

const invalid: Invalid[] = [
  {
    // `notify` runs before the save lands, and a failed save skips the `.catch`.
    code: `export function rename(id: string, name: string) {
  return loadUser(id)
    .then((user) => {
      save({ ...user, name });
    })
    .then(() => notify(id))
    .catch((error: unknown) => console.error('rename failed', error));
}
${api}`,
    errors: [
      {
        messageId: 'nextStepRunsEarly',
        line: 6,
        column: 6,
        suggestions: [
          {
            messageId: 'suggestReturn',
            output: `export function rename(id: string, name: string) {
  return loadUser(id)
    .then((user) => {
      return save({ ...user, name });
    })
    .then(() => notify(id))
    .catch((error: unknown) => console.error('rename failed', error));
}
${api}`,
          },
          {
            messageId: 'suggestAwait',
            output: `export function rename(id: string, name: string) {
  return loadUser(id)
    .then(async (user) => {
      await save({ ...user, name });
    })
    .then(() => notify(id))
    .catch((error: unknown) => console.error('rename failed', error));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export function archive(id: string) {
  loadUser(id)
    .then((user) => {
      save(user);
      console.log('archived', user.id);
    })
    .catch((error: unknown) => console.error(error));
}
${api}`,
    errors: [
      {
        messageId: 'handlerMissesRejection',
        line: 7,
        column: 6,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export function archive(id: string) {
  loadUser(id)
    .then(async (user) => {
      await save(user);
      console.log('archived', user.id);
    })
    .catch((error: unknown) => console.error(error));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Promises started in a loop: only `async` + `await` can make the step wait.
    code: `export function saveAll(ids: string[]) {
  return loadUser(ids[0] ?? '')
    .then((user) => {
      for (const id of ids) {
        save({ id: id + user.teamId });
      }
    })
    .then(() => console.log('all saved'));
}
${api}`,
    errors: [
      {
        messageId: 'nextStepRunsEarly',
        line: 8,
        column: 6,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export function saveAll(ids: string[]) {
  return loadUser(ids[0] ?? '')
    .then(async (user) => {
      for (const id of ids) {
        await save({ id: id + user.teamId });
      }
    })
    .then(() => console.log('all saved'));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // A dropped array of promises is returned through `Promise.all`.
    code: `export function saveTeam(ids: string[]) {
  return loadUser('lead')
    .then(() => {
      ids.map((id) => save({ id }));
    })
    .then(() => console.log('team saved'));
}
${api}`,
    errors: [
      {
        messageId: 'nextStepRunsEarly',
        line: 6,
        column: 6,
        suggestions: [
          {
            messageId: 'suggestReturn',
            output: `export function saveTeam(ids: string[]) {
  return loadUser('lead')
    .then(() => {
      return Promise.all(ids.map((id) => save({ id })));
    })
    .then(() => console.log('team saved'));
}
${api}`,
          },
          {
            messageId: 'suggestAwait',
            output: `export function saveTeam(ids: string[]) {
  return loadUser('lead')
    .then(async () => {
      await Promise.all(ids.map((id) => save({ id })));
    })
    .then(() => console.log('team saved'));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export function close(db: { close(): Promise<void> }, id: string) {
  return loadUser(id)
    .finally(() => {
      db.close();
    })
    .then((user) => user.name);
}
${api}`,
    errors: [
      {
        messageId: 'nextStepRunsEarly',
        line: 6,
        column: 6,
        suggestions: [
          {
            messageId: 'suggestReturn',
            output: `export function close(db: { close(): Promise<void> }, id: string) {
  return loadUser(id)
    .finally(() => {
      return db.close();
    })
    .then((user) => user.name);
}
${api}`,
          },
          {
            messageId: 'suggestAwait',
            output: `export function close(db: { close(): Promise<void> }, id: string) {
  return loadUser(id)
    .finally(async () => {
      await db.close();
    })
    .then((user) => user.name);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export function touch(id: string) {
  return loadUser(id).then((user) => void save(user)).then(() => 'touched');
}
${api}`,
    errors: [
      {
        messageId: 'nextStepRunsEarly',
        line: 2,
        column: 55,
        suggestions: [
          {
            messageId: 'suggestReturn',
            output: `export function touch(id: string) {
  return loadUser(id).then((user) => save(user)).then(() => 'touched');
}
${api}`,
          },
          {
            messageId: 'suggestAwait',
            output: `export function touch(id: string) {
  return loadUser(id).then(async (user) => await save(user)).then(() => 'touched');
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Mixing `await` with a callback that awaits nothing.
    code: `export async function register(id: string) {
  await loadUser(id).then((user) => {
    save(user);
  });
  await notify(id);
}
${api}`,
    errors: [
      {
        messageId: 'awaitDoesNotWait',
        line: 2,
        column: 3,
        suggestions: [
          {
            messageId: 'suggestReturn',
            output: `export async function register(id: string) {
  await loadUser(id).then((user) => {
    return save(user);
  });
  await notify(id);
}
${api}`,
          },
          {
            messageId: 'suggestAwait',
            output: `export async function register(id: string) {
  await loadUser(id).then(async (user) => {
    await save(user);
  });
  await notify(id);
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export function refresh(id: string) {
  return loadUser(id).then(function (user) {
    save(user);
  });
}
${api}`,
    errors: [
      {
        messageId: 'returnDoesNotWait',
        line: 2,
        column: 23,
        suggestions: [
          {
            messageId: 'suggestReturn',
            output: `export function refresh(id: string) {
  return loadUser(id).then(function (user) {
    return save(user);
  });
}
${api}`,
          },
          {
            messageId: 'suggestAwait',
            output: `export function refresh(id: string) {
  return loadUser(id).then(async function (user) {
    await save(user);
  });
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export const reload = (id: string) =>
  loadUser(id).catch(() => {
    notify(id);
  });
${api}`,
    errors: [
      {
        messageId: 'returnDoesNotWait',
        line: 2,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestReturn',
            output: `export const reload = (id: string) =>
  loadUser(id).catch(() => {
    return notify(id);
  });
${api}`,
          },
          {
            messageId: 'suggestAwait',
            output: `export const reload = (id: string) =>
  loadUser(id).catch(async () => {
    await notify(id);
  });
${api}`,
          },
        ],
      },
    ],
  },
  {
    // A nested chain, not returned: flattening moves its steps onto the outer chain.
    code: `export function report(id: string) {
  loadUser(id)
    .then((user) => {
      loadOrders(user.id).then((orders) => console.log(orders.length));
    })
    .catch((error: unknown) => console.error(error));
}
${api}`,
    errors: [
      {
        messageId: 'nestedChain',
        line: 4,
        column: 27,
        suggestions: [
          {
            messageId: 'suggestReturn',
            output: `export function report(id: string) {
  loadUser(id)
    .then((user) => {
      return loadOrders(user.id).then((orders) => console.log(orders.length));
    })
    .catch((error: unknown) => console.error(error));
}
${api}`,
          },
          {
            messageId: 'suggestFlatten',
            output: `export function report(id: string) {
  loadUser(id)
    .then((user) => {
      return loadOrders(user.id);
    }).then((orders) => console.log(orders.length))
    .catch((error: unknown) => console.error(error));
}
${api}`,
          },
          {
            messageId: 'suggestAwait',
            output: `export function report(id: string) {
  loadUser(id)
    .then(async (user) => {
      await loadOrders(user.id).then((orders) => console.log(orders.length));
    })
    .catch((error: unknown) => console.error(error));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // The nested steps use `user`: they cannot move out, so only `return` is offered.
    code: `export function summary(id: string) {
  return loadUser(id).then((user) => {
    loadOrders(user.id).then((orders) => console.log(user.name, orders.length));
  });
}
${api}`,
    errors: [
      {
        messageId: 'nestedChain',
        line: 3,
        column: 25,
        suggestions: [
          {
            messageId: 'suggestReturn',
            output: `export function summary(id: string) {
  return loadUser(id).then((user) => {
    return loadOrders(user.id).then((orders) => console.log(user.name, orders.length));
  });
}
${api}`,
          },
          {
            messageId: 'suggestAwait',
            output: `export function summary(id: string) {
  return loadUser(id).then(async (user) => {
    await loadOrders(user.id).then((orders) => console.log(user.name, orders.length));
  });
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // A nested chain with its own handler, but the outer chain goes on before it finishes.
    code: `export function digest(id: string) {
  return loadUser(id)
    .then((user) => {
      loadOrders(user.id)
        .then((orders) => console.log(orders.length))
        .catch((error: unknown) => console.error(error));
      console.log('loading orders');
    })
    .then(() => console.log('digest sent'));
}
${api}`,
    errors: [
      {
        messageId: 'nestedChain',
        line: 5,
        column: 10,
        suggestions: [
          {
            messageId: 'suggestAwait',
            output: `export function digest(id: string) {
  return loadUser(id)
    .then(async (user) => {
      await loadOrders(user.id)
        .then((orders) => console.log(orders.length))
        .catch((error: unknown) => console.error(error));
      console.log('loading orders');
    })
    .then(() => console.log('digest sent'));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // The next step reads a value the callback computes but never returns.
    code: `export function names(id: string) {
  return loadOrders(id)
    .then((orders) => {
      orders.map((order) => order.total);
    })
    .then((totals) => console.log(totals));
}
${api}`,
    errors: [
      {
        messageId: 'valueNotReturned',
        line: 6,
        column: 12,
        suggestions: [
          {
            messageId: 'suggestReturnValue',
            output: `export function names(id: string) {
  return loadOrders(id)
    .then((orders) => {
      return orders.map((order) => order.total);
    })
    .then((totals) => console.log(totals));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export function teamOf(id: string) {
  return loadUser(id)
    .then((user) => {
      const team = { id: user.teamId };
    })
    .then((team) => console.log(team));
}
${api}`,
    errors: [
      {
        messageId: 'valueNotReturned',
        line: 6,
        column: 12,
        suggestions: [
          {
            messageId: 'suggestReturnValue',
            output: `export function teamOf(id: string) {
  return loadUser(id)
    .then((user) => {
      const team = { id: user.teamId };
      return team;
    })
    .then((team) => console.log(team));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Destructuring `undefined` throws in the next step.
    code: `export function greet(id: string) {
  return loadUser(id)
    .then((user) => {
      console.log('loaded', user.id);
    })
    .then(({ name }) => console.log(\`Hello \${name}\`));
}
${api}`,
    errors: [
      {
        messageId: 'valueNotReturned',
        line: 6,
        column: 12,
        suggestions: [],
      },
    ],
  },
  {
    code: `export async function totals(id: string) {
  const sums = await loadOrders(id).then((orders) => {
    orders.reduce((sum, order) => sum + order.total, 0);
  });
  return sums;
}
${api}`,
    errors: [
      {
        messageId: 'awaitedValueNotReturned',
        line: 2,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestReturnValue',
            output: `export async function totals(id: string) {
  const sums = await loadOrders(id).then((orders) => {
    return orders.reduce((sum, order) => sum + order.total, 0);
  });
  return sums;
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // A promise where a callback belongs: `save` runs now, and its rejection is unhandled.
    code: `export function persist(id: string, record: { id: string }) {
  return loadUser(id).then(save(record)).catch((error: unknown) => console.error(error));
}
${api}`,
    errors: [
      {
        messageId: 'promiseAsCallback',
        line: 2,
        column: 28,
        suggestions: [
          {
            messageId: 'suggestCallback',
            output: `export function persist(id: string, record: { id: string }) {
  return loadUser(id).then(() => save(record)).catch((error: unknown) => console.error(error));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `const logger = { error: (...args: unknown[]) => console.error(...args) };
export function load(id: string) {
  return loadUser(id).catch(logger.error());
}
${api}`,
    errors: [
      {
        messageId: 'valueAsCallback',
        line: 3,
        column: 29,
        suggestions: [
          {
            messageId: 'suggestCallback',
            output: `const logger = { error: (...args: unknown[]) => console.error(...args) };
export function load(id: string) {
  return loadUser(id).catch((error) => logger.error(error));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `function logFailure(error?: unknown) {
  console.error('failed', error);
}
export function load(id: string) {
  return loadUser(id).then((user) => user.name, logFailure());
}
${api}`,
    errors: [
      {
        messageId: 'valueAsCallback',
        line: 5,
        column: 49,
        suggestions: [
          {
            messageId: 'suggestCallback',
            output: `function logFailure(error?: unknown) {
  console.error('failed', error);
}
export function load(id: string) {
  return loadUser(id).then((user) => user.name, () => logFailure());
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export function load(id: string) {
  return loadUser(id).finally(console.log('done'));
}
${api}`,
    errors: [
      {
        messageId: 'valueAsCallback',
        line: 2,
        column: 31,
        suggestions: [
          {
            messageId: 'suggestCallback',
            output: `export function load(id: string) {
  return loadUser(id).finally(() => console.log('done'));
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // Pre-arrow code binds `this`: the bound function is still the callback.
    code: `export class Profile {
  id = 'u1';
  refresh() {
    return loadUser(this.id)
      .then(function (this: Profile, user: { id: string }) {
        save(user);
      }.bind(this))
      .then(() => console.log('refreshed'));
  }
}
${api}`,
    errors: [
      {
        messageId: 'nextStepRunsEarly',
        line: 8,
        column: 8,
        suggestions: [
          {
            messageId: 'suggestReturn',
            output: `export class Profile {
  id = 'u1';
  refresh() {
    return loadUser(this.id)
      .then(function (this: Profile, user: { id: string }) {
        return save(user);
      }.bind(this))
      .then(() => console.log('refreshed'));
  }
}
${api}`,
          },
          {
            messageId: 'suggestAwait',
            output: `export class Profile {
  id = 'u1';
  refresh() {
    return loadUser(this.id)
      .then(async function (this: Profile, user: { id: string }) {
        await save(user);
      }.bind(this))
      .then(() => console.log('refreshed'));
  }
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    // A method of the same class that returns nothing: its call runs now and gives `.then` no function.
    code: `export class Page {
  render() {
    console.log('rendered');
  }
  load(id: string) {
    return loadUser(id).then(this.render());
  }
}
${api}`,
    errors: [
      {
        messageId: 'valueAsCallback',
        line: 6,
        column: 30,
        suggestions: [
          {
            messageId: 'suggestCallback',
            output: `export class Page {
  render() {
    console.log('rendered');
  }
  load(id: string) {
    return loadUser(id).then(() => this.render());
  }
}
${api}`,
          },
        ],
      },
    ],
  },
  {
    code: `export function later(id: string, next: () => void) {
  return loadUser(id).then(setTimeout(next, 10));
}
${api}`,
    errors: [
      {
        messageId: 'valueAsCallback',
        line: 2,
        column: 28,
        suggestions: [
          {
            messageId: 'suggestCallback',
            output: `export function later(id: string, next: () => void) {
  return loadUser(id).then(() => setTimeout(next, 10));
}
${api}`,
          },
        ],
      },
    ],
  },
];

/** Only the checker knows that `api.refresh()` is a promise. */
const declaredPromise = `declare const api: Record<string, () => Promise<void>>;
export function tick() {
  return Promise.resolve()
    .then(() => {
      api.refresh();
    })
    .then(() => console.log('refreshed'));
}
`;

/** Only the checker knows that `notifyAll()` gives `void`. */
const declaredVoid = `declare function notifyAll(): void;
export function load(url: string) {
  return fetch(url).catch(notifyAll());
}
`;

/** `response.json()`: the first parameter of `fetch(...).then(...)` is the response, in both modes. */
const responseJson = `export function loadUser(url: string) {
  return fetch(url)
    .then((response) => {
      response.json();
    })
    .then((user) => console.log(user));
}
`;

const typedOnlyInvalid: Invalid[] = [
  {
    code: declaredPromise,
    errors: [
      {
        messageId: 'nextStepRunsEarly',
        line: 7,
        column: 6,
        suggestions: [
          {
            messageId: 'suggestReturn',
            output: declaredPromise.replace('      api.refresh();', '      return api.refresh();'),
          },
          {
            messageId: 'suggestAwait',
            output: declaredPromise.replace('.then(() => {\n      api.refresh();', '.then(async () => {\n      await api.refresh();'),
          },
        ],
      },
    ],
  },
  {
    code: declaredVoid,
    errors: [
      {
        messageId: 'valueAsCallback',
        line: 3,
        column: 27,
        suggestions: [{ messageId: 'suggestCallback', output: declaredVoid.replace('.catch(notifyAll())', '.catch(() => notifyAll())') }],
      },
    ],
  },
];

const untypedOnlyValid: Valid[] = [declaredPromise, declaredVoid];

const fetchResponseCases: Invalid[] = [
  {
    code: responseJson,
    errors: [
      {
        messageId: 'nextStepRunsEarly',
        line: 6,
        column: 6,
        suggestions: [
          {
            messageId: 'suggestReturn',
            output: responseJson.replace('      response.json();', '      return response.json();'),
          },
          {
            messageId: 'suggestAwait',
            output: responseJson.replace('.then((response) => {\n      response.json();', '.then(async (response) => {\n      await response.json();'),
          },
        ],
      },
    ],
  },
];


/** Plain JavaScript through ESLint's default parser (espree), as JS-only users run it. */
const commonjs = { parser: espree, sourceType: 'commonjs' as const, parserOptions: { sourceType: 'script' as const } };
const javascript = {
  valid: [
    {
      code: `async function loadUser(id) { return { id }; }
async function save(user) { return user; }
function rename(id) {
  return loadUser(id)
    .then(function (user) { return save(user); })
    .then(function () { console.log('saved'); });
}
module.exports = { rename };
`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      code: `async function loadUser(id) { return { id }; }
async function save(user) { return user; }
function rename(id) {
  return loadUser(id)
    .then(function (user) { save(user); })
    .then(function () { console.log('saved'); });
}
module.exports = { rename };
`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'nextStepRunsEarly' as const,
          line: 6,
          column: 6,
          suggestions: [
            {
              messageId: 'suggestReturn' as const,
              output: `async function loadUser(id) { return { id }; }
async function save(user) { return user; }
function rename(id) {
  return loadUser(id)
    .then(function (user) { return save(user); })
    .then(function () { console.log('saved'); });
}
module.exports = { rename };
`,
            },
            {
              messageId: 'suggestAwait' as const,
              output: `async function loadUser(id) { return { id }; }
async function save(user) { return user; }
function rename(id) {
  return loadUser(id)
    .then(async function (user) { await save(user); })
    .then(function () { console.log('saved'); });
}
module.exports = { rename };
`,
            },
          ],
        },
      ],
    },
    {
      // A module without types: the nested `.then` is a promise chain by its shape.
      code: `var api = require('./api');
function showTeam(id) {
  return api.getUser(id).then(function (user) {
    api.getTeam(user.teamId).then(function (team) { console.log(team.name); });
  });
}
module.exports = { showTeam };
`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'nestedChain' as const,
          line: 4,
          column: 30,
          suggestions: [
            { messageId: 'suggestReturn' as const, output: `var api = require('./api');
function showTeam(id) {
  return api.getUser(id).then(function (user) {
    return api.getTeam(user.teamId).then(function (team) { console.log(team.name); });
  });
}
module.exports = { showTeam };
` },
            { messageId: 'suggestFlatten' as const, output: `var api = require('./api');
function showTeam(id) {
  return api.getUser(id).then(function (user) {
    return api.getTeam(user.teamId);
  }).then(function (team) { console.log(team.name); });
}
module.exports = { showTeam };
` },
            { messageId: 'suggestAwait' as const, output: `var api = require('./api');
function showTeam(id) {
  return api.getUser(id).then(async function (user) {
    await api.getTeam(user.teamId).then(function (team) { console.log(team.name); });
  });
}
module.exports = { showTeam };
` },
          ],
        },
      ],
    },
  ],
};

createRuleTester({ typed: false }).run('no-broken-promise-chain (untyped)', rule, {
  valid: cloneCases([...valid, ...untypedOnlyValid]),
  invalid: cloneCases([...invalid, ...fetchResponseCases]),
});

createRuleTester({ typed: true }).run('no-broken-promise-chain (typed)', rule, {
  valid: cloneCases(valid),
  invalid: cloneCases([...invalid, ...fetchResponseCases, ...typedOnlyInvalid]),
});

createRuleTester({ typed: false }).run('no-broken-promise-chain (JavaScript)', rule, javascript);
